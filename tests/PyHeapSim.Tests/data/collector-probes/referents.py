# gc.get_referents (tp_traverse order), gc.get_referrers (generation-list order), gc.get_objects.
import gc
import weakref

gc.disable()


class C:
    pass


def show(objs):
    out = []
    for o in objs:
        if o is None or isinstance(o, (int, str)):
            out.append(repr(o))
        elif isinstance(o, C):
            out.append("C-instance")
        elif o is C:
            out.append("class-C")
        else:
            out.append(type(o).__name__)
    return "[" + ", ".join(out) + "]"


gc.collect()
print("list:", show(gc.get_referents([1, "a", None, []])))
print("tuple:", show(gc.get_referents(tuple([1, "a", []]))))
print("dict_str_keys:", show(gc.get_referents({"a": 1, "b": [2]})))
print("dict_int_keys:", show(gc.get_referents({1: "x", 2: []})))
d = {"k": "y", 1: "x"}
print("dict_mixed_keys:", show(gc.get_referents(d)))
d = {"a": 1, 5: 2}; del d[5]
print("dict_str_after_int_deleted:", show(gc.get_referents(d)))
c = C()
print("instance_fresh:", show(gc.get_referents(c)))
c.x = 1; c.y = "v"
print("instance_attrs:", show(gc.get_referents(c)))
c2 = C(); c2.y = "Y"; c2.x = "X"
print("instance_attrs_other_order:", show(gc.get_referents(c2)))
c2.__dict__
print("instance_dict_read:", show(gc.get_referents(c2)))
print("instance_dict_itself:", show(gc.get_referents(c2.__dict__)))
c2.__dict__[5] = 5
print("instance_dict_combined:", show(gc.get_referents(c2)))
print("instance_dict_combined_itself:", show(gc.get_referents(c2.__dict__)))
def callback(w):
    pass
w = weakref.ref(c, callback)
print("weakref_with_callback:", show(gc.get_referents(w)))
print("weakref_plain:", show(gc.get_referents(weakref.ref(c))))
print("frozenset_one:", show(gc.get_referents(frozenset(["only"]))))

x = []
a = [x]
b = {"k": x}
i = C(); i.x = x
f = frozenset([1])
refs = [r for r in gc.get_referrers(x) if r is not globals()]
print("referrers:", show(refs))
gc.collect(0)
e = [x]
refs = [r for r in gc.get_referrers(x) if r is not globals()]
print("referrers_after_collect0:", show(refs))

gc.collect()
p = []; q = {"p": p}; r = C(); r.q = q
objs = gc.get_objects(0)
print("gen0_objects:", show(objs))
del objs
gc.collect(0)
g0 = gc.get_objects(0)
g1 = gc.get_objects(1)
print("after_collect0:", "gen0", show(g0), "gen1", show(g1))
