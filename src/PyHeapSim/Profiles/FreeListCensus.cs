namespace PyHeapSim.Profiles;

/// <summary>
/// How many blocks each free list holds at some moment, as <c>sys._debugmallocstats()</c> lists them
/// ("free PyListObjects", "free 2-sized PyTupleObjects" …). A null count means "not listed by this version:
/// leave that free list as it is".
/// </summary>
public sealed record FreeListCensus
{
    /// <summary>Parked list headers.</summary>
    public int Lists { get; init; }

    /// <summary>Parked dict objects.</summary>
    public int Dicts { get; init; }

    /// <summary>Parked floats.</summary>
    public int Floats { get; init; }

    /// <summary>Parked 8-slot dict keys objects (listed from 3.13 only).</summary>
    public int? DictKeys { get; init; }

    /// <summary>Parked bound method objects (3.8 only).</summary>
    public int? Methods { get; init; }

    /// <summary>Parked built-in function/method objects (3.8 only).</summary>
    public int? BuiltinMethods { get; init; }

    /// <summary>Parked tuples by length: element k is the count for length k + 1.</summary>
    public IReadOnlyList<int> Tuples { get; init; } = [];
}
