x = 'ok'
x = b'ab\xzz'
