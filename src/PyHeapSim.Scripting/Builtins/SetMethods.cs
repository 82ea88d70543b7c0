using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Builtins;

/// <summary><c>set</c>/<c>frozenset</c> methods, operators and constructors (<c>Objects/setobject.c</c>).</summary>
internal static class SetMethods
{
    public static BuiltinFunction? Find(string name, bool frozen)
    {
        switch (name)
        {
            case "copy": return (i, a, k) => Copy(i, a[0], frozen: i.Kind(a[0]) == TypeKind.FrozenSet);
            case "union": return (i, a, k) => Binary(i, BinaryOperator.BitOr, a[0], a[1]);
            case "intersection": return (i, a, k) => Binary(i, BinaryOperator.BitAnd, a[0], a[1]);
            case "difference": return (i, a, k) => Binary(i, BinaryOperator.Sub, a[0], a[1]);
            case "issubset": return (i, a, k) => i.Compare(CompareOperator.LtE, a[0], a[1]);
            case "issuperset": return (i, a, k) => i.Compare(CompareOperator.GtE, a[0], a[1]);
        }
        if (frozen) return null;
        return name switch
        {
            "add" => (i, a, k) =>
            {
                BuiltinsModule.Arity(i, "add", a, 2, 2);
                i.CheckHashable(a[1]);
                SetType.Add(i.Heap, a[0], a[1]);
                return i.NewNone();
            },
            "discard" => (i, a, k) =>
            {
                BuiltinsModule.Arity(i, "discard", a, 2, 2);
                i.CheckHashable(a[1]);
                SetType.Discard(i.Heap, a[0], a[1]);
                return i.NewNone();
            },
            "remove" => (i, a, k) =>
            {
                BuiltinsModule.Arity(i, "remove", a, 2, 2);
                i.CheckHashable(a[1]);
                if (!SetType.Discard(i.Heap, a[0], a[1])) throw i.KeyError(a[1]);
                return i.NewNone();
            },
            "pop" => (i, a, k) =>
            {
                BuiltinsModule.Arity(i, "pop", a, 1, 1);
                int x = SetType.Pop(i.Heap, a[0]);
                if (x == 0) throw i.Raise("KeyError", "pop from an empty set");
                return x;
            },
            "clear" => (i, a, k) =>
            {
                SetType.Clear(i.Heap, a[0]);
                return i.NewNone();
            },
            "update" => (i, a, k) =>
            {
                for (int n = 1; n < a.Length; n++) UpdateFrom(i, a[0], a[n]);
                return i.NewNone();
            },
            _ => null,
        };
    }

    /// <summary><c>set_update_internal</c>: sets merge, dicts presize for their keys, other iterables add one by one.</summary>
    public static void UpdateFrom(Interpreter interp, int set, int source)
    {
        switch (interp.Kind(source))
        {
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                SetType.MergeSet(interp.Heap, set, source);
                return;
            case TypeKind.Dict:
                SetType.MergeKeys(interp.Heap, set, [.. DictType.Entries(interp.Heap, source).Select(e => e.Key)]);
                return;
        }
        List<int> items = interp.Collect(source);
        try
        {
            foreach (int x in items)
            {
                interp.CheckHashable(x);
                SetType.Add(interp.Heap, set, x);
            }
        }
        finally
        {
            interp.DecRefAll(items);
        }
    }

    /// <summary><c>set(x)</c> / <c>frozenset(x)</c> (an exact frozenset argument is returned as is).</summary>
    public static int Construct(Interpreter interp, int source, bool frozen)
    {
        if (frozen && source != 0 && interp.Kind(source) == TypeKind.FrozenSet) return interp.NewRef(source);
        int s = SetType.New(interp.Heap, frozen);
        if (source == 0) return s;
        try
        {
            UpdateFrom(interp, s, source);
        }
        catch
        {
            interp.DecRef(s);
            throw;
        }
        return s;
    }

    private static int Copy(Interpreter interp, int set, bool frozen)
    {
        if (frozen) return interp.NewRef(set);
        int s = SetType.New(interp.Heap, frozen: false);
        SetType.MergeSet(interp.Heap, s, set);
        return s;
    }

    /// <summary><c>a | b</c>, <c>a &amp; b</c>, <c>a - b</c>, <c>a ^ b</c>: a new set of a's kind.</summary>
    public static int Binary(Interpreter interp, BinaryOperator op, int a, int b)
    {
        bool frozen = interp.Kind(a) == TypeKind.FrozenSet;
        if (interp.Kind(b) is not (TypeKind.Set or TypeKind.FrozenSet))
        {
            int tmp = Construct(interp, b, frozen: false);
            try
            {
                return Binary(interp, op, a, tmp);
            }
            finally
            {
                interp.DecRef(tmp);
            }
        }
        int r = SetType.New(interp.Heap, frozen);
        switch (op)
        {
            case BinaryOperator.BitOr:
                SetType.MergeSet(interp.Heap, r, a);
                SetType.MergeSet(interp.Heap, r, b);
                break;
            case BinaryOperator.BitAnd:
                foreach (int k in SetType.Members(interp.Heap, a)) if (SetType.Contains(interp.Heap, b, k)) SetType.Add(interp.Heap, r, k);
                break;
            case BinaryOperator.Sub:
                foreach (int k in SetType.Members(interp.Heap, a)) if (!SetType.Contains(interp.Heap, b, k)) SetType.Add(interp.Heap, r, k);
                break;
            default:
                foreach (int k in SetType.Members(interp.Heap, a)) if (!SetType.Contains(interp.Heap, b, k)) SetType.Add(interp.Heap, r, k);
                foreach (int k in SetType.Members(interp.Heap, b)) if (!SetType.Contains(interp.Heap, a, k)) SetType.Add(interp.Heap, r, k);
                break;
        }
        return r;
    }

    /// <summary><c>s |= t</c> and friends on a set.</summary>
    public static void InPlace(Interpreter interp, BinaryOperator op, int a, int b)
    {
        switch (op)
        {
            case BinaryOperator.BitOr:
                SetType.MergeSet(interp.Heap, a, b);
                return;
            case BinaryOperator.Sub:
                foreach (int k in SetType.Members(interp.Heap, b)) SetType.Discard(interp.Heap, a, k);
                return;
            case BinaryOperator.BitAnd:
                foreach (int k in SetType.Members(interp.Heap, a)) if (!SetType.Contains(interp.Heap, b, k)) SetType.Discard(interp.Heap, a, k);
                return;
            default:
                foreach (int k in SetType.Members(interp.Heap, b))
                {
                    if (!SetType.Discard(interp.Heap, a, k)) SetType.Add(interp.Heap, a, k);
                }
                return;
        }
    }
}
