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

    /// <summary>
    /// The imports made the thread state's dict and its <c>Py_Repr</c> list (<c>Py_ReprEnter</c>), which live
    /// on: 3.8's <c>collections.namedtuple</c> builds its argument list with <c>repr(field_names)</c>, and
    /// <c>tracemalloc</c> imports <c>functools</c>, which makes <c>CacheInfo</c> with it.
    /// </summary>
    public bool MadeReprList { get; init; }

    /// <summary>Parked tuples by length: element k is the count for length k + 1.</summary>
    public IReadOnlyList<int> Tuples { get; init; } = [];
}
