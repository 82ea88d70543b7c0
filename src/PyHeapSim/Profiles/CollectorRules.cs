namespace PyHeapSim.Profiles;

/// <summary>What the generational collector does and when (cpython-facts §5).</summary>
public sealed record CollectorRules
{
    /// <summary>Default <c>gc.get_threshold()</c> for generation 0.</summary>
    public int Threshold0 { get; init; } = 700;

    /// <summary>Default threshold for generation 1 (gen-0 collections between gen-1 collections).</summary>
    public int Threshold1 { get; init; } = 10;

    /// <summary>Default threshold for generation 2.</summary>
    public int Threshold2 { get; init; } = 10;

    /// <summary>When an automatic collection runs.</summary>
    public CollectionTriggerPoint Trigger { get; init; } = CollectionTriggerPoint.InsideAllocation;

    /// <summary>Resurrection handling after finalizers ran.</summary>
    public ResurrectionRule Resurrection { get; init; } = ResurrectionRule.WholeSetSurvives;

    /// <summary>≤3.13: full collections untrack dicts whose keys and values are all untrackable.</summary>
    public bool UntrackDictsInFullCollections { get; init; } = true;

    /// <summary>Whether <c>gc.is_finalized</c> exists (3.9+).</summary>
    public bool HasIsFinalized { get; init; }

    /// <summary>
    /// 3.12: a collection scheduled by an allocation runs at the eval breaker even if
    /// <c>gc.disable()</c> ran in between (<c>_Py_RunGC</c> does not look at <c>gcstate->enabled</c>);
    /// 3.13 checks it. Meaningless for <see cref="CollectionTriggerPoint.InsideAllocation"/>.
    /// </summary>
    public bool ScheduledCollectionIgnoresDisable { get; init; }

    /// <summary>
    /// <c>PyObject_ClearWeakRefs</c> with exactly one weak reference with a callback left after the basic ones:
    /// ≤3.12 calls it directly, without a tuple and without a reference of its own to the weak reference;
    /// 3.13 (rewritten for free threading) always collects the references and callbacks in a
    /// <c>PyTuple_New(n * 2)</c> that holds each until all callbacks ran.
    /// </summary>
    public bool WeakRefCallbacksAlwaysInTuple { get; init; }

    /// <summary>The long-lived rule: skip a full collection while pending &lt; total / this divisor.</summary>
    public int LongLivedDivisor { get; init; } = 4;

}
