# bytearray: construction, mutation, operators, mixing with bytes.
b = bytearray(b'hello')
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], type(b[1:3]), repr(bytearray()))
b[0] = 72
b[-1] = ord('O')
print(b)
b[1:3] = b'EEE'
print(b)
b[1:4] = [97, 98]
print(b)
b[::2] = b'xyz'
print(b)
del b[0]
print(b)
del b[::2]
print(b)
del b[5:]
b[len(b):] = b'tail'
print(b)
b.append(33)
b.extend(b'!?')
b.extend([1, 2])
b.extend(bytearray(b'ba'))
b.extend(x for x in (65, 66))
print(b, b.pop(), b.pop(0), b.pop(-2), b)
b.insert(0, 60)
b.insert(100, 62)
b.insert(-1, 45)
print(b)
b.remove(60)
b.reverse()
print(b)
c = b.copy()
c.clear()
print(c, b == c, len(b) > 0)
b = bytearray(b'ab')
b += b'cd'
b += bytearray(b'e')
print(b)
b *= 2
print(b, b * 2, 2 * b, b + b'!', b'<' + b, type(b'<' + b), type(b + b'!'))
print(b == b'abcdeabcde', b'abcdeabcde' == b, b < b'b', bytearray(b'a') != b'a')
print(bytearray(3), bytearray([1, 2]), bytearray('xy', 'ascii'), bytearray(b'q'), list(bytearray(b'AB')))
print(97 in bytearray(b'abc'), b'bc' in bytearray(b'abc'), bytearray(b'c') in b'abc')
a = bytearray(b'xyz')
a[:] = a
print(a)
a[0:0] = a
print(a)
it = iter(bytearray(b'12'))
print(next(it), next(it), next(it, 'end'))
for expr in ("hash(bytearray())", "bytearray(b'a')[5]", "bytearray().pop()", "bytearray(b'a').pop(3)",
             "bytearray(b'a').remove(98)", "bytearray(b'a').append(256)", "bytearray(b'a').append('a')",
             "bytearray('x')", "bytearray(-1)", "bytearray([300])", "bytearray(['a'])", "bytearray(1.5)",
             "bytearray(b'abc').__setitem__(slice(0, 3, 2), b'x')",
             "bytearray(b'abc').__setitem__(slice(0, 1), 5)", "bytearray(b'a') + 'x'",
             "bytearray(b'a').extend('x')", "bytearray(b'a').extend(5)", "{bytearray(): 1}",
             "bytearray(b'a')['i']", "bytes([1, -1])", "bytes(-3)", "bytes('x')", "bytes(b'x', 'ascii')",
             "bytes(errors='strict')"):
    try:
        print(eval(expr))
    except (TypeError, ValueError, IndexError) as e:
        print(expr, '->', type(e).__name__, e)
x = bytearray(b'abcdef')
x[1:5:2] = b'XY'
print(x)
x[5:1:-2] = b'12'
print(x)
del x[-1:-4:-1]
print(x)
print({b'x': 1}.get(bytes(bytearray(b'x'))), {b'a'} == {b'a'})
