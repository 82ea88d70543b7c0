using System.Numerics;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Builtins;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// The number and sequence operators (<c>PyNumber_Add</c> …, <c>Objects/longobject.c</c>,
/// <c>floatobject.c</c>, <c>listobject.c</c>, <c>tupleobject.c</c>, <c>unicodeobject.c</c>). Results that
/// CPython returns unchanged (<c>t + ()</c>, <c>s * 1</c>, <c>+x</c>) are the same object here too.
/// </summary>
public sealed partial class Interpreter
{
    internal partial int BinaryOp(BinaryOperator op, int a, int b)
    {
        TypeKind ka = Kind(a), kb = Kind(b);
        if (ka == TypeKind.Instance || kb == TypeKind.Instance)
        {
            int r = TryUserBinary(op, a, b);
            if (r != 0) return r;
            throw UnsupportedOperands(op, a, b);
        }
        bool intA = ka is TypeKind.Int or TypeKind.Bool, intB = kb is TypeKind.Int or TypeKind.Bool;
        if (intA && intB) return IntOp(op, a, b);
        if ((intA || ka == TypeKind.Float) && (intB || kb == TypeKind.Float)) return FloatOp(op, ToDouble(a), ToDouble(b));
        int seq = SequenceOp(op, a, b);
        if (seq != 0) return seq;
        throw UnsupportedOperands(op, a, b);
    }

    internal partial int InPlaceOp(BinaryOperator op, int a, int b)
    {
        TypeKind ka = Kind(a);
        if (ka == TypeKind.List && op == BinaryOperator.Add)
        {
            // list_inplace_concat: list.extend(b), then the list itself.
            ListMethods.ExtendFrom(this, a, b);
            return NewRef(a);
        }
        if (ka == TypeKind.List && op == BinaryOperator.Mult)
        {
            ListType.InplaceRepeat(Heap, a, (long)IndexValue(b, "can't multiply sequence by non-int of type '{0}'"));
            return NewRef(a);
        }
        if (ka == TypeKind.Set && Kind(b) is TypeKind.Set or TypeKind.FrozenSet && op is BinaryOperator.BitOr or BinaryOperator.BitAnd or BinaryOperator.Sub or BinaryOperator.BitXor)
        {
            SetMethods.InPlace(this, op, a, b);
            return NewRef(a);
        }
        if (ka == TypeKind.Instance)
        {
            int method = LookupSpecial(a, "__i" + DunderStem(op) + "__");
            if (method != 0)
            {
                int r;
                try
                {
                    r = CallMethod(method, a, [b]);
                }
                finally
                {
                    DecRef(method);
                }
                if (r != Heap.NotImplementedObj) return r;
                DecRef(r);
            }
        }
        return BinaryOp(op, a, b);
    }

    internal partial int UnaryOp(UnaryOperator op, int a)
    {
        TypeKind k = Kind(a);
        if (op == UnaryOperator.Not) return NewBool(!IsTrue(a));
        if (k is TypeKind.Int or TypeKind.Bool)
        {
            BigInteger v = IntType.Value(Heap, a);
            switch (op)
            {
                case UnaryOperator.USub: return NewInt(-v);
                case UnaryOperator.UAdd: return k == TypeKind.Int ? NewRef(a) : NewInt(v);
                // long_invert: one digit → PyLong_FromLong; else long_add(v, 1) negated (x_add's size).
                case UnaryOperator.Invert: return IntType.Digits(v) <= 1 ? NewInt(-v - 1) : IntType.NewAllocated(Heap, -v - 1, IntAllocation.Add(v, 1));
            }
        }
        if (k == TypeKind.Float)
        {
            switch (op)
            {
                case UnaryOperator.USub: return NewFloat(-FloatType.Value(Heap, a));
                case UnaryOperator.UAdd: return NewRef(a);
            }
        }
        if (k == TypeKind.Instance)
        {
            string name = op switch { UnaryOperator.USub => "__neg__", UnaryOperator.UAdd => "__pos__", _ => "__invert__" };
            int method = LookupSpecial(a, name);
            if (method != 0)
            {
                try
                {
                    return CallMethod(method, a, []);
                }
                finally
                {
                    DecRef(method);
                }
            }
        }
        throw Raise("TypeError", $"bad operand type for unary {op.Symbol()}: '{TypeName(a)}'");
    }

    private PyException UnsupportedOperands(BinaryOperator op, int a, int b)
    {
        string symbol = op == BinaryOperator.Pow ? "** or pow()" : op.Symbol();
        return MakeException("TypeError", $"unsupported operand type(s) for {symbol}: '{TypeName(a)}' and '{TypeName(b)}'");
    }

    private static string DunderStem(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "add",
        BinaryOperator.Sub => "sub",
        BinaryOperator.Mult => "mul",
        BinaryOperator.MatMult => "matmul",
        BinaryOperator.Div => "truediv",
        BinaryOperator.FloorDiv => "floordiv",
        BinaryOperator.Mod => "mod",
        BinaryOperator.Pow => "pow",
        BinaryOperator.LShift => "lshift",
        BinaryOperator.RShift => "rshift",
        BinaryOperator.BitOr => "or",
        BinaryOperator.BitXor => "xor",
        _ => "and",
    };

    // binary_op1: a.__op__(b), then b.__rop__(a); 0 when both are missing or NotImplemented.
    private int TryUserBinary(BinaryOperator op, int a, int b)
    {
        string stem = DunderStem(op);
        if (Kind(a) == TypeKind.Instance)
        {
            int r = CallDunder(a, "__" + stem + "__", b);
            if (r != 0) return r;
        }
        if (Kind(b) == TypeKind.Instance && T.TypeOf(a) != T.TypeOf(b))
        {
            int r = CallDunder(b, "__r" + stem + "__", a);
            if (r != 0) return r;
        }
        if (Kind(a) != TypeKind.Instance)
        {
            int seq = Kind(a) is TypeKind.Int or TypeKind.Bool or TypeKind.Float ? 0 : SequenceOp(op, a, b);
            if (seq != 0) return seq;
        }
        return 0;
    }

    private int CallDunder(int self, string name, int arg)
    {
        int method = LookupSpecial(self, name);
        if (method == 0) return 0;
        int r;
        try
        {
            r = CallMethod(method, self, [arg]);
        }
        finally
        {
            DecRef(method);
        }
        if (r == Heap.NotImplementedObj)
        {
            DecRef(r);
            return 0;
        }
        return r;
    }

    private double ToDouble(int o)
    {
        if (Kind(o) == TypeKind.Float) return FloatType.Value(Heap, o);
        if (IntType.TryGetInt64(Heap, o, out long v)) return v;
        double d = (double)IntType.Value(Heap, o);
        if (double.IsInfinity(d)) throw Raise("OverflowError", "int too large to convert to float");
        return d;
    }

    private int IntOp(BinaryOperator op, int a, int b)
    {
        bool bools = Kind(a) == TypeKind.Bool && Kind(b) == TypeKind.Bool;
        // Multi-digit operands take longobject.c's slow paths; << and ** always do (long_lshift allocates before it
        // normalises; long_pow multiplies), and their one-digit fast paths ask for the same sizes.
        if (!bools && (op is BinaryOperator.LShift or BinaryOperator.Pow || IntType.IsBig(Heap, a) || IntType.IsBig(Heap, b)
            || IntType.DigitCount(T.Scalar(a)) > 1 || IntType.DigitCount(T.Scalar(b)) > 1))
        {
            int r = MultiDigitIntOp(op, a, b, IntType.Value(Heap, a), IntType.Value(Heap, b));
            if (r != 0) return r;
        }
        if (IntType.TryGetInt64(Heap, a, out long x) && IntType.TryGetInt64(Heap, b, out long y))
        {
            switch (op)
            {
                case BinaryOperator.Add:
                {
                    long r = x + y;
                    if (((x ^ r) & (y ^ r)) >= 0) return NewInt(r);
                    break;
                }
                case BinaryOperator.Sub:
                {
                    long r = x - y;
                    if (((x ^ y) & (x ^ r)) >= 0) return NewInt(r);
                    break;
                }
                case BinaryOperator.Mult:
                    if (Math.Abs(x) < (1L << 31) && Math.Abs(y) < (1L << 31)) return NewInt(x * y);
                    break;
                case BinaryOperator.FloorDiv:
                    if (y == 0) throw Raise("ZeroDivisionError", "integer division or modulo by zero");
                    if (x != long.MinValue) return NewInt(FloorDiv(x, y));
                    break;
                case BinaryOperator.Mod:
                    if (y == 0) throw Raise("ZeroDivisionError", Profile.Messages.IntModuloByZero);
                    if (x != long.MinValue) return NewInt(FloorMod(x, y));
                    break;
                case BinaryOperator.Div:
                    if (y == 0) throw Raise("ZeroDivisionError", "division by zero");
                    if (Math.Abs(x) < (1L << 53) && Math.Abs(y) < (1L << 53)) return NewFloat((double)x / y);
                    break;
                case BinaryOperator.BitAnd: return bools ? NewBool((x & y) != 0) : NewInt(x & y);
                case BinaryOperator.BitOr: return bools ? NewBool((x | y) != 0) : NewInt(x | y);
                case BinaryOperator.BitXor: return bools ? NewBool((x ^ y) != 0) : NewInt(x ^ y);
            }
        }
        BigInteger p = IntType.Value(Heap, a), q = IntType.Value(Heap, b);
        switch (op)
        {
            case BinaryOperator.Add: return NewInt(p + q);
            case BinaryOperator.Sub: return NewInt(p - q);
            case BinaryOperator.Mult: return NewInt(p * q);
            case BinaryOperator.FloorDiv:
                if (q.IsZero) throw Raise("ZeroDivisionError", "integer division or modulo by zero");
                return NewInt(FloorDiv(p, q));
            case BinaryOperator.Mod:
                if (q.IsZero) throw Raise("ZeroDivisionError", Profile.Messages.IntModuloByZero);
                return NewInt(p - FloorDiv(p, q) * q);
            case BinaryOperator.Div:
                if (q.IsZero) throw Raise("ZeroDivisionError", "division by zero");
                double quotient = TrueDivide(p, q);
                if (double.IsInfinity(quotient)) throw Raise("OverflowError", "integer division result too large for a float");
                return NewFloat(quotient);
            case BinaryOperator.Pow:
                if (q.Sign < 0)
                {
                    if (p.IsZero) throw Raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                    return FloatOp(BinaryOperator.Pow, (double)p, (double)q);
                }
                if (q > 100_000 && BigInteger.Abs(p) > 1) throw Raise("MemoryError", "");
                return NewInt(BigInteger.Pow(p, (int)q));
            case BinaryOperator.LShift:
                if (q.Sign < 0) throw Raise("ValueError", "negative shift count");
                if (q > 1_000_000 && !p.IsZero) throw Raise("OverflowError", "too many digits in integer");
                return NewInt(p << (int)q);
            case BinaryOperator.RShift:
                if (q.Sign < 0) throw Raise("ValueError", "negative shift count");
                return NewInt(q > int.MaxValue ? (p.Sign < 0 ? -1 : 0) : p >> (int)q);
            case BinaryOperator.BitAnd: return NewInt(p & q);
            case BinaryOperator.BitOr: return NewInt(p | q);
            case BinaryOperator.BitXor: return NewInt(p ^ q);
        }
        throw UnsupportedOperands(op, a, b);
    }

    /// <summary>
    /// The slow paths of long arithmetic (an operand of two or more digits), with the block sizes CPython
    /// requests before normalising (<see cref="IntAllocation"/>). 0 = not handled here.
    /// </summary>
    private int MultiDigitIntOp(BinaryOperator op, int a, int b, BigInteger p, BigInteger q)
    {
        switch (op)
        {
            case BinaryOperator.Add: return IntType.NewAllocated(Heap, p + q, IntAllocation.Add(p, q));
            case BinaryOperator.Sub: return IntType.NewAllocated(Heap, p - q, IntAllocation.Subtract(p, q));
            case BinaryOperator.Mult: return IntType.NewAllocated(Heap, p * q, IntAllocation.Multiply(p, q));
            case BinaryOperator.LShift:
                if (q.Sign < 0 || q > 1_000_000 || p.IsZero) return 0;
                return IntType.NewAllocated(Heap, p << (int)q, IntAllocation.LeftShift(p, (int)q));
            case BinaryOperator.RShift:
                if (q.Sign < 0 || q > int.MaxValue || p.Sign < 0) return 0;
                return IntType.NewAllocated(Heap, p >> (int)q, IntAllocation.RightShift(p, (long)q));
            case BinaryOperator.BitAnd:
            case BinaryOperator.BitOr:
            case BinaryOperator.BitXor:
            {
                if (p.Sign < 0 || q.Sign < 0) return 0;
                char c = op == BinaryOperator.BitAnd ? '&' : op == BinaryOperator.BitOr ? '|' : '^';
                BigInteger r = c == '&' ? p & q : c == '|' ? p | q : p ^ q;
                return IntType.NewAllocated(Heap, r, IntAllocation.Bitwise(c, p, q));
            }
            case BinaryOperator.FloorDiv:
            {
                if (q.IsZero) return 0;
                // l_divmod: the truncated quotient, then div - 1 when the remainder's sign differs from the divisor's.
                BigInteger trunc = BigInteger.DivRem(p, q, out BigInteger rem);
                if (rem.IsZero || (rem.Sign > 0) == (q.Sign > 0)) return IntType.NewAllocated(Heap, trunc, IntAllocation.Quotient(p, q));
                BigInteger floor = trunc - 1;
                return IntType.Digits(trunc) <= 1 ? NewInt(floor) : IntType.NewAllocated(Heap, floor, IntType.Digits(trunc) + 1);
            }
            case BinaryOperator.Mod:
            {
                if (q.IsZero) return 0;
                BigInteger rem = BigInteger.Remainder(p, q);
                bool adjust = !rem.IsZero && (rem.Sign > 0) != (q.Sign > 0);
                if (!adjust)
                {
                    // long_divrem: fewer digits than the divisor → the remainder is a itself; x_divrem's remainder
                    // (the divisor's size) is not replaced by a cached small int; divrem1's is PyLong_FromLong.
                    if (IntType.Digits(p) < IntType.Digits(q)) return NewRef(a);
                    if (IntType.Digits(q) > 1 && !Profile.RefCounts.DivisionRemainderUsesSmallInts)
                    {
                        return IntType.NewAllocatedUncached(Heap, rem, IntAllocation.Remainder(p, q));
                    }
                    return IntType.NewAllocated(Heap, rem, IntAllocation.Remainder(p, q));
                }
                // mod + w: the fast path when both have one digit, else long_add's rule.
                BigInteger m = rem + q;
                return IntType.Digits(rem) <= 1 && IntType.Digits(q) <= 1 ? NewInt(m) : IntType.NewAllocated(Heap, m, IntAllocation.Add(rem, q));
            }
            case BinaryOperator.Pow:
            {
                if (q.Sign < 0 || q < 2 || q > 100_000 || BigInteger.Abs(p) <= 1) return 0;
                BigInteger r = BigInteger.Pow(p, (int)q);
                int digits = IntAllocation.Power(p, (int)q);
                return digits < 0 ? NewInt(r) : IntType.NewAllocated(Heap, r, digits);
            }
        }
        return 0;
    }

    private static long FloorDiv(long x, long y)
    {
        long q = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
        return q;
    }

    private static long FloorMod(long x, long y)
    {
        long m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) m += y;
        return m;
    }

    private static BigInteger FloorDiv(BigInteger x, BigInteger y)
    {
        BigInteger q = BigInteger.DivRem(x, y, out BigInteger r);
        if (!r.IsZero && (r.Sign < 0) != (y.Sign < 0)) q -= 1;
        return q;
    }

    // long_true_divide: correctly rounded; scale so the quotient keeps 64+ significant bits.
    private static double TrueDivide(BigInteger p, BigInteger q)
    {
        bool negative = (p.Sign < 0) != (q.Sign < 0);
        p = BigInteger.Abs(p);
        q = BigInteger.Abs(q);
        long shift = (long)q.GetBitLength() - (long)p.GetBitLength() + 66;
        BigInteger n = shift > 0 ? p << (int)shift : p >> (int)-shift;
        BigInteger quotient = BigInteger.DivRem(n, q, out BigInteger rem);
        if (!rem.IsZero) quotient |= 1; // sticky bit for correct rounding
        double d = (double)quotient * Math.Pow(2, -shift);
        return negative ? -d : d;
    }

    private int FloatOp(BinaryOperator op, double x, double y)
    {
        switch (op)
        {
            case BinaryOperator.Add: return NewFloat(x + y);
            case BinaryOperator.Sub: return NewFloat(x - y);
            case BinaryOperator.Mult: return NewFloat(x * y);
            case BinaryOperator.Div:
                if (y == 0) throw Raise("ZeroDivisionError", "float division by zero");
                return NewFloat(x / y);
            case BinaryOperator.FloorDiv:
                if (y == 0) throw Raise("ZeroDivisionError", Profile.Messages.FloatFloorDivisionByZero);
                return NewFloat(FloatDivMod(x, y).Div);
            case BinaryOperator.Mod:
                if (y == 0) throw Raise("ZeroDivisionError", Profile.Messages.FloatModuloByZero);
                return NewFloat(FloatDivMod(x, y).Mod);
            case BinaryOperator.Pow:
                return NewFloat(FloatPow(x, y));
        }
        throw Raise("TypeError", $"unsupported operand type(s) for {op.Symbol()}: 'float' and 'float'");
    }

    /// <summary><c>float_divmod</c>'s exact rules (signs follow the divisor; -0.0 where CPython has it).</summary>
    internal static (double Div, double Mod) FloatDivMod(double vx, double wx)
    {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0)
        {
            if ((wx < 0) != (mod < 0))
            {
                mod += wx;
                div -= 1.0;
            }
        }
        else
        {
            mod = wx < 0 ? -0.0 : 0.0;
        }
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5) floordiv += 1.0;
        }
        else
        {
            floordiv = (vx / wx) < 0 ? -0.0 : 0.0;
        }
        return (floordiv, mod);
    }

    private double FloatPow(double x, double y)
    {
        if (x == 0 && y < 0) throw Raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        if (x < 0 && Math.Floor(y) != y && !double.IsInfinity(y)) throw Raise("ValueError", "math domain error");
        double r = Math.Pow(x, y);
        if (double.IsInfinity(r) && !double.IsInfinity(x) && !double.IsInfinity(y)) throw Raise("OverflowError", "(34, 'Numerical result out of range')");
        return r;
    }

    /// <summary>An index-like int argument as a BigInteger; TypeError with <paramref name="message"/> ({0} = type) otherwise.</summary>
    internal BigInteger IndexValue(int o, string message)
    {
        if (Kind(o) is TypeKind.Int or TypeKind.Bool) return IntType.Value(Heap, o);
        throw Raise("TypeError", string.Format(System.Globalization.CultureInfo.InvariantCulture, message, TypeName(o)));
    }

    // Sequence concatenation and repetition; 0 when the pair is not a sequence operation.
    private int SequenceOp(BinaryOperator op, int a, int b)
    {
        TypeKind ka = Kind(a), kb = Kind(b);
        if (op == BinaryOperator.Add)
        {
            switch (ka)
            {
                case TypeKind.Str:
                    if (kb != TypeKind.Str) throw Raise("TypeError", $"can only concatenate str (not \"{TypeName(b)}\") to str");
                    if (StrType.Length(Heap, a) == 0) return NewRef(b);
                    if (StrType.Length(Heap, b) == 0) return NewRef(a);
                    return NewStr(StrType.Value(Heap, a) + StrType.Value(Heap, b));
                case TypeKind.List:
                {
                    if (kb != TypeKind.List) throw Raise("TypeError", $"can only concatenate list (not \"{TypeName(b)}\") to list");
                    // list_concat: PyList_New(size) exactly.
                    var items = new List<int>(ListType.Items(Heap, a).ToArray());
                    items.AddRange(ListType.Items(Heap, b).ToArray());
                    return ListType.NewExact(Heap, items.ToArray());
                }
                case TypeKind.Tuple:
                {
                    if (kb != TypeKind.Tuple) throw Raise("TypeError", $"can only concatenate tuple (not \"{TypeName(b)}\") to tuple");
                    int[] x = TupleType.Items(Heap, a), y = TupleType.Items(Heap, b);
                    if (y.Length == 0) return NewRef(a);
                    if (x.Length == 0) return NewRef(b);
                    return NewTuple([.. x, .. y]);
                }
                case TypeKind.Bytes:
                    if (kb != TypeKind.Bytes) throw Raise("TypeError", $"can't concat {TypeName(b)} to bytes");
                    if (BytesType.Value(Heap, b).Length == 0) return NewRef(a);
                    return BytesType.New(Heap, [.. BytesType.Value(Heap, a), .. BytesType.Value(Heap, b)]);
            }
            return 0;
        }
        if (op == BinaryOperator.Mult)
        {
            if (ka is TypeKind.Int or TypeKind.Bool && kb is TypeKind.Str or TypeKind.List or TypeKind.Tuple or TypeKind.Bytes) return Repeat(b, a);
            if (ka is TypeKind.Str or TypeKind.List or TypeKind.Tuple or TypeKind.Bytes)
            {
                if (kb is TypeKind.Int or TypeKind.Bool) return Repeat(a, b);
                throw Raise("TypeError", $"can't multiply sequence by non-int of type '{TypeName(b)}'");
            }
            return 0;
        }
        if (op == BinaryOperator.Mod && ka == TypeKind.Str) return PercentFormat.Apply(this, a, b);
        if (ka is TypeKind.Set or TypeKind.FrozenSet && kb is TypeKind.Set or TypeKind.FrozenSet
            && op is BinaryOperator.BitOr or BinaryOperator.BitAnd or BinaryOperator.Sub or BinaryOperator.BitXor)
        {
            return SetMethods.Binary(this, op, a, b);
        }
        return 0;
    }

    private int Repeat(int seq, int count)
    {
        BigInteger nb = IntType.Value(Heap, count);
        long n = nb.Sign <= 0 ? 0 : nb > int.MaxValue ? int.MaxValue : (long)nb;
        switch (Kind(seq))
        {
            case TypeKind.Str:
            {
                string s = StrType.Value(Heap, seq);
                if (n == 1) return NewRef(seq);
                if (s.Length * n > 100_000_000) throw Raise("MemoryError", "");
                return NewStr(n == 0 ? "" : string.Concat(Enumerable.Repeat(s, (int)n)));
            }
            case TypeKind.Bytes:
            {
                byte[] s = BytesType.Value(Heap, seq);
                if (n == 1) return NewRef(seq);
                var r = new byte[s.Length * n];
                for (int i = 0; i < n; i++) s.CopyTo(r, i * s.Length);
                // bytes_repeat: a fresh object unless the size is unchanged (no b'' / one-byte singletons).
                return BytesType.NewFresh(Heap, r);
            }
            case TypeKind.List:
            {
                int[] items = ListType.Items(Heap, seq).ToArray();
                if (items.Length * n > 200_000_000) throw Raise("MemoryError", "");
                var all = new int[items.Length * n];
                for (int i = 0; i < n; i++) items.CopyTo(all, i * items.Length);
                return ListType.NewExact(Heap, all);
            }
            default:
            {
                int[] items = TupleType.Items(Heap, seq);
                if (n == 1) return NewRef(seq);
                var all = new int[items.Length * n];
                for (int i = 0; i < n; i++) items.CopyTo(all, i * items.Length);
                return NewTuple(all);
            }
        }
    }
}
