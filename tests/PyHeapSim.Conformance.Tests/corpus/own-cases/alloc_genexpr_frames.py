# A generator expression is a call of a hidden function: the generator object,
# the function (kept by the generator's frame from 3.11), the iterator of the
# outermost iterable. From 3.11 the generator embeds its frame, so its size
# follows the expression's locals and stack depth.
import gc
import sys
import tracemalloc

gc.disable()
base = 0
phase = [0] * 10
total = 0
data = [1, 2, 3]
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = sum(x for x in data)
phase[0] = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = sum(abs(x - 2) for x in data if x > 1)
phase[1] = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = sum(x * z for x in data for z in data)
phase[2] = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = sum((x + 1) * (x - 1) + abs(x) for x in data)
phase[3] = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()
gen = (x * 2 for x in data)
sizes = [sys.getsizeof(gen), sys.getsizeof(y for y in data if y and 0 < y < 3)]
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
total = sum(gen)
phase[5] = tracemalloc.get_traced_memory()[0] - base
phase[6] = tracemalloc.get_traced_memory()[1] - base
tracemalloc.stop()
print("peaks:", phase[0:4])
print("getsizeof of generators:", sizes[0], sizes[1])
print("sum of a made generator: current", phase[5], "peak", phase[6], "total", total)
