/* interp/compiler_stmt.c — bytecode for statements (CPython 3.10's code
 * generation, with 2-value exception handlers): def and class, assignment
 * forms, control flow with break/continue/return unwinding through
 * try/finally and with blocks, exception handling, imports.
 */
#include "interp/compiler_internal.h"
#include "interp/unparse.h"

#include <string.h>

#define TRY(x)                                                                 \
    do {                                                                       \
        if ((x) < 0)                                                           \
            return -1;                                                         \
    } while (0)

FtObject *cc_docstring(FtAstStmtSeq *body)
{
    if (body->n == 0)
        return NULL;
    FtAstStmt *s = body->items[0];
    if (s->kind != FT_STMT_EXPR)
        return NULL;
    FtAstExpr *v = s->v.expr.value;
    if (v->kind != FT_EXPR_CONSTANT || !FT_STR_CHECK_EXACT(v->v.constant.value))
        return NULL;
    return v->v.constant.value;
}

int cc_visit_stmts(FtCompiler *c, FtAstStmtSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        TRY(cc_visit_stmt(c, seq->items[i]));
    return 0;
}

static int visit_exprs(FtCompiler *c, FtAstExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        TRY(cc_visit_expr(c, seq->items[i]));
    return 0;
}

/* ---- def and class ------------------------------------------------------ */

static int annotation_value(FtCompiler *c, FtAstExpr *ann);

/* Pushes the dict of a def's annotations ({name: value, 'return': value},
 * names mangled, in parameter order); returns 0x04 (the MAKE_FUNCTION
 * flag) if it did, 0 if there are none, -1 on error. */
static int function_annotations(FtCompiler *c, FtAstArguments *a,
                                FtAstExpr *returns)
{
    const FtAstArg *groups[] = {a ? a->args : NULL, a ? a->vararg : NULL,
                                a ? a->kwonly : NULL, a ? a->kwarg : NULL};
    int counts[] = {a ? a->n_args : 0, a && a->vararg != NULL,
                    a ? a->n_kwonly : 0, a && a->kwarg != NULL};
    int n = 0;
    for (int g = 0; g < 4; g++)
        for (int i = 0; i < counts[g]; i++)
            n += groups[g][i].annotation != NULL;
    if (n == 0 && returns == NULL)
        return 0;
    FtObject *keys = ft_tuple_new(n + (returns != NULL));
    if (keys == NULL)
        return -1;
    int k = 0;
    for (int g = 0; g < 4; g++) {
        for (int i = 0; i < counts[g]; i++) {
            const FtAstArg *arg = &groups[g][i];
            if (arg->annotation == NULL)
                continue;
            const char *m =
                ft_symtable_mangle(c->st, c->u->privname, arg->name);
            FtObject *key = m != NULL ? ft_str_intern_cstr(m) : NULL;
            if (key == NULL || annotation_value(c, arg->annotation) < 0) {
                FT_XDECREF(key);
                FT_DECREF(keys);
                return -1;
            }
            FT_TUPLE_SET(keys, k++, key);
        }
    }
    if (returns != NULL) {
        FtObject *key = ft_str_intern_cstr("return");
        if (key == NULL || annotation_value(c, returns) < 0) {
            FT_XDECREF(key);
            FT_DECREF(keys);
            return -1;
        }
        FT_TUPLE_SET(keys, k++, key);
    }
    if (cc_load_const_new(c, keys) < 0)
        return -1;
    cc_emit(c, FT_OPC_BUILD_CONST_KEY_MAP, k);
    return 0x04;
}

static int compile_function(FtCompiler *c, FtAstStmt *s)
{
    FtAstExprSeq *decos = &s->v.functiondef.decorators;
    FtAstArguments *args = s->v.functiondef.args;
    FtAstStmtSeq *body = &s->v.functiondef.body;
    TRY(visit_exprs(c, decos));
    int flags = cc_default_arguments(c, args);
    TRY(flags);
    int ann = function_annotations(c, args, s->v.functiondef.returns);
    TRY(ann);
    flags |= ann;
    TRY(cc_enter_scope(c, s->v.functiondef.name, U_FUNCTION, s, s->lineno));
    /* co_consts[0] is the docstring or None: the function's __doc__. */
    FtObject *doc = cc_docstring(body);
    cc_add_const(c, doc ? doc : FT_None);
    if (args) {
        c->u->argcount = args->n_args;
        c->u->posonlyargcount = args->n_posonly;
        c->u->kwonlyargcount = args->n_kwonly;
    }
    for (int i = doc ? 1 : 0; i < body->n; i++) {
        if (cc_visit_stmt(c, body->items[i]) < 0) {
            cc_exit_scope(c);
            return -1;
        }
    }
    TRY(cc_finish_function(c, flags));
    for (int i = 0; i < decos->n; i++)
        cc_emit(c, FT_OPC_CALL_FUNCTION, 1);
    return cc_nameop(c, s->v.functiondef.name, FT_CTX_STORE);
}

static int class_body(FtCompiler *c, FtAstStmt *s)
{
    FtAstStmtSeq *body = &s->v.classdef.body;
    TRY(cc_nameop(c, "__name__", FT_CTX_LOAD));
    TRY(cc_nameop(c, "__module__", FT_CTX_STORE));
    cc_load_const(c, c->u->qualname);
    TRY(cc_nameop(c, "__qualname__", FT_CTX_STORE));
    if (cc_has_annotations(body))
        cc_emit(c, FT_OPC_SETUP_ANNOTATIONS, 0);
    int start = 0;
    if (cc_docstring(body)) {
        cc_set_loc(c, body->items[0]->lineno, body->items[0]->col);
        TRY(cc_visit_expr(c, body->items[0]->v.expr.value));
        TRY(cc_nameop(c, "__doc__", FT_CTX_STORE));
        start = 1;
    }
    for (int i = start; i < body->n; i++)
        TRY(cc_visit_stmt(c, body->items[i]));
    /* The body returns the __class__ cell (which __build_class__ fills in
     * with the new class) when methods use super() or __class__. */
    if (c->u->ste->needs_class_closure) {
        int i = ft_strmap_get(&c->u->cellvars, "__class__");
        if (i < 0)
            return cc_internal_error(c, "no __class__ cell");
        cc_emit(c, FT_OPC_LOAD_CLOSURE, i);
    } else {
        cc_load_const(c, FT_None);
    }
    cc_emit(c, FT_OPC_RETURN_VALUE, 0);
    return 0;
}

static int compile_class(FtCompiler *c, FtAstStmt *s)
{
    FtAstExprSeq *decos = &s->v.classdef.decorators;
    const char *name = s->v.classdef.name;
    TRY(visit_exprs(c, decos));
    TRY(cc_enter_scope(c, name, U_CLASS, s, s->lineno));
    c->u->privname = name;
    if (class_body(c, s) < 0) {
        cc_exit_scope(c);
        return -1;
    }
    FtObject *code = cc_assemble(c);
    cc_exit_scope(c);
    if (code == NULL)
        return -1;
    FtObject *name_obj = ft_str_intern_cstr(name);
    if (name_obj == NULL) {
        FT_DECREF(code);
        return -1;
    }
    cc_emit(c, FT_OPC_LOAD_BUILD_CLASS, 0);
    int r = cc_make_closure(c, code, 0, name_obj);
    FT_DECREF(code);
    if (r == 0)
        cc_load_const(c, name_obj);
    FT_DECREF(name_obj);
    TRY(r);
    TRY(cc_call_helper(c, 2, &s->v.classdef.bases, s->v.classdef.n_keywords,
                       s->v.classdef.keywords));
    for (int i = 0; i < decos->n; i++)
        cc_emit(c, FT_OPC_CALL_FUNCTION, 1);
    return cc_nameop(c, name, FT_CTX_STORE);
}

/* ---- simple statements ---------------------------------------------------- */

static int compile_return(FtCompiler *c, FtAstStmt *s)
{
    FtAstExpr *value = s->v.ret.value;
    if (c->u->ste->type != FT_BLOCK_FUNCTION)
        return cc_error(c, "'return' outside function");
    /* A constant is loaded after unwinding; anything else is evaluated
     * first and kept on the stack while finally bodies run. */
    int preserve_tos = value && value->kind != FT_EXPR_CONSTANT;
    if (preserve_tos)
        TRY(cc_visit_expr(c, value));
    TRY(cc_unwind_fblock_stack(c, preserve_tos, NULL));
    if (value == NULL)
        cc_load_const(c, FT_None);
    else if (!preserve_tos)
        cc_load_const(c, value->v.constant.value);
    cc_emit(c, FT_OPC_RETURN_VALUE, 0);
    return 0;
}

static int has_starred(FtAstExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (seq->items[i]->kind == FT_EXPR_STARRED)
            return 1;
    return 0;
}

static int compile_assign(FtCompiler *c, FtAstStmt *s)
{
    FtAstExprSeq *targets = &s->v.assign.targets;
    FtAstExpr *value = s->v.assign.value;
    /* a, b = b, a: the values are rotated into place instead of being
     * packed into a tuple and unpacked again. */
    if (targets->n == 1 && value->kind == FT_EXPR_TUPLE) {
        FtAstExpr *t = targets->items[0];
        FtAstExprSeq *vals = &value->v.list.elts;
        if ((t->kind == FT_EXPR_TUPLE || t->kind == FT_EXPR_LIST) &&
            t->v.list.elts.n == vals->n && (vals->n == 2 || vals->n == 3) &&
            !has_starred(vals) && !has_starred(&t->v.list.elts)) {
            TRY(visit_exprs(c, vals));
            if (vals->n == 3)
                cc_emit(c, FT_OPC_ROT_THREE, 0);
            cc_emit(c, FT_OPC_ROT_TWO, 0);
            for (int i = 0; i < vals->n; i++)
                TRY(cc_visit_store(c, t->v.list.elts.items[i]));
            return 0;
        }
    }
    TRY(cc_visit_expr(c, value));
    for (int i = 0; i < targets->n; i++) {
        if (i < targets->n - 1)
            cc_emit(c, FT_OPC_DUP_TOP, 0);
        TRY(cc_visit_store(c, targets->items[i]));
    }
    return 0;
}

static int compile_augassign(FtCompiler *c, FtAstStmt *s)
{
    FtAstExpr *e = s->v.augassign.target;
    int line = c->u->lineno, col = c->u->col;
    cc_set_loc(c, e->lineno, e->col);
    switch (e->kind) {
    case FT_EXPR_ATTRIBUTE:
        TRY(cc_visit_expr(c, e->v.attribute.value));
        cc_emit(c, FT_OPC_DUP_TOP, 0);
        c->u->lineno = e->end_lineno;
        cc_emit_name(c, FT_OPC_LOAD_ATTR, e->v.attribute.attr);
        break;
    case FT_EXPR_SUBSCRIPT:
        TRY(cc_visit_expr(c, e->v.subscript.value));
        TRY(cc_visit_expr(c, e->v.subscript.slice));
        cc_emit(c, FT_OPC_DUP_TOP_TWO, 0);
        cc_emit(c, FT_OPC_BINARY_SUBSCR, 0);
        break;
    case FT_EXPR_NAME:
        TRY(cc_nameop(c, e->v.name.id, FT_CTX_LOAD));
        break;
    default:
        return cc_error(c, "illegal expression for augmented assignment");
    }
    cc_set_loc(c, line, col);
    TRY(cc_visit_expr(c, s->v.augassign.value));
    cc_emit(c, FT_OPC_INPLACE_OP, s->v.augassign.op);
    cc_set_loc(c, e->lineno, e->col);
    switch (e->kind) {
    case FT_EXPR_ATTRIBUTE:
        c->u->lineno = e->end_lineno;
        cc_emit(c, FT_OPC_ROT_TWO, 0);
        cc_emit_name(c, FT_OPC_STORE_ATTR, e->v.attribute.attr);
        break;
    case FT_EXPR_SUBSCRIPT:
        cc_emit(c, FT_OPC_ROT_THREE, 0);
        cc_emit(c, FT_OPC_STORE_SUBSCR, 0);
        break;
    default:
        TRY(cc_nameop(c, e->v.name.id, FT_CTX_STORE));
        break;
    }
    cc_set_loc(c, line, col);
    return 0;
}

/* An annotation's value: the expression, or under `from __future__
 * import annotations` its text. */
static int annotation_value(FtCompiler *c, FtAstExpr *ann)
{
    if (!(c->future.flags & FT_FUTURE_ANNOTATIONS))
        return cc_visit_expr(c, ann);
    FtObject *text = ft_unparse_annotation(ann);
    if (text == NULL && ft_err_matches(FtExc_SyntaxError)) {
        ft_err_clear();
        return cc_error_at(c, ann->lineno, ann->col,
                           "ftpy cannot keep this annotation as a string");
    }
    return cc_load_const_new(c, text);
}

/* x: T = v, as CPython 3.11: the value is stored first; then, in a module
 * or class body, T is evaluated and stored in __annotations__['x'] when
 * the target is a plain name, evaluated and dropped otherwise. In
 * functions annotations are never evaluated. Without a value, the parts
 * of an attribute or subscript target that CPython checks are evaluated. */
static int compile_annassign(FtCompiler *c, FtAstStmt *s)
{
    FtAstExpr *t = s->v.annassign.target, *ann = s->v.annassign.annotation;
    int body = c->u->kind == U_MODULE || c->u->kind == U_CLASS;
    if (s->v.annassign.value) {
        TRY(cc_visit_expr(c, s->v.annassign.value));
        TRY(cc_visit_store(c, t));
    }
    cc_set_loc(c, s->lineno, s->col);
    if (t->kind == FT_EXPR_NAME && s->v.annassign.simple) {
        if (!body)
            return 0;
        const char *mangled = ft_symtable_mangle(c->st, c->u->privname, t->v.name.id);
        if (mangled == NULL)
            return -1;
        TRY(annotation_value(c, ann));
        cc_emit_name(c, FT_OPC_LOAD_NAME, "__annotations__");
        TRY(cc_load_const_new(c, ft_str_intern_cstr(mangled)));
        cc_emit(c, FT_OPC_STORE_SUBSCR, 0);
        return 0;
    }
    if (!s->v.annassign.value) {
        if (t->kind == FT_EXPR_ATTRIBUTE) {
            TRY(cc_visit_expr(c, t->v.attribute.value));
            cc_emit(c, FT_OPC_POP_TOP, 0);
        } else if (t->kind == FT_EXPR_SUBSCRIPT) {
            TRY(cc_visit_expr(c, t->v.subscript.value));
            cc_emit(c, FT_OPC_POP_TOP, 0);
            TRY(cc_visit_expr(c, t->v.subscript.slice));
            cc_emit(c, FT_OPC_POP_TOP, 0);
        }
    }
    if (body && !(c->future.flags & FT_FUTURE_ANNOTATIONS)) {
        TRY(cc_visit_expr(c, ann));
        cc_emit(c, FT_OPC_POP_TOP, 0);
    }
    return 0;
}

static int compile_raise(FtCompiler *c, FtAstStmt *s)
{
    int n = 0;
    if (s->v.raise.exc) {
        TRY(cc_visit_expr(c, s->v.raise.exc));
        n++;
        if (s->v.raise.cause) {
            TRY(cc_visit_expr(c, s->v.raise.cause));
            n++;
        }
    }
    cc_emit(c, FT_OPC_RAISE_VARARGS, n);
    return 0;
}

static int compile_assert(FtCompiler *c, FtAstStmt *s)
{
    int end = cc_new_label(c);
    TRY(cc_jump_if(c, s->v.assertion.test, end, 1));
    cc_emit(c, FT_OPC_LOAD_ASSERTION_ERROR, 0);
    if (s->v.assertion.msg) {
        TRY(cc_visit_expr(c, s->v.assertion.msg));
        cc_emit(c, FT_OPC_CALL_FUNCTION, 1);
    }
    cc_emit(c, FT_OPC_RAISE_VARARGS, 1);
    cc_use_label(c, end);
    return 0;
}

static int compile_expr_stmt(FtCompiler *c, FtAstStmt *s)
{
    FtAstExpr *value = s->v.expr.value;
    if (c->interactive && c->nestlevel <= 1) {
        TRY(cc_visit_expr(c, value));
        cc_emit(c, FT_OPC_PRINT_EXPR, 0);
        return 0;
    }
    if (value->kind == FT_EXPR_CONSTANT)
        return 0; /* no effect (a docstring-like string, `...`) */
    TRY(cc_visit_expr(c, value));
    cc_emit(c, FT_OPC_POP_TOP, 0);
    return 0;
}

/* ---- imports -------------------------------------------------------------- */

/* `import a.b.c as d`: the module object for a is on the stack. */
static int import_as(FtCompiler *c, const char *name, const char *asname)
{
    const char *dot = strchr(name, '.');
    if (dot == NULL)
        return cc_nameop(c, asname, FT_CTX_STORE);
    for (;;) {
        const char *start = dot + 1;
        dot = strchr(start, '.');
        size_t len = dot ? (size_t)(dot - start) : strlen(start);
        const char *attr = ft_symtable_strndup(c->st, start, len);
        if (attr == NULL)
            return -1;
        cc_emit_name(c, FT_OPC_IMPORT_FROM, attr);
        if (dot == NULL)
            break;
        cc_emit(c, FT_OPC_ROT_TWO, 0);
        cc_emit(c, FT_OPC_POP_TOP, 0);
    }
    TRY(cc_nameop(c, asname, FT_CTX_STORE));
    cc_emit(c, FT_OPC_POP_TOP, 0);
    return 0;
}

static int compile_import(FtCompiler *c, FtAstStmt *s)
{
    for (int i = 0; i < s->v.import.n; i++) {
        FtAstAlias *a = &s->v.import.names[i];
        TRY(cc_load_const_new(c, ft_int_from_i64(0)));
        cc_load_const(c, FT_None);
        cc_emit_name(c, FT_OPC_IMPORT_NAME, a->name);
        if (a->asname) {
            TRY(import_as(c, a->name, a->asname));
        } else {
            /* `import a.b` binds a. */
            const char *store = a->name;
            const char *dot = strchr(store, '.');
            if (dot) {
                store = ft_symtable_strndup(c->st, store, (size_t)(dot - store));
                if (store == NULL)
                    return -1;
            }
            TRY(cc_nameop(c, store, FT_CTX_STORE));
        }
    }
    return 0;
}

static int compile_from_import(FtCompiler *c, FtAstStmt *s)
{
    if (ft_future_misplaced(&c->future, s))
        return cc_error_at(c, s->lineno, s->col, FT_FUTURE_MISPLACED);
    int n = s->v.importfrom.n;
    FtAstAlias *names = s->v.importfrom.names;
    TRY(cc_load_const_new(c, ft_int_from_i64(s->v.importfrom.level)));
    FtObject *fromlist = ft_tuple_new(n);
    if (fromlist == NULL)
        return -1;
    for (int i = 0; i < n; i++) {
        FtObject *str = ft_str_intern_cstr(names[i].name);
        if (str == NULL) {
            FT_DECREF(fromlist);
            return -1;
        }
        FT_TUPLE_SET(fromlist, i, str);
    }
    TRY(cc_load_const_new(c, fromlist));
    cc_emit_name(c, FT_OPC_IMPORT_NAME,
                 s->v.importfrom.module ? s->v.importfrom.module : "");
    for (int i = 0; i < n; i++) {
        if (i == 0 && names[i].name[0] == '*') {
            cc_emit(c, FT_OPC_IMPORT_STAR, 0);
            return 0;
        }
        cc_emit_name(c, FT_OPC_IMPORT_FROM, names[i].name);
        TRY(cc_nameop(c, names[i].asname ? names[i].asname : names[i].name,
                      FT_CTX_STORE));
    }
    cc_emit(c, FT_OPC_POP_TOP, 0); /* the module */
    return 0;
}

/* ---- loops and conditionals ------------------------------------------------ */

static int compile_if(FtCompiler *c, FtAstStmt *s)
{
    int end = cc_new_label(c);
    int next = s->v.ifstmt.orelse.n ? cc_new_label(c) : end;
    TRY(cc_jump_if(c, s->v.ifstmt.test, next, 0));
    TRY(cc_visit_stmts(c, &s->v.ifstmt.body));
    if (s->v.ifstmt.orelse.n) {
        cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, end);
        cc_use_label(c, next);
        TRY(cc_visit_stmts(c, &s->v.ifstmt.orelse));
    }
    cc_use_label(c, end);
    return 0;
}

static int compile_for(FtCompiler *c, FtAstStmt *s)
{
    int start = cc_new_label(c), end = cc_new_label(c), cleanup = cc_new_label(c);
    TRY(cc_push_fblock(c, FB_FOR_LOOP, start, end, NULL));
    TRY(cc_visit_iterable(c, s->v.forloop.iter));
    cc_emit(c, FT_OPC_GET_ITER, 0);
    cc_use_label(c, start);
    cc_emit_jump(c, FT_OPC_FOR_ITER, cleanup);
    TRY(cc_visit_store(c, s->v.forloop.target));
    TRY(cc_visit_stmts(c, &s->v.forloop.body));
    cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, start);
    cc_use_label(c, cleanup);
    cc_pop_fblock(c);
    TRY(cc_visit_stmts(c, &s->v.forloop.orelse));
    cc_use_label(c, end);
    return 0;
}

/* The test is compiled twice, at the top and at the bottom of the loop,
 * so each iteration takes one conditional jump (as in CPython 3.10). */
static int compile_while(FtCompiler *c, FtAstStmt *s)
{
    int loop = cc_new_label(c), body = cc_new_label(c), anchor = cc_new_label(c),
        exit = cc_new_label(c);
    cc_use_label(c, loop);
    TRY(cc_push_fblock(c, FB_WHILE_LOOP, loop, exit, NULL));
    TRY(cc_jump_if(c, s->v.whileloop.test, anchor, 0));
    cc_use_label(c, body);
    TRY(cc_visit_stmts(c, &s->v.whileloop.body));
    cc_set_loc(c, s->lineno, s->col);
    TRY(cc_jump_if(c, s->v.whileloop.test, body, 1));
    cc_pop_fblock(c);
    cc_use_label(c, anchor);
    TRY(cc_visit_stmts(c, &s->v.whileloop.orelse));
    cc_use_label(c, exit);
    return 0;
}

static int compile_break(FtCompiler *c)
{
    FBlock *loop;
    TRY(cc_unwind_fblock_stack(c, 0, &loop));
    if (loop == NULL)
        return cc_error(c, "'break' outside loop");
    TRY(cc_unwind_fblock(c, loop, 0));
    cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, loop->exit);
    return 0;
}

static int compile_continue(FtCompiler *c)
{
    FBlock *loop;
    TRY(cc_unwind_fblock_stack(c, 0, &loop));
    if (loop == NULL)
        return cc_error(c, "'continue' not properly in loop");
    cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, loop->block);
    return 0;
}

/* ---- with ------------------------------------------------------------------ */

/* SETUP_WITH turns [mgr] into [exit, mgr.__enter__()] and sets up a block
 * whose handler sees [exit, prev_exc, exc]. Several items nest. */
static int compile_with(FtCompiler *c, FtAstStmt *s, int pos)
{
    FtAstWithItem *item = &s->v.with.items[pos];
    int final = cc_new_label(c), exit = cc_new_label(c), suppress = cc_new_label(c);
    TRY(cc_visit_expr(c, item->context_expr));
    cc_emit_jump(c, FT_OPC_SETUP_WITH, final);
    TRY(cc_push_fblock(c, FB_WITH, -1, -1, s));
    if (item->optional_vars)
        TRY(cc_visit_store(c, item->optional_vars));
    else
        cc_emit(c, FT_OPC_POP_TOP, 0);
    if (pos + 1 == s->v.with.n_items)
        TRY(cc_visit_stmts(c, &s->v.with.body));
    else
        TRY(compile_with(c, s, pos + 1));
    cc_emit(c, FT_OPC_POP_BLOCK, 0);
    cc_pop_fblock(c);

    /* Normal exit: exit(None, None, None). */
    cc_set_loc(c, s->lineno, s->col);
    cc_call_exit_with_nones(c);
    cc_emit(c, FT_OPC_POP_TOP, 0);
    cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, exit);

    /* Exceptional exit: [exit, prev_exc, exc]. */
    cc_use_label(c, final);
    cc_emit(c, FT_OPC_WITH_EXCEPT_START, 0);
    cc_emit_jump(c, FT_OPC_POP_JUMP_IF_TRUE, suppress);
    cc_emit(c, FT_OPC_RERAISE, 0);
    cc_use_label(c, suppress);
    cc_emit(c, FT_OPC_POP_TOP, 0);    /* exc */
    cc_emit(c, FT_OPC_POP_EXCEPT, 0); /* prev_exc and the handler block */
    cc_emit(c, FT_OPC_POP_TOP, 0);    /* exit */
    cc_use_label(c, exit);
    return 0;
}

/* ---- try ------------------------------------------------------------------- */

/* Deletes the `as` name of a handler: name = None; del name. */
static int clear_handler_name(FtCompiler *c, const char *name)
{
    cc_load_const(c, FT_None);
    TRY(cc_nameop(c, name, FT_CTX_STORE));
    return cc_nameop(c, name, FT_CTX_DEL);
}

static int compile_try_except(FtCompiler *c, FtAstStmt *s)
{
    int except = cc_new_label(c), orelse = cc_new_label(c), end = cc_new_label(c);
    cc_emit_jump(c, FT_OPC_SETUP_FINALLY, except);
    TRY(cc_push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL));
    TRY(cc_visit_stmts(c, &s->v.trystmt.body));
    cc_pop_fblock(c);
    cc_emit(c, FT_OPC_POP_BLOCK, 0);
    cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, orelse);

    /* The handlers start with [prev_exc, exc]. */
    cc_use_label(c, except);
    TRY(cc_push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL));
    int n = s->v.trystmt.n_handlers;
    for (int i = 0; i < n; i++) {
        FtAstExceptHandler *h = &s->v.trystmt.handlers[i];
        cc_set_loc(c, h->lineno, h->col);
        if (h->type == NULL && i < n - 1)
            return cc_error(c, "default 'except:' must be last");
        int next = cc_new_label(c);
        if (h->type) {
            cc_emit(c, FT_OPC_DUP_TOP, 0);
            TRY(cc_visit_expr(c, h->type));
            cc_emit_jump(c, FT_OPC_JUMP_IF_NOT_EXC_MATCH, next);
        }
        if (h->name) {
            int cleanup_end = cc_new_label(c);
            TRY(cc_nameop(c, h->name, FT_CTX_STORE)); /* pops exc */
            /* try: body  finally: name = None; del name */
            cc_emit_jump(c, FT_OPC_SETUP_FINALLY, cleanup_end);
            TRY(cc_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h->name));
            TRY(cc_visit_stmts(c, &h->body));
            cc_pop_fblock(c);
            cc_emit(c, FT_OPC_POP_BLOCK, 0);
            cc_emit(c, FT_OPC_POP_EXCEPT, 0);
            TRY(clear_handler_name(c, h->name));
            cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, end);

            /* An exception in the handler body: [prev_exc, exc, exc2]
             * (exc, being handled, became the new handler's prev_exc). */
            cc_use_label(c, cleanup_end);
            TRY(clear_handler_name(c, h->name));
            cc_emit(c, FT_OPC_RERAISE, 0);
        } else {
            cc_emit(c, FT_OPC_POP_TOP, 0); /* exc */
            TRY(cc_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL));
            TRY(cc_visit_stmts(c, &h->body));
            cc_pop_fblock(c);
            cc_emit(c, FT_OPC_POP_EXCEPT, 0);
            cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, end);
        }
        cc_use_label(c, next);
    }
    cc_pop_fblock(c);
    /* No handler matched. */
    cc_emit(c, FT_OPC_RERAISE, 0);
    cc_use_label(c, orelse);
    TRY(cc_visit_stmts(c, &s->v.trystmt.orelse));
    cc_use_label(c, end);
    return 0;
}

/* The finally body is compiled twice: inline on the normal path, and as
 * the handler (with [prev_exc, exc] below it) ending in RERAISE. */
static int compile_try_finally(FtCompiler *c, FtAstStmt *s)
{
    int end = cc_new_label(c), exit = cc_new_label(c);
    cc_emit_jump(c, FT_OPC_SETUP_FINALLY, end);
    TRY(cc_push_fblock(c, FB_FINALLY_TRY, -1, -1, &s->v.trystmt.finalbody));
    if (s->v.trystmt.n_handlers)
        TRY(compile_try_except(c, s));
    else
        TRY(cc_visit_stmts(c, &s->v.trystmt.body));
    cc_emit(c, FT_OPC_POP_BLOCK, 0);
    cc_pop_fblock(c);
    TRY(cc_visit_stmts(c, &s->v.trystmt.finalbody));
    cc_emit_jump(c, FT_OPC_JUMP_ABSOLUTE, exit);

    cc_use_label(c, end);
    TRY(cc_push_fblock(c, FB_FINALLY_END, -1, -1, NULL));
    TRY(cc_visit_stmts(c, &s->v.trystmt.finalbody));
    cc_pop_fblock(c);
    cc_emit(c, FT_OPC_RERAISE, 0);
    cc_use_label(c, exit);
    return 0;
}

/* ---- the statement visitor --------------------------------------------------- */

static int visit_stmt1(FtCompiler *c, FtAstStmt *s);

int cc_visit_stmt(FtCompiler *c, FtAstStmt *s)
{
    TRY(cc_enter(c));
    int r = visit_stmt1(c, s);
    cc_leave(c);
    return r;
}

static int visit_stmt1(FtCompiler *c, FtAstStmt *s)
{
    cc_set_loc(c, s->lineno, s->col);
    switch (s->kind) {
    case FT_STMT_FUNCTIONDEF:
        return compile_function(c, s);
    case FT_STMT_CLASSDEF:
        return compile_class(c, s);
    case FT_STMT_RETURN:
        return compile_return(c, s);
    case FT_STMT_DELETE:
        for (int i = 0; i < s->v.del.targets.n; i++)
            TRY(cc_visit_delete(c, s->v.del.targets.items[i]));
        return 0;
    case FT_STMT_ASSIGN:
        return compile_assign(c, s);
    case FT_STMT_AUGASSIGN:
        return compile_augassign(c, s);
    case FT_STMT_ANNASSIGN:
        return compile_annassign(c, s);
    case FT_STMT_FOR:
        return compile_for(c, s);
    case FT_STMT_WHILE:
        return compile_while(c, s);
    case FT_STMT_IF:
        return compile_if(c, s);
    case FT_STMT_WITH:
        return compile_with(c, s, 0);
    case FT_STMT_RAISE:
        return compile_raise(c, s);
    case FT_STMT_TRY:
        if (s->v.trystmt.finalbody.n)
            return compile_try_finally(c, s);
        return compile_try_except(c, s);
    case FT_STMT_ASSERT:
        return compile_assert(c, s);
    case FT_STMT_IMPORT:
        return compile_import(c, s);
    case FT_STMT_IMPORT_FROM:
        return compile_from_import(c, s);
    case FT_STMT_EXPR:
        return compile_expr_stmt(c, s);
    case FT_STMT_BREAK:
        return compile_break(c);
    case FT_STMT_CONTINUE:
        return compile_continue(c);
    case FT_STMT_GLOBAL:
    case FT_STMT_NONLOCAL:
    case FT_STMT_PASS:
        return 0;
    }
    return cc_internal_error(c, "unknown statement kind");
}
