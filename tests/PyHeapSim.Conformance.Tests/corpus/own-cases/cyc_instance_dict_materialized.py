# Reading obj.__dict__ and then collecting cycles through instance attributes.
# 3.13 keeps the values inline after __dict__ is read: the instance visits them, not the dict.
import gc
gc.collect()
gc.disable()


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


a = Node("a")
b = Node("b")
a.other = b
b.other = a
d = a.__dict__
tracked = [gc.is_tracked(d)]
del a, b
found = [gc.collect()]
del d
found.append(gc.collect())
c = Node("c")
dc = c.__dict__
c.other = [c]
tracked.append(gc.is_tracked(dc))
dc["extra"] = [1]
tracked.append(gc.is_tracked(dc))
del c, dc
found.append(gc.collect())
r = [Node(i) for i in range(3)]
for i in range(3):
    r[i].other = r[(i + 1) % 3]
    r[i].__dict__
del r
found.append(gc.collect())
print("tracked:", tracked)
print("collected:", found)
print("nothing:", gc.collect())
