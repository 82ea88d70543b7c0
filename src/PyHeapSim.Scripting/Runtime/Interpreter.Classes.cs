using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>Classes, raising, imports and closures.</summary>
public sealed partial class Interpreter
{
    /// <summary>The exception an enclosing <c>except</c> block is handling (for a bare <c>raise</c>).</summary>
    internal PyException? HandlingException { get; set; }

    /// <summary>
    /// <c>type_new</c>: a class named <paramref name="name"/> over the namespace dict <paramref name="ns"/>
    /// (taken over). <c>__slots__</c> in the namespace fixes the instance layout; <c>__del__</c> gives instances a finalizer.
    /// </summary>
    internal int CreateClass(string name, int baseType, int ns)
    {
        IReadOnlyList<string>? slots = null;
        int slotsValue = DictType.GetItem(Heap, ns, InternedName("__slots__"));
        if (slotsValue != 0)
        {
            var list = new List<string>();
            switch (Kind(slotsValue))
            {
                case TypeKind.Str:
                    list.Add(StrType.Value(Heap, slotsValue));
                    break;
                case TypeKind.Tuple:
                case TypeKind.List:
                {
                    ReadOnlySpan<int> items = Kind(slotsValue) == TypeKind.Tuple ? TupleType.Items(Heap, slotsValue) : ListType.Items(Heap, slotsValue);
                    foreach (int s in items)
                    {
                        if (Kind(s) != TypeKind.Str) throw Raise("TypeError", $"__slots__ items must be strings, not '{TypeName(s)}'");
                        list.Add(StrType.Value(Heap, s));
                    }
                    break;
                }
                default:
                    throw Raise("TypeError", "pyheapsim: __slots__ must be a string, tuple or list");
            }
            slots = list;
        }
        // __build_class__ calls type(name, bases, ns); type_call packs the three into a tuple.
        int basesArg = baseType == 0 ? NewRef(Heap.EmptyTupleObj) : NewTuple([baseType]);
        int margs = NewTuple([InternedName(name), basesArg, ns]);
        DecRef(basesArg);
        // type_new: the class's own slot names go into a new list (PyList_New), sorted, then a tuple kept as
        // ht_slots; the list is released (onto the list free list).
        var ownSlots = slots?.Where(n => n is not ("__dict__" or "__weakref__")).Order(StringComparer.Ordinal).ToArray() ?? [];
        int htSlots = 0;
        if (slots is not null)
        {
            int newslots = ListType.NewPreallocated(Heap, ownSlots.Length);
            foreach (string n in ownSlots) ListType.StorePreallocated(Heap, newslots, InternedName(n));
            htSlots = NewTuple(ListType.Items(Heap, newslots));
            DecRef(newslots);
        }
        // type_new: tp_dict is a copy of the namespace (the namespace itself is released by the caller).
        int dict = DictType.Copy(Heap, ns);
        int cls;
        try
        {
            cls = ClassType.New(Heap, name, baseType, slots, dict);
        }
        catch (PyTypeException e)
        {
            DecRef(dict);
            DecRef(margs);
            XDecRef(htSlots);
            throw Raise("TypeError", e.Message);
        }
        TypeInfo ti = T.TypeInfoOfType(cls);
        ti.HtSlots = htSlots;
        TypeInfo bi = T.TypeInfoOfType(ti.Base);
        bool baseIsInstance = bi.InstanceKind == TypeKind.Instance;
        // type_ready → add_members: a member descriptor per slot, in the class dict.
        foreach (string n in slots ?? [])
        {
            if (n is "__dict__" or "__weakref__") continue;
            int m = GenericType.New(Heap, Types.MemberDescriptor, [cls], null);
            DictType.SetItem(Heap, dict, InternedName(n), m);
            DecRef(m);
        }
        // type_new_descriptors / add_getset: '__dict__' and '__weakref__' descriptors for what this class adds.
        if (ti.HasInstanceDict && !(baseIsInstance && bi.HasInstanceDict)) AddDescriptor(cls, dict, "__dict__");
        if (ti.HasWeakRefSlot && !(baseIsInstance && bi.HasWeakRefSlot)) AddDescriptor(cls, dict, "__weakref__");
        // add_subclass: the base keeps a weak reference to its new subclass.
        _subclassRefs.Add(WeakRefType.New(Heap, cls, 0));
        // type_new_set_names walks a copy of the class dict.
        DecRef(DictType.Copy(Heap, dict));
        // type_new_init_subclass: super(type, type).__init_subclass__(). Before super() had vectorcall (3.11) the
        // super call packs its two arguments into a tuple (type_call); the bound built-in method
        // object.__init_subclass__ is made and released (3.8: through the PyCFunction free list). The super
        // object itself comes and goes in between (net nothing; not modelled).
        if (!Profile.Compiler.VectorcallTypes.Contains("super")) DecRef(NewTuple([cls, cls]));
        DecRef(NewBuiltinFunction("__init_subclass__", static (i, _, _) => i.NewRef(i.None), cls));
        DecRef(margs);
        if (DictType.GetItem(Heap, dict, InternedName("__del__")) != 0) ti.HasFinalizer = true;
        return cls;
    }

    private readonly List<int> _subclassRefs = [];

    private void AddDescriptor(int cls, int dict, string name)
    {
        int d = GenericType.New(Heap, Types.GetSetDescriptor, [cls], null);
        DictType.SetItem(Heap, dict, InternedName(name), d);
        DecRef(d);
    }

    /// <summary>Turns the value of a <c>raise</c> expression (a class or an instance; owned) into an exception in flight.</summary>
    internal PyException ThrowObject(int v)
    {
        int exc = v;
        if (Kind(v) == TypeKind.Type)
        {
            try
            {
                exc = CallCore(v, [], KeywordArguments.None, stealArgs: false);
            }
            finally
            {
                DecRef(v);
            }
        }
        if (Kind(exc) != TypeKind.Instance || !IsExceptionClass(T.TypeOf(exc)))
        {
            DecRef(exc);
            return MakeException("TypeError", "exceptions must derive from BaseException");
        }
        return new PyException(exc, TypeName(exc), ExceptionText(exc));
    }

    /// <summary><c>str(exc)</c>: empty, the single argument's str (its repr for KeyError), or the args tuple's repr.</summary>
    internal string ExceptionText(int exc)
    {
        int args = Exceptions.Args(this, exc);
        if (args == 0 || Kind(args) != TypeKind.Tuple) return "";
        int[] items = TupleType.Items(Heap, args);
        if (items.Length == 0) return "";
        if (items.Length == 1)
        {
            if (Exceptions.IsSubclass(this, T.TypeOf(exc), Types.ExceptionType("KeyError"))) return Repr(items[0]);
            return Str(items[0]);
        }
        return Repr(args);
    }

    /// <summary><c>import name</c>: a new reference to a built-in module; ModuleNotFoundError otherwise.</summary>
    internal int ImportModule(string name)
    {
        if (Modules.TryGetValue(name, out int m))
        {
            if (GenericType.Data(Heap, m).Host is ModuleInfo { Imported: false } info)
            {
                info.Imported = true;
                if (info.FromSource)
                {
                    WalkSourceImport(_sourceImports.Length == 0 ? name : _sourceImports + "+" + name);
                    LeaveImportFrames();
                    LeaveImportFreeLists(name);
                    NoteImportKeywordParsers(name);
                }
                info.OnFirstImport?.Invoke(this);
            }
            return NewRef(m);
        }
        throw Raise("ModuleNotFoundError", $"No module named '{name}'");
    }

    /// <summary>The cell holding <paramref name="name"/> in <paramref name="f"/> (its own cell variable or a free one), borrowed.</summary>
    internal int CellFor(Frame f, string name)
    {
        int idx = Array.IndexOf(f.Code.LocalNames, name);
        if (idx >= 0 && Array.IndexOf(f.Code.CellNames, name) >= 0) return f.Locals[idx];
        int free = Array.IndexOf(f.Code.FreeNames, name);
        if (free >= 0) return f.Frees[free];
        throw new InvalidOperationException($"no cell for '{name}' in {f.Code.Name}");
    }

    /// <summary>
    /// Materialises the tracked objects a real interpreter holds after startup (modules' functions, dicts,
    /// classes …) as live lists under a hidden root, up to the profile's recorded count, then runs the
    /// startup collection. They are the old generation the long-lived rule weighs automatic full
    /// collections against.
    /// </summary>
    internal void CreateResidentObjects()
    {
        int tracked = 0;
        for (int g = 0; g <= 2; g++) tracked += Heap.Gc.Size(g);
        int missing = Profile.InterpreterTrackedObjects - tracked - 1;
        int root = NewList();
        for (int k = 0; k < missing; k++)
        {
            int l = NewList();
            ListType.AppendStealing(Heap, root, l);
        }
        DefineResident(root);
        Heap.Collect(2);
        _fullCollectionsAtStartup = _fullCollections;
        SeedStartupFrames(); // after the collection, which would clear the frame free list
        for (int g = 0; g <= 2; g++) Heap.Gc.SetCount(g, 0);
    }

    private int _residentRoot;

    private void DefineResident(int root)
    {
        XDecRef(_residentRoot);
        _residentRoot = root;
    }

    /// <summary>The frame of a comprehension or generator expression: the outermost iterator is its argument
    /// <c>.0</c> (the frame takes that reference), closure cells come from the enclosing frame.</summary>
    internal Frame NewComprehensionFrame(Compilation.CodeInfo code, Frame enclosing, int iterator)
    {
        var frame = new Frame(code, enclosing.Globals, 0, enclosing);
        frame.Locals[0] = iterator;
        // Cells for names an inner scope captures (MAKE_CELL), e.g. y in [[x * y for x in a] for y in b].
        foreach (string cellName in code.CellNames)
        {
            int idx = Array.IndexOf(code.LocalNames, cellName);
            int cell = GenericType.New(Heap, Types.Cell, [frame.Locals[idx]], null);
            XDecRef(frame.Locals[idx]);
            frame.Locals[idx] = cell;
        }
        if (code.FreeNames.Length > 0)
        {
            frame.Frees = new int[code.FreeNames.Length];
            for (int i = 0; i < frame.Frees.Length; i++) frame.Frees[i] = NewRef(CellFor(enclosing, code.FreeNames[i]));
        }
        return frame;
    }

    /// <summary>
    /// Calls a generator function: the generator object over <paramref name="frame"/>, taking <paramref name="function"/>.
    /// ≤3.10 (<c>_PyEval_EvalCode</c>): the frame object is made first (zombie, free list or new), then
    /// <c>PyGen_NewWithQualName</c>; the function is released as the call returns. 3.11+ (<c>make_gen</c>): one
    /// block with the frame's slots, whose frame keeps the function (<c>f_func</c>) until it is cleared.
    /// </summary>
    internal int NewGenerator(Frame frame, int function, IEnumerator<int> steps)
    {
        Compilation.CodeInfo code = frame.Code;
        var state = new GeneratorState(this, frame, steps);
        int baseSize = Profile.Layout.GeneratorBaseSizeWithFrame;
        if (baseSize == 0)
        {
            EnterHeapFrame(frame, code);
            int gen = GenericType.New(Heap, Types.Generator, [], state);
            DecRef(function);
            return gen;
        }
        frame.Function = function;
        return GenericType.New(Heap, Types.Generator, [], state, blockBytes: baseSize + 8 * code.FrameSlots);
    }

    private string _sourceImports = "";

    /// <summary>
    /// The free lists importlib and a module written in Python leave behind (recorded per version and import
    /// order: <see cref="Profiles.StartupState.AfterSourceImports"/>). Only while the script has not yet
    /// collected: a full collection empties them, and CPython's later imports refill them differently.
    /// </summary>
    private void LeaveImportFreeLists(string module)
    {
        _sourceImports = _sourceImports.Length == 0 ? module : _sourceImports + "+" + module;
        if (!Profile.Startup.AfterSourceImports.TryGetValue(_sourceImports, out Profiles.FreeListCensus? census)) return;
        if (census.MadeReprList) MakeReprListDuringImport();
        if (_fullCollections > _fullCollectionsAtStartup) return;
        Heap.SetFreeListCensus(census);
    }

    /// <summary>
    /// The <c>Py_Repr</c> list an import made (<see cref="Profiles.FreeListCensus.MadeReprList"/>). The generation
    /// counts an import leaves are not modelled, so these two objects leave them as they were.
    /// </summary>
    private void MakeReprListDuringImport()
    {
        int[] counts = [Heap.Gc.Count(0), Heap.Gc.Count(1), Heap.Gc.Count(2)];
        MakeReprList();
        for (int g = 0; g <= 2; g++) Heap.Gc.SetCount(g, counts[g]);
    }

    /// <summary>Heap counters after startup (set by the runner), so statistics cover the script only.</summary>
    internal ScriptRunner.Baseline? StartupBaseline { get; set; }
}
