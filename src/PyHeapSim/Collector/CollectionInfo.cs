namespace PyHeapSim.Collector;

/// <summary>What <c>gc.callbacks</c> receive (the info dict): the generation and, for the <c>stop</c>
/// phase, how many objects were collected and how many were uncollectable (0 at <c>start</c>).</summary>
/// <param name="Generation">The generation collected (0–2).</param>
/// <param name="Collected">Objects freed (unreachable and not uncollectable); 0 at start.</param>
/// <param name="Uncollectable">Objects moved to <c>gc.garbage</c> as uncollectable; 0 at start.</param>
public readonly record struct CollectionInfo(int Generation, long Collected, long Uncollectable);

/// <summary>Per-generation totals, as <c>gc.get_stats()</c> reports them.</summary>
/// <param name="Collections">Collections of this generation.</param>
/// <param name="Collected">Objects collected by them.</param>
/// <param name="Uncollectable">Uncollectable objects found by them.</param>
public readonly record struct GenerationStats(long Collections, long Collected, long Uncollectable);

/// <summary><c>gc.set_debug</c> flags (values as in CPython's gc module).</summary>
[Flags]
public enum CollectorDebugFlags
{
    /// <summary>No debugging.</summary>
    None = 0,
    /// <summary><c>DEBUG_STATS</c>: print statistics during collection.</summary>
    Stats = 1,
    /// <summary><c>DEBUG_COLLECTABLE</c>: print collectable objects found.</summary>
    Collectable = 2,
    /// <summary><c>DEBUG_UNCOLLECTABLE</c>: print uncollectable objects found.</summary>
    Uncollectable = 4,
    /// <summary><c>DEBUG_SAVEALL</c>: append every unreachable object to <c>gc.garbage</c> instead of freeing it.</summary>
    SaveAll = 32,
    /// <summary><c>DEBUG_LEAK</c> = Collectable | Uncollectable | SaveAll.</summary>
    Leak = 38,
}
