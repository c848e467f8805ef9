/* runtime/gil.h — the global interpreter lock, in the variant chosen by
 * --with-gil: `new` (Python 3.2's: a holder keeps the lock until another
 * thread has waited a switch interval and set a drop request; the holder
 * then drops it at its next eval-breaker check and waits until the
 * requester has taken it, so the requester really gets it), `legacy`
 * (Python 2's: the holder releases and re-acquires every N ticks — N =
 * sys.setcheckinterval, default 100 — with a mutex and condition variable,
 * and the OS decides who wins), or `none` (free-threaded: these calls cost
 * nothing).
 *
 * Only this header and runtime/gil*.c know the variant; everyone else says
 * FT_BEGIN_ALLOW_THREADS / FT_END_ALLOW_THREADS around a blocking call
 * (sleep, lock wait, join, write), and the eval loop calls
 * ft_eval_handle_breaker() when ft_eval_breaker is set.
 */
#ifndef FT_RUNTIME_GIL_H
#define FT_RUNTIME_GIL_H

#include "runtime/tstate.h"

/* Creates the lock; the calling (main) thread holds it afterwards. */
void ft_gil_init(void);
/* Takes the GIL for ts (blocking); ts becomes the current thread state. */
void ft_gil_acquire(FtThreadState *ts);
/* Gives the GIL up; returns the caller's thread state for ft_gil_restore. */
FtThreadState *ft_gil_save(void);
void ft_gil_restore(FtThreadState *ts);
/* 1 if the calling thread holds the GIL (always 1 with --with-gil=none). */
int ft_gil_held(void);

/* The switch interval (new GIL) in seconds and the check interval (legacy
 * GIL) in ticks; settable through sys. */
void ft_gil_set_switch_interval(double seconds);
double ft_gil_get_switch_interval(void);
void ft_gil_set_check_interval(int ticks);
int ft_gil_get_check_interval(void);

/* Releases the GIL around code that blocks and touches no objects. */
#define FT_BEGIN_ALLOW_THREADS                                                 \
    {                                                                          \
        FtThreadState *ft_gil_saved_ = ft_gil_save();
#define FT_END_ALLOW_THREADS                                                   \
        ft_gil_restore(ft_gil_saved_);                                         \
    }

#endif
