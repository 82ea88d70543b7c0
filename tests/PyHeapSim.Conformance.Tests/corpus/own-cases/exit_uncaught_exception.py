# An exception's arguments die before the frames its traceback keeps (BaseException_clear: args,
# then __traceback__).  An uncaught one stays in sys.last_value / sys.last_traceback through the
# atexit hooks and the exit collection, and dies when finalize_modules starts, before the modules.
import weakref


class T:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("bye", self.name)


def fail(tag):
    local = T("local of " + tag)
    raise ValueError(T("argument of " + tag))


try:
    fail("caught")
except ValueError:
    print("caught")
print("after the handler")
a = T("a")
weakref.finalize(a, print, "finalize a (atexit)")
b = [T("b")]
fail("uncaught")
