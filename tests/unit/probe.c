/* tests/unit/probe.c — runs a short Python program for the CUnit suites
 * that test what user code can do to a container mid-operation. */
#include "tests/unit/unit.h"

#include "interp/eval.h"
#include "interp/parser.h"

FtObject *ft_unit_run_out(const char *src)
{
    FtObject *module = ft_module_new("probe");
    if (module == NULL)
        return NULL;
    FtObject *out = NULL;
    FtObject *r = ft_run_string(src, "<probe>", FT_MODULE_DICT(module),
                                FT_PARSE_FILE);
    if (r == NULL)
        ft_err_print();
    else
        out = ft_dict_get_str(FT_MODULE_DICT(module), "out");
    FT_XDECREF(r);
    /* A class defined there refers to the module's globals: break that. */
    ft_dict_clear(FT_MODULE_DICT(module));
    FT_DECREF(module);
    return out;
}
