/* objects/exceptions.h — the exception hierarchy, exception objects and the
 * error indicator (the exception being raised by the current thread, kept
 * in its FtThreadState). Exceptions are always normalised: the indicator
 * holds an instance, never a (type, value) pair.
 */
#include "objects/object.h" /* this header is part of object.h */

#ifndef FT_OBJECTS_EXCEPTIONS_H
#define FT_OBJECTS_EXCEPTIONS_H

/* Every exception instance has this layout (user subclasses add nothing:
 * their attributes live in `dict`). */
typedef struct {
    FT_OBJECT_HEAD
    FtObject *dict;      /* instance __dict__, created lazily */
    FtObject *args;      /* tuple */
    FtObject *traceback; /* FtTraceback chain or NULL */
    FtObject *context;   /* __context__ or NULL */
    FtObject *cause;     /* __cause__ or NULL */
    char suppress_context;
} FtBaseExceptionObject;

/* A traceback entry: one frame the exception passed through. The eval loop
 * prepends one as the exception leaves each frame; `next` points towards the
 * frame where it was raised. */
typedef struct FtTraceback {
    FT_OBJECT_HEAD
    FtObject *next; /* FtTraceback or NULL */
    FtObject *code; /* the frame's code object */
    int lineno;
} FtTraceback;
extern FtType FtTraceback_Type;

/* The built-in exception classes (created by ft_exceptions_init). */
extern FtType *FtExc_BaseException;
extern FtType *FtExc_SystemExit;
extern FtType *FtExc_KeyboardInterrupt;
extern FtType *FtExc_GeneratorExit;
extern FtType *FtExc_Exception;
extern FtType *FtExc_StopIteration;
extern FtType *FtExc_ArithmeticError;
extern FtType *FtExc_FloatingPointError;
extern FtType *FtExc_OverflowError;
extern FtType *FtExc_ZeroDivisionError;
extern FtType *FtExc_AssertionError;
extern FtType *FtExc_AttributeError;
extern FtType *FtExc_EOFError;
extern FtType *FtExc_ImportError;
extern FtType *FtExc_ModuleNotFoundError;
extern FtType *FtExc_LookupError;
extern FtType *FtExc_IndexError;
extern FtType *FtExc_KeyError;
extern FtType *FtExc_MemoryError;
extern FtType *FtExc_NameError;
extern FtType *FtExc_UnboundLocalError;
extern FtType *FtExc_OSError;
extern FtType *FtExc_FileNotFoundError;
extern FtType *FtExc_FileExistsError;
extern FtType *FtExc_PermissionError;
extern FtType *FtExc_IsADirectoryError;
extern FtType *FtExc_NotADirectoryError;
extern FtType *FtExc_InterruptedError;
extern FtType *FtExc_BlockingIOError;
extern FtType *FtExc_ChildProcessError;
extern FtType *FtExc_ProcessLookupError;
extern FtType *FtExc_TimeoutError;
extern FtType *FtExc_ConnectionError;
extern FtType *FtExc_BrokenPipeError;
extern FtType *FtExc_ConnectionAbortedError;
extern FtType *FtExc_ConnectionRefusedError;
extern FtType *FtExc_ConnectionResetError;
extern FtType *FtExc_RuntimeError;
extern FtType *FtExc_NotImplementedError;
extern FtType *FtExc_RecursionError;
extern FtType *FtExc_ReferenceError;
extern FtType *FtExc_SyntaxError;
extern FtType *FtExc_IndentationError;
extern FtType *FtExc_TabError;
extern FtType *FtExc_SystemError;
extern FtType *FtExc_TypeError;
extern FtType *FtExc_ValueError;
extern FtType *FtExc_UnicodeError;
extern FtType *FtExc_Warning;
extern FtType *FtExc_DeprecationWarning;
extern FtType *FtExc_RuntimeWarning;
extern FtType *FtExc_UserWarning;

int ft_exceptions_init(void);
/* Drops what the preallocated MemoryError still refers to from its last
 * use (at exit, so the debug reference total balances). */
void ft_exceptions_reset_memory_error(void);
/* Adds every exception class to a dict (the builtins namespace). */
int ft_exceptions_add_to(FtObject *dict);

static inline int ft_exception_check(FtObject *o)
{
    return (FT_TYPE(o)->tp_flags & FT_TPFLAGS_EXC_SUBCLASS) != 0;
}
/* FtType_Type and metaclasses carry FT_TPFLAGS_TYPE_SUBCLASS. */
static inline int ft_exception_class_check(FtObject *o)
{
    return (FT_TYPE(o)->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS) &&
           (((FtType *)o)->tp_flags & FT_TPFLAGS_EXC_SUBCLASS);
}

/* Creates an exception instance: type(*args). */
FtObject *ft_exc_new(FtType *type, FtObject *const *args, size_t nargs);

/* ---- the error indicator ---- */

/* OSError(err, strerror(err)[, filename[, None, filename2]]), which is the
 * errno's subclass (FileNotFoundError for ENOENT...). filename and
 * filename2 may be NULL. Always returns NULL, for `return ft_err_...`. */
FtObject *ft_err_set_from_errno_filename(int err, FtObject *filename);
FtObject *ft_err_set_from_errno_filename2(int err, FtObject *filename,
                                          FtObject *filename2);
/* The OSError subclass CPython picks for an errno value, or NULL. */
FtType *ft_oserror_type_for_errno(int64_t err);

/* Raise: the indicator takes a new reference to exc (an instance). The
 * exception being handled, if any, becomes its __context__. */
void ft_err_set_exc(FtObject *exc);
/* `raise X` semantics: X is an exception instance or class (instantiated
 * with no arguments); anything else raises TypeError. */
void ft_err_set_object(FtObject *type_or_instance);
void ft_err_set_none(FtType *type);                 /* type() */
void ft_err_set_value(FtType *type, FtObject *value); /* type(value) */
void ft_err_set_string(FtType *type, const char *msg);
/* printf-like with ftpy's extra conversions (see ft_str_from_format). */
void ft_err_format(FtType *type, const char *fmt, ...);
FtObject *ft_err_no_memory(void); /* sets MemoryError, returns NULL */
/* Borrowed: the exception being raised, or NULL. */
FtObject *ft_err_occurred(void);
/* 1 if the raised exception is an instance of type (or a subclass). */
int ft_err_matches(FtType *type);
int ft_exc_matches(FtObject *exc, FtObject *type_or_tuple);
/* Takes the raised exception out of the indicator (new ref, or NULL). */
FtObject *ft_err_fetch(void);
/* Puts exc back (steals the reference; NULL clears). */
void ft_err_restore(FtObject *exc);
void ft_err_clear(void);
/* KeyError with the key as its single argument. */
void ft_err_set_key(FtObject *key);
/* SyntaxError / IndentationError with CPython's attributes: msg, filename,
 * lineno, offset (1-based column), text (the source line, may be NULL). */
void ft_err_syntax(FtType *type, const char *msg, const char *filename,
                   int lineno, int offset, const char *text);
/* Records that the current exception passed through `code` at `lineno`. */
int ft_err_add_traceback(FtObject *code, int lineno);

/* Prints exc (with its __cause__/__context__ chain) and traceback to
 * stderr in CPython's format, including source lines read from files. */
void ft_err_print_exception(FtObject *exc);
/* Prints and clears the raised exception. */
void ft_err_print(void);
/* Accessors used by the printer and by `except ... as e` machinery. */
FtObject *ft_exc_get_args(FtObject *exc); /* borrowed tuple */
void ft_exc_set_traceback(FtObject *exc, FtObject *tb); /* new ref taken */
void ft_exc_set_context(FtObject *exc, FtObject *context);
void ft_exc_set_cause(FtObject *exc, FtObject *cause);
/* StopIteration.value (new ref; None if no args). */
FtObject *ft_stopiteration_value(FtObject *exc);

#endif
