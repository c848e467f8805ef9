# Small complete programs of the kind the benchmarks run.
import math


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
    return [i for i, f in enumerate(flags) if f]


primes = sieve(100)
print(len(primes), primes[:10], primes[-1])


def queens(n):
    count = 0
    cols = [0] * n

    def safe(row, col):
        for r in range(row):
            c = cols[r]
            if c == col or abs(c - col) == row - r:
                return False
        return True

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            return
        for col in range(n):
            if safe(row, col):
                cols[row] = col
                place(row + 1)

    place(0)
    return count


print("queens", [queens(n) for n in range(1, 8)])


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips * sign
        sign = -sign
        while True:
            if r == n:
                return checksum, max_flips
            p0 = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


print("fannkuch(6) = %d, %d" % fannkuch(6))


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v):
    n = len(v)
    return [sum(eval_a(i, j) * v[j] for j in range(n)) for i in range(n)]


def mul_atv(v):
    n = len(v)
    return [sum(eval_a(j, i) * v[j] for j in range(n)) for i in range(n)]


def spectral_norm(n):
    u = [1.0] * n
    for _ in range(10):
        v = mul_atv(mul_av(u))
        u = mul_atv(mul_av(v))
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return math.sqrt(vbv / vv)


print("%0.9f" % spectral_norm(20))


class Body:
    def __init__(self, x, y, vx, vy, mass):
        self.x, self.y, self.vx, self.vy, self.mass = x, y, vx, vy, mass


def energy(bodies):
    e = 0.0
    for i, b in enumerate(bodies):
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy)
        for b2 in bodies[i + 1:]:
            dx = b.x - b2.x
            dy = b.y - b2.y
            e -= b.mass * b2.mass / math.sqrt(dx * dx + dy * dy)
    return e


def advance(bodies, dt):
    for i, b in enumerate(bodies):
        for b2 in bodies[i + 1:]:
            dx = b.x - b2.x
            dy = b.y - b2.y
            d2 = dx * dx + dy * dy
            mag = dt / (d2 * math.sqrt(d2))
            b.vx -= dx * b2.mass * mag
            b.vy -= dy * b2.mass * mag
            b2.vx += dx * b.mass * mag
            b2.vy += dy * b.mass * mag
    for b in bodies:
        b.x += dt * b.vx
        b.y += dt * b.vy


system = [Body(0.0, 0.0, 0.0, 0.0, 10.0), Body(1.0, 0.0, 0.0, 3.0, 0.1), Body(-2.0, 0.5, 0.5, -2.0, 0.05)]
print("%.9f" % energy(system))
for _ in range(200):
    advance(system, 0.001)
print("%.9f" % energy(system))


class InsufficientFunds(Exception):
    pass


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("%s cannot withdraw %d (balance %d)" % (self.owner, amount, self.balance))
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def __repr__(self):
        return "Account(%r, %d)" % (self.owner, self.balance)


acct = Account("ann", 100)
for op, amt in [("deposit", 50), ("withdraw", 30), ("withdraw", 500), ("deposit", 5)]:
    try:
        getattr(acct, op)(amt)
    except InsufficientFunds as e:
        print("refused:", e)
print(acct, acct.history)


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(int(text[i:j]))
            i = j
        else:
            tokens.append(ch)
            i += 1
    return tokens


def parse_expr(tokens, pos):
    value, pos = parse_term(tokens, pos)
    while pos < len(tokens) and tokens[pos] in ("+", "-"):
        op = tokens[pos]
        rhs, pos = parse_term(tokens, pos + 1)
        value = value + rhs if op == "+" else value - rhs
    return value, pos


def parse_term(tokens, pos):
    value, pos = parse_atom(tokens, pos)
    while pos < len(tokens) and tokens[pos] in ("*", "/"):
        op = tokens[pos]
        rhs, pos = parse_atom(tokens, pos + 1)
        value = value * rhs if op == "*" else value // rhs
    return value, pos


def parse_atom(tokens, pos):
    tok = tokens[pos]
    if tok == "(":
        value, pos = parse_expr(tokens, pos + 1)
        return value, pos + 1
    if tok == "-":
        value, pos = parse_atom(tokens, pos + 1)
        return -value, pos
    return tok, pos + 1


for expr in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 - -3", "2 * (3 + 4) * (5 - 1)"]:
    print(expr, "=", parse_expr(tokenize(expr), 0)[0])


def binary_search(seq, target):
    lo, hi = 0, len(seq) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if seq[mid] == target:
            return mid
        if seq[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


print([binary_search(primes, p) for p in [2, 3, 97, 50, 1]])

text = """the quick brown fox jumps over the lazy dog the fox"""
freq = {}
for word in text.split():
    freq[word] = freq.get(word, 0) + 1
for word, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4]:
    print("%-6s %d" % (word, n))


def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


m = [[1, 2], [3, 4]]
print(matmul(m, m), matmul(matmul(m, m), m))
