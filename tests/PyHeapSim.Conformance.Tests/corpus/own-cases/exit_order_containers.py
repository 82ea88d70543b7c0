# At exit __main__ leaves sys.modules and its namespace (in a cycle with every function's
# __globals__) dies as cyclic garbage: finalizers run in the collector's list order, which the exit
# collection has reordered -- names bound directly first, objects held in containers after them.
import gc


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name, gc.is_finalized(self) if hasattr(gc, "is_finalized") else "-")


a = T("a")
b = [T("in list")]
c = T("c")
d = {"k": T("in dict")}
e = T("e")
f = (T("in tuple"),)
n = [[T("nested list")], {"x": (T("nested tuple"),)}]
print("script ends")
