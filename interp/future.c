/* interp/future.c — future statements: which `from __future__ import X`
 * lines at the top of a module turn features on (only `annotations`
 * changes anything in ftpy; the others are Python 3 behaviour already),
 * and the SyntaxErrors for unknown features and misplaced statements.
 * lib/__future__.py is the module the statement then imports at run time.
 */
#include "interp/future.h"

#include <stdio.h>
#include <string.h>

#include "interp/symtable.h" /* ft_compile_syntax_error */

/* Features every Python 3 program has: accepted, no effect. */
static const char *const always_on[] = {
    "nested_scopes",  "generators",       "division",
    "absolute_import", "with_statement",  "print_function",
    "unicode_literals", "generator_stop", NULL,
};

static int is_future_import(const FtAstStmt *s)
{
    return s->kind == FT_STMT_IMPORT_FROM && s->v.importfrom.level == 0 &&
           s->v.importfrom.module != NULL &&
           strcmp(s->v.importfrom.module, "__future__") == 0;
}

static int check_features(const FtAstStmt *s, const char *filename, int *flags)
{
    for (int i = 0; i < s->v.importfrom.n; i++) {
        const char *name = s->v.importfrom.names[i].name;
        int known = 0;
        for (int k = 0; always_on[k] != NULL; k++)
            if (strcmp(name, always_on[k]) == 0)
                known = 1;
        if (strcmp(name, "annotations") == 0) {
            *flags |= FT_FUTURE_ANNOTATIONS;
            known = 1;
        }
        if (known)
            continue;
        /* barry_as_FLUFL (`<>` for `!=`) is not implemented: refused as
         * unknown rather than accepted and ignored. */
        char msg[160];
        if (strcmp(name, "braces") == 0)
            snprintf(msg, sizeof msg, "not a chance");
        else
            snprintf(msg, sizeof msg, "future feature %.100s is not defined", name);
        ft_compile_syntax_error(filename, s->lineno, s->col, msg);
        return -1;
    }
    return 0;
}

int ft_future_parse(FtAstModule *mod, int mode, const char *filename,
                    FtFuture *ff)
{
    ff->flags = 0;
    ff->lineno = 0;
    if (mode == FT_PARSE_EVAL)
        return 0;
    FtAstStmtSeq *body = &mod->body;
    int i = 0, done = 0, prev_line = 0;
    if (body->n > 0 && body->items[0]->kind == FT_STMT_EXPR &&
        body->items[0]->v.expr.value->kind == FT_EXPR_CONSTANT &&
        FT_STR_CHECK(body->items[0]->v.expr.value->v.constant.value))
        i = 1; /* the docstring */
    for (; i < body->n; i++) {
        FtAstStmt *s = body->items[i];
        /* Statements after the first other one on a later line are left to
         * the compiler (ft_future_misplaced). */
        if (done && s->lineno > prev_line)
            return 0;
        prev_line = s->lineno;
        if (!is_future_import(s)) {
            done = 1;
            continue;
        }
        if (done) {
            ft_compile_syntax_error(filename, s->lineno, s->col,
                                    FT_FUTURE_MISPLACED);
            return -1;
        }
        if (check_features(s, filename, &ff->flags) < 0)
            return -1;
        ff->lineno = s->lineno;
    }
    return 0;
}

int ft_future_misplaced(const FtFuture *ff, const FtAstStmt *s)
{
    return is_future_import(s) && s->lineno > ff->lineno;
}
