# What gc.collect() returns for small cyclic garbage. Automatic collection is off; each case
# starts from a collected heap, so the return value counts only the case's own objects.
import gc

gc.disable()


class C:
    pass


class S:
    __slots__ = ("o",)


gc.collect()

a = C(); b = C(); a.o = b; b.o = a; del a, b
print("two_instances:", gc.collect())

a = C(); a.s = a; del a
print("self_instance:", gc.collect())

l = []; l.append(l); del l
print("self_list:", gc.collect())

d = {}; d["d"] = d; del d
print("self_dict:", gc.collect())

x = []; y = [x]; x.append(y); del x, y
print("two_lists:", gc.collect())

a = C(); b = C(); a.o = b; b.o = a; a.__dict__; b.__dict__; del a, b
print("two_instances_dicts_read:", gc.collect())

l = []; t = (l,); l.append(t); del l, t
print("list_tuple:", gc.collect())

a = C(); a.s = a; a.tail = [[], {}]; del a
print("cycle_with_tail:", gc.collect())

s1 = S(); s2 = S(); s1.o = s2; s2.o = s1; del s1, s2
print("slots_pair:", gc.collect())

keep = []; keep.append(keep)
print("reachable_kept:", gc.collect())

a = C(); a.x = 1; a.s = a; del a
print("instance_atomic_then_self:", gc.collect())

a = C(); b = C(); a.o = b; b.o = a; d = a.__dict__; del a, b
print("pair_dict_held:", gc.collect())
del d
print("pair_dict_held_released:", gc.collect())

e = C(); e.__dict__["e"] = e; del e
print("self_via_dict_item:", gc.collect())

a = C(); b = C(); a.o = b; b.o = a; a.__dict__[1] = 1; del a, b
print("pair_dict_combined:", gc.collect())

f = C(); f.s = f; del f.__dict__; f.__dict__["s"] = f; del f
print("dict_deleted_then_self:", gc.collect())

g = C(); g.s = g; old = g.__dict__; g.__dict__ = {"s": g}; del g
print("dict_replaced_old_held:", gc.collect(), len(old))


class M:
    pass


m = M()
for i in range(35):
    setattr(m, "a%d" % i, i)
m.s = m; m.__dict__; del m
print("many_attrs_self:", gc.collect())

print("garbage:", len(gc.garbage))
