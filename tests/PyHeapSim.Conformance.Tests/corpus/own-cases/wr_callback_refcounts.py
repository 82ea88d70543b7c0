# PyObject_ClearWeakRefs takes each callback out of its weak reference before calling it, so the
# reference no longer keeps the callback once its referent is dead. One callback reference is called
# directly (up to 3.12); several (and from 3.13 always) travel in a tuple that also holds each weak
# reference. From 3.11 a function called from C is held by its frame (f_func) while it runs.
import gc
import sys
import weakref
gc.collect()
gc.disable()


class O:
    def show(self):
        print("in show:", sys.getrefcount(O.__dict__["show"]))


def cb(r):
    print("cb: ref count", sys.getrefcount(r), "cb count", sys.getrefcount(cb))


def cb2(r):
    print("cb2: ref count", sys.getrefcount(r), "cb2 count", sys.getrefcount(cb2))


def key(x):
    print("in key:", sys.getrefcount(key))
    return x


print("cb before:", sys.getrefcount(cb))
o = O()
r = weakref.ref(o, cb)
print("cb with ref:", sys.getrefcount(cb))
del o
print("cb after:", sys.getrefcount(cb), "ref:", sys.getrefcount(r))
p = O()
p1 = weakref.ref(p, cb)
p2 = weakref.ref(p, cb2)
plain = weakref.ref(p)
print("cb with refs:", sys.getrefcount(cb), sys.getrefcount(cb2))
del p
print("cb after:", sys.getrefcount(cb), sys.getrefcount(cb2), sys.getrefcount(p1), sys.getrefcount(p2))
q = O()
q.show()
sorted([3], key=key)
