namespace PyHeapSim.Scripting.Runtime;

/// <summary>Host data of a <c>builtin_function_or_method</c> object: its name and implementation.
/// When the object has a first reference, that is <c>__self__</c> (a bound built-in method).</summary>
internal sealed record NativeFunction(string Name, BuiltinFunction Function)
{
    /// <summary><c>METH_VARARGS</c>: CPython packs the arguments into a new tuple for each call.</summary>
    public bool VarArgs { get; init; }
}

/// <summary>Host data of a module object; its namespace dict is the object's first reference.</summary>
/// <param name="Name">The module's name.</param>
/// <param name="FromSource">CPython implements it in Python (<c>__main__</c>, Lib/weakref.py, Lib/tracemalloc.py):
/// its first import runs module code through importlib (which leaves frames and free-list blocks behind), and at
/// shutdown it leaves <c>sys.modules</c> (<c>finalize_remove_modules</c>) and its namespace is left to the
/// collector. The other simulated modules stand for C modules (<c>sys</c>, <c>gc</c>) whose state outlives them.</param>
internal sealed record ModuleInfo(string Name, bool FromSource = false)
{
    /// <summary>Set by the first <c>import</c> of the module in the script.</summary>
    public bool Imported { get; set; }

    /// <summary>Work the module's first import does besides the interpreter's own (e.g. NumPy's import-time state).</summary>
    public Action<Interpreter>? OnFirstImport { get; set; }
}
