namespace PyHeapSim.Profiles;

/// <summary>
/// Wording of exception messages that changed between versions (the script runtime raises them;
/// conformance output prints them). Recorded from the real interpreters.
/// </summary>
public sealed record MessageRules
{
    /// <summary>
    /// 3.9+ (bpo-37645, <c>_PyObject_FunctionStr</c>): argument-count errors of <c>METH_O</c>/<c>METH_NOARGS</c>
    /// functions name their owner: <c>list.append()</c>, <c>gc.is_tracked()</c> (built-ins stay bare: <c>len()</c>).
    /// </summary>
    public bool QualifiedFunctionNames { get; init; }

    /// <summary><c>gc.set_threshold</c> with a wrong argument count; {0} the count. 3.13: its own check.</summary>
    public string SetThresholdArity { get; init; } = "set_threshold() takes {1} {2} argument{3} ({0} given)";

    /// <summary><c>int % 0</c> (and <c>divmod</c>'s modulo path): "integer modulo by zero" from 3.11 (recorded).</summary>
    public string IntModuloByZero { get; init; } = "integer division or modulo by zero";

    /// <summary><c>float // 0.0</c>: "float floor division by zero" from 3.9 (recorded).</summary>
    public string FloatFloorDivisionByZero { get; init; } = "float divmod()";

    /// <summary><c>float % 0.0</c>: "float modulo by zero" from 3.13.</summary>
    public string FloatModuloByZero { get; init; } = "float modulo";

    /// <summary><c>"ab"["x"]</c>: 3.11 added the type ("string indices must be integers, not 'str'"); {0} is the index type.</summary>
    public string StrIndicesMustBeIntegers { get; init; } = "string indices must be integers";

    /// <summary><c>min([])</c>/<c>max([])</c>; {0} is the function name. 3.12: "{0}() iterable argument is empty".</summary>
    public string MinMaxEmpty { get; init; } = "{0}() arg is an empty sequence";

    /// <summary><c>"%d" % "a"</c>; {0} is the conversion, {1} the type. 3.10: "a real number is required".</summary>
    public string PercentFormatNumberRequired { get; init; } = "%{0} format: a number is required, not {1}";

    /// <summary>
    /// Appended to "'T' object has no attribute 'x'" when setting or deleting an attribute fails on an object
    /// without a <c>__dict__</c> (<c>_PyObject_GenericSetAttrWithDict</c>): 3.13 adds
    /// " and no __dict__ for setting new attributes" (recorded).
    /// </summary>
    public string NoDictForNewAttributes { get; init; } = "";

    /// <summary>
    /// <c>del obj.x</c> on an instance whose <c>__dict__</c> lacks x: up to 3.10 the dict's KeyError becomes
    /// <c>AttributeError(name)</c>, so the message is the bare name; from 3.11 "'T' object has no attribute 'x'"
    /// (recorded). {0} is the type name, {1} the attribute.
    /// </summary>
    public string DeleteMissingInstanceAttribute { get; init; } = "{1}";

    /// <summary>
    /// Reading a declared but unset <c>__slots__</c> member (<c>member_get</c>): the bare name up to 3.9,
    /// "'T' object has no attribute 'x'" from 3.10 (recorded). Deleting one is the bare name in every version.
    /// </summary>
    public string UnsetSlotRead { get; init; } = "{1}";
}
