# sys.exit() in the main thread still waits for non-daemon threads, and the
# exit status is the one the main thread asked for.
import sys
import threading
import time


def late():
    time.sleep(0.1)
    print("worker done")


threading.Thread(target=late).start()
print("main exits with 3")
sys.exit(3)
