using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// Runs compiled script code on a <see cref="PyHeap"/>. Every value is a slot of the heap; a slot
/// returned by an evaluation is a new (owned) reference, exactly where CPython's value stack would
/// hold one, so reference counts come out right by construction.
/// </summary>
/// <remarks>
/// Ownership conventions of the internal API (mirroring CPython's C API):
/// <list type="bullet">
/// <item>methods returning a slot return a new reference (0 only where documented);</item>
/// <item>slot arguments are borrowed unless the name says <c>Stealing</c>;</item>
/// <item>Python errors are <see cref="PyException"/>s thrown by <see cref="Raise(string, string)"/>.</item>
/// </list>
/// </remarks>
public sealed partial class Interpreter
{
    internal Interpreter(PyHeap heap, TextWriter stdout, TextWriter stderr, ScriptLimits limits, string fileName)
    {
        Heap = heap;
        Profile = heap.Profile;
        Stdout = stdout;
        Stderr = stderr;
        Limits = limits;
        FileName = fileName;
        Types = new RuntimeTypes(heap);
        StdoutStream = new Builtins.BufferedStdout(this);
        heap.Callbacks = new FinalizerHost(this);
        heap.ClearingFreeLists = ClearFrameFreeList;
    }

    /// <summary>The simulated heap.</summary>
    public PyHeap Heap { get; }

    /// <summary>The version profile.</summary>
    public PythonProfile Profile { get; }

    /// <summary>Where <c>print</c> writes.</summary>
    public TextWriter Stdout { get; }

    /// <summary><c>sys.stdout</c>'s <c>TextIOWrapper</c>: the objects it keeps between writes.</summary>
    internal Builtins.BufferedStdout StdoutStream { get; }

    /// <summary>Keyword tuples built by built-ins' static argument parsers, by function (owned, kept forever).</summary>
    private readonly Dictionary<string, int> _keywordParsers = new(StringComparer.Ordinal);

    /// <summary>Parsers whose keyword tuple an import already built (<see cref="Profiles.LibraryRules.KeywordParsersUsedByImport"/>);
    /// the import's own allocations are not modelled, so the tuple is not either.</summary>
    private readonly HashSet<string> _keywordParsersUsedByImports = new(StringComparer.Ordinal);

    /// <summary>Records the parsers the first import of <paramref name="module"/> (written in Python) ran with keywords.</summary>
    internal void NoteImportKeywordParsers(string module)
    {
        if (Profile.Library.KeywordParsersUsedByImport.TryGetValue(module, out System.Collections.Immutable.ImmutableArray<string> used))
        {
            foreach (string f in used) _keywordParsersUsedByImports.Add(f);
        }
    }

    /// <summary>
    /// <c>parser_init</c> (<c>Python/getargs.c</c>) of a built-in's static <c>_PyArg_Parser</c>: the first
    /// time it runs it builds a tuple of the interned keyword names and keeps it (a GC allocation seen once).
    /// </summary>
    internal void EnsureKeywordParser(string function, string[] keywords)
    {
        if (_keywordParsers.ContainsKey(function) || _keywordParsersUsedByImports.Contains(function)) return;
        var names = new int[keywords.Length];
        for (int i = 0; i < names.Length; i++) names[i] = Intern(keywords[i]);
        _keywordParsers[function] = TupleType.NewStealing(Heap, names);
    }

    /// <summary>Where tracebacks and warnings go.</summary>
    public TextWriter Stderr { get; }

    /// <summary>Step and memory limits.</summary>
    public ScriptLimits Limits { get; }

    /// <summary>The script's file name, as tracebacks show it.</summary>
    public string FileName { get; }

    internal RuntimeTypes Types { get; }

    internal ObjectTable T => Heap.T;

    /// <summary>Built-in names (<c>builtins</c> module namespace): name → slot (owned by this table).</summary>
    internal Dictionary<string, int> Builtins { get; } = new(StringComparer.Ordinal);

    /// <summary>Importable modules: name → module object slot (owned by this table).</summary>
    internal Dictionary<string, int> Modules { get; } = new(StringComparer.Ordinal);

    /// <summary>NumPy's allocator state (caches), made by <c>import numpy</c>.</summary>
    internal Builtins.NpyAllocator? Numpy { get; set; }

    // ---- object construction helpers (new references) ----

    internal int None => Heap.NoneObj;
    internal int NewNone() => Heap.NewRef(Heap.NoneObj);
    internal int NewBool(bool b) => Heap.NewRef(b ? Heap.TrueObj : Heap.FalseObj);
    internal int NewInt(long v) => IntType.New(Heap, v);

    /// <summary>An int made through <c>_PyLong_New</c> (<c>len()</c>, <c>sys.getsizeof()</c> …): in 3.11+ it asks
    /// for the exact digit size instead of the medium-int block.</summary>
    internal int NewSizeInt(long v) => IntType.New(Heap, v, medium: false);
    internal int NewInt(System.Numerics.BigInteger v) => IntType.New(Heap, v);
    internal int NewFloat(double v) => FloatType.New(Heap, v);
    internal int NewStr(string s) => StrType.New(Heap, s);
    internal int NewTuple(ReadOnlySpan<int> items) => TupleType.New(Heap, items);
    internal int NewTupleStealing(int[] items) => TupleType.NewStealing(Heap, items);
    internal int NewList() => ListType.New(Heap);
    internal int NewDict() => DictType.New(Heap);
    internal int Intern(string s) => Heap.InternStr(s);

    internal void IncRef(int o) => Heap.IncRef(o);
    internal void DecRef(int o) => Heap.DecRef(o);
    internal void XDecRef(int o) => Heap.XDecRef(o);
    internal int NewRef(int o) => Heap.NewRef(o);

    internal TypeKind Kind(int o) => T.Kind(o);
    internal string TypeName(int o) => ObjectModel.TypeName(Heap, o);

    /// <summary>Creates a built-in function object (<c>builtin_function_or_method</c>, a GC object) named <paramref name="name"/>.</summary>
    internal int NewBuiltinFunction(string name, BuiltinFunction function, int self = 0) =>
        GenericType.New(Heap, Types.BuiltinFunction, self == 0 ? [] : [self], new NativeFunction(name, function));

    /// <summary>Creates a module object with an empty namespace dict and registers it as importable
    /// (<paramref name="fromSource"/>: see <see cref="ModuleInfo.FromSource"/>).</summary>
    internal int NewModule(string name, bool fromSource = false)
    {
        int dict = NewDict();
        int module = GenericType.New(Heap, Types.Module, [dict], new ModuleInfo(name, fromSource));
        DecRef(dict);
        Modules[name] = module;
        return module;
    }

    /// <summary>Sets <paramref name="module"/>.<paramref name="name"/> (takes a new reference to the value).</summary>
    internal void ModuleSet(int module, string name, int value)
    {
        int dict = GenericType.Data(Heap, module).Refs[0];
        int key = Intern(name);
        DictType.SetItem(Heap, dict, key, value);
        DecRef(key);
    }

    /// <summary>Sets a module attribute to a new built-in function (<paramref name="varArgs"/>: <c>METH_VARARGS</c>).</summary>
    internal void ModuleDef(int module, string name, BuiltinFunction function, bool varArgs = false)
    {
        int f = GenericType.New(Heap, Types.BuiltinFunction, [], new NativeFunction(name, function) { VarArgs = varArgs });
        ModuleSet(module, name, f);
        DecRef(f);
    }

    /// <summary>Registers a built-in name (takes over the caller's reference).</summary>
    internal void DefineBuiltinStealing(string name, int value)
    {
        if (Builtins.Remove(name, out int old)) DecRef(old);
        Builtins[name] = value;
    }

    // ---- errors ----

    /// <summary>Raises a new exception of built-in class <paramref name="typeName"/> with <paramref name="message"/>.</summary>
    internal PyException Raise(string typeName, string message) => throw MakeException(typeName, message);

    /// <summary>Creates (without throwing) an exception of built-in class <paramref name="typeName"/>.</summary>
    internal PyException MakeException(string typeName, string message)
    {
        int type = Types.ExceptionType(typeName);
        int msg = NewStr(message);
        int exc = Exceptions.NewInstance(this, type, message.Length == 0 ? [] : [msg]);
        DecRef(msg);
        return new PyException(exc, typeName, message);
    }
}
