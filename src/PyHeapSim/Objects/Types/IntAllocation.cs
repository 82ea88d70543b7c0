using System.Numerics;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// How many 30-bit digits CPython's long arithmetic <em>allocates</em> for a result when an operand has more
/// than one digit (<c>Objects/longobject.c</c>). The result is normalised afterwards (<c>long_normalize</c>),
/// which only lowers <c>ob_size</c>: the block keeps its requested size, so tracemalloc sees the
/// unnormalised size while <c>sys.getsizeof</c> sees the digits in use.
/// </summary>
/// <remarks>
/// <code>
///   a + b  same signs          x_add      max(da, db) + 1
///   a - b  same signs          x_sub      max(da, db); equal sizes: index of the highest differing digit + 1
///   a * b                      x_mul/k_mul da + db
///   a &lt;&lt; n                     long_lshift da + n / 30 + (n % 30 != 0)
///   a &gt;&gt; n                     long_rshift da - n / 30
///   a // b  (db == 1)          divrem1    da
///   a // b  (db &gt; 1)           x_divrem   da - db (+1 when the shifted dividend's top digit ≥ the divisor's)
///   a % b   (db &gt; 1)           x_divrem   db  (the remainder lives in the divisor's copy)
///   a &amp; b, a | b, a ^ b (≥ 0)  long_bitwise min(da, db) for &amp;, max(da, db) otherwise
/// </code>
/// Results that are small ints come from the cache (<c>maybe_small_long</c>); x_add's never are.
/// Verified with tracemalloc on 3.8–3.13 (e.g. <c>2**30 + 2**30</c> allocates 36 bytes, <c>getsizeof</c> says 32).
/// </remarks>
internal static class IntAllocation
{
    private const int Shift = 30;

    public static int Digits(BigInteger v) => IntType.DigitCount(v);

    /// <summary>Digits <c>long_add</c> allocates for <paramref name="a"/> + <paramref name="b"/> (slow path).</summary>
    public static int Add(BigInteger a, BigInteger b) =>
        a.Sign >= 0 == b.Sign >= 0 ? Math.Max(Digits(a), Digits(b)) + 1 : Sub(BigInteger.Abs(a), BigInteger.Abs(b));

    /// <summary>Digits <c>long_sub</c> allocates for <paramref name="a"/> − <paramref name="b"/> (slow path).</summary>
    public static int Subtract(BigInteger a, BigInteger b) =>
        a.Sign >= 0 != b.Sign >= 0 && !b.IsZero && !a.IsZero ? Math.Max(Digits(a), Digits(b)) + 1 : Sub(BigInteger.Abs(a), BigInteger.Abs(b));

    // x_sub(|a|, |b|): the longer size, or for equal sizes the digits up to the highest one that differs (0: none).
    private static int Sub(BigInteger a, BigInteger b)
    {
        int da = Digits(a), db = Digits(b);
        if (da != db) return Math.Max(da, db);
        for (int i = da - 1; i >= 0; i--)
        {
            if (DigitAt(a, i) != DigitAt(b, i)) return i + 1;
        }
        return 0;
    }

    /// <summary>Digits <c>long_mul</c> allocates (<c>x_mul</c> and <c>k_mul</c> both ask for da + db).</summary>
    public static int Multiply(BigInteger a, BigInteger b) => a.IsZero || b.IsZero ? 0 : Digits(a) + Digits(b);

    /// <summary>
    /// Digits of <c>a ** e</c>'s last multiplication (<c>long_pow</c>, left-to-right binary powering, e ≥ 2): a
    /// squaring when e is even, a multiplication by a when odd. −1 when both factors have one digit (long_mul's
    /// fast path, which asks for the result's own size).
    /// </summary>
    public static int Power(BigInteger a, int e)
    {
        BigInteger x = e % 2 == 0 ? BigInteger.Pow(a, e / 2) : BigInteger.Pow(a, e - 1);
        BigInteger y = e % 2 == 0 ? x : a;
        return Digits(x) <= 1 && Digits(y) <= 1 ? -1 : Digits(x) + Digits(y);
    }

    public static int LeftShift(BigInteger a, int n) => a.IsZero ? 0 : Digits(a) + n / Shift + (n % Shift != 0 ? 1 : 0);

    public static int RightShift(BigInteger a, long n) => (int)Math.Max(0, Digits(a) - n / Shift);

    /// <summary>Digits of the truncated quotient <c>long_divrem</c> allocates for |a| / |b|.</summary>
    public static int Quotient(BigInteger a, BigInteger b)
    {
        a = BigInteger.Abs(a);
        b = BigInteger.Abs(b);
        int da = Digits(a), db = Digits(b);
        if (da < db) return 0;
        if (db == 1) return da;
        // x_divrem: normalise so the divisor's top digit has its high bit set; the dividend gets an extra
        // digit when the shift carries out of it or its top digit is not below the divisor's.
        int d = Shift - (int)DigitAt(b, db - 1).GetBitLength();
        BigInteger v = a << d, w = b << d;
        bool extra = Digits(v) > da || DigitAt(v, da - 1) >= DigitAt(w, db - 1);
        return da + (extra ? 1 : 0) - db;
    }

    /// <summary>Digits of the remainder <c>long_divrem</c> allocates (x_divrem: the divisor's size; divrem1 exact).</summary>
    public static int Remainder(BigInteger a, BigInteger b)
    {
        int da = Digits(a), db = Digits(b);
        if (da < db) return Digits(a);
        return db == 1 ? 1 : db;
    }

    public static int Bitwise(char op, BigInteger a, BigInteger b)
    {
        int da = Digits(a), db = Digits(b);
        if (a.Sign < 0 || b.Sign < 0) return 0;
        return op == '&' ? Math.Min(da, db) : Math.Max(da, db);
    }

    private static BigInteger DigitAt(BigInteger v, int i) => (v >> (Shift * i)) & ((1 << Shift) - 1);
}
