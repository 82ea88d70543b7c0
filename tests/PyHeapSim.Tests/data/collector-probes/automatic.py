# Automatic collections: when they run (inside the allocation <=3.11, at the next eval-breaker
# check 3.12+), and which generation (oldest over threshold; long-lived rule for generation 2).
import gc

gc.collect()
gc.set_threshold(10)
keep = []
counts = []
for i in range(25):
    keep.append([])
    counts.append(gc.get_count()[0])
print("count0_sequence:", counts)
del keep, counts

gens = []


def record(phase, info):
    if phase == "start":
        gens.append(info["generation"])


gc.set_threshold(700)
gc.freeze()
base = []
for i in range(400):
    base.append([])
gc.collect()
gc.set_threshold(20, 3, 3)
gc.callbacks.append(record)
keep = []
for i in range(2500):
    keep.append([])
gc.callbacks.remove(record)
print("generations:", "".join(map(str, gens)))
print("full_collections:", gens.count(2), "gen1:", gens.count(1), "gen0:", gens.count(0))

# A collection scheduled by an allocation, then gc.disable() before the next eval-breaker check:
# 3.12's _Py_RunGC collects anyway, 3.13's checks gcstate->enabled first (<=3.11 collected inside
# the allocations already).
gc.collect()
events = []
gc.callbacks.append(lambda p, i: events.append(p))
gc.set_threshold(5)
x = [[], [], [], [], [], [], [], []]; gc.disable()
y = 1
for i in range(3):
    pass
gc.callbacks.clear()
gc.enable()
print("scheduled_then_disabled_collections:", events.count("start"))
