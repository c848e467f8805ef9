/* runtime/signals.c — SIGINT to KeyboardInterrupt, SIGPIPE ignored. The
 * handler is async-signal-safe: two atomic stores and, when it runs in a
 * thread other than the main one, a pthread_kill that moves the signal to
 * the main thread (so its blocking call sees EINTR).
 */
#include "runtime/signals.h"
#include "interp/frame.h"
#include "objects/object.h"
#include "runtime/atomics.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>

static pthread_t main_thread;
static volatile uint32_t *main_breaker;
static volatile uint32_t sigint_pending; /* only through ft_atomic_*_u32 */
static __thread int is_main;

void ft_signals_request_interrupt(void)
{
    ft_atomic_store_u32(&sigint_pending, 1);
    if (main_breaker != NULL)
        ft_atomic_store_u32(main_breaker, 1);
}

static void on_sigint(int sig)
{
    int saved_errno = errno;
    ft_signals_request_interrupt();
    if (!is_main)
        pthread_kill(main_thread, sig);
    errno = saved_errno;
}

void ft_signals_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    main_thread = pthread_self();
    main_breaker = ft_eval_breaker_ptr();
    is_main = 1;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a read or sleep in the main thread must return EINTR
     * so that Ctrl-C interrupts it, as in CPython. */
    sa.sa_flags = 0;
    sa.sa_handler = on_sigint;
    struct sigaction old;
    /* Leave SIGINT alone if the parent made us ignore it (nohup-like
     * launchers, `cmd &` in a non-interactive shell), like CPython. */
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler != SIG_IGN)
        sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

int ft_signals_is_main_thread(void)
{
    return is_main;
}

int ft_signals_pending(void)
{
    return is_main && ft_atomic_load_u32(&sigint_pending) != 0;
}

int ft_signals_handle(void)
{
    if (!ft_signals_pending())
        return 0;
    ft_atomic_store_u32(&sigint_pending, 0);
    ft_err_set_none(FtExc_KeyboardInterrupt);
    return -1;
}
