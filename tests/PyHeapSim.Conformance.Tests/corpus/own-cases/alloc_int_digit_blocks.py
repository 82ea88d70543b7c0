# Long arithmetic asks for its result's block before it knows how many
# digits the result needs; normalising later does not shrink the block.
# sys.getsizeof shows the digits in use, tracemalloc the block requested.
import gc
import sys
import tracemalloc

gc.disable()
base = 0
a = 2 ** 30
b = 2 ** 70
c = 3
r = None
sizes = [0] * 10
grown = [0] * 10
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
r = a + a
grown[0] = tracemalloc.get_traced_memory()[0] - base
sizes[0] = sys.getsizeof(r)
base = tracemalloc.get_traced_memory()[0]
r = a * a
grown[1] = tracemalloc.get_traced_memory()[0] - base
sizes[1] = sys.getsizeof(r)
base = tracemalloc.get_traced_memory()[0]
r = a - 1
grown[2] = tracemalloc.get_traced_memory()[0] - base
sizes[2] = sys.getsizeof(r)
base = tracemalloc.get_traced_memory()[0]
r = c << 40
grown[3] = tracemalloc.get_traced_memory()[0] - base
sizes[3] = sys.getsizeof(r)
base = tracemalloc.get_traced_memory()[0]
r = b // 3
grown[4] = tracemalloc.get_traced_memory()[0] - base
sizes[4] = sys.getsizeof(r)
base = tracemalloc.get_traced_memory()[0]
r = b % a
grown[5] = tracemalloc.get_traced_memory()[0] - base
sizes[5] = sys.getsizeof(r)
base = tracemalloc.get_traced_memory()[0]
r = a ** 3
grown[6] = tracemalloc.get_traced_memory()[0] - base
sizes[6] = sys.getsizeof(r)
base = tracemalloc.get_traced_memory()[0]
r = b - a * a
grown[7] = tracemalloc.get_traced_memory()[0] - base
sizes[7] = sys.getsizeof(r)
base = tracemalloc.get_traced_memory()[0]
r = ~b
grown[8] = tracemalloc.get_traced_memory()[0] - base
sizes[8] = sys.getsizeof(r)
base = tracemalloc.get_traced_memory()[0]
r = (b | a) & (b + a)
grown[9] = tracemalloc.get_traced_memory()[0] - base
sizes[9] = sys.getsizeof(r)
tracemalloc.stop()
print("traced growth:", grown)
print("getsizeof:    ", sizes)
