using System.Numerics;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Builtins;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// Rich comparison (<c>PyObject_RichCompare</c>), <c>PyObject_RichCompareBool</c> (identity implies
/// equality), membership (<c>PySequence_Contains</c>) and hashing with Python's TypeError.
/// </summary>
public sealed partial class Interpreter
{
    internal partial int Compare(CompareOperator op, int a, int b)
    {
        switch (op)
        {
            case CompareOperator.Is: return NewBool(a == b);
            case CompareOperator.IsNot: return NewBool(a != b);
            case CompareOperator.In: return NewBool(Contains(b, a));
            case CompareOperator.NotIn: return NewBool(!Contains(b, a));
            default: return RichCompare(a, b, op);
        }
    }

    /// <summary><c>PyObject_RichCompareBool</c>: identity shortcut for == and !=, then truth of the result.</summary>
    internal bool RichCompareBool(int a, int b, CompareOperator op)
    {
        if (a == b)
        {
            if (op == CompareOperator.Eq) return true;
            if (op == CompareOperator.NotEq) return false;
        }
        if (TryCompareBuiltin(a, b, op, out bool fast)) return fast;
        int r = RichCompare(a, b, op);
        try
        {
            return IsTrue(r);
        }
        finally
        {
            DecRef(r);
        }
    }

    /// <summary><c>PyObject_RichCompare</c>: a new reference (True/False, or what a user method returned).</summary>
    internal int RichCompare(int a, int b, CompareOperator op)
    {
        if (TryCompareBuiltin(a, b, op, out bool result)) return NewBool(result);
        bool aUser = Kind(a) == TypeKind.Instance, bUser = Kind(b) == TypeKind.Instance;
        if (aUser || bUser)
        {
            // Reflected first when b's type is a proper subclass of a's (do_richcompare).
            bool reflectedFirst = bUser && T.TypeOf(a) != T.TypeOf(b) && Exceptions.IsSubclass(this, T.TypeOf(b), T.TypeOf(a));
            if (reflectedFirst)
            {
                int r0 = TryUserCompare(b, a, Swapped(op));
                if (r0 != 0) return r0;
            }
            int r1 = aUser ? TryUserCompare(a, b, op) : 0;
            if (r1 != 0) return r1;
            if (!reflectedFirst && bUser)
            {
                int r2 = TryUserCompare(b, a, Swapped(op));
                if (r2 != 0) return r2;
            }
        }
        switch (op)
        {
            case CompareOperator.Eq: return NewBool(a == b);
            case CompareOperator.NotEq: return NewBool(a != b);
        }
        throw Raise("TypeError", $"'{op.Symbol()}' not supported between instances of '{TypeName(a)}' and '{TypeName(b)}'");
    }

    private static CompareOperator Swapped(CompareOperator op) => op switch
    {
        CompareOperator.Lt => CompareOperator.Gt,
        CompareOperator.LtE => CompareOperator.GtE,
        CompareOperator.Gt => CompareOperator.Lt,
        CompareOperator.GtE => CompareOperator.LtE,
        _ => op,
    };

    private static string DunderName(CompareOperator op) => op switch
    {
        CompareOperator.Eq => "__eq__",
        CompareOperator.NotEq => "__ne__",
        CompareOperator.Lt => "__lt__",
        CompareOperator.LtE => "__le__",
        CompareOperator.Gt => "__gt__",
        CompareOperator.GtE => "__ge__",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    // A user comparison method's result (new reference), or 0 for "not defined / NotImplemented".
    private int TryUserCompare(int self, int other, CompareOperator op)
    {
        if (Kind(self) != TypeKind.Instance) return 0;
        int method = LookupSpecial(self, DunderName(op));
        if (method == 0 && op == CompareOperator.NotEq)
        {
            // object.__ne__: the negation of __eq__ unless that is NotImplemented.
            int eq = TryUserCompare(self, other, CompareOperator.Eq);
            if (eq == 0) return 0;
            try
            {
                return NewBool(!IsTrue(eq));
            }
            finally
            {
                DecRef(eq);
            }
        }
        if (method == 0) return 0;
        int r;
        try
        {
            r = CallMethod(method, self, [other]);
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

    /// <summary>Comparison of built-in values without user code; false when the pair is not handled here.</summary>
    private bool TryCompareBuiltin(int a, int b, CompareOperator op, out bool result)
    {
        result = false;
        TypeKind ka = Kind(a), kb = Kind(b);
        if (ka == TypeKind.WeakRef && kb == TypeKind.WeakRef && op is CompareOperator.Eq or CompareOperator.NotEq)
        {
            // weakref_richcompare: two live references compare their referents, otherwise identity.
            int ra = Objects.Types.WeakRefType.Referent(Heap, a), rb = Objects.Types.WeakRefType.Referent(Heap, b);
            bool eq = ra != 0 && rb != 0 ? RichCompareBool(ra, rb, CompareOperator.Eq) : a == b;
            result = op == CompareOperator.Eq ? eq : !eq;
            return true;
        }
        bool numA = ka is TypeKind.Int or TypeKind.Bool or TypeKind.Float;
        bool numB = kb is TypeKind.Int or TypeKind.Bool or TypeKind.Float;
        if (numA && numB)
        {
            int? c = CompareNumbers(a, b);
            result = c is int ci ? Outcome(ci, op) : op == CompareOperator.NotEq;
            return true;
        }
        if (ka == TypeKind.Str && kb == TypeKind.Str)
        {
            result = Outcome(CompareCodePoints(StrType.Value(Heap, a), StrType.Value(Heap, b)), op);
            return true;
        }
        if (ka == TypeKind.Bytes && kb == TypeKind.Bytes)
        {
            result = Outcome(BytesType.Value(Heap, a).AsSpan().SequenceCompareTo(BytesType.Value(Heap, b)), op);
            return true;
        }
        if ((ka == TypeKind.List && kb == TypeKind.List) || (ka == TypeKind.Tuple && kb == TypeKind.Tuple))
        {
            int[] x = ka == TypeKind.List ? ListType.Items(Heap, a).ToArray() : TupleType.Items(Heap, a);
            int[] y = kb == TypeKind.List ? ListType.Items(Heap, b).ToArray() : TupleType.Items(Heap, b);
            result = CompareSequences(x, y, op);
            return true;
        }
        if (ka == TypeKind.Dict && kb == TypeKind.Dict && op is CompareOperator.Eq or CompareOperator.NotEq)
        {
            bool eq = DictsEqual(a, b);
            result = op == CompareOperator.Eq ? eq : !eq;
            return true;
        }
        if (ka is TypeKind.Set or TypeKind.FrozenSet && kb is TypeKind.Set or TypeKind.FrozenSet)
        {
            result = CompareSets(a, b, op);
            return true;
        }
        if (ka != TypeKind.Instance && kb != TypeKind.Instance && op is CompareOperator.Eq or CompareOperator.NotEq)
        {
            bool same = a == b || (ka == TypeKind.Generic && kb == TypeKind.Generic && RangesEqual(a, b));
            result = op == CompareOperator.Eq ? same : !same;
            return true;
        }
        return false;
    }

    private bool RangesEqual(int a, int b)
    {
        if (T.TypeOf(a) != Types.Range || T.TypeOf(b) != Types.Range) return false;
        var x = (RangeInfo)GenericType.Data(Heap, a).Host!;
        var y = (RangeInfo)GenericType.Data(Heap, b).Host!;
        if (x.Length != y.Length) return false;
        if (x.Length == 0) return true;
        if (x.Start != y.Start) return false;
        return x.Length == 1 || x.Step == y.Step;
    }

    private static bool Outcome(int c, CompareOperator op) => op switch
    {
        CompareOperator.Eq => c == 0,
        CompareOperator.NotEq => c != 0,
        CompareOperator.Lt => c < 0,
        CompareOperator.LtE => c <= 0,
        CompareOperator.Gt => c > 0,
        CompareOperator.GtE => c >= 0,
        _ => false,
    };

    /// <summary>Three-way numeric comparison; null when a NaN is involved (every ordering is false).</summary>
    private int? CompareNumbers(int a, int b)
    {
        bool fa = Kind(a) == TypeKind.Float, fb = Kind(b) == TypeKind.Float;
        if (!fa && !fb)
        {
            if (IntType.TryGetInt64(Heap, a, out long x) && IntType.TryGetInt64(Heap, b, out long y)) return x.CompareTo(y);
            return IntType.Value(Heap, a).CompareTo(IntType.Value(Heap, b));
        }
        if (fa && fb)
        {
            double x = FloatType.Value(Heap, a), y = FloatType.Value(Heap, b);
            if (double.IsNaN(x) || double.IsNaN(y)) return null;
            return x.CompareTo(y);
        }
        if (fa)
        {
            int? c = CompareIntFloat(IntType.Value(Heap, b), FloatType.Value(Heap, a));
            return c is int ci ? -ci : null;
        }
        return CompareIntFloat(IntType.Value(Heap, a), FloatType.Value(Heap, b));
    }

    // float_richcompare's exact int/float comparison.
    private static int? CompareIntFloat(BigInteger i, double f)
    {
        if (double.IsNaN(f)) return null;
        if (double.IsInfinity(f)) return f > 0 ? -1 : 1;
        double floor = Math.Floor(f);
        int c = i.CompareTo(new BigInteger(floor));
        if (c != 0) return c;
        return f > floor ? -1 : 0;
    }

    private static int CompareCodePoints(string x, string y)
    {
        int n = Math.Min(x.Length, y.Length);
        for (int i = 0; i < n; i++)
        {
            if (x[i] == y[i]) continue;
            bool sx = char.IsSurrogate(x[i]), sy = char.IsSurrogate(y[i]);
            if (sx == sy) return x[i].CompareTo(y[i]);
            return sx ? 1 : -1; // a surrogate pair encodes a code point above every BMP character
        }
        return x.Length.CompareTo(y.Length);
    }

    private bool CompareSequences(int[] x, int[] y, CompareOperator op)
    {
        if (op is CompareOperator.Eq or CompareOperator.NotEq && x.Length != y.Length) return op == CompareOperator.NotEq;
        int n = Math.Min(x.Length, y.Length);
        int i = 0;
        for (; i < n; i++)
        {
            if (!RichCompareBool(x[i], y[i], CompareOperator.Eq)) break;
        }
        if (i >= n) return Outcome(x.Length.CompareTo(y.Length), op);
        if (op == CompareOperator.Eq) return false;
        if (op == CompareOperator.NotEq) return true;
        return RichCompareBool(x[i], y[i], op);
    }

    private bool DictsEqual(int a, int b)
    {
        if (DictType.Count(Heap, a) != DictType.Count(Heap, b)) return false;
        foreach ((int k, int v) in DictType.Entries(Heap, a))
        {
            int w = DictType.GetItem(Heap, b, k);
            if (w == 0) return false;
            if (!RichCompareBool(v, w, CompareOperator.Eq)) return false;
        }
        return true;
    }

    private bool CompareSets(int a, int b, CompareOperator op)
    {
        int na = SetType.Count(Heap, a), nb = SetType.Count(Heap, b);
        bool SubsetOf(int x, int y)
        {
            foreach (int k in SetType.Members(Heap, x)) if (!SetType.Contains(Heap, y, k)) return false;
            return true;
        }
        return op switch
        {
            CompareOperator.Eq => na == nb && SubsetOf(a, b),
            CompareOperator.NotEq => !(na == nb && SubsetOf(a, b)),
            CompareOperator.LtE => na <= nb && SubsetOf(a, b),
            CompareOperator.Lt => na < nb && SubsetOf(a, b),
            CompareOperator.GtE => na >= nb && SubsetOf(b, a),
            CompareOperator.Gt => na > nb && SubsetOf(b, a),
            _ => false,
        };
    }

    /// <summary><c>item in container</c> (<c>PySequence_Contains</c>).</summary>
    internal bool Contains(int container, int item)
    {
        switch (Kind(container))
        {
            case TypeKind.List:
                foreach (int x in ListType.Items(Heap, container).ToArray()) if (RichCompareBool(x, item, CompareOperator.Eq)) return true;
                return false;
            case TypeKind.Tuple:
                foreach (int x in TupleType.Items(Heap, container)) if (RichCompareBool(x, item, CompareOperator.Eq)) return true;
                return false;
            case TypeKind.Dict:
                CheckHashable(item);
                return DictType.GetItem(Heap, container, item) != 0;
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                CheckHashable(item);
                return SetType.Contains(Heap, container, item);
            case TypeKind.Str:
                if (Kind(item) != TypeKind.Str) throw Raise("TypeError", $"'in <string>' requires string as left operand, not {TypeName(item)}");
                return StrType.Value(Heap, container).Contains(StrType.Value(Heap, item), StringComparison.Ordinal);
            case TypeKind.Bytes:
                if (Kind(item) is TypeKind.Int or TypeKind.Bool) return Array.IndexOf(BytesType.Value(Heap, container), (byte)IntType.Value(Heap, item)) >= 0;
                if (Kind(item) != TypeKind.Bytes) throw Raise("TypeError", $"a bytes-like object is required, not '{TypeName(item)}'");
                return BytesType.Value(Heap, container).AsSpan().IndexOf(BytesType.Value(Heap, item)) >= 0;
            case TypeKind.Instance:
            {
                int method = LookupSpecial(container, "__contains__");
                if (method == 0) break;
                int r;
                try
                {
                    r = CallMethod(method, container, [item]);
                }
                finally
                {
                    DecRef(method);
                }
                try
                {
                    return IsTrue(r);
                }
                finally
                {
                    DecRef(r);
                }
            }
            case TypeKind.Generic:
            {
                int type = T.TypeOf(container);
                GenericData data = GenericType.Data(Heap, container);
                if (type == Types.Range && Kind(item) is TypeKind.Int or TypeKind.Bool)
                {
                    var r = (RangeInfo)data.Host!;
                    BigInteger v = IntType.Value(Heap, item);
                    if (r.Length == 0) return false;
                    BigInteger last = r.Start + (r.Length - 1) * (BigInteger)r.Step;
                    BigInteger lo = r.Step > 0 ? r.Start : last, hi = r.Step > 0 ? last : r.Start;
                    return v >= lo && v <= hi && (v - r.Start) % r.Step == 0;
                }
                if (type == Types.DictKeys) return Contains(data.Refs[0], item);
                if (type == Types.DictItems)
                {
                    if (Kind(item) != TypeKind.Tuple || TupleType.Items(Heap, item).Length != 2) return false;
                    int[] kv = TupleType.Items(Heap, item);
                    CheckHashable(kv[0]);
                    int v = DictType.GetItem(Heap, data.Refs[0], kv[0]);
                    return v != 0 && RichCompareBool(v, kv[1], CompareOperator.Eq);
                }
                break;
            }
        }
        // PySequence_Contains falls back to iteration (_PySequence_IterSearch).
        int it;
        try
        {
            it = GetIter(container);
        }
        catch (PyException e) when (e.TypeName == "TypeError")
        {
            XDecRef(e.ExceptionObject);
            e.ExceptionObject = 0;
            throw Raise("TypeError", $"argument of type '{TypeName(container)}' is not iterable");
        }
        try
        {
            while (true)
            {
                int x = IterNext(it);
                if (x == 0) return false;
                bool eq;
                try
                {
                    eq = RichCompareBool(x, item, CompareOperator.Eq);
                }
                finally
                {
                    DecRef(x);
                }
                if (eq) return true;
            }
        }
        finally
        {
            DecRef(it);
        }
    }

    /// <summary>TypeError "unhashable type: 'list'" for lists, dicts, sets and tuples containing them; "weak object
    /// has gone away" for a dead, never hashed weak reference.</summary>
    internal void CheckHashable(int o)
    {
        switch (Kind(o))
        {
            case TypeKind.List:
            case TypeKind.Dict:
            case TypeKind.Set:
                throw Raise("TypeError", $"unhashable type: '{TypeName(o)}'");
            case TypeKind.Tuple:
                foreach (int x in TupleType.Items(Heap, o)) CheckHashable(x);
                break;
            case TypeKind.WeakRef:
            {
                // weakrefobject.c weakref_hash: a reference whose referent died before it was ever hashed.
                PyHeapSim.Objects.Stores.WeakRefData w = WeakRefType.Data(Heap, o);
                if (w.Hash == -1 && w.Referent == 0) throw Raise("TypeError", "weak object has gone away");
                break;
            }
            case TypeKind.Generic:
                if (GenericType.Data(Heap, o).Host is NdArrayInfo) throw Raise("TypeError", $"unhashable type: '{ShortTypeName(T.TypeInfoOf(o))}'");
                break;
        }
    }

    /// <summary><c>hash(o)</c>.</summary>
    internal long Hash(int o)
    {
        CheckHashable(o);
        return ObjectModel.Hash(Heap, o);
    }
}
