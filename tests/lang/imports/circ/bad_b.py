from imports.circ.bad_a import x
y = 2
