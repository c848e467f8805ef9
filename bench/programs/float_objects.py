"""float_objects.py -- many small objects with float attributes.

POINTS points are made from angles with math.sin and math.cos, each a
Point object with x, y and z attributes.  Every point is normalized in
place (divided by its length); the component-wise maximum of all of them
is folded up by a method that updates the accumulator, and midpoints of
neighbours are made as fresh objects and averaged into a centroid.  The
objects are dropped between passes, so allocation and deallocation of
instances with a __dict__ of floats is a large part of the cost.  What it
exercises: instance creation, attribute loads and stores, method calls,
float arithmetic, math.sin/cos/sqrt, max() of two floats.

Usage:
    float_objects.py [SCALE]

One unit of work is PASSES passes over POINTS fresh points; SCALE (a
positive integer, default 1) repeats it, and every repetition must give
the same result.

Output: the result lines (the maximum and the centroid of the last pass,
and a sum over all passes), identical under CPython and ftpy, then on the
last line the wall time of the work:
    time: SECONDS
Exit status 1 if repetitions disagree, 2 on bad arguments.
"""

import math
import sys
import time

POINTS = 30000
PASSES = 10


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self):
        return "Point(%.9f, %.9f, %.9f)" % (self.x, self.y, self.z)

    def length(self):
        return math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)

    def normalize(self):
        norm = self.length()
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        """Keeps the larger of each coordinate; returns self."""
        self.x = max(self.x, other.x)
        self.y = max(self.y, other.y)
        self.z = max(self.z, other.z)
        return self

    def midpoint(self, other):
        return Point((self.x + other.x) * 0.5, (self.y + other.y) * 0.5,
                     (self.z + other.z) * 0.5)


def point_at(angle):
    x = math.sin(angle)
    return Point(x, math.cos(angle) * 3.0, x * x / 2.0)


def one_pass(offset):
    points = [point_at(offset + i * 0.001) for i in range(POINTS)]
    for point in points:
        point.normalize()
    biggest = Point(points[0].x, points[0].y, points[0].z)
    for point in points:
        biggest.maximize(point)
    cx = cy = cz = 0.0
    previous = points[-1]
    for point in points:
        middle = point.midpoint(previous)
        cx += middle.x
        cy += middle.y
        cz += middle.z
        previous = point
    return biggest, Point(cx / POINTS, cy / POINTS, cz / POINTS)


def run():
    """One unit of work; returns its result lines."""
    total = 0.0
    for k in range(PASSES):
        biggest, centre = one_pass(k * 0.5)
        total += biggest.length() + centre.length()
    return [
        "float_objects: %d passes over %d points" % (PASSES, POINTS),
        "maximum: %r" % biggest,
        "centroid: %r" % centre,
        "sum of lengths: %.9f" % total,
    ]


def scale_from(argv):
    """SCALE from the command line (default 1), or exit 2 with the usage."""
    if len(argv) == 1:
        return 1
    if len(argv) == 2 and argv[1].isdigit() and int(argv[1]) > 0:
        return int(argv[1])
    print("usage: float_objects.py [SCALE]  (SCALE: a positive integer, default 1)",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    scale = scale_from(argv)
    start = time.perf_counter()
    result = run()
    for _ in range(scale - 1):
        if run() != result:
            print("float_objects: a repetition gave a different result", file=sys.stderr)
            sys.exit(1)
    elapsed = time.perf_counter() - start
    print("\n".join(result))
    print("time: %.3f" % elapsed)


main(sys.argv)
