# The repr of a list, tuple or dict (and so print() of one) is built in a
# writer buffer that over-allocates, each item's repr made as a str and dropped
# before the next: only the peak shows them, the current size only the result.
import tracemalloc

data = [1, 2.5, "a"]
pair = (1, 2)
single = (7,)
table = {"k": 1, "z": [1, 2]}
nested = [[1, 2], (3, 4), {"x": None}, True, None]
empty = []
rows = [None] * 7
tracemalloc.start()
i = 0
for obj in (data, pair, single, table, nested, empty, list(range(30))):
    b = tracemalloc.get_traced_memory()[0]
    r = repr(obj)
    now, peak = tracemalloc.get_traced_memory()
    rows[i] = (len(r), now - b, peak > now)
    del r
    i = i + 1
tracemalloc.stop()
for row in rows:
    print(row[0], row[1], row[2])
