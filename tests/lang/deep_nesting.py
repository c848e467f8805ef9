# Very deep or very long constructs must end in an exception (or work),
# never crash the interpreter: the parser limits nesting, and the symbol
# table and compiler limit the depth of what the parser builds in a loop
# (left-associative chains of operators, attributes, calls, subscripts).

N = 100000


def attempt(name, src, env=None):
    try:
        exec(src, env if env is not None else {'a': 1, 'f': None})
        print(name, 'ok')
    except RecursionError as e:
        print(name, 'RecursionError:', e)
    except MemoryError as e:
        print(name, 'MemoryError', repr(str(e)))
    except SyntaxError as e:
        print(name, 'SyntaxError:', e.msg)


# Chains that the parser builds in a loop: deep ASTs.
attempt('plus', 'x = ' + 'a+' * N + 'a')
attempt('minus-in-if', 'if ' + 'a-' * N + 'a:\n    pass\n')
attempt('str-concat', 'x = ' + '"s"+' * N + '"s"')
attempt('const-sum', 'x = ' + '1+' * N + '1')
attempt('attributes', 'x = a' + '.b' * N)
attempt('calls', 'x = f' + '()' * N)
attempt('subscripts', 'x = a' + '[0]' * N)
attempt('in-function', 'def g():\n    return ' + 'a*' * N + 'a\n')
attempt('in-lambda', 'g = lambda: ' + 'a|' * N + 'a')
attempt('in-listcomp', 'x = [' + 'a+' * N + 'a for a in (1, 2)]')

# Flat in the AST: these compile.
attempt('and', 'x = ' + 'a and ' * N + 'a')
attempt('or', 'x = ' + 'a or ' * N + 'a')
attempt('compare', 'x = ' + 'a < ' * N + 'a')
attempt('if-and', 'if ' + 'a and ' * N + 'a:\n    pass\n')
attempt('tuple', 'x = (' + 'a, ' * N + ')')
attempt('list', 'x = [' + 'a, ' * N + ']')

# Nesting the parser limits.
attempt('parens', 'x = ' + '(' * N + 'a' + ')' * N)
attempt('lists', 'x = ' + '[' * N + ']' * N)
attempt('lambdas', 'x = ' + 'lambda: ' * N + 'a')
attempt('negations', 'x = ' + '-' * N + 'a')
attempt('nots', 'x = ' + 'not ' * N + 'a')
attempt('powers', 'x = ' + 'a**' * N + 'a')
attempt('ternaries', 'x = ' + 'a if a else ' * N + 'a')
attempt('elif-10k', 'if a == 0:\n  pass\n' +
        ''.join('elif a == %d:\n  pass\n' % i for i in range(1, 10000)) +
        'else:\n  x = 1\n')
attempt('defs-200', ''.join(' ' * i + 'def f%d():\n' % i for i in range(200)) +
        ' ' * 200 + 'pass\n')

# Moderate depths work, and give the right values.
env = {'a': 1}
exec('x = ' + 'a+' * 500 + 'a', env)
print('sum of 501:', env['x'])
exec('y = ' + '-' * 100 + 'a', env)
print('100 negations:', env['y'])
exec('z = ' + 'lambda: ' * 50 + '7', env)
z = env['z']
for i in range(50):
    z = z()
print('50 lambdas:', z)
src = ''.join(' ' * i + 'def f%d():\n' % i for i in range(50))
src += ' ' * 50 + 'return 42\n'
for i in range(49, 0, -1):
    src += ' ' * i + 'return f%d()\n' % i
exec(src, env)
print('50 nested defs:', env['f0']())
elif_src = 'def pick(a):\n    if a == 0:\n        return 0\n'
elif_src += ''.join('    elif a == %d:\n        return %d\n' % (i, i * 2)
                    for i in range(1, 300))
exec(elif_src, env)
print('300 elifs:', env['pick'](299), env['pick'](5))
z = None
env.clear()  # the functions in env refer back to it: break the cycles

# The interpreter is still usable after all that.
attempt('after', 'x = ' + 'a+' * N + 'a')
print('done')
