namespace PyHeapSim.Profiles;

/// <summary>Free lists that let objects skip the allocator and the GC count (cpython-facts §4.6).</summary>
public sealed record FreeListRules
{
    /// <summary>List headers kept (<c>PyList_MAXFREELIST</c>).</summary>
    public int Lists { get; init; } = 80;

    /// <summary>Dict objects kept (<c>PyDict_MAXFREELIST</c>).</summary>
    public int Dicts { get; init; } = 80;

    /// <summary>8-slot dict keys objects kept.</summary>
    public int DictKeys { get; init; } = 80;

    /// <summary>3.11+: only 8-slot keys of the all-str kind go to the keys free list.</summary>
    public bool DictKeysUnicodeOnly { get; init; }

    /// <summary>Largest tuple length with a free list (<c>PyTuple_MAXSAVESIZE - 1</c>): 19 up to 3.10, 20 from 3.11.</summary>
    public int TupleMaxLength { get; init; } = 19;

    /// <summary>Tuples kept per length (<c>PyTuple_MAXFREELIST</c>).</summary>
    public int TuplesPerLength { get; init; } = 2000;

    /// <summary>Floats kept.</summary>
    public int Floats { get; init; } = 100;
}
