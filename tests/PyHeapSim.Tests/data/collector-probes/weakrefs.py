# Weak references to cyclic garbage: cleared before any finalizer runs; callbacks run before
# __del__, in unreachable-list order, newest weakref first; weakrefs that are garbage themselves
# get no callback; a callback weakref freed by its own callback counts as collected.
import gc
import weakref

gc.disable()
log = []


class N:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del %s plain_dead=%s" % (self.name, plain() is None))


class M:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)


def cb(name):
    return lambda w: log.append("cb %s arg_dead=%s" % (name, w() is None))


gc.collect()

p = N("p"); q = N("q"); p.o = q; q.o = p
wq = weakref.ref(q, cb("q"))
wp = weakref.ref(p, cb("p"))
plain = weakref.ref(p)
del p, q
print("callbacks_then_finalizers:", gc.collect(), log)
log.clear()
del wq, wp

o = M("o"); o.s = o
w1 = weakref.ref(o, cb("1")); w2 = weakref.ref(o, cb("2")); w3 = weakref.ref(o, cb("3"))
del o
print("newest_first:", gc.collect(), log)
log.clear()
del w1, w2, w3

def cb_g(w):
    log.append("cb g")


g = M("g"); g.s = g; g.w = weakref.ref(g, cb_g)
del g
print("garbage_weakref_no_callback:", gc.collect(), log)
log.clear()

o = M("o"); o.s = o
holder = []
def clearing(w):
    holder.clear()
    log.append("cb clears holder")
holder.append(weakref.ref(o, clearing))
del o
print("callback_frees_its_weakref:", gc.collect(), log)
log.clear()

# A callback weakref outside the collected generations is moved to the generation after the
# collected one ("old") once its callback ran. To get a weakref older than its referent: the
# referent resurrects in a refcount-path __del__, which re-tracks it in generation 0.
saved = []


class Phoenix:
    def __del__(self):
        log.append("del phoenix")
        saved.append(self)


def cb_u(w):
    log.append("cb u")


def in_gen(o):
    return [g for g in range(3) if any(x is o for x in gc.get_objects(g))]


u = Phoenix()
wu = weakref.ref(u, cb_u)
gc.collect()
print("weakref_gen_start:", in_gen(wu), "referent_gen_start:", in_gen(u))
del u                        # __del__ resurrects: re-tracked in generation 0
u = saved.pop(); u.s = u; del u
print("weakref_gen_before:", in_gen(wu), "log:", log)
log.clear()
print("collect0:", gc.collect(0), log, "weakref_gen_after:", in_gen(wu))
log.clear()
print("garbage:", len(gc.garbage))
