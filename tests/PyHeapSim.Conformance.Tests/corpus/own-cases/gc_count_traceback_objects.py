# Each frame an exception passes through adds a GC-tracked traceback object (PyTraceBack_Here,
# 56 bytes with its GC header) holding the frame.  From 3.11 frames are objects only on demand:
# the traceback makes one per frame (_PyFrame_GetFrameObject), the module frame's once and for
# good.  An exception kept in a variable keeps its traceback, the frames and their locals.
import gc
import sys

w = ValueError("warm-up")


def f(exc):
    y = [1, 2]
    raise exc


def g(exc):
    z = [3]
    f(exc)


x1 = ValueError()
x2 = ValueError()
x3 = ValueError()
r = [0, 0, 0, 0, 0, 0]
gc.collect()
r[0] = sys.getallocatedblocks()
r[1] = gc.get_count()
try:
    raise x1
except ValueError:
    r[2] = sys.getallocatedblocks()
    r[3] = gc.get_count()
r[4] = sys.getallocatedblocks()
r[5] = gc.get_count()
print("module", r[1], r[3], r[5], r[2] - r[0], r[4] - r[0])
gc.collect()
r[0] = sys.getallocatedblocks()
r[1] = gc.get_count()
try:
    f(x2)
except ValueError:
    r[2] = sys.getallocatedblocks()
    r[3] = gc.get_count()
r[4] = sys.getallocatedblocks()
r[5] = gc.get_count()
print("f", r[1], r[3], r[5], r[2] - r[0], r[4] - r[0])
gc.collect()
r[0] = sys.getallocatedblocks()
r[1] = gc.get_count()
try:
    g(x3)
except ValueError:
    r[2] = sys.getallocatedblocks()
    r[3] = gc.get_count()
r[4] = sys.getallocatedblocks()
r[5] = gc.get_count()
print("g", r[1], r[3], r[5], r[2] - r[0], r[4] - r[0])
print(x1.__traceback__ is None, x2.__traceback__ is None, sys.getsizeof(x3.__traceback__))
print(x3.__traceback__.tb_next.tb_next.tb_next is None, x3.__traceback__.tb_next.tb_lineno)
# x3 -> traceback -> frame of f -> its local exc -> x3: only the collector frees it.
del x3
print("collected", gc.collect())
gc.collect()
r[1] = gc.get_count()
r[0] = sys.getallocatedblocks()
try:
    f(w)
except ValueError as e:
    r[2] = sys.getallocatedblocks()
    r[3] = gc.get_count()
r[4] = sys.getallocatedblocks()
r[5] = gc.get_count()
print("as e", r[1], r[3], r[5], r[2] - r[0], r[4] - r[0])
