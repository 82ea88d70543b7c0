using PyHeapSim.Scripting.Compilation;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// An executing code block: fast locals (owned references; 0 = unbound), cells, the namespace dicts
/// for name lookups, the current line for tracebacks. ≤3.10 it is paired with a heap frame object.
/// </summary>
internal sealed class Frame
{
    public Frame(CodeInfo code, int globals, int names, Frame? back)
    {
        Code = code;
        Globals = globals;
        Names = names;
        Back = back;
        Locals = code.LocalNames.Length == 0 ? [] : new int[code.LocalNames.Length];
        Depth = back is null ? 0 : back.Depth + 1;
    }

    public CodeInfo Code { get; }

    /// <summary>Module namespace dict (borrowed; the module owns it).</summary>
    public int Globals { get; }

    /// <summary>Namespace for LOAD_NAME/STORE_NAME: the module dict at module level, the class namespace in a class body, 0 in functions.</summary>
    public int Names { get; }

    public Frame? Back { get; }

    public int Depth { get; }

    /// <summary>Fast locals; cell variables hold their cell object here.</summary>
    public int[] Locals { get; }

    /// <summary>Closure cells for free variables (owned).</summary>
    public int[] Frees { get; set; } = [];

    public int Line { get; set; }

    /// <summary>≤3.10: the heap frame object standing for this frame (0 otherwise).</summary>
    public int HeapFrame { get; set; }

    /// <summary>3.11+ generator frames: the function the frame runs (<c>_PyInterpreterFrame.f_func</c>, owned),
    /// released after the locals when the frame is cleared (<c>_PyFrame_Clear</c>). 0 otherwise.</summary>
    public int Function { get; set; }

    /// <summary>The value of a <c>return</c> in flight (owned).</summary>
    public int ReturnValue { get; set; }

    /// <summary>The exception being handled in an <c>except</c> block (for a bare <c>raise</c>).</summary>
    public PyException? Handling { get; set; }
}
