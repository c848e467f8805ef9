# Runs while par_b's body runs: each waits for the other to have started.
from ft_imp import events

events.par_a_running.set()
met = events.par_b_running.wait(10)
