# versions: 3.9 3.10 3.11 3.12 3.13
# Turning a float into text goes through a small char buffer
# (PyOS_double_to_string) that lives until the str exists, and an f-string
# of a float binds float.__format__ first: both show in the tracemalloc peak
# only. The buffer holds sign, point, NUL and every digit (+5 for an exponent).
import tracemalloc

values = [2.5, 1.0, 0.1, 100.0, 1e16, 1.5e-7, -3.25, float("inf")]
rows = [None] * 24
tracemalloc.start()
i = 0
for v in values:
    b = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    text = str(v)
    now, peak = tracemalloc.get_traced_memory()
    rows[i] = (text, now - b, peak - now)
    del text
    b = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    text = f"{v}"
    now, peak = tracemalloc.get_traced_memory()
    rows[i + 1] = (text, now - b, peak - now)
    del text
    b = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    text = f"{v:.3f}"
    now, peak = tracemalloc.get_traced_memory()
    rows[i + 2] = (text, now - b, peak - now)
    del text
    i = i + 3
tracemalloc.stop()
for row in rows:
    print(row[0], row[1], row[2])
