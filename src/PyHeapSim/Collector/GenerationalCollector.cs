using PyHeapSim.Objects;
using PyHeapSim.Profiles;

namespace PyHeapSim.Collector;

/// <summary>
/// Generation bookkeeping for the cycle collector (the "what"): the three generation lists and the
/// permanent generation (intrusive lists in the object table), their counts and thresholds, and
/// tracking. When to collect is <see cref="Trigger"/>; how is <see cref="CycleCollection"/>.
/// </summary>
/// <remarks>
/// List heads (slots of the object table, <see cref="ObjectTable.ListHeadCount"/> reserved):
/// <code>
///   1  2  3   generations 0, 1, 2            (gcstate->generations[i].head)
///   4         permanent generation           (gc.freeze)
///   5         unreachable                    (collect: the tentatively unreachable set)
///   6         finalizers                     (legacy tp_del finalizers; always empty here)
///   7         final unreachable              (3.9+ handle_resurrected_objects)
///   8         seen                           (finalize_garbage)
///   9         weakref callbacks to call      (handle_weakrefs: wrcb_to_call)
/// </code>
/// Outside a collection the scratch lists (5–9) are empty.
/// </remarks>
internal sealed partial class GenerationalCollector
{
    public const int Generations = 3;
    public const int PermanentHead = 4;
    public const int UnreachableHead = 5;
    public const int FinalizersHead = 6;
    public const int FinalUnreachableHead = 7;
    public const int SeenHead = 8;
    public const int WeakRefCallbacksHead = 9;

    private readonly ObjectTable _t;
    private readonly int[] _count = new int[Generations];
    private readonly int[] _threshold = new int[Generations];

    public GenerationalCollector(ObjectTable table, CollectorRules rules)
    {
        _t = table;
        Rules = rules;
        _threshold[0] = rules.Threshold0;
        _threshold[1] = rules.Threshold1;
        _threshold[2] = rules.Threshold2;
        Trigger = new CollectionTrigger(rules);
    }

    public CollectorRules Rules { get; }

    public static int Head(int generation) => 1 + generation;

    /// <summary>When automatic collections run and which generation they take.</summary>
    public CollectionTrigger Trigger { get; }

    /// <summary><c>gcstate->collecting</c>: a collection is running (no other may start).</summary>
    public bool Collecting { get; set; }

    public int Count(int generation) => _count[generation];
    public void SetCount(int generation, int value) => _count[generation] = value;
    public int Threshold(int generation) => _threshold[generation];
    public void SetThreshold(int generation, int value) => _threshold[generation] = value;

    /// <summary>Appends a newly tracked object at the tail of generation 0 (<c>_PyObject_GC_TRACK</c>).</summary>
    public void Track(int o)
    {
        if (_t.GcNext(o) != 0) return;
        _t.ListAppend(Head(0), o);
    }

    /// <summary>
    /// Moves a tracked object (tracking it first if needed) to the tail of <paramref name="generation"/>,
    /// where the collections a host ran before the simulation started would have left it
    /// (<c>gc_list_move</c>). Counts are not touched: they count collections and allocations, not moves.
    /// </summary>
    public void MoveToGeneration(int o, int generation)
    {
        Track(o);
        _t.ListMove(o, Head(generation));
    }

    /// <summary>Unlinks a tracked object (<c>_PyObject_GC_UNTRACK</c>).</summary>
    public void Untrack(int o)
    {
        if (_t.GcNext(o) == 0) return;
        _t.ListRemove(o);
    }

    /// <summary>
    /// Counts one GC allocation (<c>_PyObject_GC_Alloc</c> ≤3.10, <c>_PyObject_GC_Link</c> 3.11+) and
    /// reports whether a collection must run before the allocation returns (see <see cref="Trigger"/>).
    /// </summary>
    public bool CountAllocation()
    {
        int c = ++_count[0];
        return c > _threshold[0] && Trigger.OnAllocation(c, _threshold[0], Collecting);
    }

    /// <summary>Counts one GC deallocation (<c>PyObject_GC_Del</c>), clamped at 0 (gh-122862).</summary>
    public void CountDeallocation()
    {
        if (_count[0] > 0) _count[0]--;
    }

    /// <summary>Objects currently in generation <paramref name="generation"/> (O(length), like <c>gc_list_size</c>).</summary>
    public int Size(int generation) => _t.ListSize(Head(generation));

    public int PermanentSize => _t.ListSize(PermanentHead);

    /// <summary><c>gc.freeze()</c>: every generation into the permanent generation; counts to 0.</summary>
    public void Freeze()
    {
        for (int g = 0; g < Generations; g++)
        {
            _t.ListMerge(Head(g), PermanentHead);
            _count[g] = 0;
        }
    }

    /// <summary><c>gc.unfreeze()</c>: the permanent generation onto the end of the oldest generation.</summary>
    public void Unfreeze() => _t.ListMerge(PermanentHead, Head(Generations - 1));

    /// <summary>Which list <paramref name="o"/> is on (0–2 generations, 3 permanent), or -1 if untracked. O(list).</summary>
    public int GenerationOf(int o)
    {
        if (_t.GcNext(o) == 0) return -1;
        int x = o;
        while (!_t.Has(x, ObjectFlags.ListHead)) x = _t.GcNext(x);
        return x - 1;
    }
}
