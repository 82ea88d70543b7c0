namespace PyHeapSim.Profiles;

/// <summary>
/// Free lists that let objects skip the allocator (cpython-facts §4.6). Capacities were measured on
/// every version by refilling and draining (tests/PyHeapSim.Tests/data/alloc-probes): a parked block
/// stays allocated and traced, so taking it back costs 0 bytes and 0 blocks.
/// </summary>
public sealed record FreeListRules
{
    /// <summary>List objects kept (<c>PyList_MAXFREELIST</c>): 80 on every version.</summary>
    public int Lists { get; init; } = 80;

    /// <summary>Dict objects kept (<c>PyDict_MAXFREELIST</c>): 80 on every version.</summary>
    public int Dicts { get; init; } = 80;

    /// <summary>8-slot dict keys objects kept (<c>PyDict_MAXFREELIST</c>): 80 on every version.</summary>
    public int DictKeys { get; init; } = 80;

    /// <summary>3.11+: only 8-slot keys of the all-str (unicode) kind go to the keys free list.</summary>
    public bool DictKeysUnicodeOnly { get; init; }

    /// <summary>
    /// Largest tuple length with a free list: 19 up to 3.12, 20 in 3.13 (measured: 2100 tuples of
    /// length 20 made after 2100 died cost 2100 × 200 bytes on 3.8–3.12 and 100 × 200 on 3.13).
    /// </summary>
    public int TupleMaxLength { get; init; } = 19;

    /// <summary>Tuples kept per length (<c>PyTuple_MAXFREELIST</c>): 2000.</summary>
    public int TuplesPerLength { get; init; } = 2000;

    /// <summary>Floats kept (<c>PyFloat_MAXFREELIST</c>): 100.</summary>
    public int Floats { get; init; } = 100;

    /// <summary>
    /// Tuple lengths <c>sys._debugmallocstats()</c> prints a "free k-sized PyTupleObjects" line for:
    /// 1–19 up to 3.10, 1–20 from 3.11 (3.11 and 3.12 print a 20-sized line although their 20-tuples
    /// are never parked).
    /// </summary>
    public int TupleStatsLengths { get; init; } = 19;

    /// <summary>
    /// Bound method objects kept (<c>PyMethod_MAXFREELIST</c>, <c>Objects/classobject.c</c>): 256 in 3.8;
    /// 0 from 3.9, where bpo-37340 removed the list. Taking a parked one does not count as a GC allocation
    /// and parking one does not count as a deallocation.
    /// </summary>
    public int Methods { get; init; } = 256;

    /// <summary>
    /// Built-in function and built-in method objects kept (<c>PyCFunction_MAXFREELIST</c>,
    /// <c>Objects/methodobject.c</c>): 256 in 3.8 (e.g. the <c>write</c> method <c>print()</c> looks up on
    /// <c>sys.stdout</c>); 0 from 3.9 (bpo-37340).
    /// </summary>
    public int BuiltinMethods { get; init; } = 256;

    /// <summary>3.13+: <c>sys._debugmallocstats()</c> prints a "free PyDictKeysObjects" line.</summary>
    public bool DictKeysInStats { get; init; }
}
