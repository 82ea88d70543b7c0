# How big is the item array of a list built from a set or a dict?  Up to 3.12 list() and extend()
# walk an iterator and size the list from its length hint; 3.13 copies sets, dicts and dict views
# directly after one ordinary resize, so a short result keeps the usual spare slots.
import sys

small = {1, 2}
five = set(range(5))
table = {"a": 1, "b": 2, "c": 3}
print("list(set of 2)", sys.getsizeof(list(small)))
print("list(set of 5)", sys.getsizeof(list(five)))
print("list(frozenset)", sys.getsizeof(list(frozenset(small))))
print("list(dict)", sys.getsizeof(list(table)))
print("list(keys)", sys.getsizeof(list(table.keys())))
print("list(values)", sys.getsizeof(list(table.values())))
print("list(items)", sys.getsizeof(list(table.items())), list(table.items()))
print("sorted(set)", sys.getsizeof(sorted(five)))
print("sorted(dict)", sys.getsizeof(sorted(table)))
grown = [0]
grown.extend(small)
print("[0].extend(set)", sys.getsizeof(grown))
grown = []
grown.extend(table.values())
print("[].extend(values)", sys.getsizeof(grown), grown)
print("list comprehension", sys.getsizeof([x for x in five]))
