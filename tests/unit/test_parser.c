/* tests/unit/test_parser.c — the parser: node kinds and positions,
 * precedence (-2**2, chained comparisons), targets and their contexts,
 * f-strings, the eval mode, syntax errors with CPython's type, message and
 * line, and the REPL's incomplete-input check.
 */
#include <CUnit/Basic.h>
#include <string.h>

#include "objects/object.h"
#include "interp/parser.h"

/* Parses src in FT_PARSE_FILE mode into *arena; NULL on error. */
static FtAstModule *parse(FtArena **arena, const char *src, int mode)
{
    *arena = ft_arena_new();
    if (*arena == NULL)
        return NULL;
    return ft_parse(*arena, src, "<test>", mode);
}

/* The single statement of a one-statement module. */
static FtAstStmt *only_stmt(FtAstModule *m)
{
    return m != NULL && m->body.n == 1 ? m->body.items[0] : NULL;
}

static int is_int(FtAstExpr *e, int64_t v)
{
    return e != NULL && e->kind == FT_EXPR_CONSTANT &&
           FT_INT_CHECK_EXACT(e->v.constant.value) &&
           ft_int_value(e->v.constant.value) == v;
}

static int is_name(FtAstExpr *e, const char *id, FtAstCtx ctx)
{
    return e != NULL && e->kind == FT_EXPR_NAME &&
           strcmp(e->v.name.id, id) == 0 && e->v.name.ctx == ctx;
}

/* 1 if the raised exception is a `type` with this msg and lineno; clears. */
static int syntax_error_is(FtType *type, const char *msg, int lineno)
{
    FtObject *exc = ft_err_fetch();
    if (exc == NULL)
        return 0;
    int ok = ft_exc_matches(exc, (FtObject *)type) == 1;
    FtObject *m = ft_object_getattr_str(exc, "msg");
    FtObject *l = ft_object_getattr_str(exc, "lineno");
    ok = ok && m != NULL && FT_STR_CHECK(m) && strcmp(ft_str_cstr(m), msg) == 0;
    ok = ok && l != NULL && FT_INT_CHECK(l) && ft_int_value(l) == lineno;
    if (m == NULL || l == NULL)
        ft_err_clear();
    FT_XDECREF(m);
    FT_XDECREF(l);
    FT_DECREF(exc);
    return ok;
}

static void test_power_binds_tighter_than_minus(void)
{
    FtArena *a;
    FtAstStmt *s = only_stmt(parse(&a, "x = -2**2\n", FT_PARSE_FILE));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(s->kind, FT_STMT_ASSIGN);
    CU_ASSERT_EQUAL(s->v.assign.targets.n, 1);
    CU_ASSERT(is_name(s->v.assign.targets.items[0], "x", FT_CTX_STORE));
    FtAstExpr *v = s->v.assign.value;
    CU_ASSERT_EQUAL_FATAL(v->kind, FT_EXPR_UNARYOP);
    CU_ASSERT_EQUAL(v->v.unaryop.op, FT_UOP_NEG);
    FtAstExpr *pw = v->v.unaryop.operand;
    CU_ASSERT_EQUAL_FATAL(pw->kind, FT_EXPR_BINOP);
    CU_ASSERT_EQUAL(pw->v.binop.op, FT_OP_POW);
    CU_ASSERT(is_int(pw->v.binop.left, 2));
    CU_ASSERT(is_int(pw->v.binop.right, 2));
    /* positions: 1-based line, 0-based byte columns */
    CU_ASSERT_EQUAL(v->lineno, 1);
    CU_ASSERT_EQUAL(v->col, 4);
    CU_ASSERT_EQUAL(v->end_col, 9);
    CU_ASSERT_EQUAL(pw->col, 5);
    ft_arena_free(a);
}

static void test_power_right_assoc_and_unary_exponent(void)
{
    FtArena *a;
    FtAstModule *m = parse(&a, "2 ** -1 ** 3\n", FT_PARSE_EVAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    FtAstExpr *e = m->expr;
    CU_ASSERT_EQUAL_FATAL(e->kind, FT_EXPR_BINOP);
    CU_ASSERT(is_int(e->v.binop.left, 2));
    FtAstExpr *r = e->v.binop.right; /* -(1 ** 3) */
    CU_ASSERT_EQUAL_FATAL(r->kind, FT_EXPR_UNARYOP);
    CU_ASSERT_EQUAL(r->v.unaryop.operand->kind, FT_EXPR_BINOP);
    ft_arena_free(a);
}

static void test_precedence_eval_mode(void)
{
    FtArena *a;
    FtAstModule *m = parse(&a, "1 + 2 * 3 - 4", FT_PARSE_EVAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    FtAstExpr *e = m->expr; /* (1 + (2 * 3)) - 4 */
    CU_ASSERT_EQUAL_FATAL(e->kind, FT_EXPR_BINOP);
    CU_ASSERT_EQUAL(e->v.binop.op, FT_OP_SUB);
    CU_ASSERT(is_int(e->v.binop.right, 4));
    FtAstExpr *add = e->v.binop.left;
    CU_ASSERT_EQUAL_FATAL(add->kind, FT_EXPR_BINOP);
    CU_ASSERT_EQUAL(add->v.binop.op, FT_OP_ADD);
    CU_ASSERT_EQUAL(add->v.binop.right->kind, FT_EXPR_BINOP);
    CU_ASSERT_EQUAL(add->v.binop.right->v.binop.op, FT_OP_MUL);
    ft_arena_free(a);
}

static void test_chained_comparison(void)
{
    FtArena *a;
    FtAstStmt *s = only_stmt(parse(&a, "a < b <= c is not d not in e\n",
                                   FT_PARSE_FILE));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL_FATAL(s->kind, FT_STMT_EXPR);
    FtAstExpr *c = s->v.expr.value;
    CU_ASSERT_EQUAL_FATAL(c->kind, FT_EXPR_COMPARE);
    CU_ASSERT_EQUAL_FATAL(c->v.compare.n, 4);
    CU_ASSERT(is_name(c->v.compare.left, "a", FT_CTX_LOAD));
    CU_ASSERT_EQUAL(c->v.compare.ops[0], FT_CMP_LT);
    CU_ASSERT_EQUAL(c->v.compare.ops[1], FT_CMP_LE);
    CU_ASSERT_EQUAL(c->v.compare.ops[2], FT_CMP_IS_NOT);
    CU_ASSERT_EQUAL(c->v.compare.ops[3], FT_CMP_NOT_IN);
    CU_ASSERT(is_name(c->v.compare.comparators[3], "e", FT_CTX_LOAD));
    ft_arena_free(a);
}

static void test_targets_and_ctx(void)
{
    FtArena *a;
    FtAstStmt *s = only_stmt(parse(&a, "a, (b, *c) = d = e\n", FT_PARSE_FILE));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL_FATAL(s->kind, FT_STMT_ASSIGN);
    CU_ASSERT_EQUAL_FATAL(s->v.assign.targets.n, 2);
    FtAstExpr *t = s->v.assign.targets.items[0];
    CU_ASSERT_EQUAL_FATAL(t->kind, FT_EXPR_TUPLE);
    CU_ASSERT_EQUAL(t->v.list.ctx, FT_CTX_STORE);
    FtAstExpr *inner = t->v.list.elts.items[1];
    CU_ASSERT_EQUAL_FATAL(inner->kind, FT_EXPR_TUPLE);
    FtAstExpr *star = inner->v.list.elts.items[1];
    CU_ASSERT_EQUAL_FATAL(star->kind, FT_EXPR_STARRED);
    CU_ASSERT_EQUAL(star->v.starred.ctx, FT_CTX_STORE);
    CU_ASSERT(is_name(star->v.starred.value, "c", FT_CTX_STORE));
    CU_ASSERT(is_name(s->v.assign.targets.items[1], "d", FT_CTX_STORE));
    CU_ASSERT(is_name(s->v.assign.value, "e", FT_CTX_LOAD));
    ft_arena_free(a);

    s = only_stmt(parse(&a, "del x[0], y.z\n", FT_PARSE_FILE));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL_FATAL(s->kind, FT_STMT_DELETE);
    CU_ASSERT_EQUAL_FATAL(s->v.del.targets.n, 2);
    CU_ASSERT_EQUAL(s->v.del.targets.items[0]->v.subscript.ctx, FT_CTX_DEL);
    CU_ASSERT_EQUAL(s->v.del.targets.items[1]->v.attribute.ctx, FT_CTX_DEL);
    ft_arena_free(a);
}

static void test_function_def(void)
{
    FtArena *a;
    FtAstStmt *s = only_stmt(parse(
        &a, "@dec\ndef f(p, /, a, b=1, *args, c, d=2, **kw) -> int:\n"
            "    return a\n",
        FT_PARSE_FILE));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL_FATAL(s->kind, FT_STMT_FUNCTIONDEF);
    CU_ASSERT_STRING_EQUAL(s->v.functiondef.name, "f");
    CU_ASSERT_EQUAL(s->lineno, 2); /* the def line, not the decorator's */
    CU_ASSERT_EQUAL(s->v.functiondef.decorators.n, 1);
    FtAstArguments *args = s->v.functiondef.args;
    CU_ASSERT_EQUAL(args->n_posonly, 1);
    CU_ASSERT_EQUAL(args->n_args, 3);
    CU_ASSERT_EQUAL(args->defaults.n, 1);
    CU_ASSERT_PTR_NOT_NULL(args->vararg);
    CU_ASSERT_EQUAL_FATAL(args->n_kwonly, 2);
    CU_ASSERT_PTR_NULL(args->kw_defaults[0]);
    CU_ASSERT(is_int(args->kw_defaults[1], 2));
    CU_ASSERT_STRING_EQUAL(args->kwarg->name, "kw");
    CU_ASSERT_PTR_NOT_NULL(s->v.functiondef.returns);
    CU_ASSERT_EQUAL_FATAL(s->v.functiondef.body.n, 1);
    CU_ASSERT_EQUAL(s->v.functiondef.body.items[0]->kind, FT_STMT_RETURN);
    ft_arena_free(a);
}

static void test_fstring(void)
{
    FtArena *a;
    FtAstModule *m = parse(&a, "f'a{x!r:>{w}}b' 'c'", FT_PARSE_EVAL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    FtAstExpr *j = m->expr;
    CU_ASSERT_EQUAL_FATAL(j->kind, FT_EXPR_JOINED_STR);
    CU_ASSERT_EQUAL_FATAL(j->v.joined.values.n, 3);
    FtAstExpr *fv = j->v.joined.values.items[1];
    CU_ASSERT_EQUAL_FATAL(fv->kind, FT_EXPR_FORMATTED_VALUE);
    CU_ASSERT(is_name(fv->v.formatted.value, "x", FT_CTX_LOAD));
    CU_ASSERT_EQUAL(fv->v.formatted.conversion, 'r');
    FtAstExpr *spec = fv->v.formatted.format_spec;
    CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
    CU_ASSERT_EQUAL(spec->kind, FT_EXPR_JOINED_STR);
    CU_ASSERT_EQUAL(spec->v.joined.values.n, 2);
    FtAstExpr *tail = j->v.joined.values.items[2]; /* "b" "c" merged */
    CU_ASSERT_EQUAL_FATAL(tail->kind, FT_EXPR_CONSTANT);
    CU_ASSERT(ft_str_eq_cstr(tail->v.constant.value, "bc"));
    /* the expression keeps its real column */
    CU_ASSERT_EQUAL(fv->v.formatted.value->col, 4);
    ft_arena_free(a);
}

static void test_constants_owned_by_arena(void)
{
    FtArena *a;
    FtAstStmt *s = only_stmt(parse(&a, "x = 123456789 + 1.5\n", FT_PARSE_FILE));
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    FtAstExpr *sum = s->v.assign.value;
    CU_ASSERT(is_int(sum->v.binop.left, 123456789));
    FtObject *f = sum->v.binop.right->v.constant.value;
    CU_ASSERT(FT_FLOAT_CHECK_EXACT(f));
    CU_ASSERT_DOUBLE_EQUAL(FT_FLOAT_VALUE(f), 1.5, 0.0);
    CU_ASSERT_EQUAL(ft_refcnt(f), 1); /* the arena's reference only */
    ft_arena_free(a);
}

static void test_syntax_errors(void)
{
    FtArena *a;
    CU_ASSERT_PTR_NULL(parse(&a, "x = 1\nif x > 1\n    pass\n", FT_PARSE_FILE));
    CU_ASSERT(syntax_error_is(FtExc_SyntaxError, "expected ':'", 2));
    ft_arena_free(a);

    CU_ASSERT_PTR_NULL(parse(&a, "x = 1\n    y = 2\n", FT_PARSE_FILE));
    CU_ASSERT(syntax_error_is(FtExc_IndentationError, "unexpected indent", 2));
    ft_arena_free(a);

    CU_ASSERT_PTR_NULL(parse(&a, "if x:\npass\n", FT_PARSE_FILE));
    CU_ASSERT(syntax_error_is(FtExc_IndentationError,
                              "expected an indented block after 'if' "
                              "statement on line 1",
                              2));
    ft_arena_free(a);

    CU_ASSERT_PTR_NULL(parse(&a, "s = 'abc\n", FT_PARSE_FILE));
    CU_ASSERT(syntax_error_is(FtExc_SyntaxError,
                              "unterminated string literal (detected at "
                              "line 1)",
                              1));
    ft_arena_free(a);

    CU_ASSERT_PTR_NULL(parse(&a, "x = [1,\n 2\n", FT_PARSE_FILE));
    CU_ASSERT(syntax_error_is(FtExc_SyntaxError, "'[' was never closed", 1));
    ft_arena_free(a);

    CU_ASSERT_PTR_NULL(parse(&a, "f() = 1\n", FT_PARSE_FILE));
    CU_ASSERT(syntax_error_is(FtExc_SyntaxError,
                              "cannot assign to function call here. Maybe "
                              "you meant '==' instead of '='?",
                              1));
    ft_arena_free(a);

    CU_ASSERT_PTR_NULL(parse(&a, "x = = 1\n", FT_PARSE_FILE));
    CU_ASSERT(syntax_error_is(FtExc_SyntaxError, "invalid syntax", 1));
    ft_arena_free(a);
}

static void test_incomplete(void)
{
    CU_ASSERT_EQUAL(ft_parse_is_incomplete("if x:\n"), 1);
    CU_ASSERT_EQUAL(ft_parse_is_incomplete("if x:\n    y = 1\n"), 1);
    CU_ASSERT_EQUAL(ft_parse_is_incomplete("if x:\n    y = 1\n\n"), 0);
    CU_ASSERT_EQUAL(ft_parse_is_incomplete("x = (1,\n"), 1);
    CU_ASSERT_EQUAL(ft_parse_is_incomplete("s = '''abc\n"), 1);
    CU_ASSERT_EQUAL(ft_parse_is_incomplete("x = 1 + \\\n"), 1);
    CU_ASSERT_EQUAL(ft_parse_is_incomplete("x = 1\n"), 0);
    CU_ASSERT_EQUAL(ft_parse_is_incomplete("x = )\n"), 0);
    CU_ASSERT_PTR_NULL(ft_err_occurred());
}

void test_register_parser(void)
{
    CU_pSuite s = CU_add_suite("parser", NULL, NULL);
    CU_add_test(s, "-2**2 is -(2**2)", test_power_binds_tighter_than_minus);
    CU_add_test(s, "** is right-associative",
                test_power_right_assoc_and_unary_exponent);
    CU_add_test(s, "arithmetic precedence", test_precedence_eval_mode);
    CU_add_test(s, "chained comparison", test_chained_comparison);
    CU_add_test(s, "targets and ctx", test_targets_and_ctx);
    CU_add_test(s, "def with every parameter kind", test_function_def);
    CU_add_test(s, "f-string", test_fstring);
    CU_add_test(s, "constants owned by the arena",
                test_constants_owned_by_arena);
    CU_add_test(s, "syntax errors", test_syntax_errors);
    CU_add_test(s, "incomplete input", test_incomplete);
}
