# sorted(), a set's repr and str.join of a set or generator copy their input into a new list with
# PySequence_List, which takes a parked list from the free list (PyList_New); only list(x) calls the
# type and always allocates a fresh list object.  A keyword call of list.sort builds nothing: start-up
# already used its argument parser.
import gc
import tracemalloc

gc.disable()
tracemalloc.start()
numbers = [5, 3, 1, 4]
letters = {"b", "a"}
junk = [[] for i in range(20)]
junk = None
readings = []
t0 = tracemalloc.get_traced_memory()[0]
t1 = tracemalloc.get_traced_memory()[0]
for round in range(2):
    t0 = tracemalloc.get_traced_memory()[0]
    result = sorted(numbers)
    t1 = tracemalloc.get_traced_memory()[0]
    readings.append(("sorted(list)", t1 - t0))
    result = None
    t0 = tracemalloc.get_traced_memory()[0]
    result = sorted(letters)
    t1 = tracemalloc.get_traced_memory()[0]
    readings.append(("sorted(set)", t1 - t0))
    result = None
    t0 = tracemalloc.get_traced_memory()[0]
    result = list(numbers)
    t1 = tracemalloc.get_traced_memory()[0]
    readings.append(("list(list)", t1 - t0))
    result = None
    t0 = tracemalloc.get_traced_memory()[0]
    result = "-".join(letters)
    t1 = tracemalloc.get_traced_memory()[0]
    readings.append(("join(set)", t1 - t0))
    result = None
    t0 = tracemalloc.get_traced_memory()[0]
    result = ",".join(str(n) for n in numbers)
    t1 = tracemalloc.get_traced_memory()[0]
    readings.append(("join(genexpr)", t1 - t0))
    result = None
    t0 = tracemalloc.get_traced_memory()[0]
    numbers.sort(reverse=True)
    t1 = tracemalloc.get_traced_memory()[0]
    readings.append(("sort(reverse=True)", t1 - t0))
for name, cost in readings:
    print(name, cost)
print(numbers)
