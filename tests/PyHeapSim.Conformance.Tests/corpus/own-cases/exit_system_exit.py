# An uncaught SystemExit prints no traceback; its code is the exit status; shutdown then runs the
# finalizers as usual (the module frame is gone, the namespace dies as cyclic garbage).
import sys


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


def leave(code):
    local = T("local of leave")
    print("leaving with", code)
    sys.exit(code)


a = T("a")
b = [T("in list")]
leave(3)
print("not reached")
