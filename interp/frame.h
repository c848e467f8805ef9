/* interp/frame.h — execution frames and the eval loop's private interface:
 * the frame layout, the per-thread frame stack (bump-allocated chunks), the
 * generator object's layout and the helpers that eval.c, frame.c,
 * objects/function.c and objects/generator.c share. Not for other parts.
 */
#ifndef FT_INTERP_FRAME_H
#define FT_INTERP_FRAME_H

#include "interp/code.h"
#include "objects/object.h"
#include "runtime/tstate.h"

/* Block stack entries (CPython 3.10's, with SETUP_WITH stored as a
 * SETUP_FINALLY block as 3.10 does). */
enum { FT_BLOCK_SETUP_FINALLY = 1, FT_BLOCK_EXCEPT_HANDLER = 2 };

typedef struct {
    int type;
    int handler; /* absolute word index */
    int level;   /* value-stack depth when the block was pushed */
} FtBlock;

/* Frame states (generators look at them after the loop returns). */
enum {
    FT_FRAME_CREATED,   /* not started yet */
    FT_FRAME_RUNNING,
    FT_FRAME_SUSPENDED, /* yielded */
    FT_FRAME_DONE       /* returned or raised: its contents are released */
};

struct FtGeneratorObject;

/* A frame lives either in the thread's frame chunk (ordinary calls: LIFO,
 * no malloc) or on the heap (generator frames, owned by the generator).
 * It owns `func` and everything in localsplus (fast locals, then cells of
 * co_cellvars, then the closure's cells for co_freevars) and in the value
 * stack; code, globals, builtins and locals are borrowed — from func, or
 * from whoever called ft_eval_code / ft_function_exec_class_body and waits
 * for the frame to finish. */
typedef struct FtFrame {
    struct FtFrame *back;   /* the calling frame while running */
    FtCodeObject *code;
    FtObject *func;         /* owned; NULL for module code */
    FtObject *globals;
    FtObject *builtins;
    FtObject *locals;       /* dict for module code and class bodies */
    ft_codeunit *ip;        /* next instruction while not running */
    FtObject **sp;          /* value-stack top while not running */
    FtObject **stack;       /* value-stack base (= localsplus + nlocalsplus) */
    struct FtGeneratorObject *gen; /* owning generator (borrowed) or NULL */
    int nlocalsplus;
    int iblock;
    unsigned char is_entry;   /* the C caller of the loop waits for it */
    unsigned char on_heap;    /* allocated with ft_mem_alloc */
    unsigned char state;      /* FT_FRAME_* */
    unsigned char yield_from; /* suspended inside YIELD_FROM */
    FtBlock blocks[FT_MAX_BLOCKS];
    FtObject *localsplus[];
} FtFrame;

/* ---- the per-thread frame stack (frame.c) ---- */

typedef struct FtFrameChunk {
    struct FtFrameChunk *prev;  /* the chunk we came from */
    struct FtFrameChunk *spare; /* a freed chunk kept for reuse */
    char *top;
    char *end;
    char *data; /* first usable byte */
} FtFrameChunk;

FtFrame *ft_frame_alloc_slow(FtThreadState *ts, size_t size);

static inline size_t ft_frame_size(FtCodeObject *co, int nlocalsplus)
{
    return sizeof(FtFrame) +
           (size_t)(nlocalsplus + co->co_stacksize) * sizeof(FtObject *);
}

static inline int ft_code_nlocalsplus(FtCodeObject *co)
{
    return co->co_nlocals + (int)FT_TUPLE_SIZE(co->co_cellvars) +
           (int)FT_TUPLE_SIZE(co->co_freevars);
}

/* Memory for a frame of `size` bytes on ts's frame stack (uninitialised),
 * or NULL + MemoryError. */
static inline FtFrame *ft_frame_alloc(FtThreadState *ts, size_t size)
{
    FtFrameChunk *c = (FtFrameChunk *)ts->frame_chunk;
    if (c != NULL && (size_t)(c->end - c->top) >= size) {
        FtFrame *f = (FtFrame *)c->top;
        c->top += size;
        return f;
    }
    return ft_frame_alloc_slow(ts, size);
}

/* Gives back the memory of the innermost chunk frame f (frames are freed in
 * the reverse order of allocation). */
static inline void ft_frame_release(FtThreadState *ts, FtFrame *f)
{
    FtFrameChunk *c = (FtFrameChunk *)ts->frame_chunk;
    c->top = (char *)f;
    if (c->top == c->data && c->prev != NULL) {
        c->prev->spare = c;
        ts->frame_chunk = c->prev;
    }
}

/* Fills in the header of a fresh frame running co (localsplus untouched). */
static inline void ft_frame_init(FtFrame *f, FtCodeObject *co, int nlocalsplus,
                                 FtObject *func, FtObject *globals,
                                 FtObject *builtins, FtObject *locals)
{
    f->code = co;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    f->ip = co->co_code;
    f->stack = f->localsplus + nlocalsplus;
    f->sp = f->stack;
    f->gen = NULL;
    f->nlocalsplus = nlocalsplus;
    f->iblock = 0;
    f->is_entry = 1;
    f->on_heap = 0;
    f->state = FT_FRAME_CREATED;
    f->yield_from = 0;
}

/* Creates cells for co_cellvars (moving parameters that are cells into
 * theirs) and copies the closure's cells for co_freevars. 0 or -1. */
int ft_frame_init_cells(FtFrame *f, FtObject *closure);

/* A frame for calling func with the given arguments (borrowed): on the
 * frame stack, or on the heap when `heap` is set (generators). Arguments
 * are bound as CPython 3.11 does (TypeError with its messages). The frame
 * owns a new reference to func. NULL + exception on failure. */
FtFrame *ft_frame_new_call(FtThreadState *ts, FtObject *func,
                           FtObject *const *args, size_t nargs,
                           FtObject *kwnames, int heap);

/* Releases everything the frame owns (stack values, locals, cells, func)
 * and marks it done. The memory itself is not freed. */
void ft_frame_clear(FtFrame *f);
/* Frees a frame's memory after ft_frame_clear. */
void ft_frame_free(FtThreadState *ts, FtFrame *f);

/* func's code (func a function). Another thread may replace __code__ at
 * any moment: read it once per call, with this acquire load, and run what
 * it gave (objects/function.c never releases a replaced code object). */
static inline FtCodeObject *ft_function_code(FtObject *func)
{
    return (FtCodeObject *)ft_atomic_load_ptr_acquire(
        (void *const volatile *)&((FtFunctionObject *)func)->code);
}

/* Binds arguments into locals[0 .. argcount + kwonly + varargs + varkw)
 * by co, the code the frame was made for (read from func once, since
 * another thread may replace func.__code__),
 * which must all be NULL on entry; takes new references. 0, or -1 +
 * TypeError (the locals filled so far stay for the caller to clear). */
int ft_function_bind_args(FtObject *func, FtCodeObject *co, FtObject **locals,
                          FtObject *const *args, size_t nargs,
                          FtObject *kwnames);

/* ---- the eval loop (eval.c) ---- */

/* Runs frame f, which the caller set up (f->is_entry = 1), until it
 * returns, raises or yields. throwflag: an exception is already set and is
 * raised at f's current instruction (generator.throw). Unless the frame
 * yields (state FT_FRAME_SUSPENDED), the frame's contents are released
 * when this returns; the caller frees its memory. */
FtObject *ft_eval_frame(FtThreadState *ts, FtFrame *f, int throwflag);

/* Runs a function from C: the vectorcall entry of function objects. */
FtObject *ft_function_vectorcall(FtObject *func, FtObject *const *args,
                                 size_t nargs, FtObject *kwnames);

/* Creates a function object for MAKE_FUNCTION. */
FtObject *ft_function_new(FtObject *code, FtObject *globals,
                          FtObject *builtins, FtObject *qualname);

/* The current frame's locals as a dict (new reference): the locals dict
 * itself for module code and class bodies, else a fresh snapshot of the
 * bound fast locals and cells. For locals()/vars()/dir(). NULL + error, or
 * NULL without one when no Python frame is running. */
FtObject *ft_eval_locals(void);

/* The innermost running frame of the calling thread (borrowed) or NULL. */
FtFrame *ft_eval_current_frame(void);

/* ---- eval breaker ----
 * A per-thread word the loop tests at backward jumps and calls. Anything
 * that needs the running thread's attention (a signal, a GIL drop request)
 * sets it to non-zero and installs work in ft_eval_breaker_hook; the loop
 * then calls the hook, which returns 0 or -1 with an exception set.
 * Other threads and signal handlers write it, so every access is atomic:
 * ft_eval_breaker_get() in the loop, ft_atomic_*_u32 elsewhere. */
extern __thread uint32_t ft_eval_breaker;
/* The loop's test: a relaxed atomic load (one plain mov on x86). Not
 * through ft_atomic_load_u32: its volatile operand made GCC move the test
 * off the hot path of backward jumps (countdown.py 7% slower). */
static inline uint32_t ft_eval_breaker_get(void)
{
    return __atomic_load_n(&ft_eval_breaker, __ATOMIC_RELAXED);
}
extern int (*ft_eval_breaker_hook)(FtThreadState *ts);
int ft_eval_handle_breaker(FtThreadState *ts);
/* The calling thread's flag word, for code that must set it from another
 * thread (a GIL drop request): record it when the thread starts. */
volatile uint32_t *ft_eval_breaker_ptr(void);

/* ---- generators (objects/generator.c) ---- */

typedef struct FtGeneratorObject {
    FT_OBJECT_HEAD
    FtFrame *frame;     /* owned; NULL once finished */
    FtObject *code;     /* owned */
    FtObject *name;     /* owned str */
    FtObject *qualname; /* owned str */
    FtObject *exc_state; /* the generator's handled exception while suspended */
    char running;
} FtGeneratorObject;

/* Makes a generator that owns the (heap) frame f. Steals f. */
FtObject *ft_gen_new(FtFrame *f);

/* Results of ft_gen_send. */
enum { FT_GEN_ERROR = -1, FT_GEN_RETURN = 0, FT_GEN_YIELD = 1 };
/* Resumes gen with arg (borrowed, NULL = None); *result receives the
 * yielded or returned value (new ref) or NULL on error. */
int ft_gen_send(FtObject *gen, FtObject *arg, FtObject **result);
/* The object a suspended generator delegates to with `yield from`, or NULL
 * (borrowed). */
FtObject *ft_gen_yieldfrom(FtGeneratorObject *gen);

/* ---- recursion ---- */

/* Past the limit: raises RecursionError and undoes the increment (-1), or
 * lets the call through while a RecursionError is being raised (0). */
int ft_eval_recursion_error(FtThreadState *ts);
/* Counts one more Python-level call for ts. 0, or -1 + RecursionError. */
static inline int ft_eval_enter_call(FtThreadState *ts)
{
    if (++ts->recursion_depth > ts->recursion_limit)
        return ft_eval_recursion_error(ts);
    return 0;
}
static inline void ft_eval_leave_call(FtThreadState *ts)
{
    ts->recursion_depth--;
}
/* 1 + RecursionError when the C stack is nearly exhausted (checked where
 * the loop is entered from C), else 0. */
int ft_eval_c_stack_exhausted(FtThreadState *ts);

/* ---- slow paths of the eval loop (eval_ops.c) ----
 * Each returns NULL / -1 with an exception set on failure. */

/* Unpacks seq into out[0..n) in stack order (out[n-1] is the first item).
 * after < 0: exactly `before` items (UNPACK_SEQUENCE); else UNPACK_EX with
 * `before` leading and `after` trailing items and a list in between. */
int ft_ev_unpack(FtObject *seq, int before, int after, FtObject **out);
FtObject *ft_ev_load_name(FtFrame *f, FtObject *name);
FtObject *ft_ev_load_global(FtFrame *f, FtObject *name, FtInlineCache *c);
FtObject *ft_ev_load_classderef(FtFrame *f, int oparg);
int ft_ev_store_name(FtFrame *f, FtObject *name, FtObject *v);
int ft_ev_delete_name(FtFrame *f, FtObject *name);
int ft_ev_delete_global(FtFrame *f, FtObject *name);
void ft_ev_unbound_local(FtCodeObject *co, int oparg);
void ft_ev_unbound_deref(FtCodeObject *co, int oparg);
FtObject *ft_ev_import_name(FtFrame *f, FtObject *name, FtObject *fromlist,
                            FtObject *level);
FtObject *ft_ev_import_from(FtObject *module, FtObject *name);
int ft_ev_import_star(FtFrame *f, FtObject *module);
/* Module and class bodies that annotate names: locals['__annotations__']
 * = {} unless it is there already. 0 / -1. */
int ft_ev_setup_annotations(FtFrame *f);
/* RAISE_VARARGS: 1 = re-raise of the handled exception (no new traceback
 * entry), 0 = a new exception is set. */
int ft_ev_raise(FtThreadState *ts, FtObject *exc, FtObject *cause);
/* JUMP_IF_NOT_EXC_MATCH: 1 match, 0 no match, -1 error. */
int ft_ev_exc_match(FtObject *exc, FtObject *type);
FtObject *ft_ev_format_value(FtObject *value, int conversion, FtObject *spec);
FtObject *ft_ev_build_string(FtObject **items, int n);
int ft_ev_print_expr(FtObject *v);
int ft_ev_list_extend(FtObject *list, FtObject *iterable);
int ft_ev_dict_update(FtObject *dict, FtObject *other);
int ft_ev_dict_merge(FtObject *func, FtObject *dict, FtObject *other);
FtObject *ft_ev_call_ex(FtObject *func, FtObject *args, FtObject *kwargs);
/* SETUP_WITH: *exit_out = bound __exit__, returns __enter__() result. */
FtObject *ft_ev_setup_with(FtObject *mgr, FtObject **exit_out);
FtObject *ft_ev_build_map(FtObject **items, int n);
/* str + str where `next` is the following instruction: when it stores
 * into the variable holding l, that reference is dropped first so the
 * append can happen in place (CPython's unicode_concatenate). Consumes
 * the caller's reference to l; r is borrowed. */
FtObject *ft_ev_str_concat(FtFrame *f, FtObject *l, FtObject *r,
                           ft_codeunit next);
FtObject *ft_ev_build_const_key_map(FtObject *keys, FtObject **values, int n);
/* LOAD_ATTR / STORE_ATTR / LOAD_METHOD cache filling after a slow lookup. */
void ft_ev_fill_load_attr(FtInlineCache *c, FtObject *owner, FtObject *name,
                          FtObject *result);
void ft_ev_fill_store_attr(FtInlineCache *c, FtObject *owner, FtObject *name);
void ft_ev_fill_load_method(FtInlineCache *c, FtObject *owner, FtObject *name,
                            FtObject *meth);
/* Kinds of LOAD_ATTR cache entries (FtInlineCache.index). */
enum {
    FT_AC_INSTANCE = 1,   /* only the instance dict can hold it */
    FT_AC_CLASS_VALUE,    /* instance dict, else the class attribute itself */
    FT_AC_CLASS_DESCR,    /* instance dict, else the non-data descriptor */
    FT_AC_DATA_DESCR,     /* the class's data descriptor */
    FT_AC_MODULE          /* a module's dict entry (version = dict version) */
};

#endif
