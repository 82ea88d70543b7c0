# A finalizer at exit that resurrects its object: every finalizer of the namespace's garbage still
# runs once, in order; the resurrected objects are never finalized again.
saved = []


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("resurrect", self.name, len(saved))
        saved.append(self)


x = [R("r1")]
a = T("a")
y = R("r2")
z = [T("z")]
