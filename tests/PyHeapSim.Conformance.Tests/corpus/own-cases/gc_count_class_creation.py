# What creating a class adds to generation 0 right after a collection (which empties the free
# lists): the class, its dict, MRO and bases tuples, descriptors, the subclass weak reference, the
# class body's frame (kept as the code's zombie frame up to 3.10), and init_subclass's
# temporaries (super()'s argument tuple before 3.11, the bound __init_subclass__ method, parked
# on 3.8's PyCFunction free list). Then an automatic collection with a small threshold.
import gc
gc.collect()
class A:
    pass
print("empty class:", gc.get_count())
gc.collect()
class B:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
print("class with methods:", gc.get_count())
gc.collect()
class C(B):
    __slots__ = ("w",)
print("subclass with slots:", gc.get_count())
gc.collect()
b = B(1)
print("instance:", gc.get_count())
gc.collect()
gc.set_threshold(20, 5, 5)
counts = []
for i in range(60):
    n = B([i])
    if i % 10 == 0:
        counts.append(gc.get_count())
print(counts)
gc.set_threshold(700, 10, 10)
