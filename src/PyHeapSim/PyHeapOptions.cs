namespace PyHeapSim;

/// <summary>Settings for a <see cref="PyHeap"/>. The default value of every property keeps the
/// version profile's behaviour.</summary>
public sealed record PyHeapOptions
{
    /// <summary>Initial object-table capacity (slots); grows by doubling. Default 1024.</summary>
    public int InitialCapacity { get; init; } = 1024;

    /// <summary>Largest number of live simulated objects before a <see cref="SimulatedMemoryException"/>;
    /// default 50 million.</summary>
    public int MaxObjects { get; init; } = 50_000_000;

    /// <summary>Check, as CPython's <c>validate_list</c> does in debug builds, every list a collection phase
    /// hands to the next (links, liveness, the COLLECTING/UNREACHABLE flags the phase promises); a broken
    /// one throws <see cref="HeapCorruptedException"/>. Costs O(objects collected) per phase, no host
    /// allocation. Default false.</summary>
    public bool VerifyCollectorPhases { get; init; }
}
