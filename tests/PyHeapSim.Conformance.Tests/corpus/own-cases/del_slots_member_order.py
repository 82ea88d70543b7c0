# __slots__ members are laid out in sorted (mangled) name order, not the order
# written, and a subclass's own members come before its base's when the
# instance is traversed (gc.get_referents) and when it is freed (subtype_dealloc
# clears the most derived type's slots first).
import gc
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)
class S:
    __slots__ = ("b", "a", "c", "__p")
class D(S):
    __slots__ = ("z", "m")
s = S()
s.a = T("a"); s.c = T("c"); s.b = T("b")
print("drop slots")
s = None
d = D()
d.a = T("da"); d.b = T("db"); d.z = T("dz"); d.m = T("dm"); d.c = T("dc")
print([type(x).__name__ for x in gc.get_referents(d)][:3], [x.name for x in gc.get_referents(d) if type(x) is T])
print("drop derived")
d = None
print(S.__slots__, D.__slots__)
