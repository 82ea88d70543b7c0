# Objects reachable only through functions and classes: defaults, closures, class attributes.
class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


def make():
    x = T("closure cell")

    def inner():
        return x
    return inner


f = make()


class Box:
    item = T("class attribute")


g = lambda y=T("lambda default"): y
a = T("a")


def h(z=[T("list default")]):
    return z


p = T("cycle")
p.me = p
