# import tracemalloc first: it already imported types, so `import weakref` adds no class cycle
# (what tracemalloc's own import leaves is not printed: collect before measuring).
import gc
import tracemalloc
gc.collect()
import weakref
print("after weakref:", gc.collect())
