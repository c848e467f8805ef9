/* interp/main.c — the `ftpy` command: options, sys.argv, bringing the
 * runtime up and down, and the choice between a script, -c, piped stdin
 * and the interactive loop. Exit statuses follow CPython's.
 */
#include "config.h"
#include "interp/modules.h"
#include "objects/fileio.h"
#include "runtime/init.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0.1.0"
#endif

/* interp/run.c (same owner); each returns the process exit status. */
int ft_run_main_file(const char *path);
int ft_run_main_command(const char *code);
int ft_run_main_stdin(void);
int ft_run_repl(int quiet);

static const char usage_line[] =
    "usage: ftpy [-h] [-V] [-c CODE] [FILE] [ARGS...]\n";

static void usage(FILE *out)
{
    fputs(usage_line, out);
    fputs(
        "Options:\n"
        "  -c CODE  : program passed in as a string (terminates the option "
        "list)\n"
        "  -h       : print this help message and exit (also --help)\n"
        "  -q       : don't print the version banner in interactive mode\n"
        "  -u       : unbuffered stdout (stderr is always unbuffered)\n"
        "  -V       : print the version and the build configuration and exit\n"
        "             (also --version)\n"
        "Arguments:\n"
        "  FILE     : program read from a script file\n"
        "  -        : program read from stdin (the default; interactive when\n"
        "             stdin is a terminal)\n"
        "  ARGS     : passed to the program in sys.argv[1:]\n"
        "Environment:\n"
        "  FTPY_NO_FUSED : compile without the fused operand instructions\n"
        "                  (to measure what they save)\n"
        "  FTPY_DEFER    : free-threaded builds with immortal objects: what\n"
        "                  becomes immortal when the first thread starts:\n"
        "                  all (functions, classes, modules, builtins and\n"
        "                  the values of module globals; the default),\n"
        "                  objects (all but the globals' values), none\n",
        out);
}

static void bad_usage(const char *fmt, const char *arg)
{
    fputs("ftpy: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n", stderr);
    fputs(usage_line, stderr);
    fputs("Try `ftpy -h' for more information.\n", stderr);
}

/* "ftpy VERSION" and then the build configuration, one `key: value` line
 * per item, so that every measurement can be traced to a build. */
static void print_version(void)
{
    printf("ftpy %s\n", PACKAGE_VERSION);
#if defined(FT_CONFIG_SUMMARY)
    fputs(FT_CONFIG_SUMMARY, stdout);
#else
#if defined(FT_CONFIG_GIL)
    printf("gil: %s\n", FT_CONFIG_GIL);
#endif
#if defined(FT_CONFIG_REFCOUNT)
    printf("refcount: %s\n", FT_CONFIG_REFCOUNT);
#endif
#if defined(FT_CONFIG_OBJECT_LOCKS)
    printf("object-locks: %s\n", FT_CONFIG_OBJECT_LOCKS);
#endif
#if defined(FT_CONFIG_TSTATE)
    printf("tstate: %s\n", FT_CONFIG_TSTATE);
#endif
#if defined(FT_CONFIG_MALLOC)
    printf("malloc: %s\n", FT_CONFIG_MALLOC);
#endif
#endif
#if defined(FT_CONFIG_ARGS)
    printf("configure-args: %s\n", FT_CONFIG_ARGS);
#endif
}

int main(int argc, char **argv)
{
    const char *code = NULL;
    int quiet = 0, unbuffered = 0;
    int i = 1;
    while (i < argc && code == NULL) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') /* FILE, or "-" for stdin */
            break;
        i++;
        if (strcmp(a, "--") == 0)
            break;
        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            print_version();
            return 0;
        }
        if (a[1] == '-') {
            bad_usage("unknown option %s", a);
            return 2;
        }
        /* Single-letter options may be grouped: -uq, -uc CODE, -cCODE. */
        for (const char *p = a + 1; *p != '\0'; p++) {
            switch (*p) {
            case 'h':
            case '?':
                usage(stdout);
                return 0;
            case 'V':
                print_version();
                return 0;
            case 'q':
                quiet = 1;
                break;
            case 'u':
                unbuffered = 1;
                break;
            case 'c':
                if (p[1] != '\0')
                    code = p + 1;
                else if (i < argc)
                    code = argv[i++];
                else {
                    bad_usage("%s", "Argument expected for the -c option");
                    return 2;
                }
                goto next_arg; /* CODE ends the option list */
            default: {
                char opt[3] = {'-', *p, '\0'};
                bad_usage("unknown option %s", opt);
                return 2;
            }
            }
        }
    next_arg:;
    }

    /* sys.argv as CPython builds it: ["-c", ARGS...], [FILE, ARGS...],
     * or [""] for stdin and the interactive loop. */
    const char *script = NULL;
    static char empty[] = "";
    static char *empty_argv[] = {empty, NULL};
    if (code != NULL) {
        argv[i - 1] = (char *)"-c"; /* the slot that held CODE (or -cCODE) */
        ft_sys_set_argv(argc - (i - 1), argv + (i - 1));
    } else if (i < argc) {
        script = argv[i];
        ft_sys_set_argv(argc - i, argv + i);
    } else {
        ft_sys_set_argv(1, empty_argv);
    }

    if (unbuffered)
        setvbuf(stdout, NULL, _IONBF, 0);
    if (ft_runtime_init() < 0)
        return 1;

    int status;
    if (code != NULL)
        status = ft_run_main_command(code);
    else if (script != NULL && strcmp(script, "-") != 0)
        status = ft_run_main_file(script);
    else if (script == NULL && isatty(fileno(stdin)))
        status = ft_run_repl(quiet);
    else
        status = ft_run_main_stdin();

    ft_file_flush_all(); /* files the program never closed */
    fflush(stdout);
    ft_runtime_fini();
    return status;
}
