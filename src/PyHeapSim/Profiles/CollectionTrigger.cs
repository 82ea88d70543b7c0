namespace PyHeapSim.Profiles;

/// <summary>When an automatic collection runs once generation 0 passes its threshold (cpython-facts §5.4).</summary>
public enum CollectionTriggerPoint
{
    /// <summary>≤3.11: synchronously, inside the allocation that passed the threshold.</summary>
    InsideAllocation,
    /// <summary>3.12+: the allocation schedules it; it runs at the next eval-breaker check.</summary>
    EvalBreaker,
}

/// <summary>What survives when a finalizer resurrects part of the unreachable set (cpython-facts §5.5 step 12).</summary>
public enum ResurrectionRule
{
    /// <summary>3.8 <c>check_garbage</c>: any resurrection keeps the whole unreachable set alive.</summary>
    WholeSetSurvives,
    /// <summary>3.9+ <c>handle_resurrected_objects</c>: only what the resurrected objects reach survives.</summary>
    OnlyResurrectedSurvive,
}
