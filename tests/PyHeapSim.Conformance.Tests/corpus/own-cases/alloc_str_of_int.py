# str() and repr() of an int always build a new str (long_to_decimal_string fills its own
# PyUnicode_New block), even for one digit, while "%d" formatting returns the cached
# one-character string. Deltas are kept in a preallocated list and printed at the end.
import gc
import sys
import tracemalloc

gc.disable()
tracemalloc.start()
ballast = [None] * 100
names = [None] * 8
cost = [0] * 8
t0 = tracemalloc.get_traced_memory()[0]
t1 = tracemalloc.get_traced_memory()[0]

t0 = tracemalloc.get_traced_memory()[0]
names[0] = str(7)
t1 = tracemalloc.get_traced_memory()[0]
cost[0] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
names[1] = repr(3)
t1 = tracemalloc.get_traced_memory()[0]
cost[1] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
names[2] = str(-4)
t1 = tracemalloc.get_traced_memory()[0]
cost[2] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
names[3] = "%d" % 5
t1 = tracemalloc.get_traced_memory()[0]
cost[3] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
names[4] = [str(i) for i in range(6)]
t1 = tracemalloc.get_traced_memory()[0]
cost[4] = t1 - t0
t0 = tracemalloc.get_traced_memory()[0]
names[5] = str(1234567)
t1 = tracemalloc.get_traced_memory()[0]
cost[5] = t1 - t0
print(cost)
print(names[0] == "7", names[3], names[4], sys.getsizeof(names[0]))
