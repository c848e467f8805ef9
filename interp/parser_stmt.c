/* interp/parser_stmt.c — the statement grammar: simple statements
 * (assignments with their target checks, imports, del, raise...), compound
 * statements with their indented blocks, and the three input modes.
 */
#include "interp/parser_internal.h"

#include <string.h>

/* ---- statements ------------------------------------------------------------------- */

static int statement(FtParser *p, FtPVec *out);
static FtAstStmt *simple_stmt(FtParser *p);

static FtAstStmt *new_stmt(FtParser *p, FtAstStmtKind kind, const FtToken *t)
{
    FtAstStmt *s = ftp_alloc(p, sizeof *s);
    if (s == NULL)
        return NULL;
    s->kind = kind;
    s->lineno = t->lineno;
    s->col = t->col;
    return s;
}

static void end_stmt(FtParser *p, FtAstStmt *s)
{
    FtToken *t = ftp_last(p);
    s->end_lineno = t->end_lineno;
    s->end_col = t->end_col;
}

static const char *name_of(FtParser *p, const FtToken *t)
{
    const char *s = ft_arena_strndup(p->arena, t->start, (size_t)t->len);
    if (s == NULL)
        ftp_raised(p);
    return s;
}

static const char *expect_name(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    if (t->type != FT_TOK_NAME)
        return NULL;
    ftp_next(p);
    return name_of(p, t);
}

/* The ':' ending a compound statement's header. CPython says "expected
 * ':'" when the line ends there, or whatever follows for `forced` ones. */
static int expect_colon(FtParser *p, int forced)
{
    FtToken *t = ftp_peek(p);
    if (t->type == FT_TOK_COLON) {
        ftp_next(p);
        return 0;
    }
    if (forced || t->type == FT_TOK_NEWLINE)
        ftp_error_tok(p, t, "expected ':'");
    return -1;
}

static int at_stmt_end(FtParser *p)
{
    FtTokType t = ftp_peek_type(p);
    return t == FT_TOK_NEWLINE || t == FT_TOK_SEMI || t == FT_TOK_ENDMARKER;
}

/* simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int simple_stmts(FtParser *p, FtPVec *out)
{
    for (;;) {
        FtAstStmt *s = simple_stmt(p);
        if (s == NULL || ftp_push(p, out, s) < 0)
            return -1;
        if (!ftp_accept(p, FT_TOK_SEMI))
            break;
        if (ftp_peek_type(p) == FT_TOK_NEWLINE)
            break;
    }
    if (!ftp_accept(p, FT_TOK_NEWLINE))
        return -1;
    return 0;
}

/* The body after a header's ':' — an indented block or statements on the
 * same line. `what` names the header for the IndentationError. */
static int block(FtParser *p, FtAstStmtSeq *out, const char *what, int line)
{
    FtPVec v = {0};
    if (ftp_peek_type(p) != FT_TOK_NEWLINE) {
        if (simple_stmts(p, &v) < 0)
            return -1;
        *out = ftp_stmt_seq(&v);
        return 0;
    }
    ftp_next(p);
    FtToken *t = ftp_peek(p);
    if (t->type != FT_TOK_INDENT) {
        ftp_indent_error(p, t, "expected an indented block after %s on line %d",
                         what, line);
        return -1;
    }
    ftp_next(p);
    if (ftp_enter(p) < 0)
        return -1;
    while (ftp_peek_type(p) != FT_TOK_DEDENT) {
        if (statement(p, &v) < 0) {
            ftp_leave(p);
            return -1;
        }
    }
    ftp_leave(p);
    ftp_next(p);
    *out = ftp_stmt_seq(&v);
    return 0;
}

static int else_block(FtParser *p, FtAstStmtSeq *out)
{
    FtToken *t = ftp_next(p); /* else */
    if (expect_colon(p, 1) < 0)
        return -1;
    return block(p, out, "'else' statement", t->lineno);
}

static FtAstStmt *if_stmt(FtParser *p)
{
    FtToken *t = ftp_next(p); /* if or elif */
    int is_elif = t->type == FT_TOK_KW_ELIF;
    FtAstStmt *s = new_stmt(p, FT_STMT_IF, t);
    if (s == NULL || (s->v.ifstmt.test = ftp_named_expression(p)) == NULL)
        return NULL;
    if (expect_colon(p, 0) < 0 ||
        block(p, &s->v.ifstmt.body,
              is_elif ? "'elif' statement" : "'if' statement", t->lineno) < 0)
        return NULL;
    FtTokType next = ftp_peek_type(p);
    if (next == FT_TOK_KW_ELIF) {
        if (ftp_enter(p) < 0)
            return NULL;
        FtAstStmt *elif = if_stmt(p);
        ftp_leave(p);
        if (elif == NULL)
            return NULL;
        FtAstStmt **one = ftp_alloc(p, sizeof *one);
        if (one == NULL)
            return NULL;
        one[0] = elif;
        s->v.ifstmt.orelse.n = 1;
        s->v.ifstmt.orelse.items = one;
    } else if (next == FT_TOK_KW_ELSE) {
        if (else_block(p, &s->v.ifstmt.orelse) < 0)
            return NULL;
    }
    end_stmt(p, s);
    return s;
}

static FtAstStmt *while_stmt(FtParser *p)
{
    FtToken *t = ftp_next(p);
    FtAstStmt *s = new_stmt(p, FT_STMT_WHILE, t);
    if (s == NULL || (s->v.whileloop.test = ftp_named_expression(p)) == NULL)
        return NULL;
    if (expect_colon(p, 0) < 0 ||
        block(p, &s->v.whileloop.body, "'while' statement", t->lineno) < 0)
        return NULL;
    if (ftp_peek_type(p) == FT_TOK_KW_ELSE &&
        else_block(p, &s->v.whileloop.orelse) < 0)
        return NULL;
    end_stmt(p, s);
    return s;
}

static FtAstStmt *for_stmt(FtParser *p)
{
    FtToken *t = ftp_next(p);
    FtAstStmt *s = new_stmt(p, FT_STMT_FOR, t);
    if (s == NULL || (s->v.forloop.target = ftp_for_targets(p)) == NULL)
        return NULL;
    if (!ftp_accept(p, FT_TOK_KW_IN))
        return NULL;
    if (ftp_check_target(p, s->v.forloop.target, FTP_STORE_FOR) < 0)
        return NULL;
    if ((s->v.forloop.iter = ftp_star_expressions(p)) == NULL)
        return NULL;
    if (expect_colon(p, 0) < 0 ||
        block(p, &s->v.forloop.body, "'for' statement", t->lineno) < 0)
        return NULL;
    if (ftp_peek_type(p) == FT_TOK_KW_ELSE &&
        else_block(p, &s->v.forloop.orelse) < 0)
        return NULL;
    end_stmt(p, s);
    return s;
}

static int except_handler(FtParser *p, FtAstExceptHandler *h)
{
    FtToken *t = ftp_next(p); /* except */
    h->lineno = t->lineno;
    h->col = t->col;
    if (ftp_peek_type(p) == FT_TOK_STAR) {
        ftp_error_tok(p, ftp_peek(p), "except* is not supported");
        return -1;
    }
    if (ftp_peek_type(p) != FT_TOK_COLON &&
        ftp_peek_type(p) != FT_TOK_NEWLINE) {
        FtToken *start = ftp_peek(p);
        if ((h->type = ftp_expression(p)) == NULL)
            return -1;
        if (ftp_peek_type(p) == FT_TOK_COMMA) {
            ftp_error_tok(p, start,
                          "multiple exception types must be parenthesized");
            return -1;
        }
        if (ftp_accept(p, FT_TOK_KW_AS)) {
            if ((h->name = expect_name(p)) == NULL)
                return -1;
        }
    }
    if (expect_colon(p, 0) < 0)
        return -1;
    return block(p, &h->body, "'except' statement", t->lineno);
}

static FtAstStmt *try_stmt(FtParser *p)
{
    FtToken *t = ftp_next(p);
    FtAstStmt *s = new_stmt(p, FT_STMT_TRY, t);
    if (s == NULL || expect_colon(p, 1) < 0 ||
        block(p, &s->v.trystmt.body, "'try' statement", t->lineno) < 0)
        return NULL;
    FtPVec handlers = {0};
    while (ftp_peek_type(p) == FT_TOK_KW_EXCEPT) {
        FtAstExceptHandler *h = ftp_alloc(p, sizeof *h);
        if (h == NULL || except_handler(p, h) < 0 ||
            ftp_push(p, &handlers, h) < 0)
            return NULL;
    }
    int n = handlers.n;
    if (n > 0) {
        s->v.trystmt.handlers = ftp_alloc(p, (size_t)n * sizeof(FtAstExceptHandler));
        if (s->v.trystmt.handlers == NULL)
            return NULL;
        for (int i = 0; i < n; i++) {
            FtAstExceptHandler *h = handlers.items[i];
            if (h->type == NULL && i < n - 1)
                return ftp_error_at(p, h->lineno, h->col,
                                    "default 'except:' must be last");
            s->v.trystmt.handlers[i] = *h;
        }
        s->v.trystmt.n_handlers = n;
        if (ftp_peek_type(p) == FT_TOK_KW_ELSE &&
            else_block(p, &s->v.trystmt.orelse) < 0)
            return NULL;
    }
    if (ftp_peek_type(p) == FT_TOK_KW_FINALLY) {
        FtToken *f = ftp_next(p);
        if (expect_colon(p, 1) < 0 ||
            block(p, &s->v.trystmt.finalbody, "'finally' statement",
                  f->lineno) < 0)
            return NULL;
    } else if (n == 0) {
        return ftp_error_tok(p, ftp_peek(p),
                             "expected 'except' or 'finally' block");
    }
    end_stmt(p, s);
    return s;
}

static int with_item(FtParser *p, FtPVec *items)
{
    FtAstWithItem *w = ftp_alloc(p, sizeof *w);
    if (w == NULL || (w->context_expr = ftp_expression(p)) == NULL)
        return -1;
    if (ftp_accept(p, FT_TOK_KW_AS)) {
        if ((w->optional_vars = ftp_bitwise_or(p)) == NULL)
            return -1;
        FtTokType n = ftp_peek_type(p);
        if (n != FT_TOK_COMMA && n != FT_TOK_RPAR && n != FT_TOK_COLON &&
            n != FT_TOK_NEWLINE)
            return -1;
        if (ftp_check_target(p, w->optional_vars, FTP_STORE_WITH) < 0)
            return -1;
    }
    return ftp_push(p, items, w);
}

/* `with (a as b, c):` — the matching ')' is directly followed by ':'. */
static int parenthesized_with_items(FtParser *p)
{
    if (ftp_peek_type(p) != FT_TOK_LPAR ||
        ftp_peek_at(p, 1)->type == FT_TOK_KW_YIELD)
        return 0;
    int depth = 0;
    for (int i = p->pos; i < p->ntoks; i++) {
        FtTokType t = p->toks[i].type;
        if (t == FT_TOK_LPAR || t == FT_TOK_LSQB || t == FT_TOK_LBRACE)
            depth++;
        else if (t == FT_TOK_RPAR || t == FT_TOK_RSQB || t == FT_TOK_RBRACE) {
            if (--depth == 0)
                return i + 1 < p->ntoks && p->toks[i + 1].type == FT_TOK_COLON;
        } else if (t == FT_TOK_NEWLINE || t == FT_TOK_ENDMARKER) {
            return 0;
        }
    }
    return 0;
}

static FtAstStmt *with_stmt(FtParser *p)
{
    FtToken *t = ftp_next(p);
    FtAstStmt *s = new_stmt(p, FT_STMT_WITH, t);
    if (s == NULL)
        return NULL;
    FtPVec items = {0};
    int parens = parenthesized_with_items(p);
    if (parens)
        ftp_next(p);
    do {
        if (parens && ftp_peek_type(p) == FT_TOK_RPAR)
            break;
        if (with_item(p, &items) < 0)
            return NULL;
    } while (ftp_accept(p, FT_TOK_COMMA));
    if (parens && !ftp_accept(p, FT_TOK_RPAR))
        return NULL;
    if (expect_colon(p, 0) < 0 ||
        block(p, &s->v.with.body, "'with' statement", t->lineno) < 0)
        return NULL;
    s->v.with.n_items = items.n;
    s->v.with.items = ftp_alloc(p, (size_t)items.n * sizeof(FtAstWithItem));
    if (s->v.with.items == NULL)
        return NULL;
    for (int i = 0; i < items.n; i++)
        s->v.with.items[i] = *(FtAstWithItem *)items.items[i];
    end_stmt(p, s);
    return s;
}

static FtAstStmt *funcdef(FtParser *p, FtAstExprSeq decorators)
{
    FtToken *t = ftp_next(p); /* def */
    FtAstStmt *s = new_stmt(p, FT_STMT_FUNCTIONDEF, t);
    if (s == NULL || (s->v.functiondef.name = expect_name(p)) == NULL)
        return NULL;
    s->v.functiondef.decorators = decorators;
    if (ftp_peek_type(p) != FT_TOK_LPAR)
        return ftp_error_tok(p, ftp_peek(p), "expected '('");
    ftp_next(p);
    s->v.functiondef.args = ftp_parameters(p, FT_TOK_RPAR, 1);
    if (s->v.functiondef.args == NULL || !ftp_accept(p, FT_TOK_RPAR))
        return NULL;
    if (ftp_accept(p, FT_TOK_RARROW) &&
        (s->v.functiondef.returns = ftp_expression(p)) == NULL)
        return NULL;
    if (expect_colon(p, 1) < 0 ||
        block(p, &s->v.functiondef.body, "function definition", t->lineno) < 0)
        return NULL;
    end_stmt(p, s);
    return s;
}

static FtAstStmt *classdef(FtParser *p, FtAstExprSeq decorators)
{
    FtToken *t = ftp_next(p); /* class */
    FtAstStmt *s = new_stmt(p, FT_STMT_CLASSDEF, t);
    if (s == NULL || (s->v.classdef.name = expect_name(p)) == NULL)
        return NULL;
    s->v.classdef.decorators = decorators;
    FtToken *open = ftp_peek(p);
    if (ftp_accept(p, FT_TOK_LPAR) &&
        ftp_call_args(p, &s->v.classdef.bases, &s->v.classdef.n_keywords,
                      &s->v.classdef.keywords, open) < 0)
        return NULL;
    if (expect_colon(p, 0) < 0 ||
        block(p, &s->v.classdef.body, "class definition", t->lineno) < 0)
        return NULL;
    end_stmt(p, s);
    return s;
}

static FtAstStmt *decorated(FtParser *p)
{
    FtPVec decos = {0};
    while (ftp_accept(p, FT_TOK_AT)) {
        FtAstExpr *d = ftp_named_expression(p);
        if (d == NULL || ftp_push(p, &decos, d) < 0)
            return NULL;
        if (!ftp_accept(p, FT_TOK_NEWLINE))
            return NULL;
    }
    FtTokType t = ftp_peek_type(p);
    if (t == FT_TOK_KW_DEF)
        return funcdef(p, ftp_expr_seq(&decos));
    if (t == FT_TOK_KW_CLASS)
        return classdef(p, ftp_expr_seq(&decos));
    if (t == FT_TOK_KW_ASYNC)
        return ftp_error_tok(p, ftp_peek(p), "'async' is not supported");
    return NULL;
}

/* ---- simple statements ------------------------------------------------------------ */

static FtAstStmt *return_stmt(FtParser *p)
{
    FtAstStmt *s = new_stmt(p, FT_STMT_RETURN, ftp_next(p));
    if (s == NULL)
        return NULL;
    if (!at_stmt_end(p) && (s->v.ret.value = ftp_star_expressions(p)) == NULL)
        return NULL;
    end_stmt(p, s);
    return s;
}

static FtAstStmt *raise_stmt(FtParser *p)
{
    FtAstStmt *s = new_stmt(p, FT_STMT_RAISE, ftp_next(p));
    if (s == NULL)
        return NULL;
    if (!at_stmt_end(p)) {
        if ((s->v.raise.exc = ftp_expression(p)) == NULL)
            return NULL;
        if (ftp_accept(p, FT_TOK_KW_FROM) &&
            (s->v.raise.cause = ftp_expression(p)) == NULL)
            return NULL;
    }
    end_stmt(p, s);
    return s;
}

static FtAstStmt *global_stmt(FtParser *p)
{
    FtToken *t = ftp_next(p);
    FtAstStmt *s = new_stmt(
        p, t->type == FT_TOK_KW_GLOBAL ? FT_STMT_GLOBAL : FT_STMT_NONLOCAL, t);
    if (s == NULL)
        return NULL;
    FtPVec names = {0};
    do {
        const char *n = expect_name(p);
        if (n == NULL || ftp_push(p, &names, (void *)n) < 0)
            return NULL;
    } while (ftp_accept(p, FT_TOK_COMMA));
    s->v.global.names.n = names.n;
    s->v.global.names.items = (const char **)names.items;
    end_stmt(p, s);
    return s;
}

static FtAstStmt *del_stmt(FtParser *p)
{
    FtAstStmt *s = new_stmt(p, FT_STMT_DELETE, ftp_next(p));
    if (s == NULL)
        return NULL;
    FtPVec targets = {0};
    int trailing = 0;
    if (ftp_star_expr_list(p, &targets, &trailing) < 0)
        return NULL;
    if (!at_stmt_end(p))
        return NULL;
    for (int i = 0; i < targets.n; i++)
        if (ftp_check_target(p, targets.items[i], FTP_STORE_DEL) < 0)
            return NULL;
    s->v.del.targets = ftp_expr_seq(&targets);
    end_stmt(p, s);
    return s;
}

static FtAstStmt *assert_stmt(FtParser *p)
{
    FtAstStmt *s = new_stmt(p, FT_STMT_ASSERT, ftp_next(p));
    if (s == NULL || (s->v.assertion.test = ftp_expression(p)) == NULL)
        return NULL;
    if (ftp_accept(p, FT_TOK_COMMA) &&
        (s->v.assertion.msg = ftp_expression(p)) == NULL)
        return NULL;
    end_stmt(p, s);
    return s;
}

/* NAME ('.' NAME)* as one arena string "a.b.c". */
static const char *dotted_name(FtParser *p)
{
    int first = p->pos;
    if (ftp_peek_type(p) != FT_TOK_NAME)
        return NULL;
    ftp_next(p);
    size_t len = (size_t)p->toks[first].len;
    while (ftp_peek_type(p) == FT_TOK_DOT) {
        ftp_next(p);
        FtToken *n = ftp_peek(p);
        if (n->type != FT_TOK_NAME)
            return NULL;
        ftp_next(p);
        len += 1 + (size_t)n->len;
    }
    char *s = ftp_alloc(p, len + 1);
    if (s == NULL)
        return NULL;
    char *d = s;
    for (int i = first; i < p->pos; i++) {
        memcpy(d, p->toks[i].start, (size_t)p->toks[i].len);
        d += p->toks[i].len;
    }
    *d = '\0';
    return s;
}

static FtAstAlias *alias_array(FtParser *p, FtPVec *v)
{
    FtAstAlias *a = ftp_alloc(p, (size_t)v->n * sizeof *a);
    if (a == NULL)
        return NULL;
    for (int i = 0; i < v->n; i++)
        a[i] = *(FtAstAlias *)v->items[i];
    return a;
}

static FtAstStmt *import_stmt(FtParser *p)
{
    FtAstStmt *s = new_stmt(p, FT_STMT_IMPORT, ftp_next(p));
    if (s == NULL)
        return NULL;
    FtPVec names = {0};
    do {
        FtAstAlias *a = ftp_alloc(p, sizeof *a);
        if (a == NULL || (a->name = dotted_name(p)) == NULL)
            return NULL;
        if (ftp_accept(p, FT_TOK_KW_AS) && (a->asname = expect_name(p)) == NULL)
            return NULL;
        if (ftp_push(p, &names, a) < 0)
            return NULL;
    } while (ftp_accept(p, FT_TOK_COMMA));
    s->v.import.n = names.n;
    if ((s->v.import.names = alias_array(p, &names)) == NULL)
        return NULL;
    end_stmt(p, s);
    return s;
}

static int import_from_names(FtParser *p, FtPVec *names)
{
    if (ftp_peek_type(p) == FT_TOK_STAR) {
        ftp_next(p);
        FtAstAlias *a = ftp_alloc(p, sizeof *a);
        if (a == NULL)
            return -1;
        a->name = "*";
        return ftp_push(p, names, a);
    }
    int parens = ftp_accept(p, FT_TOK_LPAR);
    for (;;) {
        FtAstAlias *a = ftp_alloc(p, sizeof *a);
        if (a == NULL || (a->name = expect_name(p)) == NULL)
            return -1;
        if (ftp_accept(p, FT_TOK_KW_AS) && (a->asname = expect_name(p)) == NULL)
            return -1;
        if (ftp_push(p, names, a) < 0)
            return -1;
        if (!ftp_accept(p, FT_TOK_COMMA))
            break;
        if (parens && ftp_peek_type(p) == FT_TOK_RPAR)
            break;
        if (!parens && ftp_peek_type(p) == FT_TOK_NEWLINE) {
            ftp_error_tok(p, ftp_peek(p), "trailing comma not allowed without "
                                          "surrounding parentheses");
            return -1;
        }
    }
    if (parens && !ftp_accept(p, FT_TOK_RPAR))
        return -1;
    return 0;
}

static FtAstStmt *from_stmt(FtParser *p)
{
    FtAstStmt *s = new_stmt(p, FT_STMT_IMPORT_FROM, ftp_next(p));
    if (s == NULL)
        return NULL;
    int level = 0;
    for (;;) {
        if (ftp_accept(p, FT_TOK_DOT))
            level++;
        else if (ftp_accept(p, FT_TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    s->v.importfrom.level = level;
    if (level == 0 || ftp_peek_type(p) == FT_TOK_NAME) {
        if ((s->v.importfrom.module = dotted_name(p)) == NULL)
            return NULL;
    }
    if (!ftp_accept(p, FT_TOK_KW_IMPORT))
        return NULL;
    FtPVec names = {0};
    if (import_from_names(p, &names) < 0)
        return NULL;
    s->v.importfrom.n = names.n;
    if ((s->v.importfrom.names = alias_array(p, &names)) == NULL)
        return NULL;
    end_stmt(p, s);
    return s;
}

/* ---- assignment and expression statements ---------------------------------------------- */

static int is_augassign(FtTokType t)
{
    return t >= FT_TOK_PLUSEQUAL && t <= FT_TOK_ATEQUAL;
}

static FtAstStmt *annassign(FtParser *p, FtAstStmt *s, FtAstExpr *target,
                            int parenthesized)
{
    if (target->kind == FT_EXPR_TUPLE || target->kind == FT_EXPR_LIST)
        return ftp_error_expr(p, target,
                              "only single target (not %s) can be annotated",
                              target->kind == FT_EXPR_TUPLE ? "tuple" : "list");
    if (target->kind != FT_EXPR_NAME && target->kind != FT_EXPR_ATTRIBUTE &&
        target->kind != FT_EXPR_SUBSCRIPT)
        return ftp_error_expr(p, target, "illegal target for annotation");
    ftp_next(p); /* ':' */
    s->kind = FT_STMT_ANNASSIGN;
    ftp_set_ctx(target, FT_CTX_STORE);
    s->v.annassign.target = target;
    s->v.annassign.simple = target->kind == FT_EXPR_NAME && !parenthesized;
    if ((s->v.annassign.annotation = ftp_expression(p)) == NULL)
        return NULL;
    if (ftp_accept(p, FT_TOK_EQUAL)) {
        FtAstExpr *v = ftp_peek_type(p) == FT_TOK_KW_YIELD
                           ? ftp_yield_expr(p)
                           : ftp_star_expressions(p);
        if ((s->v.annassign.value = v) == NULL)
            return NULL;
    }
    end_stmt(p, s);
    return s;
}

static FtAstStmt *augassign(FtParser *p, FtAstStmt *s, FtAstExpr *target)
{
    FtAstExprKind k = target->kind;
    if (k != FT_EXPR_NAME && k != FT_EXPR_ATTRIBUTE && k != FT_EXPR_SUBSCRIPT)
        return ftp_error_expr(
            p, target, "'%s' is an illegal expression for augmented assignment",
            ftp_expr_name(target));
    FtToken *op = ftp_next(p);
    s->kind = FT_STMT_AUGASSIGN;
    ftp_set_ctx(target, FT_CTX_STORE);
    s->v.augassign.target = target;
    s->v.augassign.op = (int)(op->type - FT_TOK_PLUSEQUAL);
    FtAstExpr *v = ftp_peek_type(p) == FT_TOK_KW_YIELD ? ftp_yield_expr(p)
                                                        : ftp_star_expressions(p);
    if ((s->v.augassign.value = v) == NULL)
        return NULL;
    end_stmt(p, s);
    return s;
}

/* CPython 3.11 adds "here. Maybe you meant '=='..." when the bad target is
 * the last item of a single-`=` statement's target (its rule for mistyped
 * comparisons); returns 1 if that message was given. */
static int assign_hint(FtParser *p, FtAstExpr *target, FtAstExpr *value,
                       int value_tok)
{
    FtAstExpr *last = target;
    if (target->kind == FT_EXPR_TUPLE && target->v.list.elts.n > 0 &&
        target->lineno == target->v.list.elts.items[0]->lineno &&
        target->col == target->v.list.elts.items[0]->col)
        last = target->v.list.elts.items[target->v.list.elts.n - 1];
    FtTokType vt = p->toks[value_tok].type;
    if (vt == FT_TOK_KW_NOT || vt == FT_TOK_KW_LAMBDA || vt == FT_TOK_STAR ||
        vt == FT_TOK_KW_YIELD || value->kind == FT_EXPR_YIELD ||
        value->kind == FT_EXPR_YIELD_FROM)
        return 0;
    if (last->kind == FT_EXPR_NAME && last != target) {
        ftp_error_expr(p, last, "invalid syntax. Maybe you meant '==' or ':=' "
                                "instead of '='?");
        return 1;
    }
    FtAstExprKind k = last->kind;
    if (k == FT_EXPR_NAME || k == FT_EXPR_ATTRIBUTE || k == FT_EXPR_SUBSCRIPT ||
        k == FT_EXPR_STARRED || k == FT_EXPR_LIST || k == FT_EXPR_TUPLE ||
        k == FT_EXPR_GENEXP || k == FT_EXPR_COMPARE || k == FT_EXPR_IFEXP ||
        k == FT_EXPR_LAMBDA || k == FT_EXPR_BOOLOP ||
        (k == FT_EXPR_UNARYOP && last->v.unaryop.op == FT_UOP_NOT))
        return 0;
    if (k == FT_EXPR_CONSTANT) {
        FtObject *c = last->v.constant.value;
        if (c == FT_None || c == FT_True || c == FT_False)
            return 0;
    }
    if (ftp_invalid_target(target, FTP_STORE_ASSIGN) == NULL)
        return 0;
    ftp_error_expr(p, last,
                   "cannot assign to %s here. Maybe you meant '==' instead of "
                   "'='?",
                   ftp_expr_name(last));
    return 1;
}

static FtAstStmt *assignment(FtParser *p, FtAstStmt *s, FtAstExpr *first,
                             int first_tok)
{
    FtPVec targets = {0};
    FtAstExpr *value = first;
    int value_tok = first_tok;
    FtAstExpr *bare_yield = NULL; /* `yield = ...` (not parenthesised) */
    while (ftp_peek_type(p) == FT_TOK_EQUAL) {
        if (ftp_push(p, &targets, value) < 0)
            return NULL;
        if (bare_yield == NULL && p->toks[value_tok].type == FT_TOK_KW_YIELD)
            bare_yield = value;
        ftp_next(p);
        value_tok = p->pos;
        value = ftp_peek_type(p) == FT_TOK_KW_YIELD
                    ? ftp_yield_expr(p)
                    : ftp_star_expressions_any(p);
        if (value == NULL)
            return NULL;
    }
    if (!at_stmt_end(p))
        return NULL;
    if (bare_yield != NULL)
        return ftp_error_expr(p, bare_yield,
                              "assignment to yield expression not possible");
    if (value->kind == FT_EXPR_STARRED)
        return ftp_error_expr(p, value, "can't use starred expression here");
    for (int i = 0; i < targets.n; i++) {
        FtAstExpr *t = targets.items[i];
        if (ftp_invalid_target(t, FTP_STORE_ASSIGN) != NULL && i == 0 &&
            targets.n == 1 && assign_hint(p, t, value, value_tok))
            return NULL;
        if (ftp_check_target(p, t, FTP_STORE_ASSIGN) < 0)
            return NULL;
    }
    s->kind = FT_STMT_ASSIGN;
    s->v.assign.targets = ftp_expr_seq(&targets);
    s->v.assign.value = value;
    end_stmt(p, s);
    return s;
}

/* `print "x"`: CPython's hint for Python 2 habits. */
static int legacy_print(FtParser *p, FtAstExpr *first)
{
    if (first->kind != FT_EXPR_NAME || !ftp_starts_expression(ftp_peek_type(p)))
        return 0;
    const char *n = first->v.name.id;
    if (strcmp(n, "print") != 0 && strcmp(n, "exec") != 0)
        return 0;
    ftp_error_expr(p, first,
                   "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                   n, n);
    return 1;
}

static FtAstStmt *expr_stmt(FtParser *p)
{
    int first_tok = p->pos;
    FtToken *t = ftp_peek(p);
    FtAstStmt *s = new_stmt(p, FT_STMT_EXPR, t);
    if (s == NULL)
        return NULL;
    FtAstExpr *first = t->type == FT_TOK_KW_YIELD ? ftp_yield_expr(p)
                                                  : ftp_star_expressions_any(p);
    if (first == NULL)
        return NULL;
    FtTokType next = ftp_peek_type(p);
    if (next == FT_TOK_COLON)
        return annassign(p, s, first, t->type == FT_TOK_LPAR);
    if (is_augassign(next))
        return augassign(p, s, first);
    if (next == FT_TOK_EQUAL)
        return assignment(p, s, first, first_tok);
    if (!at_stmt_end(p)) {
        if (first->kind == FT_EXPR_NAME && t->type == FT_TOK_NAME &&
            strcmp(first->v.name.id, "match") == 0 &&
            ftp_starts_expression(next))
            return ftp_error_tok(p, t, "'match' statements are not supported");
        legacy_print(p, first);
        return NULL;
    }
    if (first->kind == FT_EXPR_STARRED)
        return ftp_error_expr(p, first, "can't use starred expression here");
    s->v.expr.value = first;
    end_stmt(p, s);
    return s;
}

static FtAstStmt *simple_stmt(FtParser *p)
{
    FtToken *t = ftp_peek(p);
    FtAstStmt *s;
    switch (t->type) {
    case FT_TOK_KW_PASS:
    case FT_TOK_KW_BREAK:
    case FT_TOK_KW_CONTINUE:
        s = new_stmt(p,
                     t->type == FT_TOK_KW_PASS    ? FT_STMT_PASS
                     : t->type == FT_TOK_KW_BREAK ? FT_STMT_BREAK
                                                  : FT_STMT_CONTINUE,
                     t);
        if (s != NULL) {
            ftp_next(p);
            end_stmt(p, s);
        }
        return s;
    case FT_TOK_KW_RETURN:
        return return_stmt(p);
    case FT_TOK_KW_RAISE:
        return raise_stmt(p);
    case FT_TOK_KW_GLOBAL:
    case FT_TOK_KW_NONLOCAL:
        return global_stmt(p);
    case FT_TOK_KW_DEL:
        return del_stmt(p);
    case FT_TOK_KW_ASSERT:
        return assert_stmt(p);
    case FT_TOK_KW_IMPORT:
        return import_stmt(p);
    case FT_TOK_KW_FROM:
        return from_stmt(p);
    default:
        return expr_stmt(p);
    }
}

static FtAstStmt *compound_stmt(FtParser *p)
{
    FtAstExprSeq none = {0, NULL};
    switch (ftp_peek_type(p)) {
    case FT_TOK_KW_IF:
        return if_stmt(p);
    case FT_TOK_KW_WHILE:
        return while_stmt(p);
    case FT_TOK_KW_FOR:
        return for_stmt(p);
    case FT_TOK_KW_TRY:
        return try_stmt(p);
    case FT_TOK_KW_WITH:
        return with_stmt(p);
    case FT_TOK_KW_DEF:
        return funcdef(p, none);
    case FT_TOK_KW_CLASS:
        return classdef(p, none);
    case FT_TOK_AT:
        return decorated(p);
    default:
        return NULL;
    }
}

static int is_compound_start(FtTokType t)
{
    return t == FT_TOK_KW_IF || t == FT_TOK_KW_WHILE || t == FT_TOK_KW_FOR ||
           t == FT_TOK_KW_TRY || t == FT_TOK_KW_WITH || t == FT_TOK_KW_DEF ||
           t == FT_TOK_KW_CLASS || t == FT_TOK_AT;
}

/* One statement line or compound statement; appends to out. */
static int statement(FtParser *p, FtPVec *out)
{
    FtToken *t = ftp_peek(p);
    if (t->type == FT_TOK_INDENT) {
        ftp_indent_error(p, t, "unexpected indent");
        return -1;
    }
    if (t->type == FT_TOK_KW_ASYNC || t->type == FT_TOK_KW_AWAIT) {
        ftp_error_tok(p, t, "'%s' is not supported", ft_tok_name(t->type));
        return -1;
    }
    if (is_compound_start(t->type)) {
        if (ftp_enter(p) < 0)
            return -1;
        FtAstStmt *s = compound_stmt(p);
        ftp_leave(p);
        if (s == NULL || ftp_push(p, out, s) < 0)
            return -1;
        return 0;
    }
    return simple_stmts(p, out);
}

/* ---- modes ------------------------------------------------------------------------------ */

FtAstModule *ftp_file_input(FtParser *p, FtAstModule *m)
{
    FtPVec body = {0};
    while (ftp_peek_type(p) != FT_TOK_ENDMARKER) {
        if (statement(p, &body) < 0)
            return NULL;
    }
    m->body = ftp_stmt_seq(&body);
    return m;
}

FtAstModule *ftp_single_input(FtParser *p, FtAstModule *m)
{
    FtPVec body = {0};
    if (ftp_peek_type(p) != FT_TOK_ENDMARKER) {
        if (statement(p, &body) < 0)
            return NULL;
        FtToken *t = ftp_peek(p);
        if (t->type != FT_TOK_ENDMARKER)
            return ftp_error_tok(p, t, "multiple statements found while "
                                       "compiling a single statement");
    }
    m->body = ftp_stmt_seq(&body);
    return m;
}

FtAstModule *ftp_eval_input(FtParser *p, FtAstModule *m)
{
    if ((m->expr = ftp_expressions(p)) == NULL)
        return NULL;
    while (ftp_accept(p, FT_TOK_NEWLINE))
        ;
    if (ftp_peek_type(p) != FT_TOK_ENDMARKER)
        return NULL;
    return m;
}

