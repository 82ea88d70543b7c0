# gc.freeze() puts the namespace cycle in the permanent generation: the shutdown collections leave
# it alone.  With `import __main__` the frozen cycle keeps the module alive, so finalize_modules
# clears its globals (_PyModule_ClearDict): "_x" names first, then the rest in order.
import __main__
import gc


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


a = T("a")
b = [T("in list")]
_c = T("_c")
p = T("cycle")
p.me = p
gc.freeze()
e = T("e")
_f = [T("_f in list")]
print("frozen")
