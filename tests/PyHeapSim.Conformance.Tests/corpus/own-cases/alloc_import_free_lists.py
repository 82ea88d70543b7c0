# Importing modules written in Python (tracemalloc, then weakref) leaves lists, dicts and
# small tuples parked on CPython's free lists; until the first full collection, a new
# container takes a parked block (no traced bytes) while any are left. Twenty lists, ten
# dicts and ten pairs are made one at a time and kept.
import gc
import sys
import tracemalloc
import weakref

gc.disable()
tracemalloc.start()
keep = [None] * 40
lists = [0] * 20
dicts = [0] * 10
pairs = [0] * 10
t0 = tracemalloc.get_traced_memory()[0]
t1 = tracemalloc.get_traced_memory()[0]
for i in range(20):
    t0 = tracemalloc.get_traced_memory()[0]
    keep[i] = []
    t1 = tracemalloc.get_traced_memory()[0]
    lists[i] = t1 - t0
for i in range(10):
    t0 = tracemalloc.get_traced_memory()[0]
    keep[20 + i] = {}
    t1 = tracemalloc.get_traced_memory()[0]
    dicts[i] = t1 - t0
for i in range(10):
    t0 = tracemalloc.get_traced_memory()[0]
    keep[30 + i] = (i, keep)
    t1 = tracemalloc.get_traced_memory()[0]
    pairs[i] = t1 - t0
print("lists:", lists)
print("dicts:", dicts)
print("pairs:", pairs)
