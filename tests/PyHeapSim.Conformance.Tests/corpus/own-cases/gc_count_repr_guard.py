# repr() of a container registers it in a list kept in the thread state's dict (Py_ReprEnter), so a
# list inside itself prints as [...]. Both are made by the first container repr and then kept:
# that first repr counts two GC allocations. A set's repr also builds a list of its members.
import gc
gc.disable()
empty_dict = {}
items = [1, "two"]
nums = {3}
pair = (4, 5)
gc.collect()
text = repr(empty_dict)
first = gc.get_count()
gc.collect()
text = repr(items)
later = gc.get_count()
gc.collect()
text = repr(nums)
a_set = gc.get_count()
gc.collect()
text = repr(set())
empty_set = gc.get_count()
gc.collect()
text = str(pair) + str([items, pair])
nested = gc.get_count()
items.append(items)
gc.collect()
text = repr(items)
recursive = gc.get_count()
print(text)
print("first:", first, "later:", later, "set:", a_set, "empty set:", empty_set)
print("nested:", nested, "recursive:", recursive)
