namespace PyHeapSim.Scripting.Runtime;

/// <summary>Host data of a <c>builtin_function_or_method</c> object: its name and implementation.
/// When the object has a first reference, that is <c>__self__</c> (a bound built-in method).</summary>
internal sealed record NativeFunction(string Name, BuiltinFunction Function);

/// <summary>Host data of a module object; its namespace dict is the object's first reference.</summary>
internal sealed record ModuleInfo(string Name);
