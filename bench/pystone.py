"""pystone.py -- ftpy's own Dhrystone-style integer benchmark.

This is an independent program written for ftpy.  It follows the operation
mix of Reinhold Weicker's Dhrystone 2.1 as popularised for Python by
"pystone" (records linked through a pointer field, module globals changed by
small procedures, a 1-D and a 2-D array of 51 elements, single-character and
30-character string comparisons, an enumeration made of int constants, record
copying), but the code and names are its own.

Usage:
    pystone.py [LOOPS]              time LOOPS passes (default 50000)
    pystone.py --threads K [LOOPS]  K threads each run LOOPS passes at once
    pystone.py --check [LOOPS]      print the final state instead of timings

Timed output (two lines):
    Pystone(ftpy-bench 1.0) time for 50000 passes = 0.123
    This machine benchmarks at 405000 pystones/second

With --threads K (K >= 1) the main thread sets the globals up once, then K
threads run the pass loop concurrently and the main thread joins them.  The
K copies share the module's globals and records, as the threads of a
free-threaded program would: the final state is not deterministic then, only
the timing is reported.  The time is wall time from the first start() to
the last join(), with no empty-loop correction (it is negligible), and the
rate is the aggregate of all threads (K * LOOPS passes over that time):
    Pystone(ftpy-bench 1.0) time for 2 threads x 25000 passes = 0.123
    This machine benchmarks at 405000 pystones/second with 2 threads
Exit status 1 if a thread did not finish its passes, 2 on bad arguments.

The --check output is deterministic and is saved in bench/pystone.check.out
(for LOOPS = 1000) so that the benchmark doubles as a language test.

Only classes, globals, lists, ints, strings, chr/ord, range, while/for, if,
functions and the sys, time and (for --threads) threading modules are used.
"""

import sys
import time

VERSION = "1.0"
DEFAULT_LOOPS = 50000

# An "enumeration" made of int constants.
KIND_A = 0
KIND_B = 1
KIND_C = 2
KIND_D = 3
KIND_E = 4

TRUE_V = 1
FALSE_V = 0

ARRAY_SIZE = 51


class Record:
    """A Dhrystone record: a link to another record plus four data fields."""

    def __init__(self, link=None, kind=KIND_A, status=KIND_A, number=0, text=""):
        self.link = link        # the "pointer" component
        self.kind = kind        # discriminant
        self.status = status    # enumeration component
        self.number = number    # integer component
        self.text = text        # 30-character string component

    def copy(self):
        return Record(self.link, self.kind, self.status, self.number, self.text)

    def assign_from(self, other):
        self.link = other.link
        self.kind = other.kind
        self.status = other.status
        self.number = other.number
        self.text = other.text


# Module globals changed by the procedures below.
g_int = 0
g_flag = FALSE_V
g_char_a = "\0"
g_char_b = "\0"
g_list = [0] * ARRAY_SIZE
g_grid = [[0] * ARRAY_SIZE for _row in range(ARRAY_SIZE)]
g_rec = None
g_rec_next = None
g_sweep = 0
g_matches = 0


def reset_globals():
    global g_int, g_flag, g_char_a, g_char_b, g_list, g_grid, g_rec, g_rec_next
    global g_sweep, g_matches
    g_int = 0
    g_flag = FALSE_V
    g_char_a = "\0"
    g_char_b = "\0"
    g_list = [0] * ARRAY_SIZE
    g_grid = [[0] * ARRAY_SIZE for _row in range(ARRAY_SIZE)]
    g_rec = None
    g_rec_next = None
    g_sweep = 0
    g_matches = 0


# ---------------------------------------------------------------- procedures

def step_record(rec):
    """Work on the record chain (Dhrystone's Proc_1)."""
    nxt = g_rec.copy()
    rec.link = nxt
    rec.number = 5
    nxt.number = rec.number
    nxt.link = rec.link
    nxt.link = set_link(nxt.link)
    if nxt.kind == KIND_A:
        nxt.number = 6
        nxt.status = pick_status(rec.status)
        nxt.link = g_rec.link
        nxt.number = add_seven(nxt.number, 10)
    else:
        rec.assign_from(nxt)
    nxt.link = None
    return rec


def adjust_int(value):
    """Loop until the character test succeeds (Proc_2)."""
    result = value + 10
    done = False
    while not done:
        if g_char_a == "A":
            result = result - 1 - g_int
            done = True
    return result


def set_link(link):
    """Update the global record and return its link (Proc_3)."""
    global g_int
    if g_rec is not None:
        link = g_rec.link
    else:
        g_int = 100
    g_rec.number = add_seven(10, g_int)
    return link


def char_flags():
    """Character and flag juggling (Proc_4)."""
    global g_char_b
    is_a = g_char_a == "A"
    is_a = is_a or g_flag
    g_char_b = "B"
    return is_a


def set_chars():
    """Reset the character and flag globals (Proc_5)."""
    global g_char_a, g_flag
    g_char_a = "A"
    g_flag = FALSE_V


def pick_status(kind):
    """Map one enumeration value to another (Proc_6)."""
    out = kind
    if not is_kind_c(kind):
        out = KIND_D
    if kind == KIND_A:
        out = KIND_A
    elif kind == KIND_B:
        if g_int > 100:
            out = KIND_A
        else:
            out = KIND_D
    elif kind == KIND_C:
        out = KIND_B
    elif kind == KIND_D:
        pass
    elif kind == KIND_E:
        out = KIND_C
    return out


def add_seven(a, b):
    """Small arithmetic helper (Proc_7)."""
    return b + a + 2


def fill_arrays(vec, grid, a, b):
    """Index arithmetic on the 1-D and 2-D arrays (Proc_8)."""
    global g_int
    idx = a + 5
    vec[idx] = b
    vec[idx + 1] = vec[idx]
    vec[idx + 30] = idx
    for col in range(idx, idx + 2):
        grid[idx][col] = idx
    grid[idx][idx - 1] += 1
    grid[idx + 20][idx] = vec[idx]
    g_int = 5


def compare_chars(c1, c2):
    """Compare two single-character strings (Func_1)."""
    local_a = c1
    local_b = local_a
    if local_b != c2:
        return KIND_A
    return KIND_B


def compare_strings(s1, s2):
    """Compare two 30-character strings (Func_2)."""
    global g_char_a
    pos = 1
    ch = "\0"
    while pos <= 1:
        if compare_chars(s1[pos], s2[pos + 1]) == KIND_A:
            ch = "A"
            pos += 1
    if "W" <= ch <= "Z":
        pos = 7
    if ch == "X":
        return TRUE_V
    if s1 > s2:
        pos += 7
        return TRUE_V
    g_char_a = ch
    return FALSE_V


def sweep_arrays(vec, grid, seed):
    """Walk every third element of the 1-D array and of one row and one
    column of the 2-D array."""
    col = seed % ARRAY_SIZE
    row = grid[(seed * 7) % ARRAY_SIZE]
    total = 0
    i = 0
    while i < ARRAY_SIZE:
        v = (vec[i] + i * seed) % 1009
        vec[i] = v
        row[i] = (row[i] + v) & 1023
        total += grid[i][col]
        i += 3
    return total


def count_matches(s1, s2):
    """Count the positions where two equal-length strings hold the same char."""
    same = 0
    for i in range(len(s1)):
        if s1[i] == s2[i]:
            same += 1
    return same


def is_kind_c(kind):
    """Enumeration test (Func_3)."""
    tmp = kind
    if tmp == KIND_C:
        return TRUE_V
    return FALSE_V


# ---------------------------------------------------------------- main loop

TEXT_ONE = "DHRYSTONE-LIKE PROGRAM, 1ST ST"


def setup():
    """Reset the globals and build the two records the passes work on."""
    global g_rec, g_rec_next
    reset_globals()
    g_rec_next = Record()
    g_rec = Record(g_rec_next, KIND_A, KIND_C, 40,
                   "DHRYSTONE-LIKE PROGRAM, FIRST ")
    g_grid[8][7] = 10


def passes(loops):
    """Run `loops` passes on the globals set up by setup(); return the
    elapsed seconds and the final values of the loop's locals."""
    global g_rec, g_flag, g_sweep, g_matches

    text_one = TEXT_ONE
    a = 0
    b = 0
    c = 0
    kind = KIND_A
    text_two = ""

    start = time.perf_counter()
    for _pass in range(loops):
        set_chars()
        char_flags()
        a = 2
        b = 3
        text_two = "DHRYSTONE-LIKE PROGRAM, 2ND ST"
        kind = KIND_B
        g_flag = not compare_strings(text_one, text_two)
        while a < b:
            c = 5 * a - b
            c = add_seven(a, b)
            a += 1
        fill_arrays(g_list, g_grid, a, c)
        g_rec = step_record(g_rec)
        ch = "A"
        while ch <= g_char_b:
            if kind == compare_chars(ch, "C"):
                kind = pick_status(KIND_A)
            ch = chr(ord(ch) + 1)
        c = b * a
        b = c // a
        b = 7 * (c - b) - a
        a = adjust_int(a)
        g_sweep = (g_sweep + sweep_arrays(g_list, g_grid, _pass + b)) % 1000003
        g_matches += count_matches(text_one, text_two)
    elapsed = time.perf_counter() - start
    return elapsed, (a, b, c, kind, text_two)


def run(loops):
    """Run `loops` passes; return (elapsed seconds, final state)."""
    setup()
    elapsed, (a, b, c, kind, text_two) = passes(loops)
    text_one = TEXT_ONE

    state = [
        ("g_int", g_int),
        ("g_flag", g_flag),
        ("g_char_a", g_char_a),
        ("g_char_b", g_char_b),
        ("g_list[8]", g_list[8]),
        ("g_list[9]", g_list[9]),
        ("g_list[38]", g_list[38]),
        ("g_grid[8][7]", g_grid[8][7]),
        ("g_grid[8][8]", g_grid[8][8]),
        ("g_grid[28][8]", g_grid[28][8]),
        ("g_sweep", g_sweep),
        ("g_matches", g_matches),
        ("sum(g_list)", sum(g_list)),
        ("sum of g_grid", sum([sum(r) for r in g_grid])),
        ("g_rec.kind", g_rec.kind),
        ("g_rec.status", g_rec.status),
        ("g_rec.number", g_rec.number),
        ("g_rec.text", g_rec.text),
        ("g_rec.link is g_rec_next", g_rec.link is g_rec_next),
        ("g_rec.link.kind", g_rec.link.kind),
        ("g_rec.link.status", g_rec.link.status),
        ("g_rec.link.number", g_rec.link.number),
        ("g_rec.link.text", g_rec.link.text),
        ("g_rec.link.link", g_rec.link.link),
        ("g_rec_next.number", g_rec_next.number),
        ("a", a),
        ("b", b),
        ("c", c),
        ("kind", kind),
        ("text_one", text_one),
        ("text_two", text_two),
        ("copy", copy_check()),
    ]
    return elapsed, state


def copy_check():
    """Exercise Record.copy: copies share the link but not the object."""
    dup = g_rec.copy()
    dup.number += 1
    return (dup is not g_rec, dup.link is g_rec.link, dup.number - g_rec.number,
            dup.text == g_rec.text)


def run_threads(nthreads, loops):
    """Run `loops` passes in each of `nthreads` concurrent threads; return
    the wall time and how many threads finished their passes."""
    import threading

    setup()
    finished = []

    def worker():
        passes(loops)
        finished.append(1)

    threads = [threading.Thread(target=worker) for _i in range(nthreads)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, len(finished)


def usage_error(message):
    print("pystone.py: %s" % message, file=sys.stderr)
    print("usage: pystone.py [--check | --threads K] [LOOPS]", file=sys.stderr)
    sys.exit(2)


def positive(text, what):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        usage_error("%s must be a positive integer, not %r" % (what, text))
    return value


def main(argv):
    check = False
    nthreads = 0
    args = argv[1:]
    if args and args[0] == "--check":
        check = True
        args = args[1:]
    elif args and args[0] == "--threads":
        if len(args) < 2:
            usage_error("--threads needs a thread count")
        nthreads = positive(args[1], "K")
        args = args[2:]
    loops = DEFAULT_LOOPS
    if len(args) > 1:
        usage_error("too many arguments")
    if args:
        loops = positive(args[0], "LOOPS")

    if nthreads:
        elapsed, finished = run_threads(nthreads, loops)
        if finished != nthreads:
            print("pystone.py: only %d of %d threads finished" % (finished, nthreads),
                  file=sys.stderr)
            sys.exit(1)
        if elapsed <= 0.0:
            elapsed = 1e-9
        print("Pystone(ftpy-bench %s) time for %d threads x %d passes = %.3f"
              % (VERSION, nthreads, loops, elapsed))
        print("This machine benchmarks at %d pystones/second with %d threads"
              % (nthreads * loops / elapsed, nthreads))
        return

    elapsed, state = run(loops)

    if check:
        print("pystone check, %d passes" % loops)
        for name, value in state:
            print("%s = %r" % (name, value))
        return

    # Subtract the cost of an empty loop of the same length.
    start = time.perf_counter()
    for _pass in range(loops):
        pass
    elapsed -= time.perf_counter() - start
    if elapsed <= 0.0:
        elapsed = 1e-9
    print("Pystone(ftpy-bench %s) time for %d passes = %.3f" % (VERSION, loops, elapsed))
    print("This machine benchmarks at %d pystones/second" % (loops / elapsed))


if __name__ == "__main__":
    main(sys.argv)
