// bench/micro/shim.cc — implements bench/micro/shim.h on top of Google
// Benchmark, so that the benchmarks themselves (and main) stay in C and
// use ftpy's inline fast paths exactly as the interpreter compiles them.
#include "bench/micro/shim.h"

#include <benchmark/benchmark.h>

#include <string>

namespace
{

benchmark::State &S(ftb_state *st)
{
    return *reinterpret_cast<benchmark::State *>(st);
}

} // namespace

extern "C" {

void ftb_register(const char *name, ftb_func fn, int threads, long arg,
                  const char *arg_name)
{
    benchmark::internal::Benchmark *b =
        benchmark::RegisterBenchmark(name, [fn](benchmark::State &st) {
            fn(reinterpret_cast<ftb_state *>(&st));
        });
    b->UseRealTime();
    b->Unit(benchmark::kNanosecond);
    if (threads > 1)
        b->Threads(threads);
    if (arg >= 0) {
        b->Arg(arg);
        if (arg_name != nullptr)
            b->ArgName(arg_name);
    }
}

int ftb_keep_running(ftb_state *st) { return S(st).KeepRunning(); }

int ftb_keep_running_batch(ftb_state *st, long n)
{
    return S(st).KeepRunningBatch(static_cast<benchmark::IterationCount>(n));
}

long ftb_iterations(ftb_state *st)
{
    return static_cast<long>(S(st).iterations());
}

void ftb_pause(ftb_state *st) { S(st).PauseTiming(); }
void ftb_resume(ftb_state *st) { S(st).ResumeTiming(); }

void ftb_set_items_processed(ftb_state *st, long n)
{
    S(st).SetItemsProcessed(static_cast<int64_t>(n));
}

void ftb_set_label(ftb_state *st, const char *label) { S(st).SetLabel(label); }

void ftb_skip_with_error(ftb_state *st, const char *msg)
{
    S(st).SkipWithError(msg);
}

int ftb_thread_index(ftb_state *st) { return S(st).thread_index(); }
int ftb_threads(ftb_state *st) { return S(st).threads(); }
long ftb_arg(ftb_state *st) { return static_cast<long>(S(st).range(0)); }

int ftb_run(int *argc, char **argv)
{
    benchmark::Initialize(argc, argv);
    if (benchmark::ReportUnrecognizedArguments(*argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // extern "C"
