"""constraint_solver.py -- an incremental one-way constraint solver in the
spirit of DeltaBlue (Freeman-Benson, Maloney and Borning, 1990).

Variables hold integers; constraints between them have a strength, from
REQUIRED down to WEAKEST.  Each satisfied constraint computes one of its
variables (its output) from the others, and the planner keeps the set of
satisfied constraints such that no weaker constraint wins over a stronger
one: adding a constraint may override a weaker one that determined the
same variable, and removing one lets the weaker ones it blocked come back.
A variable's walkabout strength, the weakest strength upstream of it, lets
the planner decide this locally.  Edits are made by adding an edit
constraint on a variable and extracting a plan, the constraints to run in
order, from it.  Two scenarios run the solver:

  chain       N + 1 variables joined by N required equalities, a stay at
              the end, an edit at the start that is moved 100 times;
  projection  N source and N destination variables with
              dest = source * scale + offset, sources held by stays, then
              edits of a source, a destination, the scale and the offset.

Both check every value they expect and fail loudly otherwise.  What it
exercises: a class hierarchy with super().__init__() calls and overridden
methods, attribute-heavy objects linked into a graph, list appends and
removals, work lists, integer arithmetic, exceptions for failures.

Usage:
    constraint_solver.py [SCALE]

One unit of work is ROUNDS runs of both scenarios with N = SIZE; SCALE (a
positive integer, default 1) repeats it, and every repetition must give
the same result.

Output: the result lines (plan lengths and checksums of the values),
identical under CPython and ftpy, then on the last line the wall time of
the work:
    time: SECONDS
Exit status 1 if the solver goes wrong or repetitions disagree, 2 on bad
arguments.
"""

import sys
import time

ROUNDS = 90
SIZE = 100

# Strengths: a smaller number is a stronger constraint.
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, \
    WEAKEST = range(7)

# Which way a binary constraint computes.
NONE, FORWARD, BACKWARD = 0, 1, 2


class SolverError(Exception):
    pass


def stronger(a, b):
    return a < b


def weaker(a, b):
    return a > b


def weakest_of(a, b):
    return a if a > b else b


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def add_constraint(self, constraint):
        self.constraints.append(constraint)

    def remove_constraint(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None


class Constraint:
    """What every constraint does; subclasses say how many variables it has
    and how it computes its output."""

    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def attach(self):
        """Puts the constraint into the graph and satisfies it if it can."""
        self.add_to_graph()
        self.planner.incremental_add(self)

    def detach(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def satisfy(self, mark):
        """Tries to satisfy the constraint, choosing an output that `mark`
        has not reached; returns the constraint it overrode, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise SolverError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise SolverError("cycle encountered")
        out.mark = mark
        return overridden

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, planner, variable, strength):
        super().__init__(planner, strength)
        self.variable = variable
        self.satisfied = False
        self.attach()

    def add_to_graph(self):
        self.variable.add_constraint(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.variable.remove_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = (self.variable.mark != mark and
                          stronger(self.strength, self.variable.walk_strength))

    def is_satisfied(self):
        return self.satisfied

    def mark_unsatisfied(self):
        self.satisfied = False

    def mark_inputs(self, mark):
        pass

    def inputs_known(self, mark):
        return True

    def output(self):
        return self.variable

    def recalculate(self):
        self.variable.walk_strength = self.strength
        self.variable.stay = not self.is_input()
        if self.variable.stay:
            self.execute()


class StayConstraint(UnaryConstraint):
    """Keeps its variable's value unless something stronger changes it."""

    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    """Marks its variable as set from outside the solver."""

    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, planner, v1, v2, strength):
        super().__init__(planner, strength)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE
        self.attach()

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def remove_from_graph(self):
        self.v1.remove_constraint(self)
        self.v2.remove_constraint(self)
        self.direction = NONE

    def choose_method(self, mark):
        """Computes the variable that `mark` has not reached, preferring the
        one that is weaker now, if this constraint is stronger than it."""
        v1, v2 = self.v1, self.v2
        if v1.mark == mark:
            ok = v2.mark != mark and stronger(self.strength, v2.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif v2.mark == mark:
            ok = v1.mark != mark and stronger(self.strength, v1.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif weaker(v1.walk_strength, v2.walk_strength):
            ok = stronger(self.strength, v1.walk_strength)
            self.direction = BACKWARD if ok else NONE
        else:
            ok = stronger(self.strength, v2.walk_strength)
            self.direction = FORWARD if ok else NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_unsatisfied(self):
        self.direction = NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def inputs_known(self, mark):
        source = self.input()
        return source.mark == mark or source.stay or source.determined_by is None

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = weakest_of(self.strength, source.walk_strength)
        out.stay = source.stay
        if out.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """dest = source * scale + offset, in either direction."""

    def __init__(self, planner, source, scale, offset, dest, strength):
        self.scale = scale
        self.offset = offset
        super().__init__(planner, source, dest, strength)

    def add_to_graph(self):
        super().add_to_graph()
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        super().remove_from_graph()
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = weakest_of(self.strength, source.walk_strength)
        out.stay = source.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value


class Plan:
    """Constraints in the order that recomputes the graph from its inputs."""

    def __init__(self):
        self.steps = []

    def __len__(self):
        return len(self.steps)

    def add(self, constraint):
        self.steps.append(constraint)

    def execute(self):
        for constraint in self.steps:
            constraint.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        """Satisfies `constraint`, then every weaker one it overrides in
        turn, as far as they can be."""
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint):
        """Takes a satisfied constraint out, then lets the constraints it
        was keeping unsatisfied back in, strongest first."""
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        for strength in range(REQUIRED, WEAKEST):
            for waiting in unsatisfied:
                if waiting.strength == strength:
                    self.incremental_add(waiting)

    def add_propagate(self, constraint, mark):
        """Recomputes walkabout strengths (and constant values) downstream
        of `constraint`; False, with it removed again, on a cycle."""
        todo = [constraint]
        i = 0
        while i < len(todo):
            current = todo[i]
            i += 1
            if current.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            current.recalculate()
            self.add_consumers(current.output(), todo)
        return True

    def remove_propagate_from(self, out):
        """Forgets what determined `out` and updates the variables
        downstream; returns the unsatisfied constraints met on the way."""
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        i = 0
        while i < len(todo):
            variable = todo[i]
            i += 1
            for constraint in variable.constraints:
                if not constraint.is_satisfied():
                    unsatisfied.append(constraint)
            determining = variable.determined_by
            for constraint in variable.constraints:
                if constraint is not determining and constraint.is_satisfied():
                    constraint.recalculate()
                    todo.append(constraint.output())
        return unsatisfied

    def add_consumers(self, variable, into):
        determining = variable.determined_by
        for constraint in variable.constraints:
            if constraint is not determining and constraint.is_satisfied():
                into.append(constraint)

    def plan_for(self, constraints):
        """The plan that recomputes everything downstream of the satisfied
        input constraints among `constraints`."""
        mark = self.new_mark()
        plan = Plan()
        todo = [c for c in constraints if c.is_input() and c.is_satisfied()]
        i = 0
        while i < len(todo):
            constraint = todo[i]
            i += 1
            out = constraint.output()
            if out.mark != mark and constraint.inputs_known(mark):
                plan.add(constraint)
                out.mark = mark
                self.add_consumers(out, todo)
        return plan


def expect(what, got, wanted):
    if got != wanted:
        raise SolverError("%s is %r, expected %r" % (what, got, wanted))


def chain(n):
    """The chain scenario; returns (plan length, checksum)."""
    planner = Planner()
    variables = [Variable("v%d" % i) for i in range(n + 1)]
    for i in range(n):
        EqualityConstraint(planner, variables[i], variables[i + 1], REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_for([edit])
    checksum = 0
    for value in range(100):
        first.value = value
        plan.execute()
        expect("the end of the chain", last.value, value)
        checksum += last.value + variables[n // 2].value
    edit.detach()
    return len(plan), checksum


def change(planner, variable, value):
    """Sets `variable` through an edit constraint; returns the plan length."""
    edit = EditConstraint(planner, variable, PREFERRED)
    plan = planner.plan_for([edit])
    for _ in range(10):
        variable.value = value
        plan.execute()
    edit.detach()
    return len(plan)


def projection(n):
    """The projection scenario; returns (plan lengths, checksum)."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    sources = []
    dests = []
    for i in range(n):
        source = Variable("src%d" % i, i)
        dest = Variable("dst%d" % i, i)
        sources.append(source)
        dests.append(dest)
        StayConstraint(planner, source, NORMAL)
        ScaleConstraint(planner, source, scale, offset, dest, REQUIRED)
    source, dest = sources[-1], dests[-1]
    lengths = [change(planner, source, 17)]
    expect("the last destination", dest.value, 1170)
    lengths.append(change(planner, dest, 1050))
    expect("the last source", source.value, 5)
    lengths.append(change(planner, scale, 5))
    for i in range(n - 1):
        expect("destination %d" % i, dests[i].value, i * 5 + 1000)
    lengths.append(change(planner, offset, 2000))
    for i in range(n - 1):
        expect("destination %d" % i, dests[i].value, i * 5 + 2000)
    checksum = sum(d.value for d in dests) + sum(s.value for s in sources)
    return lengths, checksum


def run():
    """One unit of work; returns its result lines."""
    results = []
    for _ in range(ROUNDS):
        results.append((chain(SIZE), projection(SIZE)))
    for other in results[1:]:
        if other != results[0]:
            raise SolverError("two rounds disagree")
    (chain_plan, chain_sum), (lengths, projection_sum) = results[0]
    return [
        "constraint_solver: %d rounds, N = %d" % (ROUNDS, SIZE),
        "chain: plan of %d steps, checksum %d" % (chain_plan, chain_sum),
        "projection: plans of %s steps, checksum %d" % (lengths, projection_sum),
    ]


def scale_from(argv):
    """SCALE from the command line (default 1), or exit 2 with the usage."""
    if len(argv) == 1:
        return 1
    if len(argv) == 2 and argv[1].isdigit() and int(argv[1]) > 0:
        return int(argv[1])
    print("usage: constraint_solver.py [SCALE]  (SCALE: a positive integer, default 1)",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    scale = scale_from(argv)
    start = time.perf_counter()
    result = run()
    for _ in range(scale - 1):
        if run() != result:
            print("constraint_solver: a repetition gave a different result",
                  file=sys.stderr)
            sys.exit(1)
    elapsed = time.perf_counter() - start
    print("\n".join(result))
    print("time: %.3f" % elapsed)


main(sys.argv)
