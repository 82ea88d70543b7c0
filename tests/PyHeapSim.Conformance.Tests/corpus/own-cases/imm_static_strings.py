# versions: 3.12 3.13
# Strings CPython interned before the script started (static identifiers such as 'append', names in
# the code of start-up modules such as 'other'), names of this script's code, and string constants.
import sys


def area(width_q, height_q):
    product_q = width_q * height_q
    return product_q


class Shape:
    def __init__(self):
        self.sides_q = 4


print("static identifier", sys.getrefcount("append"), sys.getrefcount("__init__"))
print("start-up module name", sys.getrefcount("other"))
print("parameter and local", sys.getrefcount("width_q"), sys.getrefcount("product_q"))
print("function, class, attribute", sys.getrefcount("area"), sys.getrefcount("Shape"), sys.getrefcount("sides_q"))
print("constant only", sys.getrefcount("constant_only_q"))
print("not an identifier", sys.getrefcount("utf-8"), sys.getrefcount("<module>"))
built = "".join(["app", "end"])
kept = sys.intern(built)
print("intern of a built 'append'", kept is built, sys.getrefcount(kept), sys.getrefcount(built))
built2 = "".join(["utf", "-8"])
kept2 = sys.intern(built2)
print("intern of a built 'utf-8'", kept2 is built2, sys.getrefcount(kept2))
built3 = "".join(["fresh", "_q"])
kept3 = sys.intern(built3)
print("intern of a fresh string", kept3 is built3, sys.getrefcount(kept3))
built4 = "".join(["sides", "_q"])
print("intern of a built attribute name", sys.intern(built4) is built4)
