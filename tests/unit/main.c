/* tests/unit/main.c — runs every CUnit suite against an initialised
 * runtime; exits non-zero when any assertion failed. */
#include "tests/unit/unit.h"
#include "runtime/init.h"

#include <stdio.h>

int main(void)
{
    if (ft_runtime_init() < 0)
        return 2;
    if (CU_initialize_registry() != CUE_SUCCESS) {
        fprintf(stderr, "ftpy-unit: %s\n", CU_get_error_msg());
        return 2;
    }
#define FT_UNIT_REGISTER_(name) test_register_##name();
    FT_UNIT_SUITES(FT_UNIT_REGISTER_)
#undef FT_UNIT_REGISTER_
    if (CU_get_error() != CUE_SUCCESS) {
        fprintf(stderr, "ftpy-unit: %s\n", CU_get_error_msg());
        return 2;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    ft_runtime_fini();
    return (failed == 0 && run > 0) ? 0 : 1;
}
