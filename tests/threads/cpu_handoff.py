# Two threads that never block hand a token back and forth by spinning on
# shared variables: each hand-off needs the GIL to move from the spinning
# thread to the other one, which only a switch interval (new GIL) or tick
# count (legacy GIL) forces. Without preemption this test hangs.
import sys
import threading

ROUNDS = 30
turn = [0]
trace = []


def player(me):
    for r in range(ROUNDS):
        while turn[0] % 2 != me:
            pass
        trace.append(me)
        turn[0] += 1


ts = [threading.Thread(target=player, args=(p,)) for p in (0, 1)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("turns:", turn[0], "alternating:", trace == [0, 1] * ROUNDS)

# A thread that spins until the main thread sets a flag: the main thread
# gets to run although the spinner never waits.
flag = []
spins = [0]


def spinner():
    while not flag:
        spins[0] += 1


t = threading.Thread(target=spinner)
t.start()
x = 0
for i in range(100000):
    x += i
# Then the main thread spins until the spinner has run (on a busy machine
# it may not have started yet): the GIL must move to the spinner and back.
while spins[0] == 0:
    pass
flag.append(1)
t.join()
print("main computed", x, "while the spinner ran:", spins[0] > 0)
print("switch interval:", sys.getswitchinterval())
