/* bench/peakrss.c — runs a command and writes its peak resident set size
 * (getrusage's ru_maxrss, in KiB) to a file: the memory column of
 * `make compare`, without depending on GNU time being installed. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static const char usage[] =
    "usage: peakrss OUTFILE COMMAND [ARGS...]\n"
    "Runs COMMAND (its stdin, stdout and stderr are left alone), then writes\n"
    "the peak resident set size of the process, in KiB, to OUTFILE.\n"
    "Exits with COMMAND's status, 128 + N if signal N killed it, 127 if it\n"
    "could not be started, 2 on bad usage.\n";

int main(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
        fputs(usage, stdout);
        return 0;
    }
    if (argc < 3) {
        fputs(usage, stderr);
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("peakrss: fork");
        return 127;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "peakrss: cannot run %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    /* wait4 gives the rusage of this child alone, not of every child so far
     * (RUSAGE_CHILDREN would report the largest of them). */
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("peakrss: wait4");
            return 127;
        }
    }
    FILE *out = fopen(argv[1], "w");
    if (out == NULL || fprintf(out, "%ld\n", ru.ru_maxrss) < 0 || fclose(out) != 0) {
        fprintf(stderr, "peakrss: cannot write %s: %s\n", argv[1], strerror(errno));
        return 127;
    }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
