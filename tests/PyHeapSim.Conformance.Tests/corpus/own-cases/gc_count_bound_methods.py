# A bound method (o.m) and a bound built-in method (lst.append) are GC objects made on each attribute
# read. 3.8 parks dead ones on free lists (emptied by full collections) and takes them back without
# counting an allocation; 3.9 removed those free lists (bpo-37340).
import gc
gc.disable()
class C:
    def m(self):
        return 1
o = C()
lst = []
gc.collect()
f = o.m
made = gc.get_count()
gc.collect()
f = None
freed = gc.get_count()
f = o.m
again = gc.get_count()
gc.collect()
ap = lst.append
b_made = gc.get_count()
ap = None
b_freed = gc.get_count()
ap = lst.append
b_again = gc.get_count()
del ap
gc.collect()
r = o.m()
lst.append(r)
called = gc.get_count()
print("method:", made, freed, again)
print("builtin:", b_made, b_freed, b_again)
print("called directly:", called)
