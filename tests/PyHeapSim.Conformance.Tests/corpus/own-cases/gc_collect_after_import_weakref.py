# A full collection right before `import weakref` empties the free lists and resets the count:
# the import's own allocations then pass threshold 0 after (3.9, 3.10, 3.12) or never before
# (3.13) types.py drops its class _C.
import gc
gc.collect()
before = gc.get_stats()
import weakref
after = gc.get_stats()
found = gc.collect()
print("collections during import:", [after[g]["collections"] - before[g]["collections"] for g in range(3)])
print("collected during import:", [after[g]["collected"] - before[g]["collected"] for g in range(3)])
print("first collect after import:", found)
print("again:", gc.collect())
