# A call site specializes the second time it runs (3.11+). The specialized len(), isinstance(),
# type(x) and list.append(x)-as-a-statement end without checking the eval breaker, so from 3.12 a
# collection scheduled by an allocation waits for the next call that checks (here gc.get_count()).
import gc
print("begin")
gc.collect()
gc.disable()
gc.set_threshold(3, 5, 5)
counts = []
keep = []
gc.enable()
for i in range(8):
    keep.append([])
    n = len(keep)
    counts.append(gc.get_count()[0])
gc.disable()
print(counts)
gc.collect()
counts = []
more = []
gc.enable()
for i in range(8):
    x = [i]
    more.append(x)
    ok = isinstance(x, list)
    name = type(x)
    counts.append(gc.get_count()[0])
gc.disable()
gc.set_threshold(700, 10, 10)
print(counts)
