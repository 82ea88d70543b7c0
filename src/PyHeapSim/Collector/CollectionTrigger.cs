using PyHeapSim.Profiles;

namespace PyHeapSim.Collector;

/// <summary>
/// When an automatic collection runs, and which generation it takes (the "when"; the generation
/// lists and counts are <see cref="GenerationalCollector"/>, the collection itself
/// <see cref="CycleCollection"/>). CPython: <c>_PyObject_GC_Alloc</c> / <c>_PyObject_GC_Link</c> decide
/// on each GC allocation; <c>collect_generations</c> (≤3.11) / <c>gc_select_generation</c> (3.12+)
/// choose the generation.
/// </summary>
internal sealed class CollectionTrigger(CollectorRules rules)
{
    /// <summary>Inside the allocation (≤3.11) or at the next eval-breaker check (3.12+).</summary>
    public CollectionTriggerPoint Point { get; } = rules.Trigger;

    /// <summary><c>gc.isenabled()</c>: automatic collections only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The eval breaker's "GC scheduled" bit (3.12+ <c>_Py_ScheduleGC</c>).</summary>
    public bool Scheduled { get; set; }

    /// <summary>Whether a scheduled collection may run now (3.12 runs it even when disabled since).</summary>
    public bool RunsScheduledCollection => Enabled || rules.ScheduledCollectionIgnoresDisable;

    /// <summary>Divisor of the long-lived rule; CPython's 4 unless an experiment changes it.</summary>
    public int LongLivedDivisor { get; set; } = rules.LongLivedDivisor;

    /// <summary><c>long_lived_total</c>: objects in generation 2 after the last full collection.</summary>
    public long LongLivedTotal { get; set; }

    /// <summary><c>long_lived_pending</c>: objects promoted into generation 2 since then.</summary>
    public long LongLivedPending { get; set; }

    /// <summary>
    /// After a GC allocation raised count0: true when a collection must run now (inside the
    /// allocation); the 3.12+ model sets <see cref="Scheduled"/> instead and returns false. Condition
    /// (all versions): count0 &gt; threshold0, enabled, threshold0 ≠ 0, not already collecting.
    /// </summary>
    public bool OnAllocation(int count0, int threshold0, bool collecting)
    {
        if (count0 <= threshold0 || !Enabled || threshold0 == 0 || collecting) return false;
        if (Point == CollectionTriggerPoint.InsideAllocation) return true;
        Scheduled = true;
        return false;
    }

    /// <summary>
    /// The generation to collect: the oldest whose count exceeds its threshold, except that generation 2
    /// is skipped (the scan falls through to the younger ones) while pending &lt; total / divisor
    /// (integer division; bpo-4074: avoids quadratic full collections while a program builds a large
    /// structure). -1 when no generation is over its threshold.
    /// </summary>
    public int SelectGeneration(GenerationalCollector generations)
    {
        for (int i = GenerationalCollector.Generations - 1; i >= 0; i--)
        {
            if (generations.Count(i) <= generations.Threshold(i)) continue;
            if (i == GenerationalCollector.Generations - 1 && LongLivedPending < LongLivedTotal / LongLivedDivisor) continue;
            return i;
        }
        return -1;
    }
}
