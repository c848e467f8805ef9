/* objects/args.c — argument checking for C functions: counts, "no keyword
 * arguments", and binding positional + keyword arguments to names, with
 * CPython's error wording.
 */
#include "objects/object.h"

int ft_arg_count(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max && max == 0) {
        ft_err_format(FtExc_TypeError, "%s() takes no arguments (%zd given)",
                      fname, (ssize_t)nargs);
    } else if (min == max && max == 1) {
        ft_err_format(FtExc_TypeError,
                      "%s() takes exactly one argument (%zd given)", fname,
                      (ssize_t)nargs);
    } else if (nargs < min) {
        ft_err_format(FtExc_TypeError, "%s expected %s%zd argument%s, got %zd",
                      fname, min == max ? "" : "at least ", (ssize_t)min,
                      min == 1 ? "" : "s", (ssize_t)nargs);
    } else {
        ft_err_format(FtExc_TypeError, "%s expected %s%zd argument%s, got %zd",
                      fname, min == max ? "" : "at most ", (ssize_t)max,
                      max == 1 ? "" : "s", (ssize_t)nargs);
    }
    return -1;
}

int ft_arg_no_kwargs(const char *fname, FtObject *kwnames)
{
    if (kwnames == NULL || FT_TUPLE_SIZE(kwnames) == 0)
        return 0;
    ft_err_format(FtExc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

/* kwlist entries that are "" are positional-only (CPython's convention). */
int ft_arg_parse(const char *fname, FtObject *const *args, size_t nargs,
                 FtObject *kwnames, const char *const *kwlist, size_t min,
                 size_t maxpos, FtObject **out)
{
    size_t len = 0, posonly = 0;
    while (kwlist[len] != NULL) {
        if (kwlist[len][0] == '\0' && posonly == len)
            posonly++;
        len++;
    }
    size_t nkw = kwnames != NULL ? (size_t)FT_TUPLE_SIZE(kwnames) : 0;
    if (maxpos > len)
        maxpos = len;

    if (nargs + nkw > len) {
        ft_err_format(FtExc_TypeError,
                      "%s() takes at most %zd %sargument%s (%zd given)", fname,
                      (ssize_t)len, nargs == 0 ? "keyword " : "",
                      len == 1 ? "" : "s", (ssize_t)(nargs + nkw));
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0)
            ft_err_format(FtExc_TypeError,
                          "%s() takes no positional arguments", fname);
        else
            ft_err_format(FtExc_TypeError,
                          "%s() takes %s %zd positional argument%s (%zd given)",
                          fname, min < maxpos ? "at most" : "exactly",
                          (ssize_t)maxpos, maxpos == 1 ? "" : "s",
                          (ssize_t)nargs);
        return -1;
    }
    for (size_t i = 0; i < len; i++)
        out[i] = i < nargs ? args[i] : NULL;

    for (size_t k = 0; k < nkw; k++) {
        FtObject *key = FT_TUPLE_GET(kwnames, k);
        size_t j = posonly;
        while (j < len && !ft_str_eq_cstr(key, kwlist[j]))
            j++;
        if (j == len) {
            ft_err_format(FtExc_TypeError,
                          "%s() got an unexpected keyword argument '%U'", fname,
                          key);
            return -1;
        }
        if (out[j] != NULL) {
            ft_err_format(FtExc_TypeError,
                          "argument for %s() given by name ('%s') and position "
                          "(%zd)",
                          fname, kwlist[j], (ssize_t)(j + 1));
            return -1;
        }
        out[j] = args[nargs + k];
    }

    for (size_t i = 0; i < min && i < len; i++) {
        if (out[i] != NULL)
            continue;
        if (i < posonly) {
            size_t need = min < posonly ? min : posonly;
            ft_err_format(FtExc_TypeError,
                          "%s() takes %s %zd positional argument%s (%zd given)",
                          fname, min < maxpos ? "at least" : "exactly",
                          (ssize_t)need, need == 1 ? "" : "s", (ssize_t)nargs);
        } else {
            ft_err_format(FtExc_TypeError,
                          "%s() missing required argument '%s' (pos %zd)", fname,
                          kwlist[i], (ssize_t)(i + 1));
        }
        return -1;
    }
    return 0;
}
