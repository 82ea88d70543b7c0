# print() of non-str values: each is converted with str() (a new str, not a GC object), and a
# container's repr walks its items; the counts show only the GC objects print keeps or parks.
import gc
gc.disable()
data = [1, 2.5, "three", (4, 5)]
info = {"k": [6]}
gc.collect()
print(12345, 2.75, None, True)
scalars = gc.get_count()
gc.collect()
print(data)
a_list = gc.get_count()
gc.collect()
print(info, data)
dict_and_list = gc.get_count()
def show(x):
    print("in function:", x)
gc.collect()
show(7)
from_function = gc.get_count()
print(scalars, a_list, dict_and_list, from_function)
