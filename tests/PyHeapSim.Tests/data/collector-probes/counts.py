# gc.get_count(): +1 per GC allocation, -1 per GC deallocation (clamped at 0), free-list reuse
# not counted; what collect(0), collect(1) and collect() do to the three counts.
import gc

gc.disable()


class C:
    pass


c = gc.get_count
gc.collect()
c(); c()  # park a 3-tuple on the tuple free list, so reading the count costs nothing

b = c()[0]; x = []; a = c()[0]; print("new_list:", a - b)
b = c()[0]; del x; a = c()[0]; print("del_list_to_free_list:", a - b)
b = c()[0]; x = []; a = c()[0]; print("new_list_from_free_list:", a - b)
b = c()[0]; y = {}; a = c()[0]; print("new_dict:", a - b)
b = c()[0]; del y; a = c()[0]; print("del_dict_to_free_list:", a - b)
b = c()[0]; i = C(); a = c()[0]; print("new_instance:", a - b)
b = c()[0]; i.v = 1; a = c()[0]; print("first_attribute:", a - b)
b = c()[0]; del i; a = c()[0]; print("del_instance:", a - b)
b = c()[0]; s = set(); a = c()[0]; print("new_set:", a - b)
b = c()[0]; del s; a = c()[0]; print("del_set:", a - b)

y = C()
gc.collect()
del y
print("clamped_at_zero:", c()[0])

gc.collect()
keep = [[], [], []]
before = c()
gc.collect(0)
after0 = c()
gc.collect(0)
after00 = c()
gc.collect(1)
after1 = c()
gc.collect()
after2 = c()
print("counts_before:", before[1:], "after_collect0:", after0, "after_collect0_again:", after00,
      "after_collect1:", after1, "after_full:", after2)
