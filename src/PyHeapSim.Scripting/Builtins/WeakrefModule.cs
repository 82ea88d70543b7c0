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
    private sealed class Registry
    {
        public readonly Dictionary<int, Entry> Entries = [];
        public int NextIndex;

        /// <summary><c>finalize._registered_with_atexit</c>.</summary>
        public bool RegisteredWithAtexit;

        /// <summary><c>finalize._shutdown</c>: set when <c>_exitfunc</c> has run.</summary>
        public bool Shutdown;
    }

    private sealed record Entry(int WeakRef, int Func, int Args, int Kwargs, int Index)
    {
        /// <summary><c>_Info.atexit</c>: whether <c>_exitfunc</c> calls it (default true; settable).</summary>
        public bool AtExit { get; set; } = true;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Interpreter, Registry> Registries = new();

    private static Registry RegistryOf(Interpreter interp) => Registries.GetOrCreateValue(interp);

    public static void Register(Interpreter interp)
    {
        int m = interp.NewModule("weakref");
        interp.ModuleSet(m, "ref", interp.Heap.Types.WeakRef);
        interp.ModuleSet(m, "ReferenceType", interp.Heap.Types.WeakRef);
        interp.ModuleSet(m, "finalize", interp.Types.Finalize);
        interp.ModuleDef(m, "getweakrefcount", (i, a, k) =>
        {
            int o = BuiltinsModule.One(i, "getweakrefcount", a);
            return i.NewInt(i.Heap.WeakRefsOf(o, create: false)?.Count ?? 0);
        });
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
        int wr = WeakRefType.New(interp.Heap, obj, f);
        int fargs = interp.NewTuple(args[2..]);
        int fkw = 0;
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
        Registry reg = RegistryOf(interp);
        reg.Entries[f] = new Entry(wr, interp.NewRef(args[1]), fargs, fkw, reg.NextIndex++);
        if (!reg.RegisteredWithAtexit)
        {
            interp.ExitHooks.Add(() => RunAtExit(interp));
            reg.RegisteredWithAtexit = true;
        }
        interp.IncRef(f); // the registry's reference
        return f;
    }

    /// <summary>Calling a finalize object (directly, or as its weak reference's callback): runs once, and
    /// not at all once <c>_exitfunc</c> has run (<c>finalize.__call__</c>: <c>if info and not self._shutdown</c>).</summary>
    public static int CallFinalize(Interpreter interp, int f)
    {
        Registry reg = RegistryOf(interp);
        if (!reg.Entries.Remove(f, out Entry? e)) return interp.NewNone();
        try
        {
            if (reg.Shutdown) return interp.NewNone();
            ReadOnlySpan<int> fargs = TupleType.Items(interp.Heap, e.Args);
            KeywordArguments kw = KeywordArguments.None;
            if (e.Kwargs != 0)
            {
                var entries = DictType.Entries(interp.Heap, e.Kwargs);
                kw = new KeywordArguments([.. entries.Select(x => StrType.Value(interp.Heap, x.Key))], [.. entries.Select(x => x.Value)]);
            }
            return interp.Call(e.Func, fargs, kw);
        }
        finally
        {
            interp.XDecRef(e.Kwargs);
            interp.DecRef(e.Args);
            interp.DecRef(e.Func);
            interp.DecRef(e.WeakRef);
            interp.DecRef(f);
        }
    }

    /// <summary>
    /// <c>finalize._exitfunc</c>: the still-alive finalizers whose <c>atexit</c> is true, newest first
    /// (<c>_select_for_exit</c>, reselected when a callback creates a finalizer), with automatic collection
    /// off; then <c>finalize._shutdown</c> is set whatever happened.
    /// </summary>
    public static void RunAtExit(Interpreter interp)
    {
        Registry reg = RegistryOf(interp);
        bool enabled = interp.Heap.CollectorEnabled;
        interp.Heap.CollectorEnabled = false;
        try
        {
            while (reg.Entries.Any(x => x.Value.AtExit))
            {
                int f = reg.Entries.Where(x => x.Value.AtExit).MaxBy(x => x.Value.Index).Key;
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
        "detach" => (i, a, k) =>
        {
            Registry reg = RegistryOf(i);
            if (!reg.Entries.Remove(a[0], out Entry? e)) return i.NewNone();
            int target = WeakRefType.Referent(i.Heap, e.WeakRef);
            int result = target == 0 ? i.NewNone() : i.NewTupleStealing([i.NewRef(target), i.NewRef(e.Func), i.NewRef(e.Args), e.Kwargs == 0 ? i.NewDict() : i.NewRef(e.Kwargs)]);
            i.XDecRef(e.Kwargs);
            i.DecRef(e.Args);
            i.DecRef(e.Func);
            i.DecRef(e.WeakRef);
            i.DecRef(a[0]);
            return result;
        },
        _ => null,
    };

    public static int GetFinalizeAttribute(Interpreter interp, int f, string name)
    {
        Registry reg = RegistryOf(interp);
        return name switch
        {
            "alive" => interp.NewBool(reg.Entries.ContainsKey(f)),
            "atexit" => interp.NewBool(reg.Entries.TryGetValue(f, out Entry? e) && e.AtExit),
            _ => 0,
        };
    }

    /// <summary><c>f.atexit = value</c> (the property's setter: ignored once the finalizer is dead); false for other names.</summary>
    public static bool SetFinalizeAttribute(Interpreter interp, int f, string name, int value)
    {
        if (name != "atexit") return false;
        if (RegistryOf(interp).Entries.TryGetValue(f, out Entry? e)) e.AtExit = interp.IsTrue(value);
        return true;
    }
}
