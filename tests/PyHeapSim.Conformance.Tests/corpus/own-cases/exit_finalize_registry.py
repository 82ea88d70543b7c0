# weakref.finalize._registry keeps a finalizer's function and arguments.  With atexit=False the exit
# hook skips it; the registry then dies with the weakref module in the shutdown collection, after
# the script's own objects, and the callback never runs (finalize._shutdown).
import weakref


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


def report(arg):
    print("finalizer ran for", arg.name)


a = T("a")
c = T("c")
f = weakref.finalize(c, report, T("argument"))
f.atexit = False
print("alive:", f.alive, "atexit:", f.atexit)
b = [T("b")]
g = weakref.finalize(T("gone"), report, T("argument of gone"))
print("g alive:", g.alive)
print("script ends")
