# The compiler folds repetitions and concatenations of constants: b"abc" * 100 is one constant object,
# like "ab" * 3 and 2 * (1, 2), whichever side the int is on.  Results over 4096 items are built at
# run time instead, and a repetition giving empty bytes makes a new empty object each time.
import sys

a = b"abc" * 100
b = b"abc" * 100
print("bytes repeat folded:", a is b, len(a), sys.getrefcount(a))
c = 3 * "xy"
d = "xy" * 3
print("int first:", c is d, c)
e = 2 * (1, 2)
f = (1, 2) * 2
print("tuple:", e is f, e, sys.getrefcount(e))
g = b"ab" + b"cd"
h = b"ab" + b"cd"
print("bytes concat:", g is h, g, sys.getrefcount(g))
big1 = b"x" * 5000
big2 = b"x" * 5000
print("too big to fold:", big1 is big2, sys.getrefcount(big1))
k = 3 * b"z"
print(k, sys.getrefcount(k))
del a, b, g, h
print("names dropped:", sys.getrefcount(b"abc" * 100) > 1)
