# An uncaught exception in the main thread is reported at once; the
# non-daemon thread still finishes before the process exits with status 1.
import threading
import time


def late():
    time.sleep(0.2)
    print("worker done")


threading.Thread(target=late).start()
print("main raises")
raise KeyError("from main")
