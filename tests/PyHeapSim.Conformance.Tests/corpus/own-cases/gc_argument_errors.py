# Argument-count errors of gc and sys functions and list/str methods: from 3.9 a
# one-argument C function names its owner (gc.is_tracked(), list.append()),
# built-ins stay bare (len()); gc.collect and gc.set_threshold have their own
# wording (3.13 rewrote set_threshold's).
import gc
import sys

items = []
calls = [
    lambda: gc.is_tracked(),
    lambda: gc.is_tracked(1, 2),
    lambda: gc.set_debug(),
    lambda: gc.collect(1, 2),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold(1, 2, 3, 4),
    lambda: items.append(),
    lambda: items.count(1, 2),
    lambda: "-".join(),
    lambda: len(),
    lambda: sys.getrefcount(),
    lambda: sys.intern(),
    lambda: sys.getsizeof(),
]
print(sys.getsizeof(object=[]) > 0)
for call in calls:
    try:
        call()
        print("no error")
    except TypeError as e:
        print(e)
print(gc.get_threshold()[0] > 0)
