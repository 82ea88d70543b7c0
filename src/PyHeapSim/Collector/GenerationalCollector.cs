using PyHeapSim.Objects;
using PyHeapSim.Profiles;

namespace PyHeapSim.Collector;

/// <summary>
/// Generation bookkeeping for the cycle collector: the three generation lists and the permanent
/// generation (intrusive lists in the object table), their counts and thresholds, tracking, and the
/// allocation count that triggers automatic collections (<c>_PyObject_GC_Alloc</c>,
/// <c>PyObject_GC_Del</c>). The collection itself is <see cref="CycleCollection"/>.
/// </summary>
internal sealed partial class GenerationalCollector
{
    public const int Generations = 3;
    public const int PermanentHead = 4;
    // Slots 1..3 are generations 0..2; 4 is the permanent generation; 5.. are scratch lists.
    public const int UnreachableHead = 5;
    public const int FinalizersHead = 6;
    public const int ScratchHead = 7;
    public const int Scratch2Head = 8;

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
        LongLivedDivisor = rules.LongLivedDivisor;
    }

    public CollectorRules Rules { get; }

    public static int Head(int generation) => 1 + generation;

    public bool Enabled { get; set; } = true;
    public bool Collecting { get; set; }

    /// <summary>Set by an allocation past the threshold when collections run at the eval breaker (3.12+).</summary>
    public bool Scheduled { get; set; }

    /// <summary>Divisor of the long-lived rule; settable for experiments (default from the profile).</summary>
    public int LongLivedDivisor { get; set; }

    public long LongLivedTotal { get; set; }
    public long LongLivedPending { get; set; }

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

    /// <summary>Unlinks a tracked object (<c>_PyObject_GC_UNTRACK</c>).</summary>
    public void Untrack(int o)
    {
        if (_t.GcNext(o) == 0) return;
        _t.ListRemove(o);
    }

    /// <summary>
    /// Counts one GC allocation (<c>_PyObject_GC_Alloc</c> / <c>_PyObject_GC_Link</c>) and reports whether a
    /// collection is due now: true only when the profile collects inside the allocation; the 3.12+
    /// model sets <see cref="Scheduled"/> instead.
    /// </summary>
    public bool CountAllocation()
    {
        int c = ++_count[0];
        if (c > _threshold[0] && Enabled && _threshold[0] != 0 && !Collecting)
        {
            if (Rules.Trigger == CollectionTriggerPoint.InsideAllocation) return true;
            Scheduled = true;
        }
        return false;
    }

    /// <summary>Counts one GC deallocation (<c>PyObject_GC_Del</c>), clamped at 0 (gh-122862).</summary>
    public void CountDeallocation()
    {
        if (_count[0] > 0) _count[0]--;
    }

    /// <summary>
    /// The generation an automatic collection should collect (<c>collect_generations</c> /
    /// <c>gc_select_generation</c>): the oldest whose count passed its threshold, skipping generation 2
    /// while the long-lived pending objects are fewer than a quarter of the long-lived total; -1 for none.
    /// </summary>
    public int SelectGeneration()
    {
        for (int i = Generations - 1; i >= 0; i--)
        {
            if (_count[i] > _threshold[i])
            {
                if (i == Generations - 1 && LongLivedPending < LongLivedTotal / LongLivedDivisor) continue;
                return i;
            }
        }
        return -1;
    }

    /// <summary>Objects currently in generation <paramref name="generation"/> (O(length)).</summary>
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

    /// <summary><c>gc.unfreeze()</c>: the permanent generation into the oldest generation.</summary>
    public void Unfreeze() => _t.ListMerge(PermanentHead, Head(Generations - 1));

    /// <summary>Which generation list <paramref name="o"/> is on (0–2, 3 = permanent), or -1 if untracked. O(list).</summary>
    public int GenerationOf(int o)
    {
        if (_t.GcNext(o) == 0) return -1;
        int x = o;
        while (!_t.Has(x, ObjectFlags.ListHead)) x = _t.GcNext(x);
        return x - 1;
    }
}
