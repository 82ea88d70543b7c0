# weakref.finalize runs its atexit callbacks before module teardown (newest first, only those with
# atexit true); callbacks of weak references that die with the namespace are never called.
import weakref


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


a = T("a")
r = weakref.ref(a, lambda w: print("callback a"))
b = [T("b")]
fb = weakref.finalize(b[0], print, "finalize b")
c = T("c")
fc = weakref.finalize(c, print, "finalize c (atexit off)")
fc.atexit = False
print("atexit:", fb.atexit, fc.atexit)
d = T("d")
weakref.finalize(d, print, "finalize d")
weakref.finalize(T("temporary"), print, "finalize temporary")
print("script ends")
