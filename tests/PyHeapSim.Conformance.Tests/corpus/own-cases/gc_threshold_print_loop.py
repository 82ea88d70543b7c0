# With a tiny threshold, the objects print() makes (bound write methods, the pending list, the *args
# tuple from 3.11) take part in triggering automatic collections.
import gc
gc.collect()
gc.set_threshold(5, 1000, 1000)
counts = []
for i in range(12):
    print("line", i)
    counts.append(gc.get_count()[0])
gc.set_threshold(700, 10, 10)
print(counts)
