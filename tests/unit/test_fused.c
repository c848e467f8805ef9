/* tests/unit/test_fused.c — the assembler's fused operand instructions
 * (interp/eval_fused.h): which sequences it fuses, that only the first word
 * changes, that other shapes stay as written, and that
 * ft_compiler_fuse_operands = 0 (FTPY_NO_FUSED) turns it off. What they
 * compute is checked against CPython by tests/lang/fused_operands.py.
 */
#include <CUnit/Basic.h>

#include "interp/code.h"
#include "interp/compiler.h"
#include "interp/opcode.h"
#include "interp/parser.h"
#include "objects/object.h"

/* The code object of the first function defined by src (new reference),
 * compiled with fusion on or off; NULL on failure. */
static FtCodeObject *function_code(const char *src, int fuse)
{
    int saved = ft_compiler_fuse_operands;
    FtArena *arena = ft_arena_new();
    FtAstModule *mod = arena ? ft_parse(arena, src, "<test>", FT_PARSE_FILE) : NULL;
    /* Single-threaded here, so flipping the switch for one compile is safe. */
    ft_compiler_fuse_operands = fuse;
    FtObject *module = mod ? ft_compile(mod, "<test>", FT_PARSE_FILE) : NULL;
    ft_compiler_fuse_operands = saved;
    if (arena != NULL)
        ft_arena_free(arena);
    FtCodeObject *found = NULL;
    if (module != NULL) {
        FtObject *consts = ((FtCodeObject *)module)->co_consts;
        for (ssize_t i = 0; i < FT_TUPLE_SIZE(consts) && found == NULL; i++)
            if (FT_CODE_CHECK(FT_TUPLE_GET(consts, i)))
                found = (FtCodeObject *)FT_NEWREF(FT_TUPLE_GET(consts, i));
        FT_DECREF(module);
    }
    if (found == NULL)
        ft_err_clear();
    return found;
}

/* The index of the first instruction at or after start with this opcode
 * (cache words skipped), or -1. */
static ssize_t find_op(FtCodeObject *co, int op, ssize_t start)
{
    for (ssize_t i = start; i < co->co_ncode; i++) {
        int o = FT_OP(co->co_code[i]);
        if (o == op)
            return i;
        if (o < FT_OPCODE__COUNT && ft_opcode_has_cache[o])
            i++;
    }
    return -1;
}

/* How many instructions of co have this opcode. */
static int count_op(FtCodeObject *co, int op)
{
    int n = 0, width = 1 + ft_opcode_has_cache[op];
    for (ssize_t i = find_op(co, op, 0); i >= 0;
         i = find_op(co, op, i + width))
        n++;
    return n;
}

static void test_each_consumer_is_fused(void)
{
    FtCodeObject *co = function_code("def f(a, b, s):\n"
                                     "    x = a + 1\n"
                                     "    a -= b\n"
                                     "    if a < b:\n"
                                     "        x = s[a]\n"
                                     "    return x\n",
                                     1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(co);
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_LOAD_FAST_BINARY), 2);
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_LOAD_FAST_COMPARE), 1);
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_LOAD_FAST_SUBSCR), 1);
    /* The words after a fused one are the plain instructions. */
    ssize_t i = find_op(co, FT_OPC_LOAD_FAST_BINARY, 0);
    CU_ASSERT_FATAL(i >= 0 && i + 2 < co->co_ncode);
    CU_ASSERT_EQUAL(FT_OP(co->co_code[i + 1]), FT_OPC_LOAD_CONST);
    CU_ASSERT_EQUAL(FT_OP(co->co_code[i + 2]), FT_OPC_BINARY_OP);
    CU_ASSERT_EQUAL(FT_ARG(co->co_code[i + 2]), FT_OP_ADD);
    FT_DECREF(co);
}

static void test_attributes_of_locals_fuse(void)
{
    FtCodeObject *co = function_code("def f(a, v):\n"
                                     "    a.y = v\n"
                                     "    g.z = v\n"
                                     "    return a.x + g.x\n",
                                     1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(co);
    /* Owners that are locals, not globals. */
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_LOAD_FAST_STORE_ATTR), 1);
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_LOAD_FAST_ATTR), 1);
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_STORE_ATTR), 2);
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_LOAD_ATTR), 2);
    /* The attribute instruction and its cache word follow unchanged. */
    ssize_t i = find_op(co, FT_OPC_LOAD_FAST_ATTR, 0);
    CU_ASSERT_FATAL(i >= 0 && i + 1 < co->co_ncode);
    CU_ASSERT_EQUAL(FT_OP(co->co_code[i + 1]), FT_OPC_LOAD_ATTR);
    FtCodeObject *plain = function_code("def f(a):\n    return a.x\n", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(plain);
    CU_ASSERT_EQUAL(count_op(plain, FT_OPC_LOAD_FAST_ATTR), 0);
    FT_DECREF(plain);
    FT_DECREF(co);
}

static void test_same_code_unfused(void)
{
    const char *src = "def f(a, b):\n    return a + b < a * 2\n";
    FtCodeObject *fused = function_code(src, 1);
    FtCodeObject *plain = function_code(src, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fused);
    CU_ASSERT_PTR_NOT_NULL_FATAL(plain);
    CU_ASSERT_EQUAL_FATAL(fused->co_ncode, plain->co_ncode);
    int differ = 0;
    for (ssize_t i = 0; i < plain->co_ncode; i++) {
        ft_codeunit p = plain->co_code[i], q = fused->co_code[i];
        if (p == q)
            continue;
        differ++;
        /* Only LOAD_FAST words change, and only their opcode. */
        CU_ASSERT_EQUAL(FT_OP(p), FT_OPC_LOAD_FAST);
        CU_ASSERT_EQUAL(FT_ARG(p), FT_ARG(q));
    }
    CU_ASSERT_EQUAL(differ, 2); /* a + b and a * 2 */
    CU_ASSERT_EQUAL(count_op(plain, FT_OPC_LOAD_FAST_BINARY), 0);
    FT_DECREF(fused);
    FT_DECREF(plain);
}

static void test_other_shapes_stay(void)
{
    /* A constant first, a global second, a call or an attribute in
     * between: nothing to fuse. */
    FtCodeObject *co = function_code("def f(a):\n"
                                     "    return [5 * a, a + g, a + len(a),"
                                     " a.x + 1, a(1)]\n",
                                     1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(co);
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_LOAD_FAST_BINARY), 0);
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_LOAD_FAST_COMPARE), 0);
    CU_ASSERT_EQUAL(count_op(co, FT_OPC_LOAD_FAST_SUBSCR), 0);
    FT_DECREF(co);
}

void test_register_fused(void)
{
    CU_pSuite s = CU_add_suite("fused", NULL, NULL);
    CU_add_test(s, "binary, in-place, compare and subscript fuse",
                test_each_consumer_is_fused);
    CU_add_test(s, "attribute loads and stores on locals fuse",
                test_attributes_of_locals_fuse);
    CU_add_test(s, "only the LOAD_FAST word changes; off when disabled",
                test_same_code_unfused);
    CU_add_test(s, "other operand shapes stay as written",
                test_other_shapes_stay);
}
