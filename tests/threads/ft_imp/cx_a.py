# cx_a and cx_b import each other from two threads while both bodies run:
# one of the threads must go on with the other's partial module.
from ft_imp import events

events.cx_a_running.set()
events.cx_b_running.wait(10)
import ft_imp.cx_b

done = True
