/* tests/unit/unit.h — the CUnit suites of the object layer; each
 * tests/unit/test_NAME.c registers one suite. */
#ifndef FT_TESTS_UNIT_H
#define FT_TESTS_UNIT_H

#include <CUnit/Basic.h>

#include "objects/object.h"

#define FT_UNIT_SUITES(X)                                                      \
    X(parser) X(types) X(gil) X(int) X(bigint) X(float) X(str) X(bytes) X(list) X(tuple) X(dict) \
    X(set) X(random) \
    X(nameset) X(refcount) X(lock) X(qsbr) X(fused) X(deferred) /* deferred last: it starts "threads" */

#define FT_UNIT_DECLARE_(name) void test_register_##name(void);
FT_UNIT_SUITES(FT_UNIT_DECLARE_)
#undef FT_UNIT_DECLARE_

/* Runs src in a fresh module; its global `out` (a new reference), or NULL
 * with the error printed (tests/unit/probe.c). */
FtObject *ft_unit_run_out(const char *src);

#endif
