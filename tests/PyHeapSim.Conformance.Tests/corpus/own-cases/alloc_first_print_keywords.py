# versions: 3.9 3.10 3.11 3.12 3.13
# The first keyword call of a C function builds the function's keyword-name
# tuple (3.11: print's on its first call of any kind), but the names in it
# ('sep', 'end', 'key', 'reverse' ...) were interned when the interpreter
# started: no new strings, so only the tuple can show. (The very first write
# to stdout is left out: what it allocates depends on how stdout is set up.)
import sys
import tracemalloc

traced = [0] * 8
blocks = [0] * 8
data = [5, 3, 9, 1]
print("start")
tracemalloc.start()

b = tracemalloc.get_traced_memory()[0]
k = sys.getallocatedblocks()
print("second print")
traced[0] = tracemalloc.get_traced_memory()[0] - b
blocks[0] = sys.getallocatedblocks() - k

b = tracemalloc.get_traced_memory()[0]
k = sys.getallocatedblocks()
print("with", "sep", sep="-")
traced[1] = tracemalloc.get_traced_memory()[0] - b
blocks[1] = sys.getallocatedblocks() - k

b = tracemalloc.get_traced_memory()[0]
k = sys.getallocatedblocks()
print("with end", end="!\n")
traced[2] = tracemalloc.get_traced_memory()[0] - b
blocks[2] = sys.getallocatedblocks() - k

b = tracemalloc.get_traced_memory()[0]
k = sys.getallocatedblocks()
data.sort(reverse=True)
traced[3] = tracemalloc.get_traced_memory()[0] - b
blocks[3] = sys.getallocatedblocks() - k

b = tracemalloc.get_traced_memory()[0]
k = sys.getallocatedblocks()
ordered = sorted(data, key=None, reverse=False)
traced[4] = tracemalloc.get_traced_memory()[0] - b
blocks[4] = sys.getallocatedblocks() - k

b = tracemalloc.get_traced_memory()[0]
k = sys.getallocatedblocks()
print("again")
traced[5] = tracemalloc.get_traced_memory()[0] - b
blocks[5] = sys.getallocatedblocks() - k
tracemalloc.stop()

print(traced)
print(blocks)
print(data, ordered)
