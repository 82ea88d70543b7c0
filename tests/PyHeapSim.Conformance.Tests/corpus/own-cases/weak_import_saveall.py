# DEBUG_SAVEALL keeps what the first collection after `import weakref` finds: types._C, its
# method, its dict, its __mro__ and __bases__ tuples and its two getset descriptors.
import gc
gc.disable()
import weakref
gc.set_debug(gc.DEBUG_SAVEALL)
n = gc.collect()
names = sorted(type(o).__name__ for o in gc.garbage)
print(n, names)
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
