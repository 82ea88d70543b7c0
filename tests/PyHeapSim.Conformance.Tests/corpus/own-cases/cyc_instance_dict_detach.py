# Instance dicts that outlive or replace the instance, attributes added after __dict__ was read,
# and more attributes than the class's shared keys hold.
import gc
gc.collect()
gc.disable()


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


e = Node("e")
de = e.__dict__
de["back"] = [e]
e.later = e
del e
found = [gc.collect(), len(de)]
del de
found.append(gc.collect())
f = Node("f")
f.other = f
del f.__dict__
f.__dict__["self"] = f
del f
found.append(gc.collect())
g = Node("g")
old = g.__dict__
g.other = g
g.__dict__ = {"other": g}
del g
found.append(gc.collect())
found.append(sorted(old))


class Many:
    pass


m = Many()
for i in range(35):
    setattr(m, "a%d" % i, i)
m.self = m
dm = m.__dict__
del m, dm
found.append(gc.collect())
print("collected:", found)
