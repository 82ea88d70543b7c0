# PEP 442 finalizers in cyclic garbage: order, resurrection (3.8 whole set vs 3.9+ only the
# resurrected part), at most one __del__ per object, gc.is_finalized.
import gc

gc.disable()
log = []
saved = []


class F:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)


class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)
        if self.name.startswith("r"):
            saved.append(self)


def finalized(o):
    return gc.is_finalized(o) if hasattr(gc, "is_finalized") else "n/a"


gc.collect()

a = F("a"); b = F("b"); a.o = b; b.o = a; del a, b
print("del_cycle:", gc.collect(), log, len(gc.garbage))
log.clear()

r = R("r"); r.s = r; del r
x = R("x"); y = R("y"); x.o = y; y.o = x; del x, y
print("resurrect_first:", gc.collect(), log)
print("resurrected_is_finalized:", finalized(saved[0]))
log.clear()
print("resurrect_second:", gc.collect(), log)
saved.clear()
print("resurrect_third:", gc.collect(), log)
log.clear()

# A resurrected object whose cycle is broken later dies by refcount: __del__ is not called again.
r = R("r2"); r.s = r; del r
print("resurrect_alone:", gc.collect(), log)
log.clear()
r = saved.pop(); del r.s; del r
print("refcount_death_after_resurrection:", log)
log.clear()

# A resurrected object referring to other garbage keeps that garbage alive (3.9+: and nothing else).
r = R("r3"); r.s = r; r.other = [[]]
z = F("z"); z.s = z; del r, z
print("resurrect_with_referents:", gc.collect(), log)
log.clear()
saved.clear()
print("resurrect_with_referents_after:", gc.collect(), log)
log.clear()

# gc.is_finalized as seen inside __del__: set before the call on the collector's path, after it
# on the refcount path (PyObject_CallFinalizer).
class P:
    def __del__(self):
        log.append("is_finalized_inside=%s" % (finalized(self),))


p = P(); p.s = p; del p
gc.collect()
p = P(); del p
print("is_finalized_inside_del:", log)
log.clear()

f = F("f")
print("fresh_is_finalized:", finalized(f))
del f
log.clear()
print("garbage:", len(gc.garbage))
