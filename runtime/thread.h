/* runtime/thread.h — OS threads that run Python code: starting one with its
 * own FtThreadState (pthread_create, take the GIL, run, give it all back),
 * thread identity, how many such threads are running, their stack size.
 * The _thread module (interp/mod_thread.c) is the only caller for now.
 */
#ifndef FT_RUNTIME_THREAD_H
#define FT_RUNTIME_THREAD_H

#include <stddef.h>

/* Runs in the new thread with its state current and the GIL held. It owns
 * `arg` and must leave no exception set. */
typedef void (*ft_thread_func)(void *arg);

/* Starts an OS thread that runs func(arg) as above. Returns 0 and stores
 * the new thread's ident in *ident, or -1 with RuntimeError "can't start
 * new thread" set (func is then never called; arg is still the caller's).
 * Called with the GIL held. */
int ft_thread_start(ft_thread_func func, void *arg, unsigned long *ident);

/* The calling thread's ident (pthread_self, as CPython's get_ident). */
unsigned long ft_thread_get_ident(void);
/* The ident of the process's main thread. */
unsigned long ft_thread_main_ident(void);

/* Threads started by ft_thread_start that have not finished yet (a
 * finished one has deleted its state and given the GIL up for good). */
long ft_thread_running(void);

/* The stack size new threads get: 0 means the system default. The setter
 * returns -1 with ValueError for sizes the system would refuse. */
size_t ft_thread_get_stack_size(void);
int ft_thread_set_stack_size(size_t size);

#endif
