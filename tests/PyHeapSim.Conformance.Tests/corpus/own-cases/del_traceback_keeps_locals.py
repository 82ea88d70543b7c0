# A frame an exception unwound stays alive as long as the exception's traceback: its locals die
# when the handler ends (the `as` name is deleted), or when the last variable holding the
# exception lets go.  A frame kept alive past its return keeps its caller's frame (f_back) and
# so the caller's locals too.  tb_dealloc drops tb_next first: the innermost frame's locals die first.
import sys


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def f(n):
    d = D("f" + str(n))
    raise ValueError(n)


def g(n):
    d = D("g" + str(n))
    f(n)


def h(n):
    d = D("h" + str(n))
    try:
        f(n)
    except ValueError as e:
        global saved
        saved = e
    print("h returns")


print("-- handled")
try:
    g(1)
except ValueError:
    print("in except")
print("after except")

print("-- as e")
try:
    f(2)
except ValueError as e:
    print("in except", e.__traceback__ is not None)
print("after except")

print("-- kept")
saved = None
try:
    g(3)
except ValueError as e:
    saved = e
print("after except")
saved = None
print("released")

print("-- kept past the caller's return")
h(4)
print("after h")
saved = None
print("released")

print("-- refcount of a kept local")


def k(obj):
    local = obj
    raise KeyError("k")


t = [1]
try:
    k(t)
except KeyError as e:
    print(sys.getrefcount(t))
    saved = e
print(sys.getrefcount(t))
saved = None
print(sys.getrefcount(t))

print("-- bare raise adds no entry")


def r():
    d = D("r")
    try:
        raise ValueError("r")
    except ValueError:
        raise


try:
    r()
except ValueError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n = n + 1
        tb = tb.tb_next
    print("entries", n)
print("end")
