# versions: 3.9 3.10 3.11 3.12 3.13
# An f-string keeps every formatted piece alive until the joined result exists
# (BUILD_STRING), an exact str with no format spec is used as it is, and
# str(int) works in a scratch int that is freed only after the str is made:
# all of it shows in the tracemalloc peak, not in the current size.
import sys
import tracemalloc

text = "abc" * 100
count = 300
name = text[:3]
results = [None] * 6
tracemalloc.start()

base = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
same = f"{name}"
now, peak = tracemalloc.get_traced_memory()
results[0] = ("plain str", now - base, peak - base)

base = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
number = f"{count}"
now, peak = tracemalloc.get_traced_memory()
results[1] = ("int", now - base, peak - base)

base = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
joined = f"{text[:3]}-{len(text)}"
now, peak = tracemalloc.get_traced_memory()
results[2] = ("two pieces", now - base, peak - base)

base = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
wide = f"<{name}|{count}|{text[:5]!r}>"
now, peak = tracemalloc.get_traced_memory()
results[3] = ("five pieces", now - base, peak - base)

base = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
big = str(10 ** 50)
now, peak = tracemalloc.get_traced_memory()
results[4] = ("str of a big int", now - base, peak - base)

base = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
digit = repr(7)
now, peak = tracemalloc.get_traced_memory()
results[5] = ("repr of a digit", now - base, peak - base)
tracemalloc.stop()

for row in results:
    print(row[0], row[1], row[2])
print(same is name, sys.getrefcount(name))
print(joined, wide, len(big), digit)
