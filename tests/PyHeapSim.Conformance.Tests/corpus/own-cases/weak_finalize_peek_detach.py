# weakref.finalize's inspection API (Lib/weakref.py): peek() and detach() return
# (obj, func, args, kwargs or {}) while the finalizer is alive, detach() also kills it; alive and
# atexit are properties; a finalizer runs at most once, by call or by its referent's death.
import gc
import weakref
gc.collect()
gc.disable()


class C:
    pass


def done(a, b, key=None):
    print("done", a, b, key)
    return a + b


c = C()
f = weakref.finalize(c, done, 1, 2, key="v")
print("alive:", f.alive)
print("peek:", f.peek()[2:], f.peek()[1] is done)
print("peek obj:", f.peek()[0] is c)
print("atexit:", f.atexit)
print("call:", f())
print("alive:", f.alive, "call again:", f())
print("peek:", f.peek())
g = weakref.finalize(c, done, "g", "h")
print("detach:", g.detach()[2:])
print("alive:", g.alive, g.detach(), g.peek())
h = weakref.finalize(c, done, "h", "i")
h.atexit = False
print("atexit:", h.atexit)
del c
print("alive after del:", f.alive, g.alive, h.alive)
print("call dead:", h(), h.peek(), h.detach())
