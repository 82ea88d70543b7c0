# With automatic collection off, nothing can free types._C during `import weakref`: the first
# gc.collect() finds its 7 objects in generation 0 wherever types is imported.
import gc
gc.disable()
import weakref
young = gc.collect(0)
rest = gc.collect()
print("generation 0:", young)
print("full:", rest)
class Node:
    pass
n = Node()
w = weakref.ref(n)
print("weakref works:", w() is n)
