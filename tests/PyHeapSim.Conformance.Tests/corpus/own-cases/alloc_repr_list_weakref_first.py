# As alloc_repr_list_after_import, with weakref imported before tracemalloc (weakref alone makes no
# container repr): the first repr under tracemalloc finds the "Py_Repr" list already made on 3.8.
import gc
import weakref
import tracemalloc
gc.disable()
tracemalloc.start()
a = [1, 2]
traced = [0] * 3
t0 = tracemalloc.get_traced_memory()[0]
t1 = tracemalloc.get_traced_memory()[0]
for i in range(3):
    t0 = tracemalloc.get_traced_memory()[0]
    s = str([a, (a,)])
    t1 = tracemalloc.get_traced_memory()[0]
    traced[i] = t1 - t0
print("traced:", traced)
