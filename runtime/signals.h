/* runtime/signals.h — asynchronous signals: SIGINT becomes KeyboardInterrupt
 * in the main thread at its next eval-breaker check; SIGPIPE is ignored (a
 * write to a closed pipe fails with EPIPE instead of killing the process),
 * as in CPython.
 *
 * The handler only sets a flag and the main thread's eval breaker, and (when
 * the kernel delivered the signal to another thread) re-sends SIGINT to the
 * main thread so a blocking call there returns EINTR. Code that waits with
 * the GIL released in the main thread must therefore treat EINTR, or a
 * periodic wake-up, as "look at ft_signals_pending()".
 */
#ifndef FT_RUNTIME_SIGNALS_H
#define FT_RUNTIME_SIGNALS_H

struct FtThreadState;

/* Installs the handlers; the calling thread becomes "the main thread".
 * Called by ft_gil_init(). */
void ft_signals_init(void);
/* 1 if a signal awaits handling and the caller is the main thread (only
 * the main thread handles signals, as in CPython). Safe without the GIL. */
int ft_signals_pending(void);
/* Runs what the pending signals ask for: 0 if nothing was pending (or the
 * caller is not the main thread), -1 with KeyboardInterrupt set after a
 * SIGINT. Needs the GIL. */
int ft_signals_handle(void);
/* What the SIGINT handler records, without a signal (CPython's
 * PyErr_SetInterrupt): the main thread raises KeyboardInterrupt at its next
 * eval-breaker check, and its waits that poll ft_signals_pending() (lock
 * acquires) end; a sleep is cut short only by a real signal. Async-signal
 * safe; any thread may call it. The fuzz harness (fuzz/bounds.c) bounds a
 * program's wall-clock time with it. */
void ft_signals_request_interrupt(void);
/* 1 if the calling thread is the one that called ft_signals_init(). */
int ft_signals_is_main_thread(void);

#endif
