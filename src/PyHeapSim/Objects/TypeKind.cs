namespace PyHeapSim.Objects;

/// <summary>
/// The layout family of an object: decides how it is sized, traversed, cleared and deallocated.
/// Several Python types can share a kind (every iterator type is <see cref="Generic"/>).
/// </summary>
public enum TypeKind : byte
{
    /// <summary>No object (free slot or list head).</summary>
    Free = 0,
    /// <summary><c>NoneType</c>.</summary>
    None,
    /// <summary><c>bool</c> (an int subtype; True and False are the only instances).</summary>
    Bool,
    /// <summary><c>int</c>, arbitrary precision, 30-bit digits.</summary>
    Int,
    /// <summary><c>float</c>.</summary>
    Float,
    /// <summary><c>str</c> (PEP 393 compact forms).</summary>
    Str,
    /// <summary><c>bytes</c>.</summary>
    Bytes,
    /// <summary><c>tuple</c>.</summary>
    Tuple,
    /// <summary><c>list</c>.</summary>
    List,
    /// <summary><c>dict</c>.</summary>
    Dict,
    /// <summary><c>set</c>.</summary>
    Set,
    /// <summary><c>frozenset</c>.</summary>
    FrozenSet,
    /// <summary>A plain <c>object()</c>.</summary>
    Object,
    /// <summary>An instance of a class defined by the program (a heap type).</summary>
    Instance,
    /// <summary>A type object (built-in static type or class).</summary>
    Type,
    /// <summary><c>weakref.ref</c>.</summary>
    WeakRef,
    /// <summary>Anything else: functions, bound methods, iterators, cells, ranges, modules … — an object
    /// with a fixed array of owned references, a scalar and a host payload. Its type says the rest.</summary>
    Generic,
}
