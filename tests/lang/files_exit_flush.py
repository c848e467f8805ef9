# Files the program never closes are flushed when it ends: here two file
# objects on descriptor 1 (stdout), one a global and one held in a list,
# whose buffered text only reaches the descriptor at exit.
out = open(1, 'w', closefd=False)
out.write('first, through a global file never closed\n')
keep = [open(1, 'w', closefd=False)]
keep[0].write('second, through a file in a list\n')
