using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>
/// The <c>weakref</c> module: <c>ref</c> (the heap's weak references) and <c>finalize</c>. A finalize
/// object is the callback of a weak reference to its referent; its registry entry (<c>finalize._registry</c>)
/// holds the finalizer, the weak reference, the function and its arguments until it runs. At exit
/// <c>finalize._exitfunc</c> (an <c>atexit</c> handler registered by the first finalizer) calls the pending
/// ones whose <c>atexit</c> is true, newest first, then sets <c>finalize._shutdown</c>: a finalizer whose
/// referent dies later, during module teardown, is dropped without calling its function.
/// </summary>
internal static class WeakrefModule
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Interpreter, FinalizeRegistry> Registries = new();

    private static FinalizeRegistry RegistryOf(Interpreter interp) =>
        Registries.TryGetValue(interp, out FinalizeRegistry? r) ? r : throw new InvalidOperationException("weakref module not registered");

    public static void Register(Interpreter interp)
    {
        // Lib/weakref.py: its namespace is a cycle through its functions' __globals__, so the module dies in
        // the shutdown collection, not when sys.modules lets it go.
        int m = interp.NewModule("weakref", fromSource: true);
        interp.ModuleSet(m, "ref", interp.Heap.Types.WeakRef);
        interp.ModuleSet(m, "ReferenceType", interp.Heap.Types.WeakRef);
        interp.ModuleSet(m, "finalize", interp.Types.Finalize);
        interp.ModuleDef(m, "getweakrefcount", (i, a, k) =>
        {
            int o = BuiltinsModule.One(i, "getweakrefcount", a);
            return i.NewInt(i.Heap.WeakRefsOf(o, create: false)?.Count ?? 0);
        });
        // finalize._registry = {}: held by the module object next to its namespace.
        int registry = interp.NewDict();
        PyHeapSim.Objects.Stores.GenericData data = GenericType.Data(interp.Heap, m);
        data.Refs = [data.Refs[0], registry];
        Registries.AddOrUpdate(interp, new FinalizeRegistry(interp.Heap, registry));
    }

    /// <summary><c>weakref.ref(obj[, callback])</c>.</summary>
    public static int NewRef(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "__new__", args, 1, 2);
        int o = args[0];
        int cb = args.Length > 1 && args[1] != interp.None ? args[1] : 0;
        if (!WeakRefType.Supports(interp.Heap, o)) interp.Raise("TypeError", $"cannot create weak reference to '{interp.TypeName(o)}' object");
        return WeakRefType.New(interp.Heap, o, cb);
    }

    /// <summary><c>weakref.finalize(obj, func, *args, **kwargs)</c>.</summary>
    public static int NewFinalize(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length < 2) interp.Raise("TypeError", $"finalize.__init__() missing {2 - args.Length} required positional argument");
        int obj = args[0];
        if (!WeakRefType.Supports(interp.Heap, obj)) interp.Raise("TypeError", $"cannot create weak reference to '{interp.TypeName(obj)}' object");
        int f = GenericType.New(interp.Heap, interp.Types.Finalize, [], null);
        // Calling the object (directly or as the weak reference's callback) runs CallFinalize.
        GenericType.Data(interp.Heap, f).Host = new NativeFunction("finalize", (i, a, k) => CallFinalize(i, f));
        FinalizeRegistry reg = RegistryOf(interp);
        if (!reg.RegisteredWithAtexit)
        {
            interp.ExitHooks.Add(() => RunAtExit(interp));
            reg.RegisteredWithAtexit = true;
        }
        int wr = WeakRefType.New(interp.Heap, obj, f);
        int fargs = interp.NewTuple(args[2..]);
        int fkw;
        if (kw.Count > 0)
        {
            fkw = interp.NewDict();
            for (int i = 0; i < kw.Count; i++)
            {
                int key = interp.Intern(kw.Name(i));
                DictType.SetItem(interp.Heap, fkw, key, kw.Value(i));
                interp.DecRef(key);
            }
        }
        else
        {
            fkw = interp.NewNone();
        }
        reg.Add(f, interp.NewTupleStealing([wr, interp.NewRef(args[1]), fargs, fkw]));
        return f;
    }

    /// <summary>Calling a finalize object (directly, or as its weak reference's callback): runs once, and
    /// not at all once <c>_exitfunc</c> has run (<c>finalize.__call__</c>: <c>if info and not self._shutdown</c>).</summary>
    public static int CallFinalize(Interpreter interp, int f)
    {
        FinalizeRegistry reg = RegistryOf(interp);
        int info = reg.Pop(f);
        if (info == 0) return interp.NewNone();
        try
        {
            if (reg.Shutdown) return interp.NewNone();
            int[] items = TupleType.Items(interp.Heap, info).ToArray();
            ReadOnlySpan<int> fargs = TupleType.Items(interp.Heap, items[2]);
            KeywordArguments kw = KeywordArguments.None;
            if (items[3] != interp.None)
            {
                var entries = DictType.Entries(interp.Heap, items[3]);
                kw = new KeywordArguments([.. entries.Select(x => StrType.Value(interp.Heap, x.Key))], [.. entries.Select(x => x.Value)]);
            }
            return interp.Call(items[1], fargs, kw);
        }
        finally
        {
            interp.DecRef(info);
        }
    }

    /// <summary>
    /// <c>finalize._exitfunc</c>: the still-alive finalizers whose <c>atexit</c> is true, newest first
    /// (<c>_select_for_exit</c>, reselected when a callback creates a finalizer), with automatic collection
    /// off; then <c>finalize._shutdown</c> is set whatever happened.
    /// </summary>
    public static void RunAtExit(Interpreter interp)
    {
        FinalizeRegistry reg = RegistryOf(interp);
        bool enabled = interp.Heap.CollectorEnabled;
        interp.Heap.CollectorEnabled = false;
        try
        {
            for (int f = reg.NewestForExit(); f != 0; f = reg.NewestForExit())
            {
                try
                {
                    interp.DecRef(CallFinalize(interp, f));
                }
                catch (PyException ex)
                {
                    interp.WriteUnraisable(ex, "Exception ignored in: " + interp.Repr(f));
                }
            }
        }
        finally
        {
            reg.Shutdown = true;
            interp.Heap.CollectorEnabled = enabled;
        }
    }

    public static BuiltinFunction? FindFinalizeMethod(string name) => name switch
    {
        "detach" => (i, a, k) => PeekOrDetach(i, a[0], detach: true),
        "peek" => (i, a, k) => PeekOrDetach(i, a[0], detach: false),
        _ => null,
    };

    /// <summary>
    /// <c>finalize.peek()</c> and <c>finalize.detach()</c> (Lib/weakref.py): <c>info = self._registry.get(self)</c>,
    /// <c>obj = info and info.weakref()</c>; while the referent is alive, <c>(obj, func, args, kwargs or {})</c>
    /// (a fresh dict when there were no keyword arguments), after <c>detach</c> has popped the entry; else None.
    /// </summary>
    private static int PeekOrDetach(Interpreter interp, int f, bool detach)
    {
        FinalizeRegistry reg = RegistryOf(interp);
        int info = reg.Get(f);
        if (info == 0) return interp.NewNone();
        int[] items = TupleType.Items(interp.Heap, info).ToArray();
        int target = WeakRefType.Referent(interp.Heap, items[0]);
        if (target == 0) return interp.NewNone();
        int obj = interp.NewRef(target);
        int popped = 0;
        if (detach)
        {
            // The popped _Info keeps func/args/kwargs alive until the result tuple holds them.
            popped = reg.Pop(f);
        }
        try
        {
            return interp.NewTupleStealing([obj, interp.NewRef(items[1]), interp.NewRef(items[2]), items[3] == interp.None ? interp.NewDict() : interp.NewRef(items[3])]);
        }
        finally
        {
            if (popped != 0) interp.DecRef(popped);
        }
    }

    public static int GetFinalizeAttribute(Interpreter interp, int f, string name)
    {
        FinalizeRegistry reg = RegistryOf(interp);
        return name switch
        {
            "alive" => interp.NewBool(reg.Contains(f)),
            "atexit" => interp.NewBool(reg.AtExit(f)),
            _ => 0,
        };
    }

    /// <summary><c>f.atexit = value</c> (the property's setter: ignored once the finalizer is dead); false for other names.</summary>
    public static bool SetFinalizeAttribute(Interpreter interp, int f, string name, int value)
    {
        if (name != "atexit") return false;
        RegistryOf(interp).SetAtExit(f, interp.IsTrue(value));
        return true;
    }
}
