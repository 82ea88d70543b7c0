# Which objects the collector tracks, and when tuples and dicts are untracked.
import gc

gc.disable()


class C:
    pass


gc.collect()

t = tuple([1, "a"])
print("tuple_atoms_new:", gc.is_tracked(t))
gc.collect(0)
print("tuple_atoms_after_collect0:", gc.is_tracked(t))
t = tuple([[]])
gc.collect()
print("tuple_with_list_after_full:", gc.is_tracked(t))
inner = tuple([1]); outer = tuple([inner])
gc.collect(0)
print("nested_tuples_after_collect0:", gc.is_tracked(inner), gc.is_tracked(outer))
print("empty_tuple:", gc.is_tracked(()))

d = {}
print("dict_empty:", gc.is_tracked(d))
d["a"] = 1
print("dict_atomic_value:", gc.is_tracked(d))
d["l"] = []
print("dict_list_value:", gc.is_tracked(d))
del d["l"]
print("dict_after_removing_list:", gc.is_tracked(d))
gc.collect(0)
print("dict_after_collect0:", gc.is_tracked(d))
gc.collect(1)
print("dict_after_collect1:", gc.is_tracked(d))
gc.collect()
print("dict_after_full:", gc.is_tracked(d))
d["x"] = 2
print("dict_atomic_after_untrack:", gc.is_tracked(d))

d = {}; d["t"] = tuple([1])
print("dict_tracked_tuple_value:", gc.is_tracked(d))
t = tuple([1]); gc.collect(0)
d = {}; d["t"] = t
print("dict_untracked_tuple_value:", gc.is_tracked(d))
d = {}; d[C()] = 1
print("dict_instance_key:", gc.is_tracked(d))
d = {}; d[1] = frozenset()
print("dict_frozenset_value:", gc.is_tracked(d))

c = C(); c.x = 1
print("instance_dict_atomic:", gc.is_tracked(c.__dict__))
c.y = []
print("instance_dict_list:", gc.is_tracked(c.__dict__))
c = C(); c.y = []
print("instance_dict_list_first:", gc.is_tracked(c.__dict__))

c = C(); d = c.__dict__; c.z = []
print("dict_read_then_attr_list:", gc.is_tracked(d))
d["w"] = []
print("dict_read_then_item_list:", gc.is_tracked(d))

print("list_empty:", gc.is_tracked([]), "set_empty:", gc.is_tracked(set()), "instance:", gc.is_tracked(C()))
print("int:", gc.is_tracked(1), "str:", gc.is_tracked("s"), "none:", gc.is_tracked(None))
