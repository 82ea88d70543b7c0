# gc.set_debug: DEBUG_SAVEALL keeps garbage in gc.garbage; DEBUG_COLLECTABLE and DEBUG_STATS
# lines (addresses and timings scrubbed, generation sizes replaced by N).
import gc
import io
import re
import sys

gc.disable()


class C:
    pass


print("flags:", gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
gc.collect()

gc.set_debug(gc.DEBUG_SAVEALL)
l = []; l.append(l); del l
n = gc.collect()
print("saveall_list:", n, len(gc.garbage), type(gc.garbage[0]).__name__, gc.garbage[0][0] is gc.garbage[0])
a = C(); b = C(); a.o = b; b.o = a; del a, b
print("saveall_instances:", gc.collect(), [type(x).__name__ for x in gc.garbage])
print("saveall_again:", gc.collect(), len(gc.garbage))
gc.set_debug(0)
del gc.garbage[:]
print("after_clearing_garbage:", gc.collect(), len(gc.garbage))


def scrub(text):
    text = re.sub(r"0x[0-9a-f]+", "0xADDR", text)
    text = re.sub(r"\d+\.\d+s elapsed", "T.TTTTs elapsed", text)
    text = re.sub(r"objects in each generation: .*", "objects in each generation: N N N", text)
    text = re.sub(r"objects in permanent generation: .*", "objects in permanent generation: N", text)
    return text


err = io.StringIO()
sys.stderr = err
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_STATS)
a = C(); a.s = a; del a
l = []; l.append(l); del l
gc.collect()
gc.collect(0)
gc.set_debug(0)
sys.stderr = sys.__stderr__
for line in scrub(err.getvalue()).splitlines():
    print("stderr:", line)
