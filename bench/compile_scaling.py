"""compile_scaling.py -- does compiling grow linearly with program size?

For each shape below, generates a program with N names, constants,
statements or items, times exec() of it (tokenizing, parsing, the symbol
table, code generation and assembly, plus running a module body that only
binds names), then calls the function it defines and checks the result.
A compiler that scales linearly takes twice as long for twice the size, so
the ratio column stays near 2.0 and the per-item column stays flat; a
quadratic step shows up as a ratio near 4.

Run it with the interpreter to measure (./ftpy bench/compile_scaling.py,
or python3 for CPython's numbers).

Usage:
    compile_scaling.py [--runs R] [--limit S] [--sizes N,N,...] [SHAPE ...]
    compile_scaling.py --list

--runs R      runs per size; the median is shown (default 3)
--limit S     stop growing a shape once a median passes S seconds
              (default 30), so a quadratic shape does not run for hours
--sizes LIST  sizes N (default 10000,20000,40000,80000,100000)
SHAPE         names from --list (default: all)

Output, one line per shape and size:
    SHAPE N SECONDS RATIO US_PER_ITEM
RATIO is time(N) / time(N / 2) when N / 2 was measured too, else "-".
The program runs unchanged on CPython, to compare.  Exit status 1 if a
generated program gave a wrong result, 2 on bad arguments.
"""

import sys
import time

# How long one nested construct (elif chain, a + b + ...) gets.
CHAIN = 200


def _locals(n):
    lines = ["def f():"]
    for i in range(n):
        lines.append("    v%d = %d" % (i, i % 7))
    lines.append("    s = 0")
    for i in range(n):
        lines.append("    s += v%d" % i)
    lines.append("    return s")
    return lines, (), sum(i % 7 for i in range(n))


def _nested(n):
    lines = ["def f():", "    t = 0"]
    expected = 0
    for i in range(n):
        lines.append("    v%d = %d" % (i, i % 7))
        if i % 50 == 49:
            lines.append("    t += sum([v%d + k for k in (0, 1)])" % i)
            expected += 2 * (i % 7) + 1
    lines.append("    return t")
    return lines, (), expected


def _consts(n):
    lines = ["def f():", "    s = 0"]
    for i in range(n):
        lines.append("    s += %d" % (1000000 + 3 * i))
    lines.append("    return s")
    return lines, (), sum(1000000 + 3 * i for i in range(n))


def _strings(n):
    lines = ["def f():", "    s = 0"]
    for i in range(n):
        lines.append("    s += len('c%d')" % i)
    lines.append("    return s")
    return lines, (), sum(len("c%d" % i) for i in range(n))


def _globals(n):
    lines = []
    for i in range(n):
        lines.append("g%d = %d" % (i, i % 5))
    lines.append("def f():")
    lines.append("    s = 0")
    for i in range(n):
        lines.append("    s += g%d" % i)
    lines.append("    return s")
    return lines, (), sum(i % 5 for i in range(n))


def _module(n):
    lines = ["s = 0"]
    for i in range(n):
        lines.append("s = s + %d" % (i % 10))
    lines.append("def f():")
    lines.append("    return s")
    return lines, (), sum(i % 10 for i in range(n))


def _ifs(n):
    lines = ["def f(x):", "    s = 0"]
    for i in range(n):
        lines.append("    if x == %d:" % (i % 100))
        lines.append("        s += 1")
    lines.append("    return s")
    return lines, (7,), len([i for i in range(n) if i % 100 == 7])


def _elif(n):
    # Parsers nest an elif chain (CPython 3.11 stops near 3000 branches),
    # so the N branches come as chains of CHAIN.
    lines = ["def f(x):", "    s = 0"]
    for i in range(n):
        lines.append("    %s x == %d:" % ("elif" if i % CHAIN else "if", i % 97))
        lines.append("        s += %d" % (i % CHAIN))
    lines.append("    return s")
    expected = 0
    for start in range(0, n, CHAIN):
        for i in range(start, min(n, start + CHAIN)):
            if i % 97 == 5:
                expected += i % CHAIN
                break
    return lines, (5,), expected


def _blocks(n):
    lines = ["def f():", "    s = 0"]
    for i in range(n):
        if i % 2:
            lines.append("    for k in (1, 2):")
            lines.append("        if k == 2:")
            lines.append("            break")
            lines.append("        s += k")
        else:
            lines.append("    try:")
            lines.append("        s += 1")
            lines.append("    except ValueError:")
            lines.append("        s = -1")
    lines.append("    return s")
    return lines, (), n


def _dict(n):
    items = ", ".join("%d: %d" % (i, i) for i in range(n))
    return ["def f():", "    d = {" + items + "}", "    return len(d)"], (), n


def _list(n):
    items = ", ".join("a%d" % (i % 50) for i in range(n))
    lines = ["def f():"]
    for i in range(50):
        lines.append("    a%d = %d" % (i, i))
    lines.append("    d = [" + items + "]")
    lines.append("    return sum(d)")
    return lines, (), sum(i % 50 for i in range(n))


def _concat(n):
    # a + b + c nests too (both compilers have a depth limit), so the N
    # terms come as statements of CHAIN terms each.
    lines = ["def f():", "    s = ''"]
    for start in range(0, n, CHAIN):
        terms = ["'s%d'" % (i % 10) for i in range(start, min(n, start + CHAIN))]
        lines.append("    s = s + " + " + ".join(terms))
    lines.append("    return len(s)")
    return lines, (), 2 * n


def _adjacent(n):
    words = " ".join("'w%d'" % (i % 10) for i in range(n))
    return ["def f():", "    return len(" + words + ")"], (), 2 * n


def _funcs(n):
    lines = []
    for i in range(n):
        lines.append("def f%d():" % i)
        lines.append("    return %d" % i)
    lines.append("def f():")
    lines.append("    return f0() + f%d()" % (n - 1))
    return lines, (), n - 1


SHAPES = [
    ("locals", _locals, "N locals, each stored then read"),
    ("nested", _nested, "N locals and a list comprehension every 50"),
    ("consts", _consts, "N distinct int constants"),
    ("strings", _strings, "N distinct str constants"),
    ("globals", _globals, "N module globals, each read by one function"),
    ("module", _module, "N statements at module level"),
    ("ifs", _ifs, "N if statements in a row (2N jumps)"),
    ("elif", _elif, "N if/elif branches, in chains of %d" % CHAIN),
    ("blocks", _blocks, "N/2 for loops with break and N/2 try/except"),
    ("dict", _dict, "a dict display of N constant items"),
    ("list", _list, "a list display of N names"),
    ("concat", _concat, "N string literals joined by +, %d a statement" % CHAIN),
    ("adjacent", _adjacent, "N adjacent string literals ('a' 'b' ...)"),
    ("funcs", _funcs, "N function definitions in one module"),
]


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def measure(shape, make, n, runs):
    """Median seconds to exec the program; None if its result is wrong."""
    lines, args, expected = make(n)
    source = "\n".join(lines) + "\n"
    times = []
    ok = True
    for r in range(runs):
        namespace = {}
        start = time.perf_counter()
        exec(source, namespace)
        times.append(time.perf_counter() - start)
        got = namespace["f"](*args)
        if got != expected:
            print("compile_scaling: %s %d: f() returned %r, expected %r"
                  % (shape, n, got, expected), file=sys.stderr)
            ok = False
        namespace = None
    return median(times), ok


def usage_error(message):
    print("compile_scaling: " + message, file=sys.stderr)
    print("compile_scaling: try --help", file=sys.stderr)
    sys.exit(2)


def positive(what, text):
    try:
        value = float(text) if what == "limit" else int(text)
    except ValueError:
        value = 0
    if value <= 0:
        usage_error("%s must be a positive number, not %r" % (what, text))
    return value


def main(argv):
    runs = 3
    limit = 30.0
    sizes = [10000, 20000, 40000, 80000, 100000]
    wanted = []
    i = 1
    while i < len(argv):
        arg = argv[i]
        if arg in ("-h", "--help"):
            print(__doc__)
            return 0
        if arg == "--list":
            for name, make, what in SHAPES:
                print("%-8s %s" % (name, what))
            return 0
        if arg in ("--runs", "--limit", "--sizes"):
            if i + 1 >= len(argv):
                usage_error(arg + " needs a value")
            value = argv[i + 1]
            if arg == "--runs":
                runs = positive("runs", value)
            elif arg == "--limit":
                limit = positive("limit", value)
            else:
                sizes = [positive("size", s) for s in value.split(",") if s]
            i += 2
            continue
        if arg.startswith("-"):
            usage_error("unknown option " + arg)
        wanted.append(arg)
        i += 1
    names = [name for name, make, what in SHAPES]
    for w in wanted:
        if w not in names:
            usage_error("no shape %r (there are: %s)" % (w, " ".join(names)))
    status = 0
    print("%-8s %7s %9s %6s %11s" % ("shape", "N", "seconds", "ratio",
                                     "us/item"))
    for name, make, what in SHAPES:
        if wanted and name not in wanted:
            continue
        seen = {}
        for n in sizes:
            t, ok = measure(name, make, n, runs)
            if not ok:
                status = 1
            seen[n] = t
            half = seen.get(n // 2) if n % 2 == 0 else None
            ratio = "%6.2f" % (t / half) if half else "%6s" % "-"
            print("%-8s %7d %9.3f %s %11.2f" % (name, n, t, ratio,
                                                 t * 1e6 / n))
            sys.stdout.flush()
            if t > limit:
                print("%-8s (larger sizes skipped: over %g s)" % (name, limit))
                break
    return status


sys.exit(main(sys.argv))
