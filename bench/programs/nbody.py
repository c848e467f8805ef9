"""nbody.py -- a star and four giant planets moving under Newtonian gravity.

Units are astronomical units, years and solar masses, so G * M(sun) is
4 * pi**2.  Each body is a list [x, y, z, vx, vy, vz, gm] of floats, gm
being G times the body's mass.  The simulation is a plain Euler-Cromer
integration over every pair of bodies, with the star's velocity set so
that the total momentum is zero.  The planets start on circular orbits of
our own choosing (radius, phase and a small tilt per planet), so the system
is plausible without being a copy of any catalogue.  What it exercises:
float arithmetic on list items, list indexing and item stores, tuple
unpacking of the pair list, math.sqrt.

Usage:
    nbody.py [SCALE]

SCALE (a positive integer, default 1) is how many times the whole
simulation runs, each time from the same start; every repetition must give
the same result.

Output: the result lines (the energy before and after, and a checksum of
the final positions), identical under CPython and ftpy, then on the last
line the wall time of the work:
    time: SECONDS
Exit status 1 if repetitions disagree, 2 on bad arguments.
"""

import math
import sys
import time

STEPS = 100000
DT = 0.01
GM_SUN = 4.0 * math.pi * math.pi

# radius (AU), mass (solar masses), phase (radians), tilt (radians)
PLANETS = [
    (5.2, 9.5e-4, 0.3, 0.020),
    (9.6, 2.9e-4, 2.1, 0.043),
    (19.2, 4.4e-5, 4.0, 0.013),
    (30.1, 5.2e-5, 5.5, 0.031),
]


def make_system():
    """The star first, then the planets, as lists of seven floats."""
    bodies = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, GM_SUN]]
    for radius, mass, phase, tilt in PLANETS:
        speed = math.sqrt(GM_SUN / radius)
        c, s = math.cos(phase), math.sin(phase)
        bodies.append([
            radius * c, radius * s * math.cos(tilt), radius * s * math.sin(tilt),
            -speed * s, speed * c * math.cos(tilt), speed * c * math.sin(tilt),
            mass * GM_SUN,
        ])
    return bodies


def zero_momentum(bodies):
    px = py = pz = 0.0
    for body in bodies[1:]:
        m = body[6]
        px += body[3] * m
        py += body[4] * m
        pz += body[5] * m
    star = bodies[0]
    star[3] = -px / star[6]
    star[4] = -py / star[6]
    star[5] = -pz / star[6]


def pairs_of(bodies):
    return [(bodies[i], bodies[j])
            for i in range(len(bodies)) for j in range(i + 1, len(bodies))]


def energy(bodies, pairs):
    e = 0.0
    for body in bodies:
        vx, vy, vz = body[3], body[4], body[5]
        e += 0.5 * body[6] * (vx * vx + vy * vy + vz * vz)
    for a, b in pairs:
        dx = a[0] - b[0]
        dy = a[1] - b[1]
        dz = a[2] - b[2]
        e -= a[6] * b[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, steps, dt):
    for _ in range(steps):
        for a, b in pairs:
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * math.sqrt(d2))
            mb = b[6] * mag
            a[3] -= dx * mb
            a[4] -= dy * mb
            a[5] -= dz * mb
            ma = a[6] * mag
            b[3] += dx * ma
            b[4] += dy * ma
            b[5] += dz * ma
        for body in bodies:
            body[0] += dt * body[3]
            body[1] += dt * body[4]
            body[2] += dt * body[5]


def simulate():
    """One whole simulation; returns its result lines."""
    bodies = make_system()
    zero_momentum(bodies)
    pairs = pairs_of(bodies)
    before = energy(bodies, pairs)
    advance(bodies, pairs, STEPS, DT)
    after = energy(bodies, pairs)
    where = 0.0
    for body in bodies:
        where += abs(body[0]) + abs(body[1]) + abs(body[2])
    return [
        "nbody: %d bodies, %d steps of %g years" % (len(bodies), STEPS, DT),
        "energy before: %.9f" % before,
        "energy after: %.9f" % after,
        "position sum: %.6f" % where,
    ]


def scale_from(argv):
    """SCALE from the command line (default 1), or exit 2 with the usage."""
    if len(argv) == 1:
        return 1
    if len(argv) == 2 and argv[1].isdigit() and int(argv[1]) > 0:
        return int(argv[1])
    print("usage: nbody.py [SCALE]  (SCALE: a positive integer, default 1)",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    scale = scale_from(argv)
    start = time.perf_counter()
    result = simulate()
    for _ in range(scale - 1):
        if simulate() != result:
            print("nbody: a repetition gave a different result", file=sys.stderr)
            sys.exit(1)
    elapsed = time.perf_counter() - start
    print("\n".join(result))
    print("time: %.3f" % elapsed)


main(sys.argv)
