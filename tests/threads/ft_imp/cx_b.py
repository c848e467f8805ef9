from ft_imp import events

events.cx_b_running.set()
events.cx_a_running.wait(10)
import ft_imp.cx_a

done = True
