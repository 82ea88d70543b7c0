namespace PyHeapSim.Profiles;

/// <summary>
/// What the bytecode compiler and evaluation loop of a version do that shows in memory: how displays
/// are built, whether comprehensions are functions, whether calls make frame objects
/// (cpython-facts §2.4, §3.3, §3.7, §4.3, §5.3).
/// </summary>
public sealed record CompilerRules
{
    /// <summary>3.9+: a list display of at least 3 constants compiles to <c>BUILD_LIST 0; LOAD_CONST tuple; LIST_EXTEND</c>.</summary>
    public bool ConstantListDisplayExtends { get; init; }

    /// <summary>3.9+: a set display of at least 3 constants compiles to <c>BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE</c>.</summary>
    public bool ConstantSetDisplayUpdates { get; init; }

    /// <summary>3.10+ <c>STACK_USE_GUIDELINE</c>: displays with more elements are built empty and appended
    /// to one by one; <see cref="int.MaxValue"/> before 3.10.</summary>
    public int StackUseGuideline { get; init; } = int.MaxValue;

    /// <summary>≤3.10: every Python call runs in a heap frame object (a GC object; one "zombie" frame is
    /// cached per code object, others come from a free list).</summary>
    public bool FramesAreHeapObjects { get; init; } = true;

    /// <summary>3.12+ (PEP 709): list/dict/set comprehensions run inline, without a function object.</summary>
    public bool ComprehensionsInlined { get; init; }

    /// <summary>
    /// Built-in types whose call goes through vectorcall (by <c>__name__</c>); calling any other type packs
    /// its arguments into a new tuple (<c>_PyObject_MakeTpCall</c>: a counted GC allocation when the tuple
    /// free list is empty). None in 3.8; bpo-37207 (3.9): list, tuple, dict, set, frozenset, range;
    /// 3.10: float, bool, type, reversed; 3.11: enumerate, super; 3.13: str, int (measured: the count after
    /// <c>T(arg)</c> right after a collection). Classes and <c>weakref.ref</c> always take the tuple.
    /// </summary>
    public System.Collections.Immutable.ImmutableHashSet<string> VectorcallTypes { get; init; } = [];

    /// <summary>3.11+: a call pushes NULL below the callable (<c>PUSH_NULL</c>, <c>LOAD_GLOBAL</c> with the low bit set),
    /// one more stack slot per call (<c>co_stacksize</c>).</summary>
    public bool CallPushesNull { get; init; }

    /// <summary>The tuple of keyword names is pushed on the stack for a call with keywords (<c>CALL_FUNCTION_KW</c>
    /// up to 3.10, <c>CALL_KW</c> from 3.13); 3.11 and 3.12 pass it by <c>KW_NAMES</c> instead.</summary>
    public bool CallKeywordNamesOnStack { get; init; } = true;

    /// <summary>3.12+: <c>a and b</c> / <c>a or b</c> copy the value before the conditional jump (<c>COPY 1</c>),
    /// where 3.11 used <c>JUMP_IF_FALSE_OR_POP</c>.</summary>
    public bool BoolOpCopiesValue { get; init; }

    /// <summary>≤3.10: <c>MAKE_FUNCTION</c> takes the qualified name from the stack (pushed after the code).</summary>
    public bool MakeFunctionTakesQualifiedName { get; init; } = true;

    /// <summary>Wording of the error for reading an unbound local (3.11 changed it).</summary>
    public string UnboundLocalMessage { get; init; } = "local variable '{0}' referenced before assignment";
}
