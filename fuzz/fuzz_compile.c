/* fuzz/fuzz_compile.c — libFuzzer harness: the tokenizer, the parser and
 * the bytecode compiler on arbitrary bytes, in the three modes (a module,
 * an interactive statement, an expression). Nothing is executed. Any
 * outcome but a code object or a raised exception is a finding: a crash,
 * a sanitizer report, a failed assertion, or a hang.
 */
#include "fuzz/harness.h"
#include "interp/parser.h"
#include "objects/object.h"

#include <stdlib.h>

/* interp/run.c: parse into an arena, compile, drop the arena. */
FtObject *ft_run_compile(const char *source, const char *filename, int mode);

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (ft_fuzz_init() < 0)
        exit(1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int modes[] = {FT_PARSE_FILE, FT_PARSE_SINGLE, FT_PARSE_EVAL};
    const char *src = ft_fuzz_source(data, size);
    if (src == NULL)
        return 0;
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        FtObject *code = ft_run_compile(src, FT_FUZZ_FILENAME, modes[i]);
        if (code == NULL) {
            if (!ft_err_occurred())
                abort(); /* NULL without an exception: a runtime bug */
            ft_err_clear();
        }
        FT_XDECREF(code);
    }
    return 0;
}
