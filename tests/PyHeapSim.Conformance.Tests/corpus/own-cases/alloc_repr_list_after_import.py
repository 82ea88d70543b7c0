# The first container repr makes the thread state's dict and its "Py_Repr" list (Py_ReprEnter), which
# live on. On 3.8, importing tracemalloc has already made them: functools' namedtuple("CacheInfo", ...)
# builds its argument list with repr(field_names). From 3.11 the "Py_Repr" key is a static string
# (_Py_ID); up to 3.10 _PyUnicode_FromId makes and interns it on first use (one block).
import gc
import sys
import tracemalloc
gc.disable()
a = [1, 2]
blocks = [0] * 3
traced = [0] * 3
b0 = sys.getallocatedblocks()
b1 = sys.getallocatedblocks()
for i in range(3):
    b0 = sys.getallocatedblocks()
    s = repr(a)
    b1 = sys.getallocatedblocks()
    blocks[i] = b1 - b0
tracemalloc.start()
t0 = tracemalloc.get_traced_memory()[0]
t1 = tracemalloc.get_traced_memory()[0]
for i in range(3):
    t0 = tracemalloc.get_traced_memory()[0]
    s = repr((a, {1: a}))
    t1 = tracemalloc.get_traced_memory()[0]
    traced[i] = t1 - t0
print("blocks:", blocks)
print("traced:", traced)
