# min-version: 3.11
# tracemalloc deltas when an instance dies while its __dict__ is kept (3.13: the dict takes a
# malloc'ed copy of the inline values), and when both die together.
import gc
import tracemalloc
gc.collect()
gc.disable()


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


w = Node("w")
t0 = t1 = t2 = t3 = t4 = t5 = t6 = e = de = f = None
tracemalloc.start()
t0 = tracemalloc.get_traced_memory()[0]
e = Node("e")
t1 = tracemalloc.get_traced_memory()[0]
de = e.__dict__
t2 = tracemalloc.get_traced_memory()[0]
e = None
t3 = tracemalloc.get_traced_memory()[0]
de = None
t4 = tracemalloc.get_traced_memory()[0]
f = Node("f")
f.__dict__
t5 = tracemalloc.get_traced_memory()[0]
f = None
t6 = tracemalloc.get_traced_memory()[0]
tracemalloc.stop()
print("new instance", t1 - t0)
print("read __dict__", t2 - t1)
print("instance dies, dict kept", t3 - t2)
print("dict dies", t4 - t3)
print("instance with dict read", t5 - t4)
print("both die", t6 - t5)
