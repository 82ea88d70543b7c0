using PyHeapSim.Scripting.Runtime.Nodes;

namespace PyHeapSim.Scripting.Compilation;

/// <summary>
/// A compiled code block (CPython's code object): its scope layout and body. The matching heap object
/// (type <c>code</c>) owns the <c>co_consts</c> tuple, so constants carry the references CPython's do.
/// </summary>
internal sealed class CodeInfo
{
    public CodeInfo(Scope scope, string fileName, int firstLine)
    {
        Scope = scope;
        Name = scope.Name;
        FileName = fileName;
        FirstLine = firstLine;
        LocalNames = [.. scope.Locals];
        ParameterCount = scope.Parameters.Count;
        CellNames = scope.Locals.Where(scope.Cells.Contains).ToArray();
        FreeNames = [.. scope.Frees];
    }

    public Scope Scope { get; }
    public string Name { get; }
    public string FileName { get; }
    public int FirstLine { get; }
    public string[] LocalNames { get; }
    public int ParameterCount { get; }

    /// <summary>Locals that live in cells (captured by nested functions).</summary>
    public string[] CellNames { get; }

    /// <summary>Names taken from the enclosing function's cells, in closure order.</summary>
    public string[] FreeNames { get; }

    /// <summary>Constant slots this code references (its <c>co_consts</c>), distinct, in first-use order.</summary>
    public List<int> Constants { get; } = [];

    /// <summary>Slot of the heap code object, set when built.</summary>
    public int CodeObject { get; set; }

    /// <summary>≤3.10: this code's cached "zombie" frame object (0 when none is parked).</summary>
    public int ZombieFrame { get; set; }

    public StatementNode[] Body { get; set; } = [];

    /// <summary>For lambdas: the single expression returned.</summary>
    public ExpressionNode? ExpressionBody { get; set; }

    public bool IsGenerator { get; set; }

    /// <summary>
    /// <c>co_nlocalsplus + co_stacksize</c> for comprehension codes (see <see cref="StackDepth"/>): the slots a
    /// 3.11+ generator object embeds. 0 when not computed.
    /// </summary>
    public int FrameSlots { get; set; }

    public void AddConstant(int slot)
    {
        if (!Constants.Contains(slot)) Constants.Add(slot);
    }
}
