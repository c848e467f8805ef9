/* fuzz/harness.h — what the libFuzzer harnesses of fuzz/ share: bringing
 * the runtime up once per process with the program's stdio on /dev/null,
 * the sanitizer defaults, and turning the fuzzer's bytes into source text.
 *
 * Both harnesses keep one runtime for the whole process (libFuzzer calls
 * them thousands of times a second), so whatever an input changes that
 * outlives it must be put back by the harness that ran it (fuzz_run.c).
 */
#ifndef FT_FUZZ_HARNESS_H
#define FT_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

/* The filename source text is compiled under. */
#define FT_FUZZ_FILENAME "<fuzz>"

/* Once per process, from LLVMFuzzerInitialize: 0, or -1 after printing why.
 * stdin, stdout and stderr of the interpreted programs become /dev/null
 * unless FTPY_FUZZ_VERBOSE is set (to see what a reproducer prints);
 * libFuzzer and the sanitizers keep the real stderr. */
int ft_fuzz_init(void);

/* The input as NUL-terminated text in a buffer the harness owns (valid
 * until the next call), without a leading UTF-8 BOM, as the command line
 * reads a script. Text after a NUL byte is cut off: the command line
 * rejects such a file before parsing, and compile() with a NUL raises
 * before the parser too. NULL when out of memory. */
const char *ft_fuzz_source(const uint8_t *data, size_t size);

#endif
