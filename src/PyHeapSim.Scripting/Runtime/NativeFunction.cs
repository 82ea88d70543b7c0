namespace PyHeapSim.Scripting.Runtime;

/// <summary>Host data of a <c>builtin_function_or_method</c> object: its name and implementation.
/// When the object has a first reference, that is <c>__self__</c> (a bound built-in method).</summary>
internal sealed record NativeFunction(string Name, BuiltinFunction Function)
{
    /// <summary><c>METH_VARARGS</c>: CPython packs the arguments into a new tuple for each call.</summary>
    public bool VarArgs { get; init; }
}

/// <summary>Host data of a module object; its namespace dict is the object's first reference.</summary>
internal sealed record ModuleInfo(string Name);
