# One file object shared by several threads. Writers: 4 threads write 1000
# lines each to one file; every line must come back whole, none lost, none
# interleaved with another, each thread's lines in its own order. Readers:
# 4 threads call read(64) on one file of 64-byte records until it is
# exhausted; together they must see every record exactly once, each whole.
# Binary files only: CPython's buffered binary files lock each call, but
# its text files are not thread-safe (they lose and garble text shared
# this way) and its binary readline() may return part of a line when
# threads race, so there is no CPython output to compare with for those.
# (ftpy's text files and readline() take the same per-call lock.) Works
# in a temporary directory it removes.
import os
import threading

NTHREADS = 4
NLINES = 1000
RECORD = 64


def line_for(t, i):
    # long enough that the 8 KiB buffer fills and flushes mid-run often
    return 'thread %d line %04d %s end\n' % (t, i, chr(ord('a') + t) * (20 + i % 50))


def record_for(t, i):
    return ('record %d %04d ' % (t, i)).ljust(RECORD - 1, chr(ord('a') + t)) + '\n'


def run_threads(target):
    threads = [threading.Thread(target=target, args=(t,))
               for t in range(NTHREADS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


def check_lines(lines):
    seen = {t: [] for t in range(NTHREADS)}
    bad = 0
    for line in lines:
        parts = line.split(' ')
        if len(parts) != 6 or parts[0] != 'thread' or parts[5] != 'end\n':
            bad += 1
            continue
        t, i = int(parts[1]), int(parts[3])
        if line != line_for(t, i):
            bad += 1
            continue
        seen[t].append(i)
    in_order = all(seen[t] == list(range(NLINES)) for t in range(NTHREADS))
    return len(lines), bad, in_order


def writers(path, lines_per_write):
    f = open(path, 'wb')
    def writer(t):
        for i in range(0, NLINES, lines_per_write):
            f.write(''.join(line_for(t, j)
                            for j in range(i, i + lines_per_write)).encode())
    run_threads(writer)
    f.close()
    with open(path, 'rb') as f:
        return check_lines([line.decode() for line in f])


def readers(path):
    with open(path, 'w') as f:
        for t in range(NTHREADS):
            for i in range(NLINES):
                f.write(record_for(t, i))
    shared = open(path, 'rb')
    got = [[] for t in range(NTHREADS)]
    def reader(t):
        while True:
            rec = shared.read(RECORD)
            if not rec:
                break
            got[t].append(rec.decode())
    run_threads(reader)
    shared.close()
    records = sorted(r for g in got for r in g)
    expected = sorted(record_for(t, i) for t in range(NTHREADS)
                      for i in range(NLINES))
    return len(records), records == expected


tmp = '/tmp/ftpy-file-shared-%d' % os.getpid()
os.mkdir(tmp)
try:
    print('one line per write:', writers(os.path.join(tmp, 'w1.bin'), 1))
    print('two lines per write:', writers(os.path.join(tmp, 'w2.bin'), 2))
    print('readers:', readers(os.path.join(tmp, 'r.bin')))
finally:
    for name in os.listdir(tmp):
        os.remove(os.path.join(tmp, name))
    os.rmdir(tmp)
