# Instance dicts share their keys table with the class until one instance stores its attributes
# in another order: that dict becomes combined, the class stops caching the keys (3.8-3.10
# _PyObjectDict_SetItem), and a dict left as the keys' last holder counts them in getsizeof.
import sys
class A:
    pass
a = A()
a.x = 1
print(sys.getsizeof(a.__dict__))
a.y = 2
print(sys.getsizeof(a.__dict__))
b = A()
b.y = 3
print(sys.getsizeof(a.__dict__), sys.getsizeof(b.__dict__))
c = A()
c.x = 4
print(sys.getsizeof(c.__dict__))
b.x = 5
print(sys.getsizeof(b.__dict__), len(b.__dict__))
del a
print(sys.getsizeof(c.__dict__))
