using System.Numerics;
using PyHeapSim.Objects;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// <c>int</c> and <c>bool</c> (<c>Objects/longobject.c</c>): arbitrary precision with 30-bit digits.
/// A value that fits in 64 bits lives in the scalar column; larger ones as a boxed <see cref="BigInteger"/>.
/// </summary>
internal static class IntType
{
    /// <summary>Digits of 30 bits needed for |v| (<c>PYLONG_BITS_IN_DIGIT</c>).</summary>
    public static int DigitCount(BigInteger v)
    {
        if (v.IsZero) return 0;
        long bits = BigInteger.Abs(v).GetBitLength();
        return (int)((bits + 29) / 30);
    }

    /// <summary>Digits of |v| (0 for 0).</summary>
    public static int Digits(BigInteger v) => DigitCount(v);

    public static int DigitCount(long v)
    {
        if (v == 0) return 0;
        ulong a = v < 0 ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        int bits = 64 - BitOperations.LeadingZeroCount(a);
        return (bits + 29) / 30;
    }

    /// <summary><c>int___sizeof__</c>: 24 + 4 × digits; 3.11+ count at least one digit.</summary>
    public static int SizeOf(PyHeap heap, int digits)
    {
        if (digits == 0 && heap.Profile.Layout.IntZeroHasOneDigit) digits = 1;
        return heap.Profile.Layout.VarHeaderSize + 4 * digits;
    }

    /// <summary>Bytes <c>_PyLong_New</c> asks the allocator for (3.11+ allocate at least one digit too).</summary>
    public static int BlockBytes(PyHeap heap, int digits) => SizeOf(heap, digits);

    /// <summary>
    /// A new reference to an int with value <paramref name="v"/> (small ints come from the cache).
    /// <paramref name="medium"/>: made as <c>PyLong_FromLong</c> and arithmetic make it (3.11+: a 1-digit
    /// value asks for <see cref="Profiles.ObjectLayout.IntMediumBlockBytes"/>); false for <c>_PyLong_New</c>
    /// callers such as <c>int('300')</c> and <c>len()</c>.
    /// </summary>
    public static int New(PyHeap heap, long v, bool medium = true)
    {
        int cached = heap.SmallInt(v);
        if (cached != 0) return heap.NewRef(cached);
        int digits = DigitCount(v);
        int mediumBytes = heap.Profile.Layout.IntMediumBlockBytes;
        int bytes = medium && digits <= 1 && mediumBytes > 0 ? mediumBytes : BlockBytes(heap, digits);
        int o = heap.Allocate(heap.Types.Int, TypeKind.Int, bytes, isGc: false);
        heap.T.SetScalar(o, v);
        return o;
    }

    public static int New(PyHeap heap, BigInteger v)
    {
        if (v >= long.MinValue && v <= long.MaxValue) return New(heap, (long)v);
        int bytes = BlockBytes(heap, DigitCount(v));
        int o = heap.Allocate(heap.Types.Int, TypeKind.Int, bytes, isGc: false);
        heap.T.SetPayload(o, v);
        return o;
    }

    /// <summary>
    /// A result of long arithmetic whose block was requested with <paramref name="allocatedDigits"/> digits before
    /// normalisation (see <see cref="IntAllocation"/>); small results come from the cache.
    /// </summary>
    public static int NewAllocated(PyHeap heap, BigInteger v, int allocatedDigits)
    {
        if (v >= -5 && v <= 256)
        {
            int cached = heap.SmallInt((long)v);
            if (cached != 0) return heap.NewRef(cached);
        }
        return NewAllocatedUncached(heap, v, allocatedDigits);
    }

    /// <summary>As <see cref="NewAllocated"/>, but a fresh object even for a small value (x_divrem's remainder).</summary>
    public static int NewAllocatedUncached(PyHeap heap, BigInteger v, int allocatedDigits)
    {
        int digits = DigitCount(v);
        int bytes = BlockBytes(heap, Math.Max(digits, allocatedDigits));
        int o = heap.Allocate(heap.Types.Int, TypeKind.Int, bytes, isGc: false);
        if (v >= long.MinValue && v <= long.MaxValue) heap.T.SetScalar(o, (long)v);
        else heap.T.SetPayload(o, v);
        return o;
    }

    public static bool IsBig(PyHeap heap, int o) => heap.T.Payload(o) is BigInteger;

    /// <summary>
    /// <c>str(i)</c>/<c>repr(i)</c> (<c>long_to_decimal_string_internal</c>): a new str, even for one digit. The
    /// base-10⁹ digits are first computed in a scratch int of <c>1 + n + n / 99</c> digits (n = the value's 30-bit
    /// digits; 99 = ⌊3.3·9 / (30 − 3.3·9)⌋), which is still alive when the str is allocated and freed just
    /// before returning: a tracemalloc peak sees both (<c>str(300)</c>: 52 bytes kept, 32 more at the peak).
    /// </summary>
    public static int ToDecimalStr(PyHeap heap, int o)
    {
        long scratch = AllocateDecimalScratch(heap, o, out int scratchBytes);
        int s = StrType.NewFresh(heap, Value(heap, o).ToString(System.Globalization.CultureInfo.InvariantCulture));
        heap.Memory.Free(scratch, scratchBytes);
        return s;
    }

    /// <summary><c>long_to_decimal_string_internal</c>'s scratch int for <paramref name="o"/> (see
    /// <see cref="ToDecimalStr"/>); the caller frees it once the digits are written.</summary>
    public static long AllocateDecimalScratch(PyHeap heap, int o, out int bytes)
    {
        int n = DigitCount(Value(heap, o));
        bytes = BlockBytes(heap, 1 + n + n / 99);
        return heap.Memory.Malloc(bytes);
    }

    public static BigInteger Value(PyHeap heap, int o) =>
        heap.T.Payload(o) is BigInteger b ? b : new BigInteger(heap.T.Scalar(o));

    /// <summary>The value when it fits in 64 bits.</summary>
    public static bool TryGetInt64(PyHeap heap, int o, out long v)
    {
        if (heap.T.Payload(o) is BigInteger)
        {
            v = 0;
            return false;
        }
        v = heap.T.Scalar(o);
        return true;
    }

    public static int ObjectSizeOf(PyHeap heap, int o) =>
        SizeOf(heap, heap.T.Payload(o) is BigInteger b ? DigitCount(b) : DigitCount(heap.T.Scalar(o)));

    /// <summary>Mersenne prime 2^61 − 1 (<c>_PyHASH_MODULUS</c>).</summary>
    public const long HashModulus = (1L << 61) - 1;

    /// <summary><c>long_hash</c>: the value modulo 2^61 − 1, sign kept; −1 becomes −2.</summary>
    public static long Hash(BigInteger v)
    {
        BigInteger r = BigInteger.Remainder(BigInteger.Abs(v), HashModulus);
        long h = (long)r;
        if (v.Sign < 0) h = -h;
        return h == -1 ? -2 : h;
    }

    public static long Hash(long v)
    {
        if (v >= -HashModulus && v <= HashModulus)
        {
            long h = v % HashModulus;
            return h == -1 ? -2 : h;
        }
        return Hash(new BigInteger(v));
    }
}
