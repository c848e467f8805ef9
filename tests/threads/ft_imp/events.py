# Events the helper modules' bodies use to meet each other.
import threading

par_a_running = threading.Event()
par_b_running = threading.Event()
cx_a_running = threading.Event()
cx_b_running = threading.Event()
