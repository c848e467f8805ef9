print('never')
x = (1,
     b'abc' 'x')
