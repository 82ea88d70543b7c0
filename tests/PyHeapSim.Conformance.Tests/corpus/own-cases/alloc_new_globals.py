# Binding new module-level names grows __main__'s dict, which already holds the nine names
# CPython puts there before the first statement (__name__ ... __cached__): its keys table
# is reallocated when the new names no longer fit, and only then do traced bytes move.
import gc
import sys
import tracemalloc

gc.disable()
tracemalloc.start()
cost = [0] * 12
t0 = tracemalloc.get_traced_memory()[0]
t1 = tracemalloc.get_traced_memory()[0]
t0 = tracemalloc.get_traced_memory()[0]
a0 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[0] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a1 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[1] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a2 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[2] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a3 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[3] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a4 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[4] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a5 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[5] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a6 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[6] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a7 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[7] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a8 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[8] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a9 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[9] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a10 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[10] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
a11 = None
t1 = tracemalloc.get_traced_memory()[0]
cost[11] = t1 - t0
print(cost)
