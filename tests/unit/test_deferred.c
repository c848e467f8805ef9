/* tests/unit/test_deferred.c — shared, long-lived objects made immortal
 * when the first extra thread starts (objects/deferred.h): which objects
 * are recorded, that a recorded object deleted early leaves the registry,
 * what the first thread start makes immortal (marked objects, their parts,
 * module values one level deep, not finalizable objects), and that marked
 * objects made afterwards are immortal at once. In builds without deferred
 * objects, that nothing becomes immortal.
 *
 * The first thread start happens once per process, so this suite runs last
 * (tests/unit/unit.h) and does it in one test.
 */
#include <CUnit/Basic.h>

#include "interp/eval.h"
#include "interp/parser.h"
#include "objects/deferred.h"
#include "objects/object.h"
#include "runtime/qsbr.h"
#include "runtime/tstate.h"

static FtObject *module;

/* Runs src in the test module's namespace; 0 or -1 (error printed). */
static int run(const char *src)
{
    FtObject *r = ft_run_string(src, "<deferred>", FT_MODULE_DICT(module),
                                FT_PARSE_FILE);
    if (r == NULL) {
        ft_err_print();
        return -1;
    }
    FT_DECREF(r);
    return 0;
}

/* The module's global `name` (borrowed: the module keeps it). */
static FtObject *global(const char *name)
{
    FtObject *v = ft_dict_get_str(FT_MODULE_DICT(module), name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    FT_DECREF(v);
    return v;
}

static int immortal(const char *name) { return FT_IS_IMMORTAL(global(name)); }

#if FT_DEFERRED_ACTIVE
/* A quiescent state: what a dict deletion deferred (runtime/qsbr.h) is
 * released now. */
static void settle(void)
{
    for (int i = 0; i < 10 && ft_qsbr_pending() > 0; i++)
        ft_qsbr_poll(ft_tstate_get());
}
#endif

static void test_first_thread_start(void)
{
    module = ft_module_new("deferred_probe");
    CU_ASSERT_PTR_NOT_NULL_FATAL(module);
    CU_ASSERT_EQUAL_FATAL(
        run("class Plain:\n"
            "    def method(self): return 1\n"
            "class Finalized:\n"
            "    def __del__(self): pass\n"
            "def func(a=[1.5]): return a\n"
            "def outer():\n"
            "    def inner(): return 2\n"
            "    return inner\n"
            "closure = outer()\n"
            "table = {'k': [object()]}\n"
            "fin = Finalized()\n"
            "const = (1, (2, 'x'))\n"
            "def get_const(): return (1, (2, 'x'))\n"),
        0);
    /* Before the first thread: everything is counted. */
    CU_ASSERT_FALSE(immortal("Plain"));
    CU_ASSERT_FALSE(immortal("func"));
    CU_ASSERT_FALSE(immortal("table"));

#if FT_DEFERRED_ACTIVE
    /* A recorded function that dies before the first thread leaves the
     * registry. */
    size_t before = ft_deferred_recorded();
    CU_ASSERT_EQUAL_FATAL(run("def doomed(): pass\n"), 0);
    CU_ASSERT_EQUAL(ft_deferred_recorded(), before + 1);
    CU_ASSERT_EQUAL_FATAL(run("del doomed\n"), 0);
    settle();
    CU_ASSERT_EQUAL(ft_deferred_recorded(), before);
    /* Closures are never recorded. */
    CU_ASSERT_EQUAL_FATAL(run("tmp = outer()\ndel tmp\n"), 0);
    settle();
    CU_ASSERT_EQUAL(ft_deferred_recorded(), before);
#endif

    ft_deferred_threads_starting();
    CU_ASSERT_EQUAL_FATAL(run("def later(): pass\n"
                              "class Later: pass\n"
                              "later_list = []\n"
                              "later_closure = outer()\n"),
                          0);

#if FT_DEFERRED_ACTIVE
    CU_ASSERT(ft_deferred_immortalized() > 0);
    CU_ASSERT_EQUAL(ft_deferred_recorded(), 0);
    /* Marked objects and their parts. */
    CU_ASSERT(FT_IS_IMMORTAL(module));
    CU_ASSERT(FT_IS_IMMORTAL(FT_MODULE_DICT(module)));
    CU_ASSERT(immortal("Plain"));
    FtType *plain = (FtType *)global("Plain");
    CU_ASSERT(FT_IS_IMMORTAL(plain->tp_dict));
    CU_ASSERT(FT_IS_IMMORTAL(plain->tp_mro));
    FtObject *method = ft_dict_get_str(plain->tp_dict, "method");
    CU_ASSERT(method != NULL && FT_IS_IMMORTAL(method));
    FT_XDECREF(method);
    CU_ASSERT(immortal("func"));
    FtFunctionObject *fn = (FtFunctionObject *)global("func");
    CU_ASSERT(FT_IS_IMMORTAL(fn->code));
    CU_ASSERT(FT_IS_IMMORTAL(fn->defaults));
    CU_ASSERT(FT_IS_IMMORTAL(FT_TUPLE_GET(fn->defaults, 0)));
    /* A tuple constant, nested ones included, through the code object. */
    FtObject *c = ft_call0(global("get_const"));
    CU_ASSERT(c != NULL && FT_IS_IMMORTAL(c) &&
              FT_IS_IMMORTAL(FT_TUPLE_GET(c, 1)));
    FT_XDECREF(c);
    /* Module values, one level deep; finalizable objects stay counted. */
    CU_ASSERT(immortal("closure"));
    CU_ASSERT(immortal("table"));
    FtObject *inner_list = ft_dict_get_str(global("table"), "k");
    CU_ASSERT(inner_list != NULL && !FT_IS_IMMORTAL(inner_list));
    FT_XDECREF(inner_list);
    CU_ASSERT_FALSE(immortal("fin"));
    /* Marked objects made after it are immortal at once; other objects,
     * closures included, are counted. */
    CU_ASSERT(immortal("later"));
    CU_ASSERT(immortal("Later"));
    CU_ASSERT(FT_IS_IMMORTAL(((FtType *)global("Later"))->tp_dict));
    CU_ASSERT_FALSE(immortal("later_list"));
    CU_ASSERT_FALSE(immortal("later_closure"));
#else
    CU_ASSERT_EQUAL(ft_deferred_immortalized(), 0);
    CU_ASSERT_FALSE(immortal("Plain"));
    CU_ASSERT_FALSE(immortal("func"));
    CU_ASSERT_FALSE(immortal("table"));
    CU_ASSERT_FALSE(immortal("later"));
    CU_ASSERT_FALSE(immortal("Later"));
#endif
    /* Counted or not, the objects still work. */
    CU_ASSERT_EQUAL(run("assert func()[0] == 1.5\n"
                        "assert Plain().method() == 1\n"
                        "assert closure() == 2 and later_closure() == 2\n"
                        "assert get_const() == const\n"),
                    0);
    FT_CLEAR(module);
}

void test_register_deferred(void)
{
    CU_pSuite s = CU_add_suite("deferred", NULL, NULL);
    CU_add_test(s, "what the first thread start makes immortal",
                test_first_thread_start);
}
