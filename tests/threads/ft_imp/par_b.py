from ft_imp import events

events.par_b_running.set()
met = events.par_a_running.wait(10)
