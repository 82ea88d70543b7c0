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

    /// <summary>Run <see cref="PyHeap.Verify"/>-style checks at the entry and exit of every collection
    /// phase (slow: O(heap) per phase). Default false.</summary>
    public bool VerifyCollectorPhases { get; init; }
}
