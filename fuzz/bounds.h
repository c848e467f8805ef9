/* fuzz/bounds.h — how the run harness keeps an arbitrary program short:
 * a step budget, a memory budget and a wall-clock deadline, all enforced
 * through the eval breaker, so a normal build pays nothing for them.
 *
 * The protocol: while a program runs, the harness keeps the main thread's
 * eval-breaker word set, so the eval loop calls the breaker hook at every
 * backward jump and every call (the places where it already polls for
 * signals). The harness's hook runs the runtime's own hook first and then
 * counts one step:
 * - past FT_FUZZ_STEPS steps it raises KeyboardInterrupt, and raises it
 *   again at every later check, so a program that catches it still ends:
 *   the check after the handler (the loop's backward jump, the next call)
 *   raises outside the `try` that caught it;
 * - with more than FT_FUZZ_MEMORY bytes allocated since the program began
 *   it raises MemoryError (checked every 64 steps);
 * - a watchdog thread covers what never reaches a check (a lock acquire
 *   that nothing will release, a sleep): after FT_FUZZ_DEADLINE_MS it
 *   marks the program expired (the hook then raises as for the step
 *   budget), asks for an interrupt as SIGINT would
 *   (ft_signals_request_interrupt: lock waits poll for it), and sends
 *   the main thread a no-op signal that cuts a sleep short.
 * The step budget makes runs deterministic, which libFuzzer's coverage
 * feedback needs; the deadline only backs it up.
 *
 * Only the main thread is bounded: the run harness starts no threads.
 */
#ifndef FT_FUZZ_BOUNDS_H
#define FT_FUZZ_BOUNDS_H

#define FT_FUZZ_STEPS 200000L
#define FT_FUZZ_MEMORY (1024UL << 20)
#define FT_FUZZ_DEADLINE_MS 1000

/* Installs the hook and starts the watchdog; once, after ft_fuzz_init().
 * 0, or -1 after printing why. */
int ft_fuzz_bounds_init(void);
/* Around one program, in the main thread: begin arms the three bounds
 * (and drops an interrupt left over from the previous program), end
 * disarms them. Everything the program makes happen, its __del__ methods
 * at teardown included, belongs between the two. */
void ft_fuzz_bounds_begin(void);
void ft_fuzz_bounds_end(void);

#endif
