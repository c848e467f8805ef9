/* runtime/refcount.h — the object header's reference-count fields and the
 * FT_INCREF / FT_DECREF fast paths for the configured variant.
 *
 * This is the one place that knows which refcount variant was configured
 * (FT_REFCOUNT_PLAIN, ...). Object files only ever say FT_INCREF / FT_DECREF.
 * Because the header layout is what varies between variants, struct FtObject
 * itself is defined here; objects/object.h includes this file.
 *
 * With --enable-debug every change is also added to ft_rc_total, a global
 * reference total that must come back to its start value at exit for
 * programs without reference cycles (newly allocated objects count +1).
 */
#ifndef FT_RUNTIME_REFCOUNT_H
#define FT_RUNTIME_REFCOUNT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct FtObject FtObject;
typedef struct FtType FtType;

#if defined(FT_REFCOUNT_PLAIN)

/* Plain counts: ordinary ++/--, correct only while a GIL serialises them. */
#define FT_REFCOUNT_FIELDS ssize_t ob_refcnt;

#else
#error "runtime/refcount.h: no implemented refcount variant configured"
#endif

struct FtObject {
    FT_REFCOUNT_FIELDS
    FtType *ob_type;
};

#ifdef FT_DEBUG
extern ssize_t ft_rc_total;
#define FT_RC_TOTAL_ADD(n) (ft_rc_total += (n))
#else
#define FT_RC_TOTAL_ADD(n) ((void)0)
#endif

/* Called when a count reaches zero: runs the type's tp_dealloc. */
void ft_dealloc(FtObject *op);

static inline void ft_incref(FtObject *op)
{
    op->ob_refcnt++;
    FT_RC_TOTAL_ADD(1);
}

static inline void ft_decref(FtObject *op)
{
    FT_RC_TOTAL_ADD(-1);
    if (--op->ob_refcnt == 0)
        ft_dealloc(op);
}

/* Sets the count of a freshly allocated object (one reference, the caller's). */
static inline void ft_rc_init(FtObject *op)
{
    op->ob_refcnt = 1;
    FT_RC_TOTAL_ADD(1);
}

static inline ssize_t ft_refcnt(FtObject *op) { return op->ob_refcnt; }

#define FT_INCREF(op) ft_incref((FtObject *)(op))
#define FT_DECREF(op) ft_decref((FtObject *)(op))
#define FT_XINCREF(op)                                                         \
    do {                                                                       \
        FtObject *ft_xi_tmp_ = (FtObject *)(op);                               \
        if (ft_xi_tmp_ != NULL)                                                \
            ft_incref(ft_xi_tmp_);                                             \
    } while (0)
#define FT_XDECREF(op)                                                         \
    do {                                                                       \
        FtObject *ft_xd_tmp_ = (FtObject *)(op);                               \
        if (ft_xd_tmp_ != NULL)                                                \
            ft_decref(ft_xd_tmp_);                                             \
    } while (0)
/* Clears a variable before dropping the reference, so a destructor that
 * looks at the variable never sees a dead object. */
#define FT_CLEAR(var)                                                          \
    do {                                                                       \
        FtObject *ft_cl_tmp_ = (FtObject *)(var);                              \
        if (ft_cl_tmp_ != NULL) {                                              \
            (var) = NULL;                                                      \
            ft_decref(ft_cl_tmp_);                                             \
        }                                                                      \
    } while (0)
/* Replaces var with a new (owned) value and drops the old one afterwards. */
#define FT_SETREF(var, value)                                                  \
    do {                                                                       \
        FtObject *ft_sr_old_ = (FtObject *)(var);                              \
        (var) = (value);                                                       \
        FT_XDECREF(ft_sr_old_);                                                \
    } while (0)
/* A new reference to op, as an expression. */
static inline FtObject *ft_newref(FtObject *op)
{
    ft_incref(op);
    return op;
}
#define FT_NEWREF(op) ft_newref((FtObject *)(op))

#endif
