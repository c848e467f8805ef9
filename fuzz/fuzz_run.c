/* fuzz/fuzz_run.c — libFuzzer harness: compiles the input and runs it as
 * the __main__ program, within the bounds of fuzz/bounds.h, then reports
 * an uncaught exception the way the command line does (to /dev/null) and
 * puts back the module state the program changed. Any outcome but normal
 * completion or an exception is a finding.
 *
 * What a program cannot do here, and why:
 * - start threads (_thread.start_new_thread raises RuntimeError): the
 *   process and its runtime serve input after input, so a thread that
 *   outlived its program would run during the next one and make findings
 *   unreproducible, and a deadlocked one would hang the join. Threads are
 *   tested by tests/threads under ThreadSanitizer instead.
 * - interrupt the main thread (_thread.interrupt_main raises too): SIGINT
 *   belongs to libFuzzer, which stops on it.
 * - sleep (time.sleep(s) sleeps 0 s when s > 0): a bound in steps cannot
 *   see time spent asleep; the watchdog would end it, but at a second per
 *   run.
 * - read input (stdin is /dev/null: input() raises EOFError), write
 *   output anywhere but /dev/null, or touch files and the process: open(),
 *   every function of io (open, the file classes) and of posix (the
 *   system calls under os: remove, rmdir, chdir, putenv, _exit, ...)
 *   raise RuntimeError. The seeds include the tests of files and os, and
 *   a mutated one must not delete, create or exit anything for real.
 */
#include "fuzz/bounds.h"
#include "fuzz/harness.h"
#include "interp/eval.h"
#include "interp/parser.h"
#include "objects/object.h"
#include "runtime/tstate.h"

#include <stdio.h>
#include <stdlib.h>

/* interp/run.c: reports the raised exception as the command line does
 * (SystemExit's code, a traceback) and returns the exit status. */
int ft_run_exit_status(void);

static const char prelude[] =
    "import _thread, time\n"
    "def _refused(*args, **kwargs):\n"
    "    raise RuntimeError('not in the fuzz harness')\n"
    "_thread.start_new_thread = _thread.start_new = _refused\n"
    "_thread.interrupt_main = _refused\n"
    "def _sleep(secs, _real=time.sleep):\n"
    "    _real(0 if secs > 0 else secs)\n"
    "time.sleep = _sleep\n"
    "import builtins, io, posix\n"
    "builtins.open = _refused\n"
    "for _m in (io, posix):\n"
    "    for _n in dir(_m):\n"
    "        if not _n.startswith('__') and callable(getattr(_m, _n)):\n"
    "            setattr(_m, _n, _refused)\n";

/* sys.modules and the dict of every module in it, as they were before the
 * first program: each program starts from them. (dict, copy) pairs, owned. */
static FtObject **saved;
static size_t nsaved;
static int recursion_limit;

static int save_dict(FtObject *d)
{
    FtObject **n = realloc(saved, (nsaved + 2) * sizeof *saved);
    if (n == NULL)
        return -1;
    saved = n;
    FtObject *copy = ft_dict_copy(d);
    if (copy == NULL)
        return -1;
    saved[nsaved++] = FT_NEWREF(d);
    saved[nsaved++] = copy;
    return 0;
}

static int save_state(void)
{
    FtObject *modules = ft_modules_dict();
    if (modules == NULL || save_dict(modules) < 0)
        return -1;
    ssize_t pos = 0;
    FtObject *name, *m;
    while (ft_dict_next(modules, &pos, &name, &m))
        if (FT_MODULE_CHECK(m) && save_dict(FT_MODULE_DICT(m)) < 0)
            return -1;
    recursion_limit = ft_tstate_get()->recursion_limit;
    return 0;
}

/* d gets exactly copy's items back (the same objects). Keys are deleted
 * one by one rather than clearing d, so d is never seen empty by a
 * __del__ that the deletions run. */
static void restore_dict(FtObject *d, FtObject *copy)
{
    if (ft_dict_update(d, copy) < 0)
        ft_err_clear();
    FtObject *keys = ft_dict_keys_list(d);
    if (keys == NULL) {
        ft_err_clear();
        return;
    }
    for (ssize_t i = 0; i < FT_LIST_SIZE(keys); i++) {
        FtObject *k = FT_LIST_ITEMS(keys)[i];
        int has = ft_dict_contains(copy, k);
        if (has == 0 && ft_dict_del(d, k) < 0)
            has = -1;
        if (has < 0)
            ft_err_clear();
    }
    FT_DECREF(keys);
}

static void restore_state(void)
{
    for (size_t i = 0; i < nsaved; i += 2)
        restore_dict(saved[i], saved[i + 1]);
    ft_tstate_get()->recursion_limit = recursion_limit;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (ft_fuzz_init() < 0 || ft_fuzz_bounds_init() < 0)
        exit(1);
    FtObject *globals = ft_dict_new();
    FtObject *r = globals ? ft_run_string(prelude, "<fuzz prelude>", globals,
                                          FT_PARSE_FILE)
                          : NULL;
    FT_XDECREF(globals);
    if (r == NULL || save_state() < 0) {
        fputs("ftpy-fuzz: cannot set the interpreter up\n", stderr);
        exit(1);
    }
    FT_DECREF(r);
    return 0;
}

/* One program as __main__, as the command line runs a script, except
 * that an uncaught KeyboardInterrupt (the spent budget, usually) is
 * dropped: the command line would kill the process with SIGINT. */
static void run_main(const char *src)
{
    FtObject *m = ft_module_new("__main__");
    if (m == NULL) {
        ft_err_clear();
        return;
    }
    FtObject *r =
        ft_run_string(src, FT_FUZZ_FILENAME, FT_MODULE_DICT(m), FT_PARSE_FILE);
    if (r == NULL) {
        if (ft_err_occurred() == NULL)
            abort(); /* NULL without an exception: a runtime bug */
        if (ft_err_matches(FtExc_KeyboardInterrupt))
            ft_err_clear();
        else
            ft_run_exit_status();
    }
    FT_XDECREF(r);
    /* What the program left runs its __del__ methods here, still bounded. */
    ft_dict_clear(FT_MODULE_DICT(m));
    ft_err_clear();
    FT_DECREF(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = ft_fuzz_source(data, size);
    if (src == NULL)
        return 0;
    ft_fuzz_bounds_begin();
    run_main(src);
    restore_state();
    ft_err_clear();
    ft_fuzz_bounds_end();
    return 0;
}
