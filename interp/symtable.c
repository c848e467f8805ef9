/* interp/symtable.c — the symbol-table pass of the compiler: walks the AST
 * once to record what every scope binds and uses, then resolves each name
 * to local / global (explicit or implicit) / free / cell the way CPython
 * 3.10 does, including the implicit __class__ cell for zero-arg super().
 */
#include "interp/symtable.h"

#include "interp/frame.h" /* ft_eval_c_stack_exhausted */
#include "interp/nameset.h"
#include "interp/parser.h"

#include <stdio.h>
#include <string.h>

/* ---- FtStrMap ------------------------------------------------------------ */

static unsigned str_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

void ft_strmap_init(FtStrMap *m) { memset(m, 0, sizeof(*m)); }

void ft_strmap_clear(FtStrMap *m)
{
    ft_mem_free(m->slots);
    ft_mem_free(m->order);
    memset(m, 0, sizeof(*m));
}

static FtStrMapSlot *strmap_find(const FtStrMap *m, const char *key,
                                 unsigned h)
{
    unsigned mask = (unsigned)m->cap - 1;
    for (unsigned i = h & mask;; i = (i + 1) & mask) {
        FtStrMapSlot *s = &m->slots[i];
        if (s->key == NULL || (s->hash == h && strcmp(s->key, key) == 0))
            return s;
    }
}

int ft_strmap_get(const FtStrMap *m, const char *key)
{
    if (m->cap == 0)
        return -1;
    FtStrMapSlot *s = strmap_find(m, key, str_hash(key));
    return s->key ? s->value : -1;
}

static int strmap_grow(FtStrMap *m)
{
    int cap = m->cap ? m->cap * 2 : 16;
    FtStrMapSlot *slots = ft_mem_calloc((size_t)cap, sizeof(*slots));
    if (slots == NULL)
        return -1;
    const char **order = ft_mem_realloc(m->order, (size_t)cap * sizeof(*order));
    if (order == NULL) {
        ft_mem_free(slots);
        return -1;
    }
    FtStrMap old = *m;
    m->slots = slots;
    m->cap = cap;
    m->order = order;
    for (int i = 0; i < old.cap; i++) {
        if (old.slots[i].key) {
            FtStrMapSlot *s = strmap_find(m, old.slots[i].key, old.slots[i].hash);
            *s = old.slots[i];
        }
    }
    ft_mem_free(old.slots);
    return 0;
}

int ft_strmap_set(FtStrMap *m, const char *key, int value)
{
    /* Keep the load factor under 1/2 so probing stays short. */
    if ((m->n + 1) * 2 > m->cap && strmap_grow(m) < 0)
        return -1;
    unsigned h = str_hash(key);
    FtStrMapSlot *s = strmap_find(m, key, h);
    if (s->key == NULL) {
        s->key = key;
        s->hash = h;
        m->order[m->n++] = key;
    }
    s->value = value;
    return 0;
}

int ft_strmap_index(FtStrMap *m, const char *key)
{
    int v = ft_strmap_get(m, key);
    if (v >= 0)
        return v;
    v = m->n;
    if (ft_strmap_set(m, key, v) < 0)
        return -1;
    return v;
}

/* ---- the table ---------------------------------------------------------- */

typedef struct PoolChunk {
    struct PoolChunk *prev;
    size_t used, size;
    char data[];
} PoolChunk;

struct FtSymTable {
    const char *filename;
    FtSymEntry *top;
    FtSymEntry *cur;
    const char *privname; /* enclosing class name, for mangling */
    FtSymEntry **all;     /* every entry, for freeing */
    int n_all, cap_all;
    /* The entries again, hashed by the AST node that opened them, so the
     * compiler finds each scope in O(1) however many a scope has. */
    FtSymEntry **by_node; /* cap_by_node slots, NULL = empty */
    int cap_by_node;      /* power of two, at least 2 * n_all */
    PoolChunk *pool;
    int depth; /* of visit_expr/visit_stmt, bounded by FT_COMPILE_MAX_DEPTH */
};

char *ft_symtable_strndup(FtSymTable *st, const char *s, size_t n)
{
    PoolChunk *c = st->pool;
    if (c == NULL || c->size - c->used < n + 1) {
        size_t size = n + 1 > 4000 ? n + 1 : 4000;
        c = ft_mem_alloc(sizeof(PoolChunk) + size);
        if (c == NULL)
            return NULL;
        c->prev = st->pool;
        c->used = 0;
        c->size = size;
        st->pool = c;
    }
    char *d = c->data + c->used;
    memcpy(d, s, n);
    d[n] = '\0';
    c->used += n + 1;
    return d;
}

const char *ft_symtable_mangle(FtSymTable *st, const char *privname,
                               const char *name)
{
    if (privname == NULL || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    /* __dunder__ names and dotted (module) names are never mangled. */
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*privname == '_')
        privname++;
    if (*privname == '\0')
        return name;
    size_t p = strlen(privname);
    char *buf = ft_mem_alloc(p + n + 2);
    if (buf == NULL)
        return NULL;
    buf[0] = '_';
    memcpy(buf + 1, privname, p);
    memcpy(buf + 1 + p, name, n + 1);
    char *r = ft_symtable_strndup(st, buf, p + n + 1);
    ft_mem_free(buf);
    return r;
}

static void entry_free(FtSymEntry *e)
{
    ft_mem_free(e->children);
    ft_mem_free(e->symbols);
    ft_mem_free(e->params);
    ft_strmap_clear(&e->index);
    ft_mem_free(e);
}

void ft_symtable_free(FtSymTable *st)
{
    if (st == NULL)
        return;
    for (int i = 0; i < st->n_all; i++)
        entry_free(st->all[i]);
    ft_mem_free(st->all);
    ft_mem_free(st->by_node);
    while (st->pool) {
        PoolChunk *p = st->pool->prev;
        ft_mem_free(st->pool);
        st->pool = p;
    }
    ft_mem_free(st);
}

FtSymEntry *ft_symtable_top(FtSymTable *st) { return st->top; }

static unsigned node_slot(const void *node, int cap)
{
    uint64_t h = (uint64_t)(uintptr_t)node * 0x9e3779b97f4a7c15ull;
    return (unsigned)(h >> 32) & (unsigned)(cap - 1);
}

/* Records e in by_node (e->node is new: each node opens one scope). */
static int index_entry(FtSymTable *st, FtSymEntry *e)
{
    if (st->n_all * 2 > st->cap_by_node) {
        int cap = st->cap_by_node ? st->cap_by_node * 2 : 16;
        FtSymEntry **slots = ft_mem_calloc((size_t)cap, sizeof(*slots));
        if (slots == NULL)
            return -1;
        ft_mem_free(st->by_node);
        st->by_node = slots;
        st->cap_by_node = cap;
        /* every entry so far, e included (it is already in all) */
        for (int k = 0; k < st->n_all; k++) {
            unsigned i = node_slot(st->all[k]->node, cap);
            while (slots[i] != NULL)
                i = (i + 1) & (unsigned)(cap - 1);
            slots[i] = st->all[k];
        }
        return 0;
    }
    unsigned i = node_slot(e->node, st->cap_by_node);
    while (st->by_node[i] != NULL)
        i = (i + 1) & (unsigned)(st->cap_by_node - 1);
    st->by_node[i] = e;
    return 0;
}

FtSymEntry *ft_symtable_child(FtSymTable *st, const FtSymEntry *parent,
                              const void *node)
{
    if (st->cap_by_node == 0)
        return NULL;
    unsigned mask = (unsigned)st->cap_by_node - 1;
    for (unsigned i = node_slot(node, st->cap_by_node); st->by_node[i] != NULL;
         i = (i + 1) & mask) {
        FtSymEntry *e = st->by_node[i];
        if (e->node == node)
            return e->parent == parent ? e : NULL;
    }
    return NULL;
}

FtSymbol *ft_symtable_lookup(FtSymEntry *ste, const char *name)
{
    int i = ft_strmap_get(&ste->index, name);
    return i < 0 ? NULL : &ste->symbols[i];
}

int ft_symtable_scope(FtSymEntry *ste, const char *name)
{
    FtSymbol *s = ft_symtable_lookup(ste, name);
    return s ? s->scope : FT_SCOPE_NONE;
}

static int grow(void **arr, int *cap, int n, size_t elsize)
{
    if (n < *cap)
        return 0;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = ft_mem_realloc(*arr, (size_t)ncap * elsize);
    if (p == NULL)
        return -1;
    *arr = p;
    *cap = ncap;
    return 0;
}

static FtSymbol *entry_symbol(FtSymEntry *e, const char *name)
{
    int i = ft_strmap_get(&e->index, name);
    if (i >= 0)
        return &e->symbols[i];
    if (grow((void **)&e->symbols, &e->cap_symbols, e->n_symbols,
             sizeof(FtSymbol)) < 0)
        return NULL;
    if (ft_strmap_set(&e->index, name, e->n_symbols) < 0)
        return NULL;
    FtSymbol *s = &e->symbols[e->n_symbols++];
    memset(s, 0, sizeof(*s));
    s->name = name;
    return s;
}

/* ---- pass 1: recording definitions and uses ---------------------------- */

void ft_compile_syntax_error(const char *filename, int lineno, int col0,
                             const char *msg)
{
    char *text = NULL;
    int offset = col0 + 1;
    FILE *f = (filename && filename[0] != '<') ? fopen(filename, "rb") : NULL;
    if (f != NULL) {
        size_t cap = 256, len = 0;
        int line = 1, ch;
        text = ft_mem_alloc(cap);
        while (text && (ch = fgetc(f)) != EOF) {
            if (line > lineno)
                break;
            if (ch == '\n') {
                line++;
                continue;
            }
            if (line < lineno || ch == '\r')
                continue;
            if (len + 2 > cap) {
                char *t = ft_mem_realloc(text, cap *= 2);
                if (t == NULL) {
                    ft_mem_free(text);
                    text = NULL;
                    break;
                }
                text = t;
            }
            text[len++] = (char)ch;
        }
        fclose(f);
        if (text && line < lineno) {
            ft_mem_free(text);
            text = NULL;
        }
        if (text) {
            text[len] = '\0';
            /* The offset counts characters, the column bytes. */
            int chars = 0;
            for (int i = 0; i < col0 && i < (int)len; i++)
                if (((unsigned char)text[i] & 0xC0) != 0x80)
                    chars++;
            offset = chars + 1;
        }
        ft_err_clear(); /* a MemoryError from reading the line is not ours */
    }
    ft_err_syntax(FtExc_SyntaxError, msg, filename, lineno, offset, text);
    ft_mem_free(text);
}

static int syntax_error(FtSymTable *st, int lineno, int col, const char *fmt,
                        const char *name)
{
    char buf[512];
    snprintf(buf, sizeof buf, fmt, name);
    ft_compile_syntax_error(st->filename, lineno, col, buf);
    return -1;
}

static int enter_block(FtSymTable *st, const char *name, FtBlockType type,
                       const void *node, int lineno, int col)
{
    FtSymEntry *e = ft_mem_calloc(1, sizeof(FtSymEntry));
    if (e == NULL)
        return -1;
    if (grow((void **)&st->all, &st->cap_all, st->n_all, sizeof(FtSymEntry *)) < 0) {
        ft_mem_free(e);
        return -1;
    }
    st->all[st->n_all++] = e;
    e->type = type;
    e->name = name;
    e->node = node;
    if (index_entry(st, e) < 0)
        return -1;
    e->lineno = lineno;
    e->col = col;
    e->parent = st->cur;
    ft_strmap_init(&e->index);
    FtSymEntry *p = st->cur;
    if (p) {
        if (grow((void **)&p->children, &p->cap_children, p->n_children,
                 sizeof(FtSymEntry *)) < 0)
            return -1;
        p->children[p->n_children++] = e;
        if (p->nested || p->type == FT_BLOCK_FUNCTION)
            e->nested = 1;
    } else {
        st->top = e;
    }
    st->cur = e;
    return 0;
}

static void exit_block(FtSymTable *st) { st->cur = st->cur->parent; }

static int add_def(FtSymTable *st, const char *name, int flag, int lineno,
                   int col)
{
    const char *mangled = ft_symtable_mangle(st, st->privname, name);
    if (mangled == NULL)
        return -1;
    FtSymEntry *cur = st->cur;
    FtSymbol *s = entry_symbol(cur, mangled);
    if (s == NULL)
        return -1;
    if ((flag & FT_DEF_PARAM) && (s->flags & FT_DEF_PARAM))
        return syntax_error(st, lineno, col,
                            "duplicate argument '%s' in function definition",
                            mangled);
    s->flags |= flag;
    if (flag & FT_DEF_PARAM) {
        if (grow((void **)&cur->params, &cur->cap_params, cur->n_params,
                 sizeof(const char *)) < 0)
            return -1;
        cur->params[cur->n_params++] = mangled;
    } else if ((flag & FT_DEF_GLOBAL) && cur != st->top) {
        /* As in CPython, the module learns that the name is global too. */
        FtSymbol *g = entry_symbol(st->top, mangled);
        if (g == NULL)
            return -1;
        g->flags |= flag;
    }
    return 0;
}

static int visit_expr(FtSymTable *st, FtAstExpr *e);
static int visit_stmts(FtSymTable *st, FtAstStmtSeq *seq);

static int visit_exprs(FtSymTable *st, FtAstExprSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (seq->items[i] && visit_expr(st, seq->items[i]) < 0)
            return -1;
    return 0;
}

static int visit_keywords(FtSymTable *st, int n, FtAstKeyword *kw)
{
    for (int i = 0; i < n; i++)
        if (visit_expr(st, kw[i].value) < 0)
            return -1;
    return 0;
}

/* Defaults and annotations are evaluated in the scope that contains the
 * def. */
static int visit_defaults(FtSymTable *st, FtAstArguments *a)
{
    if (a == NULL)
        return 0;
    if (visit_exprs(st, &a->defaults) < 0)
        return -1;
    for (int i = 0; i < a->n_kwonly; i++)
        if (a->kw_defaults && a->kw_defaults[i] &&
            visit_expr(st, a->kw_defaults[i]) < 0)
            return -1;
    const FtAstArg *groups[] = {a->args, a->vararg, a->kwonly, a->kwarg};
    int counts[] = {a->n_args, a->vararg != NULL, a->n_kwonly,
                    a->kwarg != NULL};
    for (int g = 0; g < 4; g++)
        for (int i = 0; i < counts[g]; i++)
            if (groups[g][i].annotation != NULL &&
                visit_expr(st, groups[g][i].annotation) < 0)
                return -1;
    return 0;
}

static int visit_params(FtSymTable *st, FtAstArguments *a)
{
    if (a == NULL)
        return 0;
    for (int i = 0; i < a->n_args; i++)
        if (add_def(st, a->args[i].name, FT_DEF_PARAM, a->args[i].lineno,
                    a->args[i].col) < 0)
            return -1;
    for (int i = 0; i < a->n_kwonly; i++)
        if (add_def(st, a->kwonly[i].name, FT_DEF_PARAM, a->kwonly[i].lineno,
                    a->kwonly[i].col) < 0)
            return -1;
    if (a->vararg) {
        if (add_def(st, a->vararg->name, FT_DEF_PARAM, a->vararg->lineno,
                    a->vararg->col) < 0)
            return -1;
        st->cur->has_varargs = 1;
    }
    if (a->kwarg) {
        if (add_def(st, a->kwarg->name, FT_DEF_PARAM, a->kwarg->lineno,
                    a->kwarg->col) < 0)
            return -1;
        st->cur->has_varkeywords = 1;
    }
    return 0;
}

static int visit_comprehension(FtSymTable *st, FtAstExpr *e, FtCompKind kind,
                               const char *scope_name)
{
    FtAstComprehension *gens = e->v.comp.generators;
    /* The outermost iterable is evaluated in the enclosing scope. */
    if (visit_expr(st, gens[0].iter) < 0)
        return -1;
    if (enter_block(st, scope_name, FT_BLOCK_FUNCTION, e, e->lineno, e->col) < 0)
        return -1;
    st->cur->comprehension = kind;
    if (kind == FT_COMP_GENEXP)
        st->cur->is_generator = 1;
    /* ... and received as the implicit argument `.0`. */
    if (add_def(st, ".0", FT_DEF_PARAM, e->lineno, e->col) < 0)
        return -1;
    if (visit_expr(st, gens[0].target) < 0 || visit_exprs(st, &gens[0].ifs) < 0)
        return -1;
    for (int i = 1; i < e->v.comp.n_generators; i++) {
        if (visit_expr(st, gens[i].target) < 0 ||
            visit_expr(st, gens[i].iter) < 0 || visit_exprs(st, &gens[i].ifs) < 0)
            return -1;
    }
    if (kind == FT_COMP_DICT) {
        if (visit_expr(st, e->v.comp.value) < 0 || visit_expr(st, e->v.comp.key) < 0)
            return -1;
    } else if (visit_expr(st, e->v.comp.elt) < 0) {
        return -1;
    }
    exit_block(st);
    return 0;
}

static int visit_yield(FtSymTable *st, FtAstExpr *e)
{
    if (e->v.yield.value && visit_expr(st, e->v.yield.value) < 0)
        return -1;
    st->cur->is_generator = 1;
    switch (st->cur->comprehension) {
    case FT_COMP_NONE:
        return 0;
    case FT_COMP_LIST:
        return syntax_error(st, e->lineno, e->col, "%s",
                            "'yield' inside list comprehension");
    case FT_COMP_SET:
        return syntax_error(st, e->lineno, e->col, "%s",
                            "'yield' inside set comprehension");
    case FT_COMP_DICT:
        return syntax_error(st, e->lineno, e->col, "%s",
                            "'yield' inside dict comprehension");
    case FT_COMP_GENEXP:
        break;
    }
    return syntax_error(st, e->lineno, e->col, "%s",
                        "'yield' inside generator expression");
}

int ft_compile_recursion_error(void)
{
    ft_err_set_string(FtExc_RecursionError,
                      "maximum recursion depth exceeded during compilation");
    return -1;
}

int ft_compile_check_stack(void)
{
    if (!ft_eval_c_stack_exhausted(ft_tstate_get()))
        return 0;
    ft_err_clear(); /* the eval loop's words; ours say where it happened */
    return ft_compile_recursion_error();
}

static int visit_expr1(FtSymTable *st, FtAstExpr *e);

static int visit_expr(FtSymTable *st, FtAstExpr *e)
{
    if (ft_compile_check_depth(st->depth) < 0)
        return -1;
    st->depth++;
    int r = visit_expr1(st, e);
    st->depth--;
    return r;
}

static int visit_expr1(FtSymTable *st, FtAstExpr *e)
{
    switch (e->kind) {
    case FT_EXPR_BOOLOP:
        return visit_exprs(st, &e->v.boolop.values);
    case FT_EXPR_BINOP:
        if (visit_expr(st, e->v.binop.left) < 0)
            return -1;
        return visit_expr(st, e->v.binop.right);
    case FT_EXPR_UNARYOP:
        return visit_expr(st, e->v.unaryop.operand);
    case FT_EXPR_LAMBDA:
        if (visit_defaults(st, e->v.lambda.args) < 0)
            return -1;
        if (enter_block(st, "lambda", FT_BLOCK_FUNCTION, e, e->lineno, e->col) < 0)
            return -1;
        if (visit_params(st, e->v.lambda.args) < 0 ||
            visit_expr(st, e->v.lambda.body) < 0)
            return -1;
        exit_block(st);
        return 0;
    case FT_EXPR_IFEXP:
        if (visit_expr(st, e->v.ifexp.test) < 0 ||
            visit_expr(st, e->v.ifexp.body) < 0)
            return -1;
        return visit_expr(st, e->v.ifexp.orelse);
    case FT_EXPR_DICT:
        if (visit_exprs(st, &e->v.dict.keys) < 0)
            return -1;
        return visit_exprs(st, &e->v.dict.values);
    case FT_EXPR_SET:
        return visit_exprs(st, &e->v.set.elts);
    case FT_EXPR_LISTCOMP:
        return visit_comprehension(st, e, FT_COMP_LIST, "listcomp");
    case FT_EXPR_SETCOMP:
        return visit_comprehension(st, e, FT_COMP_SET, "setcomp");
    case FT_EXPR_DICTCOMP:
        return visit_comprehension(st, e, FT_COMP_DICT, "dictcomp");
    case FT_EXPR_GENEXP:
        return visit_comprehension(st, e, FT_COMP_GENEXP, "genexpr");
    case FT_EXPR_YIELD:
    case FT_EXPR_YIELD_FROM:
        return visit_yield(st, e);
    case FT_EXPR_COMPARE:
        if (visit_expr(st, e->v.compare.left) < 0)
            return -1;
        for (int i = 0; i < e->v.compare.n; i++)
            if (visit_expr(st, e->v.compare.comparators[i]) < 0)
                return -1;
        return 0;
    case FT_EXPR_CALL:
        if (visit_expr(st, e->v.call.func) < 0 ||
            visit_exprs(st, &e->v.call.args) < 0)
            return -1;
        return visit_keywords(st, e->v.call.n_keywords, e->v.call.keywords);
    case FT_EXPR_FORMATTED_VALUE:
        if (visit_expr(st, e->v.formatted.value) < 0)
            return -1;
        if (e->v.formatted.format_spec)
            return visit_expr(st, e->v.formatted.format_spec);
        return 0;
    case FT_EXPR_JOINED_STR:
        return visit_exprs(st, &e->v.joined.values);
    case FT_EXPR_CONSTANT:
        return 0;
    case FT_EXPR_ATTRIBUTE:
        return visit_expr(st, e->v.attribute.value);
    case FT_EXPR_SUBSCRIPT:
        if (visit_expr(st, e->v.subscript.value) < 0)
            return -1;
        return visit_expr(st, e->v.subscript.slice);
    case FT_EXPR_STARRED:
        return visit_expr(st, e->v.starred.value);
    case FT_EXPR_NAME:
        if (add_def(st, e->v.name.id,
                    e->v.name.ctx == FT_CTX_LOAD ? FT_DEF_USE : FT_DEF_LOCAL,
                    e->lineno, e->col) < 0)
            return -1;
        /* super() finds its class through the __class__ cell. */
        if (e->v.name.ctx == FT_CTX_LOAD && st->cur->type == FT_BLOCK_FUNCTION &&
            strcmp(e->v.name.id, "super") == 0)
            return add_def(st, "__class__", FT_DEF_USE, e->lineno, e->col);
        return 0;
    case FT_EXPR_LIST:
    case FT_EXPR_TUPLE:
        return visit_exprs(st, &e->v.list.elts);
    case FT_EXPR_SLICE:
        if (e->v.slice.lower && visit_expr(st, e->v.slice.lower) < 0)
            return -1;
        if (e->v.slice.upper && visit_expr(st, e->v.slice.upper) < 0)
            return -1;
        if (e->v.slice.step && visit_expr(st, e->v.slice.step) < 0)
            return -1;
        return 0;
    }
    return 0;
}

static int visit_import_alias(FtSymTable *st, FtAstStmt *s, FtAstAlias *a)
{
    if (strcmp(a->name, "*") == 0) {
        if (st->cur->type != FT_BLOCK_MODULE)
            return syntax_error(st, s->lineno, s->col, "%s",
                                "import * only allowed at module level");
        return 0;
    }
    const char *store = a->asname;
    if (store == NULL) {
        const char *dot = strchr(a->name, '.');
        store = a->name;
        if (dot) {
            store = ft_symtable_strndup(st, a->name, (size_t)(dot - a->name));
            if (store == NULL)
                return -1;
        }
    }
    return add_def(st, store, FT_DEF_IMPORT, s->lineno, s->col);
}

static int visit_global(FtSymTable *st, FtAstStmt *s, int nonlocal)
{
    const char *what = nonlocal ? "nonlocal" : "global";
    for (int i = 0; i < s->v.global.names.n; i++) {
        const char *name = s->v.global.names.items[i];
        const char *mangled = ft_symtable_mangle(st, st->privname, name);
        if (mangled == NULL)
            return -1;
        FtSymbol *sym = ft_symtable_lookup(st->cur, mangled);
        int cur = sym ? sym->flags : 0;
        if (cur & (FT_DEF_PARAM | FT_DEF_LOCAL | FT_DEF_USE | FT_DEF_ANNOT)) {
            char fmt[128];
            if (cur & FT_DEF_PARAM)
                snprintf(fmt, sizeof fmt, "name '%%s' is parameter and %s", what);
            else if (cur & FT_DEF_USE)
                snprintf(fmt, sizeof fmt,
                         "name '%%s' is used prior to %s declaration", what);
            else if (cur & FT_DEF_ANNOT)
                snprintf(fmt, sizeof fmt, "annotated name '%%s' can't be %s",
                         what);
            else
                snprintf(fmt, sizeof fmt,
                         "name '%%s' is assigned to before %s declaration",
                         what);
            return syntax_error(st, s->lineno, s->col, fmt, name);
        }
        if (add_def(st, name, nonlocal ? FT_DEF_NONLOCAL : FT_DEF_GLOBAL,
                    s->lineno, s->col) < 0)
            return -1;
        sym = ft_symtable_lookup(st->cur, mangled);
        if (sym->dir_lineno == 0) {
            sym->dir_lineno = s->lineno;
            sym->dir_col = s->col;
        }
    }
    return 0;
}

static int visit_stmt1(FtSymTable *st, FtAstStmt *s);

static int visit_stmt(FtSymTable *st, FtAstStmt *s)
{
    if (ft_compile_check_depth(st->depth) < 0)
        return -1;
    st->depth++;
    int r = visit_stmt1(st, s);
    st->depth--;
    return r;
}

static int visit_stmt1(FtSymTable *st, FtAstStmt *s)
{
    switch (s->kind) {
    case FT_STMT_FUNCTIONDEF: {
        if (add_def(st, s->v.functiondef.name, FT_DEF_LOCAL, s->lineno, s->col) < 0)
            return -1;
        if (visit_defaults(st, s->v.functiondef.args) < 0 ||
            (s->v.functiondef.returns != NULL &&
             visit_expr(st, s->v.functiondef.returns) < 0) ||
            visit_exprs(st, &s->v.functiondef.decorators) < 0)
            return -1;
        if (enter_block(st, s->v.functiondef.name, FT_BLOCK_FUNCTION, s,
                        s->lineno, s->col) < 0)
            return -1;
        if (visit_params(st, s->v.functiondef.args) < 0 ||
            visit_stmts(st, &s->v.functiondef.body) < 0)
            return -1;
        exit_block(st);
        return 0;
    }
    case FT_STMT_CLASSDEF: {
        if (add_def(st, s->v.classdef.name, FT_DEF_LOCAL, s->lineno, s->col) < 0)
            return -1;
        if (visit_exprs(st, &s->v.classdef.bases) < 0 ||
            visit_keywords(st, s->v.classdef.n_keywords, s->v.classdef.keywords) < 0 ||
            visit_exprs(st, &s->v.classdef.decorators) < 0)
            return -1;
        if (enter_block(st, s->v.classdef.name, FT_BLOCK_CLASS, s, s->lineno,
                        s->col) < 0)
            return -1;
        const char *saved = st->privname;
        st->privname = s->v.classdef.name;
        if (visit_stmts(st, &s->v.classdef.body) < 0)
            return -1;
        st->privname = saved;
        exit_block(st);
        return 0;
    }
    case FT_STMT_RETURN:
        return s->v.ret.value ? visit_expr(st, s->v.ret.value) : 0;
    case FT_STMT_DELETE:
        return visit_exprs(st, &s->v.del.targets);
    case FT_STMT_ASSIGN:
        if (visit_exprs(st, &s->v.assign.targets) < 0)
            return -1;
        return visit_expr(st, s->v.assign.value);
    case FT_STMT_AUGASSIGN:
        if (visit_expr(st, s->v.augassign.target) < 0)
            return -1;
        return visit_expr(st, s->v.augassign.value);
    case FT_STMT_ANNASSIGN: {
        FtAstExpr *t = s->v.annassign.target;
        if (t->kind == FT_EXPR_NAME) {
            const char *mangled = ft_symtable_mangle(st, st->privname, t->v.name.id);
            if (mangled == NULL)
                return -1;
            FtSymbol *sym = ft_symtable_lookup(st->cur, mangled);
            int cur = sym ? sym->flags : 0;
            if ((cur & (FT_DEF_GLOBAL | FT_DEF_NONLOCAL)) && st->cur != st->top &&
                s->v.annassign.simple)
                return syntax_error(st, s->lineno, s->col,
                                    (cur & FT_DEF_GLOBAL)
                                        ? "annotated name '%s' can't be global"
                                        : "annotated name '%s' can't be nonlocal",
                                    t->v.name.id);
            if (s->v.annassign.simple) {
                if (add_def(st, t->v.name.id, FT_DEF_ANNOT | FT_DEF_LOCAL,
                            t->lineno, t->col) < 0)
                    return -1;
            } else if (s->v.annassign.value &&
                       add_def(st, t->v.name.id, FT_DEF_LOCAL, t->lineno, t->col) < 0) {
                return -1;
            }
        } else if (visit_expr(st, t) < 0) {
            return -1;
        }
        /* Module and class bodies evaluate annotations (or keep them as
         * strings: their names are then looked up by nobody, which a
         * lookup in these scopes does not change); functions never do. */
        if (st->cur->type != FT_BLOCK_FUNCTION &&
            visit_expr(st, s->v.annassign.annotation) < 0)
            return -1;
        return s->v.annassign.value ? visit_expr(st, s->v.annassign.value) : 0;
    }
    case FT_STMT_FOR:
        if (visit_expr(st, s->v.forloop.target) < 0 ||
            visit_expr(st, s->v.forloop.iter) < 0 ||
            visit_stmts(st, &s->v.forloop.body) < 0)
            return -1;
        return visit_stmts(st, &s->v.forloop.orelse);
    case FT_STMT_WHILE:
    case FT_STMT_IF:
        /* whileloop and ifstmt have the same layout */
        if (visit_expr(st, s->v.whileloop.test) < 0 ||
            visit_stmts(st, &s->v.whileloop.body) < 0)
            return -1;
        return visit_stmts(st, &s->v.whileloop.orelse);
    case FT_STMT_WITH:
        for (int i = 0; i < s->v.with.n_items; i++) {
            FtAstWithItem *it = &s->v.with.items[i];
            if (visit_expr(st, it->context_expr) < 0)
                return -1;
            if (it->optional_vars && visit_expr(st, it->optional_vars) < 0)
                return -1;
        }
        return visit_stmts(st, &s->v.with.body);
    case FT_STMT_RAISE:
        if (s->v.raise.exc && visit_expr(st, s->v.raise.exc) < 0)
            return -1;
        if (s->v.raise.cause && visit_expr(st, s->v.raise.cause) < 0)
            return -1;
        return 0;
    case FT_STMT_TRY:
        if (visit_stmts(st, &s->v.trystmt.body) < 0 ||
            visit_stmts(st, &s->v.trystmt.orelse) < 0)
            return -1;
        for (int i = 0; i < s->v.trystmt.n_handlers; i++) {
            FtAstExceptHandler *h = &s->v.trystmt.handlers[i];
            if (h->type && visit_expr(st, h->type) < 0)
                return -1;
            if (h->name && add_def(st, h->name, FT_DEF_LOCAL, h->lineno, h->col) < 0)
                return -1;
            if (visit_stmts(st, &h->body) < 0)
                return -1;
        }
        return visit_stmts(st, &s->v.trystmt.finalbody);
    case FT_STMT_ASSERT:
        if (visit_expr(st, s->v.assertion.test) < 0)
            return -1;
        return s->v.assertion.msg ? visit_expr(st, s->v.assertion.msg) : 0;
    case FT_STMT_IMPORT:
        for (int i = 0; i < s->v.import.n; i++)
            if (visit_import_alias(st, s, &s->v.import.names[i]) < 0)
                return -1;
        return 0;
    case FT_STMT_IMPORT_FROM:
        for (int i = 0; i < s->v.importfrom.n; i++)
            if (visit_import_alias(st, s, &s->v.importfrom.names[i]) < 0)
                return -1;
        return 0;
    case FT_STMT_GLOBAL:
        return visit_global(st, s, 0);
    case FT_STMT_NONLOCAL:
        return visit_global(st, s, 1);
    case FT_STMT_EXPR:
        return visit_expr(st, s->v.expr.value);
    case FT_STMT_PASS:
    case FT_STMT_BREAK:
    case FT_STMT_CONTINUE:
        return 0;
    }
    return 0;
}

static int visit_stmts(FtSymTable *st, FtAstStmtSeq *seq)
{
    for (int i = 0; i < seq->n; i++)
        if (visit_stmt(st, seq->items[i]) < 0)
            return -1;
    return 0;
}

/* ---- pass 2: resolving scopes (CPython's analyze_block) ----------------- */

/* Whether name is bound, for ste, by an enclosing function: CPython hands
 * every scope a copy of the set of such names, which costs the size of
 * that set per nested scope (a function with 50,000 locals and 1,000
 * lambdas copied 50 million names). The set is a function of the
 * enclosing scopes, already analysed when ste is, so it is read from them
 * instead, at the cost of the nesting depth per question:
 * - a function adds its locals (and cells) and removes the names it
 *   declares global;
 * - a class adds __class__ (and its own names stay invisible);
 * - the module binds nothing for its children. */
static int bound_above(const FtSymEntry *ste, const char *name)
{
    for (FtSymEntry *p = ste->parent; p != NULL; p = p->parent) {
        if (p->type == FT_BLOCK_MODULE)
            return 0;
        if (p->type == FT_BLOCK_CLASS) {
            if (strcmp(name, "__class__") == 0)
                return 1;
            continue;
        }
        FtSymbol *s = ft_symtable_lookup(p, name);
        if (s == NULL)
            continue;
        if (s->scope == FT_SCOPE_LOCAL || s->scope == FT_SCOPE_CELL)
            return 1;
        if (s->flags & FT_DEF_GLOBAL)
            return 0;
    }
    return 0;
}

static int analyze_name(FtSymTable *st, FtSymEntry *ste, FtSymbol *s,
                        FtNameSet *free)
{
    int flags = s->flags;
    const char *name = s->name;
    if (flags & FT_DEF_GLOBAL) {
        if (flags & FT_DEF_NONLOCAL)
            return syntax_error(st, s->dir_lineno, s->dir_col,
                                "name '%s' is nonlocal and global", name);
        s->scope = FT_SCOPE_GLOBAL_EXPLICIT;
        return 0;
    }
    if (flags & FT_DEF_NONLOCAL) {
        if (ste->type == FT_BLOCK_MODULE)
            return syntax_error(st, s->dir_lineno, s->dir_col, "%s",
                                "nonlocal declaration not allowed at module level");
        if (!bound_above(ste, name))
            return syntax_error(st, s->dir_lineno, s->dir_col,
                                "no binding for nonlocal '%s' found", name);
        s->scope = FT_SCOPE_FREE;
        ste->has_free = 1;
        return ft_nameset_add(free, name);
    }
    if (flags & FT_DEF_BOUND) {
        s->scope = FT_SCOPE_LOCAL;
        return 0;
    }
    /* Bound in an enclosing function: free here. */
    if (bound_above(ste, name)) {
        s->scope = FT_SCOPE_FREE;
        ste->has_free = 1;
        return ft_nameset_add(free, name);
    }
    s->scope = FT_SCOPE_GLOBAL_IMPLICIT;
    return 0;
}

/* Resolves every name of ste and of the scopes inside it, and adds to
 * free the names free in ste (they pass through from the scopes inside
 * it, too). */
static int analyze_block(FtSymTable *st, FtSymEntry *ste, FtNameSet *free)
{
    FtNameSet newfree = {0};
    int r = -1;
    for (int i = 0; i < ste->n_symbols; i++)
        if (analyze_name(st, ste, &ste->symbols[i], free) < 0)
            goto done;

    for (int i = 0; i < ste->n_children; i++) {
        FtSymEntry *c = ste->children[i];
        /* Scopes nest as deeply as the visitors above allowed; this
         * recursion has bigger frames, so it watches the C stack too. */
        if (ft_compile_check_stack() < 0 || analyze_block(st, c, &newfree) < 0)
            goto done;
        if (c->has_free || c->child_free)
            ste->child_free = 1;
    }

    if (ste->type == FT_BLOCK_FUNCTION) {
        /* Locals that nested functions use become cells. */
        for (int i = 0; i < ste->n_symbols; i++) {
            FtSymbol *s = &ste->symbols[i];
            if (s->scope == FT_SCOPE_LOCAL &&
                ft_nameset_contains(&newfree, s->name)) {
                s->scope = FT_SCOPE_CELL;
                ft_nameset_discard(&newfree, s->name);
            }
        }
    } else if (ste->type == FT_BLOCK_CLASS &&
               ft_nameset_contains(&newfree, "__class__")) {
        ft_nameset_discard(&newfree, "__class__");
        ste->needs_class_closure = 1;
    }

    /* Free variables of children that pass through this scope. */
    for (int i = 0; i < newfree.n; i++) {
        const char *name = newfree.items[i];
        FtSymbol *s = ft_symtable_lookup(ste, name);
        if (s) {
            if (ste->type == FT_BLOCK_CLASS &&
                (s->flags & (FT_DEF_BOUND | FT_DEF_GLOBAL)))
                s->flags |= FT_DEF_FREE_CLASS;
            continue;
        }
        if (ste->type != FT_BLOCK_MODULE && !bound_above(ste, name))
            continue; /* a global */
        s = entry_symbol(ste, name);
        if (s == NULL)
            goto done;
        s->scope = FT_SCOPE_FREE;
    }
    r = ft_nameset_update(free, &newfree);
done:
    ft_nameset_free(&newfree);
    return r;
}

FtSymTable *ft_symtable_build(FtAstModule *mod, int mode, const char *filename)
{
    FtSymTable *st = ft_mem_calloc(1, sizeof(FtSymTable));
    if (st == NULL)
        return NULL;
    st->filename = filename;
    if (enter_block(st, "top", FT_BLOCK_MODULE, mod, 0, 0) < 0)
        goto fail;
    if (mode == FT_PARSE_EVAL) {
        if (mod->expr && visit_expr(st, mod->expr) < 0)
            goto fail;
    } else if (visit_stmts(st, &mod->body) < 0) {
        goto fail;
    }
    FtNameSet free = {0};
    int r = analyze_block(st, st->top, &free);
    ft_nameset_free(&free);
    if (r < 0)
        goto fail;
    return st;
fail:
    ft_symtable_free(st);
    return NULL;
}
