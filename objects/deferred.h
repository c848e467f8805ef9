/* objects/deferred.h — shared, long-lived objects whose counts threads stop
 * writing: module-level functions, classes, modules and what they are made
 * of, the built-in types, functions and descriptors.
 *
 * Why. These objects are made once, mostly by the main thread at import
 * time, and then used by every thread: each global load, call, method
 * lookup and instance creation takes and drops references to them. Under
 * biased counting (runtime/refcount.h) a thread that does not own an object
 * changes its shared count with an atomic read-modify-write, and two such
 * threads fight over the cache line that holds it: two worker threads
 * calling one module function ran 4x slower than one.
 *
 * What. CPython 3.14 defers the counting of such objects (the eval loop
 * does not count them, the cycle collector frees them). ftpy has no
 * collector yet, so it does what CPython 3.13 does: the objects marked
 * here become immortal (runtime/refcount.h) when the process starts its
 * first extra thread, and from then on at once when they are made. Nobody
 * writes their counts again, and they are never freed: that is the memory
 * this costs, and the README says so. When the collector exists, marked
 * objects will have their counts deferred and be collected instead.
 *
 * Which objects.
 *   - Marked when made (ft_deferred_mark): modules, classes (heap and
 *     static types), and functions defined outside any function (not
 *     closures, which programs make in loops). Marking one takes in its
 *     parts: a module's dict; a class's dict, MRO and bases; a function's
 *     code object (recursively its constants: tuples, nested code), its
 *     defaults and keyword defaults.
 *   - When the first extra thread starts (ft_deferred_threads_starting),
 *     also the values bound in every module namespace and class dict at
 *     that moment, one level deep (a global list is covered, not its
 *     items): the shared tables, instances and locks of a program, and the
 *     built-in functions and descriptors in module and type dicts. Objects
 *     whose type defines __del__, and generators, are left counted, so
 *     that their finalizers still run.
 *
 * Why it is safe. An object may be made immortal only while no other
 * thread can be changing its count: before the first extra thread starts
 * only one thread runs, and after that a marked object is made immortal by
 * the thread creating it, before anything else can reach it. Its parts
 * are reachable by others sooner (a shared tuple given as a class's
 * bases), but immortalizing an object another thread is counting at that
 * moment is harmless too: the biased variant gives an immortal object a
 * huge shared count, so a racing change can neither make it reach 0 nor
 * go negative (runtime/refcount.c); at worst its count keeps being
 * written, and it is never freed.
 *
 * Before the first thread starts, marked objects wait in a registry (a
 * pointer set), and the dealloc of a marked type calls ft_deferred_forget
 * so that a module-level function deleted early does not leave a dangling
 * entry.
 *
 * Builds: only free-threaded builds with --enable-immortal (the biased
 * preset) do any of this; everywhere else these calls are empty. The
 * environment variable FTPY_DEFER, read at start-up, chooses how much, so
 * that `make compare` can show the before and after: `all` (the default),
 * `objects` (the marked objects and their parts, not the namespaces'
 * values: what CPython 3.13 makes immortal), `none` (everything counted).
 */
#ifndef FT_OBJECTS_DEFERRED_H
#define FT_OBJECTS_DEFERRED_H

#include "objects/object.h"

#if defined(FT_GIL_NONE) && defined(FT_IMMORTAL)

#define FT_DEFERRED_ACTIVE 1

/* 1 while marked objects are being recorded (before the first extra
 * thread; 0 for good after it, or when FTPY_DEFER is none). Written
 * only before any extra thread exists. */
extern int ft_deferred_recording;
/* 1 once marked objects are made immortal as they are made. */
extern int ft_deferred_immortal_now;

/* op was just made and the calling thread owns it: a module, a type, or a
 * function (closures are ignored). */
void ft_deferred_mark(FtObject *op);
/* From the dealloc of a module, type or function. */
void ft_deferred_forget_slow(FtObject *op);
static inline void ft_deferred_forget(FtObject *op)
{
    if (ft_deferred_recording)
        ft_deferred_forget_slow(op);
}
/* Called by _thread.start_new_thread before it creates a thread: the
 * first call makes every recorded object immortal. */
void ft_deferred_threads_starting(void);
/* Start-up (every build): reads FTPY_DEFER. -1 (with a message on stderr)
 * when its value is not one of all, objects, none. */
int ft_deferred_init(void);
/* How many objects the first thread start made immortal (sys.build_info
 * and tests), and how many are waiting in the registry now. */
size_t ft_deferred_immortalized(void);
size_t ft_deferred_recorded(void);

#else

#define FT_DEFERRED_ACTIVE 0

static inline void ft_deferred_mark(FtObject *op) { (void)op; }
static inline void ft_deferred_forget(FtObject *op) { (void)op; }
static inline void ft_deferred_threads_starting(void) {}
int ft_deferred_init(void);
static inline size_t ft_deferred_immortalized(void) { return 0; }
static inline size_t ft_deferred_recorded(void) { return 0; }

#endif

#endif
