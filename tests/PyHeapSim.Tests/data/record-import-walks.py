# Sweeps that ground src/PyHeapSim/Profiles/ImportWalks.cs (SourceImportWalk): for each count at the import,
# raise generation 0's count with slotted instances (no free list), `import weakref`, then print the count,
# the gc.get_stats() deltas and what gc.collect(0), (1), (2) find.
#   for k in $(seq 0 2 698); do python sweep.py $k F; done   # F: fresh free lists (gc.collect(1) first)
#   for k in $(seq 0 2 698); do python sweep.py $k E; done   # E: after a full collection
# (3.13: k up to 1998). Fit: Rise = final - k with no collection, else median(final - k) + threshold + 1;
# Rise + Dip from the first k with a collection (threshold + 1 - k) or with two (2 * threshold + 2 - k);
# ClassCycleAt = threshold + 1 - (first k whose class survives in generation 0),
# ClassCycleDroppedAt = threshold - (last k whose collection freed the class). Run with `env -u PYTHONUNBUFFERED`.
import gc, sys
k = int(sys.argv[1]); mode = sys.argv[2]
class K:
    __slots__ = ('a',)
junk = []
if mode == 'E': gc.collect()
else: gc.collect(1)
s0 = gc.get_stats()
while gc.get_count()[0] < k and len(junk) < 3000:
    junk.append(K())
s = gc.get_count()[0]
import weakref
c = gc.get_count()
s1 = gc.get_stats()
r0 = gc.collect(0); r1 = gc.collect(1); r2 = gc.collect(2)
print(s, c[0], c[1], c[2], *[s1[g]['collections'] - s0[g]['collections'] for g in range(3)], *[s1[g]['collected'] - s0[g]['collected'] for g in range(3)], r0, r1, r2)
