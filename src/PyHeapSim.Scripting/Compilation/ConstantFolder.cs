using System.Numerics;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Compilation;

/// <summary>
/// The AST optimizer's constant folding (<c>Python/ast_opt.c</c>): literals, unary and binary operators on
/// constants within CPython's size limits (128-bit ints for <c>*</c>, <c>**</c>, <c>&lt;&lt;</c>; 4096 items for
/// sequence repetition), and tuples of constants.
/// </summary>
internal static class ConstantFolder
{
    private const int MaxIntBits = 128;   // MAX_INT_SIZE
    private const int MaxCollectionSize = 256; // MAX_COLLECTION_SIZE
    private const int MaxStrSize = 4096;  // MAX_STR_SIZE

    public static ConstantValue? Fold(Expression e)
    {
        switch (e)
        {
            case IntConstant i: return new ConstantValue.Int(i.Value);
            case FloatConstant f: return new ConstantValue.Float(f.Value);
            case StrConstant s: return new ConstantValue.Str(s.Value);
            case BytesConstant b: return new ConstantValue.Bytes([.. b.Value]);
            case BoolConstant b: return new ConstantValue.Bool(b.Value);
            case NoneConstant: return new ConstantValue.NoneValue();
            case EllipsisConstant: return new ConstantValue.EllipsisValue();
            case TupleExpression t when t.Context == ExpressionContext.Load:
            {
                var items = new ConstantValue[t.Elements.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    ConstantValue? v = Fold(t.Elements[i]);
                    if (v is null) return null;
                    items[i] = v;
                }
                return new ConstantValue.Tuple(items);
            }
            case UnaryExpression u:
            {
                ConstantValue? v = Fold(u.Operand);
                return v is null ? null : Unary(u.Operator, v);
            }
            case BinaryExpression b:
            {
                ConstantValue? l = Fold(b.Left);
                if (l is null) return null;
                ConstantValue? r = Fold(b.Right);
                return r is null ? null : Binary(b.Operator, l, r);
            }
            default:
                return null;
        }
    }

    private static ConstantValue? Unary(UnaryOperator op, ConstantValue v) => (op, v) switch
    {
        (UnaryOperator.USub, ConstantValue.Int i) => new ConstantValue.Int(-i.Value),
        (UnaryOperator.USub, ConstantValue.Float f) => new ConstantValue.Float(-f.Value),
        (UnaryOperator.UAdd, ConstantValue.Int i) => i,
        (UnaryOperator.UAdd, ConstantValue.Float f) => f,
        (UnaryOperator.Invert, ConstantValue.Int i) => new ConstantValue.Int(-i.Value - 1),
        _ => null,
    };

    private static long Bits(BigInteger v) => v.IsZero ? 0 : BigInteger.Abs(v).GetBitLength();

    private static ConstantValue? Binary(BinaryOperator op, ConstantValue l, ConstantValue r)
    {
        if (l is ConstantValue.Int a && r is ConstantValue.Int b)
        {
            BigInteger x = a.Value, y = b.Value;
            switch (op)
            {
                case BinaryOperator.Add: return new ConstantValue.Int(x + y);
                case BinaryOperator.Sub: return new ConstantValue.Int(x - y);
                case BinaryOperator.Mult:
                    if (!x.IsZero && !y.IsZero && Bits(x) + Bits(y) > MaxIntBits) return null;
                    return new ConstantValue.Int(x * y);
                case BinaryOperator.FloorDiv:
                    if (y.IsZero) return null;
                    return new ConstantValue.Int(FloorDiv(x, y));
                case BinaryOperator.Mod:
                    if (y.IsZero) return null;
                    return new ConstantValue.Int(x - FloorDiv(x, y) * y);
                case BinaryOperator.Div:
                    if (y.IsZero) return null;
                    return new ConstantValue.Float((double)x / (double)y);
                case BinaryOperator.Pow:
                    if (y.Sign < 0) return x.IsZero ? null : new ConstantValue.Float(Math.Pow((double)x, (double)y));
                    if (!x.IsZero && y > 0 && Bits(x) * (long)y > MaxIntBits) return null;
                    return new ConstantValue.Int(BigInteger.Pow(x, (int)y));
                case BinaryOperator.LShift:
                    if (y.Sign < 0 || (!x.IsZero && Bits(x) + (long)y > MaxIntBits)) return null;
                    return new ConstantValue.Int(x << (int)y);
                case BinaryOperator.RShift:
                    if (y.Sign < 0) return null;
                    return new ConstantValue.Int(x >> (int)BigInteger.Min(y, 100000));
                case BinaryOperator.BitAnd: return new ConstantValue.Int(x & y);
                case BinaryOperator.BitOr: return new ConstantValue.Int(x | y);
                case BinaryOperator.BitXor: return new ConstantValue.Int(x ^ y);
                default: return null;
            }
        }
        if (l is ConstantValue.Float or ConstantValue.Int && r is ConstantValue.Float or ConstantValue.Int)
        {
            double x = ToDouble(l), y = ToDouble(r);
            switch (op)
            {
                case BinaryOperator.Add: return new ConstantValue.Float(x + y);
                case BinaryOperator.Sub: return new ConstantValue.Float(x - y);
                case BinaryOperator.Mult: return new ConstantValue.Float(x * y);
                case BinaryOperator.Div: return y == 0 ? null : new ConstantValue.Float(x / y);
                default: return null;
            }
        }
        if (l is ConstantValue.Str s1 && r is ConstantValue.Str s2 && op == BinaryOperator.Add)
        {
            return new ConstantValue.Str(s1.Value + s2.Value);
        }
        if (l is ConstantValue.Bytes b1 && r is ConstantValue.Bytes b2 && op == BinaryOperator.Add)
        {
            return new ConstantValue.Bytes([.. b1.Value, .. b2.Value]);
        }
        // safe_multiply takes the sequence on either side of the int.
        if (op == BinaryOperator.Mult && l is ConstantValue.Int && r is ConstantValue.Str or ConstantValue.Bytes or ConstantValue.Tuple)
        {
            (l, r) = (r, l);
        }
        if (l is ConstantValue.Bytes by && r is ConstantValue.Int bn && op == BinaryOperator.Mult)
        {
            // safe_multiply: bytes are repeated like str, up to MAX_STR_SIZE bytes. An empty result is a new
            // empty bytes object (bytes_repeat skips the empty singleton): left to run time here.
            if (bn.Value.Sign <= 0 || by.Value.Length == 0) return null;
            if (by.Value.Length * (long)bn.Value > MaxStrSize) return null;
            var bytes = new List<byte>();
            for (int i = 0; i < (int)bn.Value; i++) bytes.AddRange(by.Value);
            return new ConstantValue.Bytes([.. bytes]);
        }
        if (l is ConstantValue.Str s && r is ConstantValue.Int n && op == BinaryOperator.Mult)
        {
            if (n.Value.Sign < 0) return new ConstantValue.Str("");
            if (s.Value.Length * (long)n.Value > MaxStrSize) return null;
            return new ConstantValue.Str(string.Concat(Enumerable.Repeat(s.Value, (int)n.Value)));
        }
        if (l is ConstantValue.Tuple t && r is ConstantValue.Int k && op == BinaryOperator.Mult)
        {
            if (k.Value.Sign < 0) return new ConstantValue.Tuple([]);
            if (t.Items.Length * (long)k.Value > MaxCollectionSize) return null;
            var items = new List<ConstantValue>();
            for (int i = 0; i < (int)k.Value; i++) items.AddRange(t.Items);
            return new ConstantValue.Tuple([.. items]);
        }
        if (l is ConstantValue.Tuple t1 && r is ConstantValue.Tuple t2 && op == BinaryOperator.Add)
        {
            return new ConstantValue.Tuple([.. t1.Items, .. t2.Items]);
        }
        return null;
    }

    private static double ToDouble(ConstantValue v) => v is ConstantValue.Int i ? (double)i.Value : ((ConstantValue.Float)v).Value;

    private static BigInteger FloorDiv(BigInteger x, BigInteger y)
    {
        BigInteger q = BigInteger.DivRem(x, y, out BigInteger rem);
        if (!rem.IsZero && (rem.Sign < 0) != (y.Sign < 0)) q -= 1;
        return q;
    }
}
