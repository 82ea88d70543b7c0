# From 3.12 an automatic collection waits for the eval breaker, but PyObject_Str and PyObject_Repr
# start with PyErr_CheckSignals(), which also runs a scheduled collection: so str(), repr(), the
# items of a container's repr, f-string fields and every piece print() writes (after binding
# write) can run it, before the text is written.
import gc
print("begin")
gc.collect()
gc.disable()


class C:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        print("  __del__", self.n)


def cb(phase, info):
    if phase == "start":
        print("  gc gen", info["generation"])


gc.callbacks.append(cb)
gc.set_threshold(4, 2, 2)
gc.enable()
rows = []
for i in range(10):
    C(i)
    rows.append([i])
    s = f"{i}-{rows[-1]!r}"
    t = str(rows)
    print(s, len(t))
gc.disable()
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print("left:", gc.collect())
