/* interp/compiler_internal.h — what the pieces of the bytecode compiler
 * share: the per-code-object unit being emitted (instructions, labels,
 * constants, names), the frame-block stack used to unwind try/with/loops,
 * and the entry points of compiler.c (units, emission, names),
 * compiler_expr.c, compiler_stmt.c and compiler_assemble.c. Private to
 * interp/compiler*.c.
 */
#ifndef FT_INTERP_COMPILER_INTERNAL_H
#define FT_INTERP_COMPILER_INTERNAL_H

#include "interp/code.h"
#include "interp/compiler.h"
#include "interp/future.h"
#include "interp/symtable.h"

/* One instruction before assembly. Jump arguments hold a label id. */
typedef struct {
    unsigned char op;
    int arg;
    int lineno;
} CInstr;

/* Frame blocks: the statically nested constructs a break/continue/return
 * must unwind (CPython 3.10's fblockinfo). */
typedef enum {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER
} FBlockType;

typedef struct {
    FBlockType type;
    int block; /* loops: the continue target */
    int exit;  /* loops: the break target */
    /* FB_FINALLY_TRY: the finally body (FtAstStmtSeq *); FB_HANDLER_CLEANUP:
     * the `as` name (const char *) or NULL; FB_WITH: the with statement. */
    const void *datum;
} FBlock;

typedef enum { U_MODULE, U_CLASS, U_FUNCTION, U_LAMBDA, U_COMPREHENSION } UnitKind;

typedef struct CUnit CUnit;
struct CUnit {
    CUnit *parent;
    FtSymEntry *ste;
    UnitKind kind;
    const char *name;   /* co_name: "f", "<lambda>", "<listcomp>", "<module>" */
    FtObject *qualname; /* str */
    const char *privname; /* class name for private-name mangling, or NULL */

    CInstr *instrs;
    int n_instrs, cap_instrs;
    int *labels; /* label id -> instruction index, -1 until placed */
    int n_labels, cap_labels;

    FtObject **consts; /* owned references */
    int n_consts, cap_consts;
    int *const_index; /* open-addressing hash of positions in consts, -1 = empty */
    int const_index_cap;

    FtStrMap names;    /* co_names */
    FtStrMap varnames; /* co_varnames: parameters first */
    FtStrMap cellvars; /* sorted, index = position */
    FtStrMap freevars; /* sorted, index = position (add n cellvars for DEREF) */

    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    int lineno, col; /* location given to the next instruction */

    FBlock fblocks[FT_MAX_BLOCKS];
    int n_fblocks;
};

typedef struct {
    FtSymTable *st;
    const char *filename;
    FtObject *filename_obj;
    CUnit *u;
    int interactive; /* FT_PARSE_SINGLE: expression statements print */
    int nestlevel;   /* number of units on the stack */
    int nomem;       /* an allocation failed while emitting (MemoryError set) */
    int depth;       /* recursion of the AST visitors (FT_COMPILE_MAX_DEPTH) */
    FtFuture future; /* the module's future statements */
} FtCompiler;

/* Every recursive visitor enters and leaves through these, so an AST too
 * deep for the C stack ends in RecursionError instead of a crash. */
static inline int cc_enter(FtCompiler *c)
{
    if (ft_compile_check_depth(c->depth) < 0)
        return -1;
    c->depth++;
    return 0;
}

static inline void cc_leave(FtCompiler *c) { c->depth--; }

/* ---- compiler.c ---- */

/* Location of the instructions emitted next. */
static inline void cc_set_loc(FtCompiler *c, int lineno, int col)
{
    c->u->lineno = lineno;
    c->u->col = col;
}

/* Emission never fails on its own: an allocation failure sets c->nomem,
 * which ft_compile reports when the unit is assembled. */
void cc_emit(FtCompiler *c, int op, int arg);
void cc_emit_jump(FtCompiler *c, int op, int label);
int cc_new_label(FtCompiler *c);
void cc_use_label(FtCompiler *c, int label);
/* Index of a constant in co_consts (de-duplicated by type and value);
 * o is borrowed. */
int cc_add_const(FtCompiler *c, FtObject *o);
void cc_load_const(FtCompiler *c, FtObject *o);
/* LOAD_CONST of a fresh object (steals o; NULL means it failed). */
int cc_load_const_new(FtCompiler *c, FtObject *o);
/* An instruction whose argument is an index in co_names (the name is
 * mangled first: attributes, imports). */
void cc_emit_name(FtCompiler *c, int op, const char *name);
/* Load, store or delete a variable, choosing FAST/DEREF/GLOBAL/NAME from
 * the symbol table. */
int cc_nameop(FtCompiler *c, const char *name, FtAstCtx ctx);
/* 1 if a module or class body annotates a name anywhere outside nested
 * functions and classes (it then starts with SETUP_ANNOTATIONS). */
int cc_has_annotations(const FtAstStmtSeq *body);
/* SyntaxError at the current location; returns -1. */
int cc_error(FtCompiler *c, const char *fmt, ...);
int cc_error_at(FtCompiler *c, int lineno, int col, const char *fmt, ...);
/* Internal failure: SystemError; returns -1. */
int cc_internal_error(FtCompiler *c, const char *what);

int cc_push_fblock(FtCompiler *c, FBlockType t, int block, int exit,
                   const void *datum);
void cc_pop_fblock(FtCompiler *c);
/* Emits the code that leaves the frame blocks: all of them when loop is
 * NULL (return), else those inside the innermost loop, whose block is then
 * stored in *loop (NULL when there is no loop). preserve_tos keeps a
 * return value on top of the stack. */
int cc_unwind_fblock_stack(FtCompiler *c, int preserve_tos, FBlock **loop);
int cc_unwind_fblock(FtCompiler *c, FBlock *fb, int preserve_tos);

/* Opens a code unit for the scope created by `node`. */
int cc_enter_scope(FtCompiler *c, const char *name, UnitKind kind,
                   const void *node, int firstlineno);
void cc_exit_scope(FtCompiler *c);
/* Emits LOAD_CLOSUREs/BUILD_TUPLE for the code's free variables, the code
 * and qualname constants and MAKE_FUNCTION; flags as for MAKE_FUNCTION. */
int cc_make_closure(FtCompiler *c, FtObject *code, int flags,
                    FtObject *qualname);
/* Assembles the current (function-like) unit, leaves it and pushes the
 * function object made from it. */
int cc_finish_function(FtCompiler *c, int flags);
/* exit_func(None, None, None) for the exit function below TOS. */
void cc_call_exit_with_nones(FtCompiler *c);

/* ---- compiler_expr.c ---- */

int cc_visit_expr(FtCompiler *c, FtAstExpr *e);
/* Jumps to label when the truth of e equals cond (consumes e). */
int cc_jump_if(FtCompiler *c, FtAstExpr *e, int label, int cond);
/* A call with `n` values already pushed as leading positional args. */
int cc_call_helper(FtCompiler *c, int n, FtAstExprSeq *args, int n_keywords,
                   FtAstKeyword *keywords);
/* Pushes defaults / kw-only defaults; returns MAKE_FUNCTION flags or -1. */
int cc_default_arguments(FtCompiler *c, FtAstArguments *args);
/* Stores TOS into the target expression e (Name, Attribute, Subscript,
 * Tuple, List, Starred inside them). */
int cc_visit_store(FtCompiler *c, FtAstExpr *e);
int cc_visit_delete(FtCompiler *c, FtAstExpr *e);
/* Compiles an iterable that is only iterated (for loops, `in`): a list
 * display becomes a tuple. */
int cc_visit_iterable(FtCompiler *c, FtAstExpr *e);
/* The value of a constant-foldable expression: 1 + new ref in *out, 0 when
 * not constant, -1 on error. */
int cc_fold(FtCompiler *c, FtAstExpr *e, FtObject **out);

/* ---- compiler_stmt.c ---- */

int cc_visit_stmt(FtCompiler *c, FtAstStmt *s);
int cc_visit_stmts(FtCompiler *c, FtAstStmtSeq *seq);
/* The docstring of a body, borrowed, or NULL. */
FtObject *cc_docstring(FtAstStmtSeq *body);

/* ---- compiler_assemble.c ---- */

/* Builds the code object of the current unit. */
FtObject *cc_assemble(FtCompiler *c);

#endif
