# Sizes, widths and precisions that user input can push past what a C int
# or the address space holds: each raises CPython's exception up front
# instead of wrapping, printing a wrong result or growing until memory runs
# out.

def attempt(label, f):
    try:
        r = f()
    except (OverflowError, ValueError, MemoryError) as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", repr(r)[:40], len(r) if isinstance(r, (str, list, tuple)) else "")


# Precisions must fit a C int.
attempt("%.*f 2**31", lambda: "%.*f" % (2**31, 1.0))
attempt("%.*f -2**31-1", lambda: "%.*f" % (-2**31 - 1, 1.0))
attempt("%.*s 2**31", lambda: "%.*s" % (2**31, "abc"))
attempt("%.*f -1", lambda: "%.*f" % (-1, 1.0))
attempt("%.2147483648f", lambda: "%.2147483648f" % 1.0)
attempt("%.99999999999999999999f", lambda: "%.99999999999999999999f" % 1.0)
attempt("format .2147483648f", lambda: format(1.0, ".2147483648f"))
attempt("format .2147483648e", lambda: format(2.5, ".2147483648e"))
attempt("format .2147483648g", lambda: format(2.5, ".2147483648g"))
attempt("format .2147483648", lambda: format(2.5, ".2147483648"))
attempt("str.format .2147483648f", lambda: "{:.2147483648f}".format(1.0))
attempt("int as float .2147483648f", lambda: format(1, ",.2147483648f"))
attempt("str precision is a plain cut", lambda: "{:.2147483648}".format("ab"))
attempt("%*d -5", lambda: "%*d" % (-5, 1))
attempt("%.3f ok", lambda: "%.3f" % 2.0)

# A tab size must fit a C int.
attempt("expandtabs 2**62", lambda: "a\tb".expandtabs(2**62))
attempt("expandtabs 2**31", lambda: "abc".expandtabs(2**31))
attempt("expandtabs -2**31-1", lambda: "abc".expandtabs(-2**31 - 1))
attempt("expandtabs -1", lambda: "a\tb".expandtabs(-1))
attempt("expandtabs 4", lambda: "a\tb".expandtabs(4))

# chr() takes a C int before checking its range.
attempt("chr 2**31", lambda: chr(2**31))
attempt("chr -2**31-1", lambda: chr(-2**31 - 1))
attempt("chr 0x110000", lambda: chr(0x110000))
attempt("chr -1", lambda: chr(-1))

# Repetition: an impossible length is an OverflowError, a merely huge one
# a MemoryError, a negative count an empty result.
attempt("str * 2**62", lambda: "abc" * 2**62)
attempt("str * 2**61", lambda: "abc" * 2**61)
attempt("1-char str * 2**62", lambda: "x" * 2**62)
attempt("list * -2**62", lambda: [0] * -2**62)
attempt("list * 2**61", lambda: [1, 2, 3] * 2**61)
attempt("tuple * 2**61", lambda: (1, 2, 3) * 2**61)
attempt("str * -2**62", lambda: "ab" * -2**62)

# Containers built from a builtin sized iterable allocate once, so an
# impossible size fails at once instead of after filling the memory.
attempt("list(range(2**40))", lambda: list(range(2**40)))
attempt("tuple(range(2**40))", lambda: tuple(range(2**40)))
attempt("sorted(range(2**40))", lambda: sorted(range(2**40)))
attempt("list(range(2**62))", lambda: list(range(2**62)))
attempt("list(range(5))", lambda: list(range(5)))
l = [1, 2]
attempt("extend(range(2**40))", lambda: l.extend(range(2**40)) or l)
attempt("after the failed extend", lambda: l)
attempt("list(str)", lambda: list("héllo"))
attempt("list(set)", lambda: sorted(list({3, 1, 2})))

# Padding to a width that cannot be allocated.
attempt("zfill 2**62", lambda: "ab".zfill(2**62))
attempt("center 2**62", lambda: "ab".center(2**62))
attempt("ljust 2**62", lambda: "ab".ljust(2**62, "x"))
attempt("rjust 2**62", lambda: "ab".rjust(2**62))
attempt("zfill -2**62", lambda: "ab".zfill(-2**62))
attempt("center -2**62", lambda: "ab".center(-2**62))
attempt("%*d 2**62", lambda: "%*d" % (2**62, 1))
attempt("format width 2**63-1", lambda: "{:>9223372036854775807}".format(1))
attempt("format width too many digits", lambda: format(1, "99999999999999999999d"))
