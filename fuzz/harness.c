/* fuzz/harness.c — the runtime set up for fuzzing (see harness.h): the
 * sanitizer defaults compiled into every harness, stdio on /dev/null, and
 * the input turned into source text.
 */
#include "fuzz/harness.h"
#include "runtime/init.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The sanitizers read these at start-up, before main; options given in
 * ASAN_OPTIONS / UBSAN_OPTIONS still win, so a reproducer runs alike from
 * `make fuzz` and by hand.
 * - detect_leaks=0: without a cycle collector classes (which refer to
 *   themselves through their MRO) are never freed, and the runtime keeps
 *   interned strings for good; neither is a finding.
 * - allocator_may_return_null + max_allocation_size_mb: one block larger
 *   than 256 MiB fails the way malloc fails on a machine without
 *   overcommit, so `[0] * 10**9` must raise MemoryError, and the runtime's
 *   out-of-memory paths are fuzzed too, instead of the whole run dying. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "detect_leaks=0:allocator_may_return_null=1:"
           "max_allocation_size_mb=256";
}

const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void)
{
    return "print_stacktrace=1:halt_on_error=1";
}

/* Points the C streams the runtime uses (sys.stdin/stdout/stderr wrap
 * them) at /dev/null. Only the FILE pointers change, not descriptors 0-2:
 * libFuzzer keeps its own copy of the original stderr pointer and the
 * sanitizers write to descriptor 2, so their reports still appear. */
static int silence_stdio(void)
{
    FILE *report = stderr;
    int fd = open("/dev/null", O_RDWR);
    FILE *in = fd >= 0 ? fdopen(fd, "r") : NULL;
    FILE *out = fd >= 0 ? fdopen(dup(fd), "w") : NULL;
    FILE *err = fd >= 0 ? fdopen(dup(fd), "w") : NULL;
    if (in == NULL || out == NULL || err == NULL) {
        fputs("ftpy-fuzz: cannot open /dev/null\n", report);
        return -1;
    }
    stdin = in;
    stdout = out;
    stderr = err;
    return 0;
}

int ft_fuzz_init(void)
{
    FILE *report = stderr;
    if (getenv("FTPY_FUZZ_VERBOSE") == NULL && silence_stdio() < 0)
        return -1;
    /* The runtime turns SIGINT into KeyboardInterrupt; a fuzzer must stop
     * on Ctrl-C instead, so the handler that was there before (libFuzzer's,
     * or the default one that libFuzzer then replaces) is put back. */
    struct sigaction before;
    sigaction(SIGINT, NULL, &before);
    if (ft_runtime_init() < 0) { /* it said why, to the program's stderr */
        fputs("ftpy-fuzz: the runtime did not start\n", report);
        return -1;
    }
    sigaction(SIGINT, &before, NULL);
    return 0;
}

const char *ft_fuzz_source(const uint8_t *data, size_t size)
{
    static char *buf;
    static size_t cap;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        size -= 3;
    }
    if (buf == NULL || size + 1 > cap) {
        char *nb = realloc(buf, size + 1);
        if (nb == NULL)
            return NULL;
        buf = nb;
        cap = size + 1;
    }
    if (size > 0) /* data may be NULL then */
        memcpy(buf, data, size);
    buf[size] = '\0';
    return buf;
}
