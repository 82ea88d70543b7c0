namespace PyHeapSim.Objects.Types;

/// <summary><c>float</c> (<c>Objects/floatobject.c</c>): 24 bytes, with a free list of 100.</summary>
internal static class FloatType
{
    public static int New(PyHeap heap, double v)
    {
        int bytes = heap.Profile.Layout.FloatSize;
        int o = heap.Allocate(heap.Types.Float, TypeKind.Float, bytes, isGc: false, heap.FreeLists.Floats);
        heap.T.SetScalar(o, BitConverter.DoubleToInt64Bits(v));
        return o;
    }

    public static double Value(PyHeap heap, int o) => BitConverter.Int64BitsToDouble(heap.T.Scalar(o));

    /// <summary><c>_Py_HashDouble</c>: integral values hash as ints; others by the reduction mod 2^61 − 1.</summary>
    public static long Hash(double v)
    {
        if (double.IsNaN(v)) return 0; // 3.10+ hashes NaN by identity; sets of NaN are out of the subset
        if (double.IsInfinity(v)) return v > 0 ? 314159 : -314159;
        if (Math.Floor(v) == v && Math.Abs(v) < 9.2e18) return IntType.Hash((long)v);
        // frexp-based reduction, as in Python/pyhash.c.
        int sign = 1;
        if (v < 0)
        {
            sign = -1;
            v = -v;
        }
        int e;
        double m = Frexp(v, out e);
        ulong x = 0;
        const int bits = 61;
        const ulong modulus = (1UL << 61) - 1;
        while (m != 0)
        {
            x = ((x << 28) & modulus) | x >> (bits - 28);
            m *= 268435456.0;
            e -= 28;
            ulong y = (ulong)m;
            m -= y;
            x += y;
            if (x >= modulus) x -= modulus;
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
        x = ((x << e) & modulus) | x >> (bits - e);
        long h = (long)x * sign;
        return h == -1 ? -2 : h;
    }

    private static double Frexp(double d, out int e)
    {
        if (d == 0)
        {
            e = 0;
            return 0;
        }
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0)
        {
            d *= 1L << 54;
            bits = BitConverter.DoubleToInt64Bits(d);
            exp = (int)((bits >> 52) & 0x7FF) - 54;
        }
        e = exp - 1022;
        bits = (bits & ~(0x7FFL << 52)) | (1022L << 52);
        return BitConverter.Int64BitsToDouble(bits);
    }
}
