# A gc.collect() during the script reorders the survivors the same way the exit collection does:
# objects made before it keep their order, later ones are reordered at exit.
import gc


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


a = T("a")
b = [T("b in list")]
print("collected:", gc.collect())
c = T("c")
d = [T("d in list")]
_e = T("_e")
x = T("deleted early")
del x
a = T("a rebound")
print("script ends")
