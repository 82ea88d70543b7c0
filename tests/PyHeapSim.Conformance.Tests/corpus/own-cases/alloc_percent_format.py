# versions: 3.9 3.10 3.11 3.12 3.13
# str % args and format() build their text the way str.format does: a writer
# buffer of len(format) + 100 characters over-allocated until the last part,
# the digits of a plain %d written straight in, a float's digits through a
# small char buffer, and a lone "%s" of a str returning that very str.
import tracemalloc

count = 12345
ratio = 2.5
name = "hola"
rows = [None] * 6
tracemalloc.start()

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
a = "%d items" % count
now, peak = tracemalloc.get_traced_memory()
rows[0] = ("pct d", now - b, peak - b, a)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
a = "%s: %.2f" % (name, ratio)
now, peak = tracemalloc.get_traced_memory()
rows[1] = ("pct s f", now - b, peak - b, a)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
a = "%s" % name
now, peak = tracemalloc.get_traced_memory()
rows[2] = ("lone s", now - b, peak - b, a is name)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
a = "[%5d|%-6s|%r|%x]" % (count, name, name, count)
now, peak = tracemalloc.get_traced_memory()
rows[3] = ("padded", now - b, peak - b, a)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
a = format(ratio, ".1f")
now, peak = tracemalloc.get_traced_memory()
rows[4] = ("format()", now - b, peak - b, a)

b = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
a = format(count, "")
now, peak = tracemalloc.get_traced_memory()
rows[5] = ("format int", now - b, peak - b, a)
tracemalloc.stop()
for row in rows:
    print(row[0], row[1], row[2], row[3])
