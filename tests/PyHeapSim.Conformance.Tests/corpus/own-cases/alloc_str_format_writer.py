# versions: 3.11 3.12 3.13
# str.format builds its result in a writer buffer sized len(format) + 100 and
# over-allocated, cut to size at the end: the peak shows the buffer, the
# current size only the result. A lone str field returns that very str.
# max() with key= walks its iterable one item at a time (up to 3.12 it also
# packs its arguments into a tuple and its keywords into a dict).
import gc
import tracemalloc

word = "hola"
count = 12345
rows = [None] * 8
data = [3, 1, 2]


def neg(x):
    return -x


tracemalloc.start()
b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
same = "{}".format(word)
now, peak = tracemalloc.get_traced_memory()
rows[0] = ("lone str", now - b, peak - b, same is word)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
two = "{} y {}".format(1, "dos")
now, peak = tracemalloc.get_traced_memory()
rows[1] = ("two fields", now - b, peak - b, two)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
named = "{name}: {val}".format(name=word, val=count)
now, peak = tracemalloc.get_traced_memory()
rows[2] = ("named", now - b, peak - b, named)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
shown = "{!r} and {{braces}} {}".format(word, count)
now, peak = tracemalloc.get_traced_memory()
rows[3] = ("repr and braces", now - b, peak - b, shown)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
wide = "{} é".format(word)
now, peak = tracemalloc.get_traced_memory()
rows[4] = ("latin-1", now - b, peak - b, wide)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
best = max(range(1000), key=neg)
now, peak = tracemalloc.get_traced_memory()
rows[5] = ("max key", now - b, peak - b, best)

gc.collect()
b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
best = max(data, key=neg)
now, peak = tracemalloc.get_traced_memory()
rows[6] = ("max after collect", now - b, "-", best)
tracemalloc.stop()

for row in rows[:7]:
    print(row[0], row[1], row[2], row[3])
