# import weakref at the top of a script: on 3.9, 3.10, 3.12 and 3.13 it imports types, whose
# deleted class _C is a 7-object cycle. An automatic collection during the import frees it only
# when it runs after `del _C`; otherwise the script's first collection finds it.
import gc
import weakref

first = gc.collect()
second = gc.collect()
print("first collect:", first)
print("second collect:", second)
