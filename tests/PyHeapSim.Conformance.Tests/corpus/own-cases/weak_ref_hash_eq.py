# Weak references as dict and set keys: a live reference hashes and compares like its referent
# (weakref_hash, weakref_richcompare), a hash computed while alive is kept after the referent dies,
# and a dead reference that was never hashed raises TypeError.
import weakref


class K:
    def __init__(self, v):
        self.v = v


a = K(1)
b = K(1)
ra = weakref.ref(a)
rb = weakref.ref(b)
ra2 = weakref.ref(a, lambda r: None)
print("eq alive:", ra == rb, ra == ra2, ra is ra2)
print("hash of referent:", hash(ra) == hash(a), hash(ra2) == hash(a))
cache = {ra: "a", rb: "b"}
print("lookup by other ref:", cache[ra2], len(cache))
print("in:", ra2 in cache, weakref.ref(b) in cache)
del a
print("dead:", ra() is None, ra2() is None)
print("eq dead:", ra == ra2, ra == ra, ra != ra2)
print("still found:", cache[ra], ra2 in cache)
c = K(2)
rc = weakref.ref(c)
del c
try:
    hash(rc)
except TypeError as e:
    print("TypeError:", e)
try:
    cache[rc] = "c"
except TypeError as e:
    print("TypeError:", e)
s = {rb}
print("set:", len(s), weakref.ref(b) in s)
