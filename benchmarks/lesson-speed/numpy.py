# A stand-in for numpy, only for timing the seed lesson on CPython builds that have no numpy
# (benchmarks/lesson-speed.sh). It provides what docs/examples/leccion_4_1.py uses -- zeros(n) and
# the array's shape, dtype and nbytes -- so CPython runs the whole lesson without numpy's ~0.1 s
# import. Not a model of numpy: the simulator's own numpy lives in src/PyHeapSim.Scripting.
class _Dtype:
    def __str__(self):
        return "float64"

    __repr__ = __str__


class _Array:
    def __init__(self, n):
        self.shape = (n,)
        self.dtype = _Dtype()
        self.nbytes = 8 * n
        self._data = bytearray(8 * n)


def zeros(n):
    return _Array(n)
