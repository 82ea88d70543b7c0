# Calls with keyword arguments: a class call packs the keywords into a dict (and __init__ gets them
# back as a names tuple); list.sort's argument parser builds its keyword tuple on first use (static
# from 3.12); sorted() and reversed() call methods they bind first (3.8 parks those on a free list).
import gc
gc.disable()
class Point:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
data = [3, 1, 2]
gc.collect()
p = Point(1, y=5)
class_kw = gc.get_count()[0]
gc.collect()
q = Point(y=7, x=2)
class_kw_again = gc.get_count()[0]
gc.collect()
d = dict(a=1, b=2)
dict_kw = gc.get_count()[0]
gc.collect()
s = sorted(data, reverse=True)
sorted_kw = gc.get_count()[0]
gc.collect()
t = sorted(data, key=abs)
sorted_kw_again = gc.get_count()[0]
gc.collect()
r = reversed(data)
rev = gc.get_count()[0]
print(p.x, p.y, q.x, q.y, d, s, t, list(r))
print(class_kw, class_kw_again, dict_kw, sorted_kw, sorted_kw_again, rev)
