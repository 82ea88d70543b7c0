using System.Globalization;
using System.Numerics;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>Calling a built-in type: <c>list(x)</c>, <c>dict(...)</c>, <c>int("5")</c>, <c>range(n)</c> … (each type's <c>tp_new</c>/<c>tp_init</c>).</summary>
internal static class TypeConstructors
{
    /// <summary>Registers the constructor of every built-in type in <see cref="Interpreter.Constructors"/>.</summary>
    public static void Register(Interpreter interp)
    {
        BuiltinTypes t = interp.Heap.Types;
        RuntimeTypes r = interp.Types;
        foreach (int type in new[] { t.List, t.Tuple, t.Dict, t.Set, t.FrozenSet, t.Str, t.Int, t.Float, t.Bool, t.Object, t.Type, t.Bytes,
            r.Range, r.Enumerate, r.Zip, r.Slice, r.Reversed, t.WeakRef, r.Finalize })
        {
            BuiltinFunction? f = Find(interp, type);
            if (f is not null) interp.Constructors[type] = f;
        }
    }

    /// <summary>The constructor of built-in type <paramref name="type"/>, or null (classes, exceptions: the evaluator's).</summary>
    public static BuiltinFunction? Find(Interpreter interp, int type)
    {
        BuiltinTypes t = interp.Heap.Types;
        RuntimeTypes r = interp.Types;
        if (type == t.List) return (i, a, k) => ListMethods.NewListFrom(i, OptionalOne(i, "list", a, k), preallocate: true);
        if (type == t.Tuple) return Tuple;
        if (type == t.Dict) return DictMethods.Construct;
        if (type == t.Set) return (i, a, k) => SetMethods.Construct(i, OptionalOne(i, "set", a, k), frozen: false);
        if (type == t.FrozenSet) return (i, a, k) => SetMethods.Construct(i, OptionalOne(i, "frozenset", a, k), frozen: true);
        if (type == t.Str) return Str;
        if (type == t.Int) return Int;
        if (type == t.Float) return Float;
        if (type == t.Bool) return (i, a, k) => a.Length == 0 ? i.NewBool(false) : i.NewBool(i.IsTrue(BuiltinsModule.One(i, "bool", a)));
        if (type == t.Object) return (i, a, k) =>
        {
            if (a.Length > 0) i.Raise("TypeError", "object() takes no arguments");
            return i.Heap.Allocate(t.Object, TypeKind.Object, i.Profile.Layout.ObjectHeaderSize, isGc: false);
        };
        if (type == t.Type) return (i, a, k) =>
        {
            if (a.Length != 1) i.Raise("TypeError", "type() takes 1 or 3 arguments");
            return i.NewRef(i.Heap.T.TypeOf(a[0]));
        };
        if (type == t.Bytes) return Bytes;
        if (type == r.Range) return Range;
        if (type == r.Enumerate) return (i, a, k) =>
        {
            BuiltinsModule.Arity(i, "enumerate", a, 1, 2);
            int start = a.Length > 1 ? a[1] : k.Get("start");
            return i.NewEnumerate(a[0], start == 0 ? 0 : BuiltinsModule.IntArg(i, start));
        };
        if (type == r.Zip) return (i, a, k) => i.NewZip(a);
        if (type == r.Slice) return (i, a, k) =>
        {
            BuiltinsModule.Arity(i, "slice", a, 1, 3);
            return a.Length == 1 ? i.NewSlice(0, a[0], 0) : i.NewSlice(a[0], a[1], a.Length > 2 ? a[2] : 0);
        };
        if (type == r.Reversed) return (i, a, k) => Reversed(i, BuiltinsModule.One(i, "reversed", a));
        if (type == t.WeakRef) return WeakrefModule.NewRef;
        if (type == r.Finalize) return WeakrefModule.NewFinalize;
        return null;
    }

    private static int OptionalOne(Interpreter interp, string name, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (kw.Count > 0) interp.Raise("TypeError", $"{name}() takes no keyword arguments");
        if (args.Length > 1) interp.Raise("TypeError", $"{name} expected at most 1 argument, got {args.Length}");
        return args.Length == 0 ? 0 : args[0];
    }

    private static int Tuple(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        int o = OptionalOne(interp, "tuple", args, kw);
        if (o == 0) return interp.NewTuple([]);
        // PySequence_Tuple: an exact tuple is returned as is; a list copies exactly.
        if (interp.Kind(o) == TypeKind.Tuple) return interp.NewRef(o);
        if (interp.Kind(o) == TypeKind.List) return interp.NewTuple(ListType.Items(interp.Heap, o).ToArray());
        List<int> items = interp.Collect(o);
        return interp.NewTupleStealing([.. items]);
    }

    private static int Str(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length == 0) return interp.NewStr("");
        int o = args[0];
        if (args.Length >= 2 && interp.Kind(o) == TypeKind.Bytes)
        {
            return interp.NewStr(System.Text.Encoding.UTF8.GetString(BytesType.Value(interp.Heap, o)));
        }
        BuiltinsModule.Arity(interp, "str", args, 1, 1);
        return interp.StrObject(o);
    }

    private static int Bytes(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length == 0) return BytesType.New(interp.Heap, []);
        int o = args[0];
        if (interp.Kind(o) == TypeKind.Str)
        {
            return BytesType.New(interp.Heap, System.Text.Encoding.UTF8.GetBytes(StrType.Value(interp.Heap, o)));
        }
        if (interp.Kind(o) is TypeKind.Int) return BytesType.New(interp.Heap, new byte[BuiltinsModule.IntArg(interp, o)]);
        if (interp.Kind(o) == TypeKind.Bytes) return interp.NewRef(o);
        List<int> items = interp.Collect(o);
        try
        {
            var b = new byte[items.Count];
            for (int i = 0; i < b.Length; i++)
            {
                long v = BuiltinsModule.IntArg(interp, items[i]);
                if (v is < 0 or > 255) interp.Raise("ValueError", "bytes must be in range(0, 256)");
                b[i] = (byte)v;
            }
            return BytesType.New(interp.Heap, b);
        }
        finally
        {
            interp.DecRefAll(items);
        }
    }

    private static int Int(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length == 0) return interp.NewInt(0);
        BuiltinsModule.Arity(interp, "int", args, 1, 2);
        int o = args[0];
        if (args.Length == 2)
        {
            string text = BuiltinsModule.StrArg(interp, o, "int");
            return interp.NewInt(ParseInt(interp, text, (int)BuiltinsModule.IntArg(interp, args[1])));
        }
        switch (interp.Kind(o))
        {
            case TypeKind.Int:
                return interp.NewRef(o);
            case TypeKind.Bool:
                return interp.NewInt(interp.Heap.T.Scalar(o));
            case TypeKind.Float:
            {
                double d = FloatType.Value(interp.Heap, o);
                if (double.IsNaN(d)) interp.Raise("ValueError", "cannot convert float NaN to integer");
                if (double.IsInfinity(d)) interp.Raise("OverflowError", "cannot convert float infinity to integer");
                return interp.NewInt(new BigInteger(Math.Truncate(d)));
            }
            case TypeKind.Str:
                return interp.NewInt(ParseInt(interp, StrType.Value(interp.Heap, o), 10));
        }
        throw interp.Raise("TypeError", $"int() argument must be a string, a bytes-like object or a real number, not '{interp.TypeName(o)}'");
    }

    private static BigInteger ParseInt(Interpreter interp, string text, int radix)
    {
        string s = text.Trim().Replace("_", "", StringComparison.Ordinal);
        bool negative = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (radix == 0 || radix == 16 || radix == 8 || radix == 2)
        {
            string lower = s.ToLowerInvariant();
            if (lower.StartsWith("0x", StringComparison.Ordinal) && radix is 0 or 16) { radix = 16; s = s[2..]; }
            else if (lower.StartsWith("0o", StringComparison.Ordinal) && radix is 0 or 8) { radix = 8; s = s[2..]; }
            else if (lower.StartsWith("0b", StringComparison.Ordinal) && radix is 0 or 2) { radix = 2; s = s[2..]; }
            else if (radix == 0) radix = 10;
        }
        BigInteger v = 0;
        bool ok = s.Length > 0 && !text.Contains("__", StringComparison.Ordinal);
        foreach (char c in s)
        {
            int d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (d >= radix)
            {
                ok = false;
                break;
            }
            v = v * radix + d;
        }
        if (!ok) interp.Raise("ValueError", $"invalid literal for int() with base {radix}: {PyFormat.StrRepr(text)}");
        return negative ? -v : v;
    }

    private static int Float(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length == 0) return interp.NewFloat(0.0);
        int o = BuiltinsModule.One(interp, "float", args);
        switch (interp.Kind(o))
        {
            case TypeKind.Float:
                return interp.NewRef(o);
            case TypeKind.Int:
            case TypeKind.Bool:
            {
                double d = (double)IntType.Value(interp.Heap, o);
                if (double.IsInfinity(d)) interp.Raise("OverflowError", "int too large to convert to float");
                return interp.NewFloat(d);
            }
            case TypeKind.Str:
            {
                string text = StrType.Value(interp.Heap, o);
                string s = text.Trim().Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
                double d;
                if (s is "inf" or "+inf" or "infinity" or "+infinity") d = double.PositiveInfinity;
                else if (s is "-inf" or "-infinity") d = double.NegativeInfinity;
                else if (s is "nan" or "+nan" or "-nan") d = double.NaN;
                else if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d) || s.Length == 0)
                {
                    throw interp.Raise("ValueError", $"could not convert string to float: {PyFormat.StrRepr(text)}");
                }
                return interp.NewFloat(d);
            }
        }
        throw interp.Raise("TypeError", $"float() argument must be a string or a real number, not '{interp.TypeName(o)}'");
    }

    private static int Range(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.NoKeywords(interp, "range", kw);
        if (args.Length is 0 or > 3)
        {
            interp.Raise("TypeError", args.Length == 0 ? "range expected at least 1 argument, got 0" : $"range expected at most 3 arguments, got {args.Length}");
        }
        foreach (int a in args)
        {
            if (interp.Kind(a) is not (TypeKind.Int or TypeKind.Bool)) interp.Raise("TypeError", $"'{interp.TypeName(a)}' object cannot be interpreted as an integer");
        }
        if (args.Length == 1)
        {
            // range_new: start = 0, stop = the argument itself (PyNumber_Index), step = 1, length computed.
            long stop = BuiltinsModule.IntArg(interp, args[0]);
            long length = Math.Max(stop, 0);
            return interp.NewRangeStealing(interp.NewInt(0), interp.NewRef(args[0]), interp.NewInt(1), interp.NewInt(length),
                new RangeInfo(0, stop, 1, length));
        }
        long s0 = BuiltinsModule.IntArg(interp, args[0]);
        long s1 = BuiltinsModule.IntArg(interp, args[1]);
        long st = args.Length > 2 ? BuiltinsModule.IntArg(interp, args[2]) : 1;
        if (st == 0) interp.Raise("ValueError", "range() arg 3 must not be zero");
        long len = 0;
        if (st > 0 && s0 < s1) len = (long)(((BigInteger)s1 - s0 - 1) / st + 1);
        else if (st < 0 && s0 > s1) len = (long)(((BigInteger)s0 - s1 - 1) / -st + 1);
        return interp.NewRangeStealing(interp.NewRef(args[0]), interp.NewRef(args[1]), args.Length > 2 ? interp.NewRef(args[2]) : interp.NewInt(1),
            interp.NewInt(len), new RangeInfo(s0, s1, st, len));
    }

    private static int Reversed(Interpreter interp, int seq)
    {
        TypeKind kind = interp.Kind(seq);
        if (kind == TypeKind.List || (kind == TypeKind.Generic && interp.Heap.T.TypeOf(seq) == interp.Types.Range))
        {
            // reversed_new_impl: _PyObject_LookupSpecial(seq, "__reversed__") binds the built-in method
            // (a GC object; 3.8 parks it on its free list afterwards), calls it and drops it.
            int method = interp.NewBuiltinFunction("__reversed__", static (i, _, _) => i.NewNone(), seq);
            try
            {
                return ReversedIterator(interp, seq);
            }
            finally
            {
                interp.DecRef(method);
            }
        }
        return ReversedIterator(interp, seq);
    }

    private static int ReversedIterator(Interpreter interp, int seq)
    {
        switch (interp.Kind(seq))
        {
            case TypeKind.List:
            {
                int it = GenericType.New(interp.Heap, interp.Types.ListReverseIterator, [seq], null);
                interp.Heap.T.SetScalar(it, ListType.Size(interp.Heap, seq) - 1);
                return it;
            }
            case TypeKind.Generic when interp.Heap.T.TypeOf(seq) == interp.Types.Range:
            {
                var r = (RangeInfo)GenericType.Data(interp.Heap, seq).Host!;
                return GenericType.New(interp.Heap, interp.Types.RangeIterator, [],
                    new RangeCursor { Next = r.Start + (r.Length - 1) * r.Step, Step = -r.Step, Remaining = r.Length });
            }
            case TypeKind.Tuple:
            case TypeKind.Str:
            {
                int it = GenericType.New(interp.Heap, interp.Types.Reversed, [seq], null);
                interp.Heap.T.SetScalar(it, interp.Length(seq) - 1);
                return it;
            }
        }
        throw interp.Raise("TypeError", $"'{interp.TypeName(seq)}' object is not reversible");
    }
}
