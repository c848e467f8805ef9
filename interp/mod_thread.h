/* interp/mod_thread.h — the _thread module (interp/mod_thread*.c) and the
 * threading module (Python source in interp/lib/threading.py, embedded by
 * interp/pylib.c): their constructors for the import table in
 * objects/module.c, the exit-time join for interp/run.c, and what the
 * mod_thread*.c files share among themselves.
 */
#ifndef FT_INTERP_MOD_THREAD_H
#define FT_INTERP_MOD_THREAD_H

#include "objects/object.h"

FtObject *ft_mod_thread_create(void);    /* import _thread */
FtObject *ft_mod_threading_create(void); /* import threading */
int ft_mod_thread_ready_types(void);     /* at start-up, by builtins */


/* At the end of the main program: if threading was imported, calls its
 * _shutdown(), which waits for every non-daemon thread. Prints what it
 * raises (KeyboardInterrupt while waiting, say). Returns 1 if threads are
 * still running afterwards (daemon threads: the caller must then leave
 * the objects they may use alone and just exit), else 0. */
int ft_thread_shutdown(void);

/* ---- shared by mod_thread.c, mod_thread_lock.c, mod_thread_local.c ---- */

extern FtType FtThreadLock_Type;  /* _thread.lock */
extern FtType FtThreadRLock_Type; /* _thread.RLock */
extern FtType FtThreadLocal_Type; /* _thread._local */

/* A new, unlocked _thread.lock. */
FtObject *ft_thread_lock_new(void);
/* Acquires / releases a _thread.lock from C (blocking, GIL released while
 * waiting). acquire: 1, or -1 with an exception (a signal handler's). */
int ft_thread_lock_acquire(FtObject *lock);
void ft_thread_lock_release(FtObject *lock);

/* Called by every thread that ends (mod_thread.c's thread body), under the
 * GIL: drops the thread's values from every threading.local. */
void ft_thread_local_thread_exit(void);

#endif
