"""richards.py -- an operating-system scheduler simulation after Martin
Richards' classic benchmark.

Six tasks share one processor: an idle task that keeps releasing the two
device tasks, a worker that fills work packets, two handlers that pass
work out to their device one datum at a time, and the two devices.  Tasks
exchange packets (linked records) through the scheduler, which always runs
the highest-priority task that can run.  Each task is an object of a Task
subclass whose constructor calls super().__init__(); the scheduler
dispatches through the step() method.  What it exercises: attribute loads
and stores, method calls, linked lists walked with while loops, small-int
arithmetic and bit operations.

Usage:
    richards.py [SCALE]

One unit of work is ROUNDS complete simulations of IDLE_COUNT idle steps
each; SCALE (a positive integer, default 1) repeats that unit, and every
repetition must give the same result.

Output: the result lines (packets queued, tasks held, a checksum of the
packet data), identical under CPython and ftpy, then on the last line the
wall time of the work:
    time: SECONDS
Exit status 1 if a simulation goes wrong or repetitions disagree, 2 on bad
arguments.
"""

import sys
import time

ROUNDS = 10
IDLE_COUNT = 10000

# Task identities; their order is also their priority order.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6

DEVICE_PACKET = 0
WORK_PACKET = 1
PAYLOAD = 4          # data items a work packet carries


class Packet:
    """A message between tasks, linked into a task's queue by `link`.

    `dest` is the task it is sent to, and once delivered the task that sent
    it.  A work packet's `count` is how much of `data` a handler has passed
    on; a device packet's `count` carries one datum to the device."""

    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.count = 0
        self.data = [0] * PAYLOAD

    def append_to(self, queue):
        """Returns `queue` with this packet at its end."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task:
    """A task control block: what the scheduler knows about a task.

    A task runs unless it is held, or waiting with no packet queued.  A
    waiting task that has packets is given the first one when it runs."""

    def __init__(self, system, ident, priority, queue=None, waiting=False):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = waiting
        self.held = False
        self.next = None
        system.add(self)

    def can_run(self):
        return not self.held and not (self.waiting and self.queue is None)

    def take_packet(self):
        if not self.waiting:
            return None
        packet = self.queue
        self.queue = packet.link
        self.waiting = False
        return packet

    def receive(self, packet, sender):
        """Queues `packet`; returns the task to run next."""
        if self.queue is None:
            self.queue = packet
            if self.priority > sender.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return sender

    def step(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, system, count):
        super().__init__(system, IDLE, 0)
        self.seed = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.system.hold()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.system.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.system.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, system, queue):
        super().__init__(system, WORKER, 1000, queue, waiting=True)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.system.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.dest = self.target
        packet.count = 0
        data = packet.data
        for i in range(PAYLOAD):
            self.letter = self.letter + 1 if self.letter < 26 else 1
            data[i] = self.letter
        return self.system.send(packet)


class HandlerTask(Task):
    def __init__(self, system, ident, priority, queue):
        super().__init__(system, ident, priority, queue, waiting=True)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            n = work.count
            if n >= PAYLOAD:
                self.work = work.link
                return self.system.send(work)
            device = self.devices
            if device is not None:
                self.devices = device.link
                device.count = work.data[n]
                work.count = n + 1
                return self.system.send(device)
        return self.system.wait()


class DeviceTask(Task):
    def __init__(self, system, ident, priority):
        super().__init__(system, ident, priority, waiting=True)
        self.pending = None

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.system.wait()
            self.pending = None
            return self.system.send(pending)
        self.pending = packet
        return self.system.hold()


class System:
    """The scheduler: the task list (highest priority first) and counters."""

    def __init__(self):
        self.first = None
        self.tasks = [None] * (DEVICE_B + 1)   # by identity
        self.current = None
        self.sent = 0
        self.holds = 0

    def add(self, task):
        task.next = self.first
        self.first = task
        self.tasks[task.ident] = task

    def run(self):
        task = self.first
        while task is not None:
            if task.can_run():
                self.current = task
                task = task.step(task.take_packet())
            else:
                task = task.next

    def send(self, packet):
        target = self.tasks[packet.dest]
        self.sent += 1
        packet.link = None
        packet.dest = self.current.ident
        return target.receive(packet, self.current)

    def release(self, ident):
        task = self.tasks[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def hold(self):
        self.holds += 1
        self.current.held = True
        return self.current.next

    def wait(self):
        self.current.waiting = True
        return self.current


def packets(dest, kind, n):
    queue = None
    for _ in range(n):
        queue = Packet(queue, dest, kind)
    return queue


def simulate():
    """One simulation; returns (packets sent, holds, checksum)."""
    system = System()
    IdleTask(system, IDLE_COUNT)
    WorkerTask(system, packets(WORKER, WORK_PACKET, 2))
    HandlerTask(system, HANDLER_A, 2000, packets(DEVICE_A, DEVICE_PACKET, 3))
    HandlerTask(system, HANDLER_B, 3000, packets(DEVICE_B, DEVICE_PACKET, 3))
    DeviceTask(system, DEVICE_A, 4000)
    DeviceTask(system, DEVICE_B, 5000)
    system.run()
    checksum = 0
    for task in system.tasks[1:]:
        checksum = checksum * 31 + task.ident * (2 if task.held else 1)
        packet = task.queue
        while packet is not None:
            checksum = (checksum * 7 + packet.count + sum(packet.data)) % 1000003
            packet = packet.link
    return system.sent, system.holds, checksum


def run():
    """One unit of work; returns its result lines."""
    first = simulate()
    for _ in range(ROUNDS - 1):
        if simulate() != first:
            raise RuntimeError("two simulations disagree")
    sent, holds, checksum = first
    return [
        "richards: %d rounds of %d idle steps" % (ROUNDS, IDLE_COUNT),
        "packets queued: %d" % sent,
        "tasks held: %d" % holds,
        "queue checksum: %d" % checksum,
    ]


def scale_from(argv):
    """SCALE from the command line (default 1), or exit 2 with the usage."""
    if len(argv) == 1:
        return 1
    if len(argv) == 2 and argv[1].isdigit() and int(argv[1]) > 0:
        return int(argv[1])
    print("usage: richards.py [SCALE]  (SCALE: a positive integer, default 1)",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    scale = scale_from(argv)
    start = time.perf_counter()
    result = run()
    for _ in range(scale - 1):
        if run() != result:
            print("richards: a repetition gave a different result", file=sys.stderr)
            sys.exit(1)
    elapsed = time.perf_counter() - start
    print("\n".join(result))
    print("time: %.3f" % elapsed)


main(sys.argv)
