# A slow body that counts its runs where every thread can see them.
import builtins
import time

builtins.ft_slow_runs = getattr(builtins, "ft_slow_runs", 0) + 1
first = 1
time.sleep(0.2)
table = [i * i for i in range(1000)]
complete = True
