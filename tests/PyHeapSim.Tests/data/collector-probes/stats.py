# gc.get_stats() deltas and the info gc.callbacks receive, per collection.
import gc

gc.disable()


class C:
    pass


events = []


def record(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))


def delta(before, after):
    return [tuple(a[k] - b[k] for k in ("collections", "collected", "uncollectable"))
            for b, a in zip(before, after)]


gc.collect()
print("stats_keys:", sorted(gc.get_stats()[0]))
gc.callbacks.append(record)

s0 = gc.get_stats()
l = []; l.append(l); del l
n0 = gc.collect(0)
s1 = gc.get_stats()
a = C(); b = C(); a.o = b; b.o = a; del a, b
n1 = gc.collect(1)
s2 = gc.get_stats()
n2 = gc.collect()
s3 = gc.get_stats()
gc.callbacks.remove(record)
print("returned:", n0, n1, n2)
print("delta_collect0:", delta(s0, s1))
print("delta_collect1:", delta(s1, s2))
print("delta_full:", delta(s2, s3))
print("callbacks:", events)
