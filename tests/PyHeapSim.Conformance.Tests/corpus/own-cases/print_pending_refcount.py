# sys.stdout (redirected, so block-buffered) keeps an ASCII str it was given until its buffer is
# flushed: print(s) holds a reference to s. Non-ASCII text is kept encoded, so s is not held.
import sys
s = "abc" + str(len("four"))
before = sys.getrefcount(s)
print(s)
after_one = sys.getrefcount(s)
print(s, s)
after_two = sys.getrefcount(s)
print("-" * 9000)
after_flush = sys.getrefcount(s)
t = "\u00e9t\u00e9" + str(len("four"))
print(t)
held_encoded = sys.getrefcount(t)
print(before, after_one, after_two, after_flush, held_encoded)
