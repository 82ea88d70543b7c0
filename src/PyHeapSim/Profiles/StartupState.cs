namespace PyHeapSim.Profiles;

/// <summary>
/// What a fresh interpreter's free lists hold when a script starts (read from
/// <c>sys._debugmallocstats()</c> at the top of a script). Until the script's first full collection empties
/// them, they decide whether a new list, dict, float or small tuple takes a parked block (no new traced
/// bytes, no GC count) or a fresh one.
/// </summary>
public sealed record StartupState
{
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
}
