# sum() keeps its running total in a C variable while it fits: only the
# range, its iterator, one item at a time and the final int are allocated.
# Totals beyond one 30-bit digit, and beyond a C long, change what is made.
import gc
import sys
import tracemalloc

gc.disable()
base = 0
phase = [0] * 8
total = 0
big = 2 ** 62
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = sum(range(1000000))
phase[0] = tracemalloc.get_traced_memory()[0] - base
phase[1] = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()

tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = sum(range(40000))
phase[2] = tracemalloc.get_traced_memory()[0] - base
phase[3] = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()

tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = sum([big, big, big])
phase[4] = tracemalloc.get_traced_memory()[0] - base
phase[5] = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()

tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = sum(range(1000), big)
phase[6] = tracemalloc.get_traced_memory()[0] - base
phase[7] = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()

print("sum(range(10**6)):  current", phase[0], "peak", phase[1])
print("sum(range(40000)):  current", phase[2], "peak", phase[3])
print("past a C long:      current", phase[4], "peak", phase[5])
print("big start:          current", phase[6], "peak", phase[7])
print("total", total, sum([0.1] * 10) == 1.0)
