/* bench/micro/shim.h — the C face of Google Benchmark for ftpy's
 * microbenchmarks: C code registers benchmark functions and drives the
 * timing loop through an opaque state handle; bench/micro/shim.cc is the
 * only C++ in the tree and knows nothing about ftpy.
 */
#ifndef FT_BENCH_MICRO_SHIM_H
#define FT_BENCH_MICRO_SHIM_H

#ifdef __cplusplus
extern "C" {
#endif

/* A benchmark::State, seen from C. */
typedef struct ftb_state ftb_state;
typedef void (*ftb_func)(ftb_state *st);

/* Registers fn under name. threads > 1 runs fn in that many threads at
 * once (Google Benchmark's Threads(n); thread 0 is the calling thread);
 * arg >= 0 passes one argument, shown in the name as "/arg_name:arg" (or
 * "/arg" when arg_name is NULL). Wall-clock time is reported, so in
 * threaded runs the time per iteration is each thread's own. */
void ftb_register(const char *name, ftb_func fn, int threads, long arg,
                  const char *arg_name);

/* The timing loop: `while (ftb_keep_running_batch(st, n)) { n iterations }`
 * (the first call starts the timer, the last stops it). The batch form
 * keeps the per-iteration cost of crossing into C++ out of the numbers. */
int ftb_keep_running(ftb_state *st);
int ftb_keep_running_batch(ftb_state *st, long n);
/* Iterations done by this thread so far (after the loop: all of them). */
long ftb_iterations(ftb_state *st);

void ftb_pause(ftb_state *st);
void ftb_resume(ftb_state *st);
void ftb_set_items_processed(ftb_state *st, long n);
void ftb_set_label(ftb_state *st, const char *label);
/* Marks the run as failed (reported instead of a time). Call it before
 * the loop, or after the loop has ended. */
void ftb_skip_with_error(ftb_state *st, const char *msg);

int ftb_thread_index(ftb_state *st);
int ftb_threads(ftb_state *st);
long ftb_arg(ftb_state *st); /* the argument given to ftb_register */

/* Parses Google Benchmark's options out of argv (--benchmark_filter,
 * --benchmark_min_time, ...), rejects unknown ones, runs the selected
 * benchmarks and prints the table. 0, or 1 for a bad command line. */
int ftb_run(int *argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif
