namespace PyHeapSim.Profiles;

/// <summary>
/// What a fresh interpreter holds when a script starts: its free lists (read from
/// <c>sys._debugmallocstats()</c> at the top of a script) and where the startup collections left the
/// <c>__main__</c> module. Until the script's first full collection empties
/// them, they decide whether a new list, dict, float or small tuple takes a parked block (no new traced
/// bytes, no GC count) or a fresh one.
/// </summary>
public sealed record StartupState
{
    /// <summary>
    /// ≤3.10: frame objects on <c>frameobject.c</c>'s <c>free_list</c> ("free PyFrameObjects"). The first call of a
    /// code object takes one of them (no new block, no GC count) and parks it as that code's zombie frame.
    /// </summary>
    public int FreeFrames { get; init; }

    /// <summary>≤3.10: frames on the free list once a module written in Python (<c>tracemalloc</c>, <c>weakref</c>)
    /// has been imported: importlib's nested frames are parked there when the import returns.</summary>
    public int FreeFramesAfterSourceImport { get; init; }

    /// <summary>Parked list headers.</summary>
    public int FreeLists { get; init; }

    /// <summary>Parked dict objects.</summary>
    public int FreeDicts { get; init; }

    /// <summary>Parked 8-slot dict keys objects (listed from 3.13).</summary>
    public int FreeDictKeys { get; init; }

    /// <summary>Parked floats.</summary>
    public int FreeFloats { get; init; }

    /// <summary>Parked bound method objects (3.8 only: later versions have no such free list).</summary>
    public int FreeMethods { get; init; }

    /// <summary>Parked built-in function/method objects (3.8 only).</summary>
    public int FreeBuiltinMethods { get; init; }

    /// <summary>Parked tuples by length: element k is the count for length k + 1.</summary>
    public IReadOnlyList<int> FreeTuples { get; init; } = [];

    /// <summary>These counts as a census (what <see cref="PyHeap.SetFreeListCensus"/> restores when the script starts).</summary>
    public FreeListCensus Census => new()
    {
        Lists = FreeLists,
        Dicts = FreeDicts,
        Floats = FreeFloats,
        DictKeys = FreeDictKeys,
        Methods = FreeMethods,
        BuiltinMethods = FreeBuiltinMethods,
        Tuples = FreeTuples,
    };

    /// <summary>
    /// The free lists after the script's first imports of modules written in Python, keyed by those modules in
    /// import order joined by "+" (<see cref="ImportedFreeLists"/>); an import sequence not listed leaves them as they are.
    /// </summary>
    public System.Collections.Immutable.ImmutableDictionary<string, FreeListCensus> AfterSourceImports { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<string, FreeListCensus>.Empty;

    /// <summary>
    /// How the script's first imports of modules written in Python move the collector (<see cref="ImportWalks"/>),
    /// keyed like <see cref="AfterSourceImports"/>; an import sequence not listed leaves the counts as they are.
    /// </summary>
    public System.Collections.Immutable.ImmutableDictionary<string, SourceImportWalks> SourceImportWalks { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<string, SourceImportWalks>.Empty;

    /// <summary>
    /// The generation the <c>__main__</c> module and its namespace dict sit in (at its tail, module first)
    /// when the script starts: <c>add_main_module</c> creates them early and the automatic collections of
    /// the rest of startup (<c>site</c>) age them. A full collection appends generation 0 and then
    /// generation 1 to generation 2 (<c>gc_list_merge</c> in <c>collect</c>), so from generation 1 the
    /// namespace is scanned after the script's own objects and rescues them in dict order — which is what
    /// orders the finalizers at exit. Recorded: <c>gc.get_objects(generation)</c> at the top of a script
    /// (the dict is tracked: it holds <c>__builtins__</c> and <c>__loader__</c>).
    /// </summary>
    public int MainModuleGeneration { get; init; } = 1;

    /// <summary>
    /// <c>gc.get_count()</c> when a script's first statement runs: what start-up left (the <c>site</c> import
    /// and the rest) plus what compiling a corpus-sized script (20–40 lines) allocates. It decides when the
    /// script's first automatic collections run, and so in which generation its objects are when it ends,
    /// which orders the finalizers at exit. A longer script starts a few dozen higher (the compiler's
    /// allocations grow with it). Empty: all zero.
    /// </summary>
    public IReadOnlyList<int> GcCounts { get; init; } = [];
}
