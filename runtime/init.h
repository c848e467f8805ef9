/* runtime/init.h — bringing the runtime up and down, in one place so that
 * the ftpy command, the unit tests and the microbenchmarks start alike.
 */
#ifndef FT_RUNTIME_INIT_H
#define FT_RUNTIME_INIT_H

/* Creates the main thread's state, the object layer and the built-in
 * modules. 0, or -1 after printing why to stderr. */
int ft_runtime_init(void);
/* Releases what ft_runtime_init made that can be released. In debug builds
 * with FTPY_SHOWREFS set in the environment it prints the change of the
 * global reference total since the end of ft_runtime_init. */
void ft_runtime_fini(void);

#endif
