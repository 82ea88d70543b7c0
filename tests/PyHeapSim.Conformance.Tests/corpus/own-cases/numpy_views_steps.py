# Basic slicing makes views: a start moves the data pointer, a step scales
# the stride (negative steps too), and every view holds the array that owns
# the data as its base, even a view of a view.  A view owns no data, so
# sys.getsizeof counts only its object and its shape/strides.
import sys
import numpy as np

a = np.arange(10)
b = a[::2]
c = b[1:3]
d = a[-3:]
e = a[7:2:-2]
f = a[5:2]
print("shapes:", b.shape, c.shape, d.shape, e.shape, f.shape)
print("strides:", a.strides, b.strides, c.strides, e.strides)
print("base is a:", b.base is a, c.base is a, d.base is a, a.base is None)
print("refcount of a:", sys.getrefcount(a))
print("values:", list(c), list(d), list(e))
print("getsizeof:", sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(f))
print("len:", len(b), len(f))
b[1] = 40
print("a[2] after b[1] = 40:", a[2])
del b
print("refcount of a after del b:", sys.getrefcount(a))
