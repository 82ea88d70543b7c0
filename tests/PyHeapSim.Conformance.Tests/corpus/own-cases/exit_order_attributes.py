# Attribute values die after the directly bound names; up to 3.10 an instance's __dict__ is a
# separate object scanned after its owner, so its values come last; 3.11+ keeps them inline.
class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


class Slotted:
    __slots__ = ("name", "x")

    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("slotted", self.name)


b = (T("tuple item"),)
h = T("holder")
h.x = T("attribute")
l = [1, 2, T("list item")]
s = Slotted("s")
s.x = T("in slot")
z = T("z")
_p = T("_private")
