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
 * Only this header and runtime/gil.c know the variant; everyone else says
 * FT_BEGIN_ALLOW_THREADS / FT_END_ALLOW_THREADS around a blocking call
 * (sleep, lock wait, join, write), and the eval loop calls
 * ft_eval_handle_breaker() when ft_eval_breaker is set.
 *
 * Protocol for a thread other than the main one (interp/mod_thread.c):
 *     ts = ft_tstate_new(); ft_gil_acquire(ts);   ... run Python ...
 *     ft_tstate_delete(ts) under the GIL, then ft_gil_release_exit().
 * Inside FT_BEGIN_ALLOW_THREADS ... FT_END_ALLOW_THREADS the thread owns
 * no GIL: it must not touch any object, reference count or exception.
 * A thread waiting in such a block for something that may take long (a lock)
 * should wake up now and then to look at ft_signals_pending() (signals.h).
 */
#ifndef FT_RUNTIME_GIL_H
#define FT_RUNTIME_GIL_H

#include "runtime/gc.h"
#include "runtime/qsbr.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"

/* Defaults: the switch interval of the new GIL (seconds, CPython's 5 ms)
 * and the check interval of the legacy GIL (ticks, Python 2's 100). */
#define FT_GIL_SWITCH_INTERVAL_DEFAULT 0.005
#define FT_GIL_CHECK_INTERVAL_DEFAULT 100

/* The switch interval (new GIL) in seconds and the check interval (legacy
 * GIL) in ticks; settable through sys in every build (a variant that does
 * not use a value only stores it, so programs run everywhere). The setters
 * do not validate: sys does (seconds > 0), and ticks <= 0 is clamped to 1. */
void ft_gil_set_switch_interval(double seconds);
double ft_gil_get_switch_interval(void);
void ft_gil_set_check_interval(int ticks);
int ft_gil_get_check_interval(void);

/* Creates the lock, installs the signal handlers and the eval-breaker hook
 * (signals, drop requests); the calling (main) thread holds the GIL
 * afterwards. Call once, after the main thread's ft_tstate_new(). */
void ft_gil_init(void);

#if defined(FT_GIL_NONE)

/* Free-threaded: no lock. A blocking call still has to put its critical
 * sections aside (runtime/lock.h), which the ALLOW_THREADS macros do. */
static inline void ft_gil_acquire(FtThreadState *ts) { (void)ts; }
static inline FtThreadState *ft_gil_save(void)
{
    FtThreadState *ts = ft_tstate_get();
    ft_cs_suspend_all(ts);
    ft_qsbr_offline();
    ft_gc_detach(); /* counts as stopped for the collector */
    return ts;
}
static inline void ft_gil_restore(FtThreadState *ts)
{
    ft_gc_attach(); /* waits while the world is stopped */
    ft_qsbr_online();
    ft_cs_resume(ts);
}
static inline void ft_gil_release_exit(void) {}
static inline int ft_gil_held(void) { return 1; }
#define FT_GIL_TICK(ts) ((void)0)

#else

/* Takes the GIL for ts (blocking); ts must be the calling thread's state
 * (ft_tstate_new made it current). Must not already hold it. */
void ft_gil_acquire(FtThreadState *ts);
/* Gives the GIL up; returns the caller's thread state for ft_gil_restore. */
FtThreadState *ft_gil_save(void);
void ft_gil_restore(FtThreadState *ts);
/* Gives the GIL up for good (a thread that is about to exit: its state is
 * gone already, and the new GIL must not wait for a hand-off). */
void ft_gil_release_exit(void);
/* 1 if the calling thread holds the GIL (always 1 with --with-gil=none). */
int ft_gil_held(void);

#if defined(FT_GIL_LEGACY)
/* Python 2's ticker: one tick per executed instruction, counted where the
 * eval loop fetches the next one (interp/eval.c, DISPATCH). Per instruction
 * rather than per breaker point (backward jump, call) because that is the
 * unit of sys.setcheckinterval in Python 2 (which only skipped a few cheap
 * opcodes; we count all), and because this decrement-and-test on every
 * instruction is the cost this variant exists to measure. When the count
 * runs out the thread yields the GIL (ft_gil_tick_expired). */
void ft_gil_tick_expired(FtThreadState *ts);
#define FT_GIL_TICK(ts)                                                        \
    do {                                                                       \
        if (__builtin_expect(--(ts)->gil_ticks < 0, 0))                        \
            ft_gil_tick_expired(ts);                                           \
    } while (0)
#else
#define FT_GIL_TICK(ts) ((void)0)
#endif

#endif /* FT_GIL_NONE */

/* Releases the GIL around code that blocks and touches no objects. */
#define FT_BEGIN_ALLOW_THREADS                                                 \
    {                                                                          \
        FtThreadState *ft_gil_saved_ = ft_gil_save();
#define FT_END_ALLOW_THREADS                                                   \
        ft_gil_restore(ft_gil_saved_);                                         \
    }

#endif
