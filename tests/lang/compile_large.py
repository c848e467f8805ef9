# Programs generated at run time and compiled with exec(): many locals,
# constants, globals, attribute names, cells, nested scopes and functions,
# so that instruction arguments pass 255 and 65535 and every table of the
# compiler and the symbol table grows through many resizes.


def run(src, *args):
    ns = {}
    exec(src, ns)
    try:
        return ns["f"](*args)
    finally:
        ns.clear()  # the functions and ns refer to each other


N = 70000  # past 65535: no 16-bit operand may hide anywhere

# N locals and N distinct constants in one function
lines = ["def f():"]
lines += ["    v%d = %d" % (i, i * 3) for i in range(N)]
lines.append("    return v0, v255, v256, v65535, v65536, v%d" % (N - 1))
print("locals", run("\n".join(lines) + "\n"))

# constants of three types, shared only when type and value are equal
lines = ["def f():", "    s = []"]
for i in range(3000):
    lines.append("    s.append(%d)" % (i % 500))
    lines.append("    s.append(%d.0)" % (i % 400))
    lines.append("    s.append('%d')" % (i % 300))
lines.append("    s.append(True)")
lines.append("    s.append(-0.0)")
lines.append("    return len(s), s[-10:], sum(1 for x in s if type(x) is float)")
print("consts", run("\n".join(lines) + "\n"))

# 3000 module globals read by one function; 3000 attribute names (of a
# function: a class would refer to itself, and there is no cycle collector)
M = 3000
lines = ["g%d = %d" % (i, i % 11) for i in range(M)]
lines.append("def o():")
lines.append("    pass")
lines.append("def f():")
lines += ["    o.a%d = g%d" % (i, i) for i in range(M)]
lines.append("    return sum(getattr(o, 'a' + str(i)) for i in range(%d)), g%d"
             % (M, M - 1))
print("globals", run("\n".join(lines) + "\n"))

# 300 cells closed over by inner functions, and a comprehension every 100
# locals of a big function
lines = ["def f():"]
lines += ["    c%d = %d" % (i, i) for i in range(300)]
lines.append("    def g():")
lines.append("        return " + " + ".join("c%d" % i for i in range(0, 300, 3)))
lines += ["    w%d = [c%d + k for k in (0, 1)]" % (i, i % 300)
          for i in range(0, 2000)]
lines.append("    return g(), w0, w1999, len([w%d for _ in (1,)])" % 1234)
print("cells", run("\n".join(lines) + "\n"))

# 3000 functions in one module, each found again by the compiler
lines = []
for i in range(3000):
    lines.append("def h%d(x=%d):" % (i, i))
    lines.append("    return x * 2")
lines.append("def f():")
lines.append("    return h0() + h1500() + h2999()")
print("funcs", run("\n".join(lines) + "\n"))

# jumps: ifs and loops with break/continue, then elif chains
lines = ["def f(x):", "    s = 0"]
for i in range(2000):
    if i % 2 == 0:
        lines.append("    if x == %d:" % (i % 50))
        lines.append("        s += 1")
    else:
        lines.append("    for k in (1, 2, 3):")
        lines.append("        if k == 2:")
        lines.append("            continue")
        lines.append("        if k == 3:")
        lines.append("            break")
        lines.append("        s += k")
for i in range(2000):
    lines.append("    %s x < %d:" % ("elif" if i % 50 else "if", i % 50))
    lines.append("        s += %d" % (i // 50))
lines.append("    return s")
src = "\n".join(lines) + "\n"
print("jumps", run(src, 7), run(src, 60))

# a dict display, a list display and a long + chain in statements
lines = ["def f():"]
lines.append("    d = {" + ", ".join("%d: 'v%d'" % (i, i) for i in range(5000)) + "}")
lines.append("    l = [" + ", ".join("%d" % (i % 9) for i in range(5000)) + "]")
lines.append("    s = ''")
for start in range(0, 5000, 100):
    lines.append("    s = s + " + " + ".join("'%d'" % (i % 10) for i in range(start, start + 100)))
lines.append("    return len(d), d[4999], len(l), sum(l), len(s), s[:12]")
print("displays", run("\n".join(lines) + "\n"))
