# The words of AttributeError for missing attributes, per version: setting or deleting on objects
# without a __dict__ (3.13 says so), deleting a missing instance attribute (the bare name up to
# 3.10), and reading or deleting an unset __slots__ member (member_get / member_set).
class S:
    __slots__ = ("a",)
class D:
    pass
for obj in [S(), object(), 1, [1]]:
    try:
        obj.zz = 1
    except AttributeError as e:
        print("set:", e)
for obj in [S(), object(), D()]:
    try:
        del obj.zz
    except AttributeError as e:
        print("del:", e)
s = S()
try:
    print(s.a)
except AttributeError as e:
    print("unset slot read:", e)
try:
    del s.a
except AttributeError as e:
    print("unset slot del:", e)
s.a = 5
print(s.a)
del s.a
try:
    print(D().q)
except AttributeError as e:
    print("missing:", e)
try:
    print(D.q)
except AttributeError as e:
    print("class:", e)
