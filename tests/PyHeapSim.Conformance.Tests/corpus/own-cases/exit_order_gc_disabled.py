# With gc.disable() the exit collection (PyGC_Collect) is skipped, but the shutdown collections
# (_PyGC_CollectNoFail) still run: the finalizers come in creation order.
import gc


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


a = T("a")
b = [T("in list")]
c = T("c")
d = {"k": T("in dict")}
h = T("holder")
h.x = T("attribute")
gc.disable()
print("enabled:", gc.isenabled())
