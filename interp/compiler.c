/* interp/compiler.c — AST to code objects, following CPython 3.10's code
 * generation: the entry point (ft_compile), code units and scopes, the
 * instruction/label/constant/name tables, variable access by scope, and the
 * frame-block stack that break/continue/return unwind. Expressions are in
 * compiler_expr.c, statements in compiler_stmt.c, layout and stack depth in
 * compiler_assemble.c.
 */
#include "interp/compiler_internal.h"

#include "interp/parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- emission ----------------------------------------------------------- */

static int grow_array(void **arr, int *cap, int n, size_t elsize)
{
    if (n < *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 64;
    void *p = ft_mem_realloc(*arr, (size_t)ncap * elsize);
    if (p == NULL)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

void cc_emit(FtCompiler *c, int op, int arg)
{
    CUnit *u = c->u;
    if (grow_array((void **)&u->instrs, &u->cap_instrs, u->n_instrs,
                   sizeof(CInstr)) < 0) {
        c->nomem = 1;
        return;
    }
    CInstr *in = &u->instrs[u->n_instrs++];
    in->op = (unsigned char)op;
    in->arg = arg;
    in->lineno = u->lineno;
}

void cc_emit_jump(FtCompiler *c, int op, int label) { cc_emit(c, op, label); }

int cc_new_label(FtCompiler *c)
{
    CUnit *u = c->u;
    if (grow_array((void **)&u->labels, &u->cap_labels, u->n_labels,
                   sizeof(int)) < 0) {
        /* Label 0 always exists; the unit will not be assembled anyway. */
        c->nomem = 1;
        return 0;
    }
    u->labels[u->n_labels] = -1;
    return u->n_labels++;
}

void cc_use_label(FtCompiler *c, int label) { c->u->labels[label] = c->u->n_instrs; }

/* ---- constants ---------------------------------------------------------- */

/* Constants are shared only when they have the same type and value, so
 * 1, 1.0 and True stay three constants, and so do 0.0 and -0.0. */
static int const_same(FtObject *a, FtObject *b)
{
    if (a == b)
        return 1;
    if (FT_TYPE(a) != FT_TYPE(b))
        return 0;
    FtType *t = FT_TYPE(a);
    if (t == &FtInt_Type || t == &FtBool_Type)
        return FT_INT_VALUE(a) == FT_INT_VALUE(b);
    if (t == &FtFloat_Type) {
        double x = FT_FLOAT_VALUE(a), y = FT_FLOAT_VALUE(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (t == &FtStr_Type)
        return FT_STR_NBYTES(a) == FT_STR_NBYTES(b) &&
               memcmp(FT_STR_DATA(a), FT_STR_DATA(b), (size_t)FT_STR_NBYTES(a)) == 0;
    if (t == &FtBytes_Type)
        return FT_BYTES_SIZE(a) == FT_BYTES_SIZE(b) &&
               memcmp(FT_BYTES_DATA(a), FT_BYTES_DATA(b),
                      (size_t)FT_BYTES_SIZE(a)) == 0;
    if (t == &FtTuple_Type) {
        if (FT_TUPLE_SIZE(a) != FT_TUPLE_SIZE(b))
            return 0;
        for (ssize_t i = 0; i < FT_TUPLE_SIZE(a); i++)
            if (!const_same(FT_TUPLE_GET(a, i), FT_TUPLE_GET(b, i)))
                return 0;
        return 1;
    }
    return 0;
}

static uint64_t const_hash(FtObject *o)
{
    FtType *t = FT_TYPE(o);
    uint64_t h = (uint64_t)(uintptr_t)t * 0x9e3779b97f4a7c15ull;
    if (t == &FtInt_Type || t == &FtBool_Type) {
        h ^= (uint64_t)FT_INT_VALUE(o);
    } else if (t == &FtFloat_Type) {
        double d = FT_FLOAT_VALUE(o);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        h ^= bits;
    } else if (t == &FtStr_Type) {
        const unsigned char *s = (const unsigned char *)FT_STR_DATA(o);
        for (ssize_t i = 0; i < FT_STR_NBYTES(o); i++)
            h = (h ^ s[i]) * 1099511628211ull;
    } else if (t == &FtBytes_Type) {
        const unsigned char *s = (const unsigned char *)FT_BYTES_DATA(o);
        for (ssize_t i = 0; i < FT_BYTES_SIZE(o); i++)
            h = (h ^ s[i]) * 1099511628211ull;
    } else if (t == &FtTuple_Type) {
        for (ssize_t i = 0; i < FT_TUPLE_SIZE(o); i++)
            h = (h ^ const_hash(FT_TUPLE_GET(o, i))) * 1099511628211ull;
    } else {
        h ^= (uint64_t)(uintptr_t)o;
    }
    return h ^ (h >> 29);
}

static int const_index_rebuild(CUnit *u, int cap)
{
    int *idx = ft_mem_alloc((size_t)cap * sizeof(int));
    if (idx == NULL)
        return -1;
    for (int i = 0; i < cap; i++)
        idx[i] = -1;
    for (int k = 0; k < u->n_consts; k++) {
        unsigned i = (unsigned)const_hash(u->consts[k]) & (unsigned)(cap - 1);
        while (idx[i] >= 0)
            i = (i + 1) & (unsigned)(cap - 1);
        idx[i] = k;
    }
    ft_mem_free(u->const_index);
    u->const_index = idx;
    u->const_index_cap = cap;
    return 0;
}

/* CPython interns string constants made of name characters (they are
 * often used as attribute names or dict keys, where interned strings
 * compare by pointer). */
static int all_name_chars(FtObject *s)
{
    const unsigned char *p = (const unsigned char *)FT_STR_DATA(s);
    for (ssize_t i = 0; i < FT_STR_NBYTES(s); i++) {
        unsigned char ch = p[i];
        if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
              (ch >= 'A' && ch <= 'Z')))
            return 0;
    }
    return 1;
}

static int add_const(FtCompiler *c, FtObject *o);

int cc_add_const(FtCompiler *c, FtObject *o)
{
    if (FT_TYPE(o) == &FtStr_Type && !((FtStrObject *)o)->interned &&
        all_name_chars(o)) {
        FtObject *interned = ft_str_intern(FT_NEWREF(o));
        if (interned == NULL) {
            c->nomem = 1;
            return 0;
        }
        int i = add_const(c, interned);
        FT_DECREF(interned);
        return i;
    }
    return add_const(c, o);
}

static int add_const(FtCompiler *c, FtObject *o)
{
    CUnit *u = c->u;
    if ((u->n_consts + 1) * 2 > u->const_index_cap &&
        const_index_rebuild(u, u->const_index_cap ? u->const_index_cap * 2 : 16) < 0) {
        c->nomem = 1;
        return 0;
    }
    unsigned mask = (unsigned)u->const_index_cap - 1;
    unsigned i = (unsigned)const_hash(o) & mask;
    for (; u->const_index[i] >= 0; i = (i + 1) & mask)
        if (const_same(u->consts[u->const_index[i]], o))
            return u->const_index[i];
    if (grow_array((void **)&u->consts, &u->cap_consts, u->n_consts,
                   sizeof(FtObject *)) < 0) {
        c->nomem = 1;
        return 0;
    }
    u->consts[u->n_consts] = FT_NEWREF(o);
    u->const_index[i] = u->n_consts;
    return u->n_consts++;
}

void cc_load_const(FtCompiler *c, FtObject *o)
{
    cc_emit(c, FT_OPC_LOAD_CONST, cc_add_const(c, o));
}

int cc_load_const_new(FtCompiler *c, FtObject *o)
{
    if (o == NULL)
        return -1;
    cc_load_const(c, o);
    FT_DECREF(o);
    return 0;
}

/* ---- names -------------------------------------------------------------- */

static int add_name(FtCompiler *c, FtStrMap *m, const char *name)
{
    int i = ft_strmap_index(m, name);
    if (i < 0) {
        c->nomem = 1;
        return 0;
    }
    return i;
}

void cc_emit_name(FtCompiler *c, int op, const char *name)
{
    const char *mangled = ft_symtable_mangle(c->st, c->u->privname, name);
    if (mangled == NULL) {
        c->nomem = 1;
        return;
    }
    cc_emit(c, op, add_name(c, &c->u->names, mangled));
}

int cc_nameop(FtCompiler *c, const char *name, FtAstCtx ctx)
{
    CUnit *u = c->u;
    if (ctx == FT_CTX_LOAD && strcmp(name, "__debug__") == 0) {
        cc_load_const(c, FT_True);
        return 0;
    }
    const char *mangled = ft_symtable_mangle(c->st, u->privname, name);
    if (mangled == NULL)
        return -1;
    int in_function = u->ste->type == FT_BLOCK_FUNCTION;
    enum { OP_NAME, OP_FAST, OP_GLOBAL, OP_DEREF } optype = OP_NAME;
    int arg = 0;
    switch (ft_symtable_scope(u->ste, mangled)) {
    case FT_SCOPE_FREE: {
        int i = ft_strmap_get(&u->freevars, mangled);
        if (i < 0)
            return cc_internal_error(c, "free variable not in freevars");
        arg = u->cellvars.n + i;
        optype = OP_DEREF;
        break;
    }
    case FT_SCOPE_CELL:
        arg = ft_strmap_get(&u->cellvars, mangled);
        if (arg < 0)
            return cc_internal_error(c, "cell variable not in cellvars");
        optype = OP_DEREF;
        break;
    case FT_SCOPE_LOCAL:
        if (in_function)
            optype = OP_FAST;
        break;
    case FT_SCOPE_GLOBAL_IMPLICIT:
        if (in_function)
            optype = OP_GLOBAL;
        break;
    case FT_SCOPE_GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    static const unsigned char ops[4][3] = {
        [OP_NAME] = {FT_OPC_LOAD_NAME, FT_OPC_STORE_NAME, FT_OPC_DELETE_NAME},
        [OP_FAST] = {FT_OPC_LOAD_FAST, FT_OPC_STORE_FAST, FT_OPC_DELETE_FAST},
        [OP_GLOBAL] = {FT_OPC_LOAD_GLOBAL, FT_OPC_STORE_GLOBAL, FT_OPC_DELETE_GLOBAL},
        [OP_DEREF] = {FT_OPC_LOAD_DEREF, FT_OPC_STORE_DEREF, FT_OPC_DELETE_DEREF},
    };
    int op = ops[optype][ctx];
    switch (optype) {
    case OP_DEREF:
        if (op == FT_OPC_LOAD_DEREF && u->ste->type == FT_BLOCK_CLASS)
            op = FT_OPC_LOAD_CLASSDEREF;
        cc_emit(c, op, arg);
        break;
    case OP_FAST:
        cc_emit(c, op, add_name(c, &u->varnames, mangled));
        break;
    default:
        cc_emit(c, op, add_name(c, &u->names, mangled));
        break;
    }
    return 0;
}

/* ---- errors ------------------------------------------------------------- */

static int verror_at(FtCompiler *c, int lineno, int col, const char *fmt,
                     va_list ap)
{
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    ft_compile_syntax_error(c->filename, lineno, col, buf);
    return -1;
}

int cc_error(FtCompiler *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(c, c->u->lineno, c->u->col, fmt, ap);
    va_end(ap);
    return -1;
}

int cc_error_at(FtCompiler *c, int lineno, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(c, lineno, col, fmt, ap);
    va_end(ap);
    return -1;
}

int cc_internal_error(FtCompiler *c, const char *what)
{
    ft_err_format(FtExc_SystemError, "compiler: %s (%s line %d)", what,
                  c->filename, c->u ? c->u->lineno : 0);
    return -1;
}

/* ---- frame blocks ------------------------------------------------------- */

int cc_push_fblock(FtCompiler *c, FBlockType t, int block, int exit,
                   const void *datum)
{
    CUnit *u = c->u;
    if (u->n_fblocks >= FT_MAX_BLOCKS)
        return cc_error(c, "too many statically nested blocks");
    FBlock *f = &u->fblocks[u->n_fblocks++];
    f->type = t;
    f->block = block;
    f->exit = exit;
    f->datum = datum;
    return 0;
}

void cc_pop_fblock(FtCompiler *c) { c->u->n_fblocks--; }

/* Calls __exit__(None, None, None) on the exit function below TOS. */
void cc_call_exit_with_nones(FtCompiler *c)
{
    cc_load_const(c, FT_None);
    cc_emit(c, FT_OPC_DUP_TOP, 0);
    cc_emit(c, FT_OPC_DUP_TOP, 0);
    cc_emit(c, FT_OPC_CALL_FUNCTION, 3);
}

/* A handler's stack holds [prev_exc, exc] (opcode.h), where CPython 3.10
 * had two triples; the unwinding below is 3.10's with that change. */
int cc_unwind_fblock(FtCompiler *c, FBlock *fb, int preserve_tos)
{
    switch (fb->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR_LOOP:
        /* Pop the iterator. */
        if (preserve_tos)
            cc_emit(c, FT_OPC_ROT_TWO, 0);
        cc_emit(c, FT_OPC_POP_TOP, 0);
        return 0;
    case FB_TRY_EXCEPT:
        cc_emit(c, FT_OPC_POP_BLOCK, 0);
        return 0;
    case FB_FINALLY_TRY: {
        cc_emit(c, FT_OPC_POP_BLOCK, 0);
        if (preserve_tos && cc_push_fblock(c, FB_POP_VALUE, -1, -1, NULL) < 0)
            return -1;
        /* The finally body runs inline, outside its own block. */
        if (cc_visit_stmts(c, (FtAstStmtSeq *)fb->datum) < 0)
            return -1;
        if (preserve_tos)
            cc_pop_fblock(c);
        return 0;
    }
    case FB_FINALLY_END:
        /* [prev_exc, exc (, value)] -> [(value)] */
        if (preserve_tos)
            cc_emit(c, FT_OPC_ROT_TWO, 0);
        cc_emit(c, FT_OPC_POP_TOP, 0);
        if (preserve_tos)
            cc_emit(c, FT_OPC_ROT_TWO, 0);
        cc_emit(c, FT_OPC_POP_EXCEPT, 0);
        return 0;
    case FB_WITH: {
        const FtAstStmt *s = fb->datum;
        int line = c->u->lineno, col = c->u->col;
        cc_set_loc(c, s->lineno, s->col);
        cc_emit(c, FT_OPC_POP_BLOCK, 0);
        if (preserve_tos)
            cc_emit(c, FT_OPC_ROT_TWO, 0);
        cc_call_exit_with_nones(c);
        cc_emit(c, FT_OPC_POP_TOP, 0);
        cc_set_loc(c, line, col);
        return 0;
    }
    case FB_HANDLER_CLEANUP: {
        /* [prev_exc (, value)]: the exception itself was already popped. */
        const char *name = fb->datum;
        if (name)
            cc_emit(c, FT_OPC_POP_BLOCK, 0);
        if (preserve_tos)
            cc_emit(c, FT_OPC_ROT_TWO, 0);
        cc_emit(c, FT_OPC_POP_EXCEPT, 0);
        if (name) {
            cc_load_const(c, FT_None);
            if (cc_nameop(c, name, FT_CTX_STORE) < 0 ||
                cc_nameop(c, name, FT_CTX_DEL) < 0)
                return -1;
        }
        return 0;
    }
    case FB_POP_VALUE:
        if (preserve_tos)
            cc_emit(c, FT_OPC_ROT_TWO, 0);
        cc_emit(c, FT_OPC_POP_TOP, 0);
        return 0;
    }
    return cc_internal_error(c, "bad frame block");
}

int cc_unwind_fblock_stack(FtCompiler *c, int preserve_tos, FBlock **loop)
{
    CUnit *u = c->u;
    if (u->n_fblocks == 0) {
        if (loop)
            *loop = NULL;
        return 0;
    }
    FBlock *top = &u->fblocks[u->n_fblocks - 1];
    if (loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    /* Unwinding code (a finally body) must not see the block it leaves. */
    FBlock copy = *top;
    u->n_fblocks--;
    int r = cc_unwind_fblock(c, &copy, preserve_tos);
    if (r == 0)
        r = cc_unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->n_fblocks++] = copy;
    return r;
}

/* ---- code units --------------------------------------------------------- */

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Fills a map with the sorted names of the symbols selected by pick. */
static int sorted_vars(FtSymEntry *ste, FtStrMap *m, int want_free)
{
    const char **names = ft_mem_alloc((size_t)(ste->n_symbols + 1) * sizeof(char *));
    if (names == NULL)
        return -1;
    int n = 0;
    for (int i = 0; i < ste->n_symbols; i++) {
        FtSymbol *s = &ste->symbols[i];
        int take = want_free ? (s->scope == FT_SCOPE_FREE ||
                                (s->flags & FT_DEF_FREE_CLASS))
                             : s->scope == FT_SCOPE_CELL;
        if (take)
            names[n++] = s->name;
    }
    qsort(names, (size_t)n, sizeof(char *), cmp_cstr);
    int r = 0;
    for (int i = 0; i < n && r == 0; i++)
        r = ft_strmap_set(m, names[i], i);
    ft_mem_free(names);
    return r;
}

/* CPython's qualified names: "f.<locals>.g", "C.m", "<listcomp>". */
static FtObject *make_qualname(FtCompiler *c, CUnit *u)
{
    CUnit *parent = u->parent;
    if (parent == NULL || parent->kind == U_MODULE)
        return ft_str_from_cstr(u->name);
    if (u->kind == U_FUNCTION || u->kind == U_CLASS) {
        const char *mangled = ft_symtable_mangle(c->st, parent->privname, u->name);
        if (mangled == NULL)
            return NULL;
        if (ft_symtable_scope(parent->ste, mangled) == FT_SCOPE_GLOBAL_EXPLICIT)
            return ft_str_from_cstr(u->name);
    }
    const char *base = ft_str_cstr(parent->qualname);
    int locals = parent->kind == U_FUNCTION || parent->kind == U_LAMBDA;
    return ft_str_from_format("%s%s.%s", base, locals ? ".<locals>" : "",
                              u->name);
}

static void unit_free(CUnit *u)
{
    for (int i = 0; i < u->n_consts; i++)
        FT_DECREF(u->consts[i]);
    ft_mem_free(u->consts);
    ft_mem_free(u->const_index);
    ft_mem_free(u->instrs);
    ft_mem_free(u->labels);
    ft_strmap_clear(&u->names);
    ft_strmap_clear(&u->varnames);
    ft_strmap_clear(&u->cellvars);
    ft_strmap_clear(&u->freevars);
    FT_XDECREF(u->qualname);
    ft_mem_free(u);
}

int cc_enter_scope(FtCompiler *c, const char *name, UnitKind kind,
                   const void *node, int firstlineno)
{
    FtSymEntry *ste = c->u ? ft_symtable_child(c->st, c->u->ste, node)
                           : ft_symtable_top(c->st);
    if (ste == NULL)
        return cc_internal_error(c, "no symbol table for scope");
    CUnit *u = ft_mem_calloc(1, sizeof(CUnit));
    if (u == NULL)
        return -1;
    u->parent = c->u;
    u->ste = ste;
    u->kind = kind;
    u->name = name;
    u->privname = c->u ? c->u->privname : NULL;
    u->firstlineno = firstlineno;
    u->lineno = firstlineno;
    ft_strmap_init(&u->names);
    ft_strmap_init(&u->varnames);
    ft_strmap_init(&u->cellvars);
    ft_strmap_init(&u->freevars);
    c->u = u;
    c->nestlevel++;

    int r = 0;
    if (ste->type == FT_BLOCK_FUNCTION) {
        for (int i = 0; i < ste->n_params && r == 0; i++)
            if (ft_strmap_index(&u->varnames, ste->params[i]) < 0)
                r = -1;
    }
    if (r == 0)
        r = sorted_vars(ste, &u->cellvars, 0);
    if (r == 0 && kind == U_CLASS && ste->needs_class_closure)
        r = ft_strmap_set(&u->cellvars, "__class__", u->cellvars.n);
    if (r == 0)
        r = sorted_vars(ste, &u->freevars, 1);
    if (r == 0 && cc_new_label(c) < 0) /* label 0: see cc_new_label */
        r = -1;
    if (r == 0 && c->nomem)
        r = -1;
    if (r == 0) {
        u->qualname = make_qualname(c, u);
        if (u->qualname == NULL)
            r = -1;
    }
    if (r < 0) {
        cc_exit_scope(c);
        return -1;
    }
    return 0;
}

void cc_exit_scope(FtCompiler *c)
{
    CUnit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    unit_free(u);
}

int cc_make_closure(FtCompiler *c, FtObject *code, int flags,
                    FtObject *qualname)
{
    FtCodeObject *co = (FtCodeObject *)code;
    CUnit *u = c->u;
    ssize_t nfree = FT_TUPLE_SIZE(co->co_freevars);
    if (nfree > 0) {
        for (ssize_t i = 0; i < nfree; i++) {
            const char *name = ft_str_cstr(FT_TUPLE_GET(co->co_freevars, i));
            /* A class passes on a method's free variable even when it
             * binds the same name itself (then it is in its freevars). */
            int arg = ft_strmap_get(&u->cellvars, name);
            if (arg < 0) {
                arg = ft_strmap_get(&u->freevars, name);
                if (arg < 0)
                    return cc_internal_error(c, "closure variable not found");
                arg += u->cellvars.n;
            }
            cc_emit(c, FT_OPC_LOAD_CLOSURE, arg);
        }
        cc_emit(c, FT_OPC_BUILD_TUPLE, (int)nfree);
        flags |= 0x08;
    }
    cc_load_const(c, code);
    cc_load_const(c, qualname ? qualname : co->co_name);
    cc_emit(c, FT_OPC_MAKE_FUNCTION, flags);
    return 0;
}

int cc_finish_function(FtCompiler *c, int flags)
{
    FtObject *code = cc_assemble(c);
    FtObject *qualname = FT_NEWREF(c->u->qualname);
    cc_exit_scope(c);
    int r = -1;
    if (code != NULL)
        r = cc_make_closure(c, code, flags, qualname);
    FT_XDECREF(code);
    FT_DECREF(qualname);
    return r;
}

/* ---- entry point -------------------------------------------------------- */

static int compile_module_body(FtCompiler *c, FtAstModule *mod, int mode)
{
    if (mode == FT_PARSE_EVAL) {
        if (mod->expr == NULL)
            return cc_internal_error(c, "eval mode without an expression");
        if (cc_visit_expr(c, mod->expr) < 0)
            return -1;
        cc_emit(c, FT_OPC_RETURN_VALUE, 0);
        return 0;
    }
    FtAstStmtSeq *body = &mod->body;
    int start = 0;
    if (body->n > 0)
        cc_set_loc(c, body->items[0]->lineno, body->items[0]->col);
    if (mode == FT_PARSE_FILE && cc_docstring(body)) {
        FtAstStmt *s = body->items[0];
        if (cc_visit_expr(c, s->v.expr.value) < 0 ||
            cc_nameop(c, "__doc__", FT_CTX_STORE) < 0)
            return -1;
        start = 1;
    }
    for (int i = start; i < body->n; i++)
        if (cc_visit_stmt(c, body->items[i]) < 0)
            return -1;
    return 0;
}

FtObject *ft_compile(FtAstModule *mod, const char *filename, int mode)
{
    FtCompiler c;
    memset(&c, 0, sizeof c);
    c.filename = filename ? filename : "<string>";
    c.interactive = mode == FT_PARSE_SINGLE;
    c.filename_obj = ft_str_from_cstr(c.filename);
    if (c.filename_obj == NULL)
        return NULL;
    FtObject *code = NULL;
    c.st = ft_symtable_build(mod, mode, c.filename);
    if (c.st == NULL)
        goto done;
    if (cc_enter_scope(&c, "<module>", U_MODULE, mod, 1) < 0)
        goto done;
    if (compile_module_body(&c, mod, mode) == 0)
        code = cc_assemble(&c);
    cc_exit_scope(&c);
done:
    ft_symtable_free(c.st);
    FT_DECREF(c.filename_obj);
    return code;
}
