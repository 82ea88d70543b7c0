using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary><c>dict</c> methods and constructor (<c>Objects/dictobject.c</c>); <c>args[0]</c> is the dict.</summary>
internal static class DictMethods
{
    public static BuiltinFunction? Find(string name) => name switch
    {
        "get" => Get,
        "pop" => Pop,
        "keys" => (i, a, k) => View(i, a, i.Types.DictKeys),
        "values" => (i, a, k) => View(i, a, i.Types.DictValues),
        "items" => (i, a, k) => View(i, a, i.Types.DictItems),
        "update" => Update,
        "setdefault" => SetDefault,
        "clear" => (i, a, k) =>
        {
            BuiltinsModule.Arity(i, "clear", a, 1, 1);
            DictType.Clear(i.Heap, a[0]);
            return i.NewNone();
        },
        "copy" => (i, a, k) =>
        {
            BuiltinsModule.Arity(i, "copy", a, 1, 1);
            return DictType.Copy(i.Heap, a[0]);
        },
        "fromkeys" => FromKeys,
        _ => null,
    };

    private static int View(Interpreter interp, ReadOnlySpan<int> args, int type)
    {
        BuiltinsModule.Arity(interp, "view", args, 1, 1);
        return GenericType.New(interp.Heap, type, [args[0]], null);
    }

    private static int Get(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length is < 2 or > 3) interp.Raise("TypeError", $"get expected at most 2 arguments, got {args.Length - 1}");
        interp.CheckHashable(args[1]);
        int v = DictType.GetItem(interp.Heap, args[0], args[1]);
        if (v != 0) return interp.NewRef(v);
        return args.Length > 2 ? interp.NewRef(args[2]) : interp.NewNone();
    }

    private static int Pop(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length is < 2 or > 3) interp.Raise("TypeError", $"pop expected at most 2 arguments, got {args.Length - 1}");
        interp.CheckHashable(args[1]);
        int value = DictType.PopItem(interp.Heap, args[0], args[1], out int storedKey);
        if (value == 0)
        {
            if (args.Length > 2) return interp.NewRef(args[2]);
            throw interp.KeyError(args[1]);
        }
        interp.DecRef(storedKey);
        return value;
    }

    private static int SetDefault(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length is < 2 or > 3) interp.Raise("TypeError", $"setdefault expected at most 2 arguments, got {args.Length - 1}");
        interp.CheckHashable(args[1]);
        int v = DictType.GetItem(interp.Heap, args[0], args[1]);
        if (v != 0) return interp.NewRef(v);
        int dflt = args.Length > 2 ? args[2] : interp.None;
        DictType.SetItem(interp.Heap, args[0], args[1], dflt);
        return interp.NewRef(dflt);
    }

    private static int Update(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "update", args, 1, 2);
        UpdateFrom(interp, args[0], args.Length > 1 ? args[1] : 0, kw);
        return interp.NewNone();
    }

    /// <summary><c>dict_update_common</c>: a dict merges (<c>dict_merge</c>), other iterables are (key, value) pairs; then keywords.</summary>
    public static void UpdateFrom(Interpreter interp, int dict, int source, KeywordArguments kw)
    {
        if (source != 0)
        {
            if (interp.Kind(source) == TypeKind.Dict)
            {
                DictType.Merge(interp.Heap, dict, source);
            }
            else
            {
                List<int> pairs = interp.Collect(source);
                try
                {
                    for (int n = 0; n < pairs.Count; n++)
                    {
                        int p = pairs[n];
                        List<int> kv = interp.Collect(p);
                        try
                        {
                            if (kv.Count != 2)
                            {
                                interp.Raise("ValueError", $"dictionary update sequence element #{n} has length {kv.Count}; 2 is required");
                            }
                            interp.CheckHashable(kv[0]);
                            DictType.SetItem(interp.Heap, dict, kv[0], kv[1]);
                        }
                        finally
                        {
                            interp.DecRefAll(kv);
                        }
                    }
                }
                finally
                {
                    interp.DecRefAll(pairs);
                }
            }
        }
        for (int i = 0; i < kw.Count; i++)
        {
            int key = interp.Intern(kw.Name(i));
            DictType.SetItem(interp.Heap, dict, key, kw.Value(i));
            interp.DecRef(key);
        }
    }

    /// <summary><c>dict(...)</c>: <c>dict_new</c> (3.8–3.9 allocate a table at once), then <c>dict_init</c>.</summary>
    public static int Construct(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length > 1) interp.Raise("TypeError", $"dict expected at most 1 argument, got {args.Length}");
        int d = DictType.NewFromConstructor(interp.Heap);
        try
        {
            UpdateFrom(interp, d, args.Length > 0 ? args[0] : 0, kw);
        }
        catch
        {
            interp.DecRef(d);
            throw;
        }
        return d;
    }

    private static int FromKeys(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        // dict.fromkeys(iterable[, value]) called on the class or an instance: args[0] is that receiver.
        BuiltinsModule.Arity(interp, "fromkeys", args, 2, 3);
        int source = args[1];
        int value = args.Length > 2 ? args[2] : interp.None;
        TypeKind k = interp.Kind(source);
        if (k is TypeKind.Set or TypeKind.FrozenSet or TypeKind.Dict) return DictType.FromKeysOfDictOrSet(interp.Heap, source, value);
        List<int> keys = interp.Collect(source);
        try
        {
            foreach (int key in keys) interp.CheckHashable(key);
            return DictType.FromKeys(interp.Heap, keys.ToArray(), value);
        }
        finally
        {
            interp.DecRefAll(keys);
        }
    }
}
