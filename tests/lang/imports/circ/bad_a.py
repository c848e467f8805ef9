from imports.circ.bad_b import y
x = 1
