# An exception that escapes Thread.run is reported on stderr as "Exception
# in thread NAME:" plus its traceback, and the program goes on. SystemExit
# ends the thread quietly. threading.excepthook can be replaced, and a
# hook that fails is reported too.
import threading


def boom(n):
    raise ValueError("boom %d" % n)


t = threading.Thread(target=boom, args=(1,))
t.start()
t.join()
print("main goes on; thread alive:", t.is_alive())


class Worker(threading.Thread):
    def run(self):
        self.step()

    def step(self):
        {}["missing"]


t = Worker(name="worker-A")
t.start()
t.join()
print("subclass reported")


def quiet_exit():
    raise SystemExit(3)


t = threading.Thread(target=quiet_exit)
t.start()
t.join()
print("SystemExit is silent")

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value),
                 args.thread.name, args.exc_traceback is not None))


threading.excepthook = hook
t = threading.Thread(target=boom, args=(2,), name="hooked")
t.start()
t.join()
print("custom hook saw:", seen)


def bad_hook(args):
    raise TypeError("the hook itself failed")


threading.excepthook = bad_hook
t = threading.Thread(target=boom, args=(3,), name="badhook")
t.start()
t.join()
threading.excepthook = threading.__excepthook__
print("after a failing hook")


def chained():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("while handling") from e


t = threading.Thread(target=chained, name="chain")
t.start()
t.join()
print("end")
