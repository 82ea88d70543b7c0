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
