namespace PyHeapSim.Collector;

/// <summary>What <c>gc.callbacks</c> receive (the info dict): the generation and, for the <c>stop</c>
/// phase, how many objects were collected and how many were uncollectable (0 at <c>start</c>).</summary>
/// <param name="Generation">The generation collected (0–2); an automatic collection reports the one it chose.</param>
/// <param name="Collected">Unreachable objects found (all of them, even those DEBUG_SAVEALL keeps in
/// <c>gc.garbage</c>) plus callback weakrefs freed by their callbacks; 0 at start.</param>
/// <param name="Uncollectable">Objects with legacy <c>tp_del</c> finalizers: always 0 here (no simulated
/// type has one).</param>
public readonly record struct CollectionInfo(int Generation, long Collected, long Uncollectable);

/// <summary>Per-generation totals since the heap was created, as <c>gc.get_stats()</c> reports them
/// (CPython's also include its start-up collections). <c>default</c> = no collection yet.</summary>
/// <param name="Collections">Collections of this generation.</param>
/// <param name="Collected">Objects collected by them.</param>
/// <param name="Uncollectable">Uncollectable objects found by them.</param>
public readonly record struct GenerationStats(long Collections, long Collected, long Uncollectable);

/// <summary><c>gc.set_debug</c> flags (values as in CPython's gc module). Printed lines go to
/// <see cref="PyHeap.CollectorDebugOutput"/>.</summary>
[Flags]
public enum CollectorDebugFlags
{
    /// <summary>No debugging.</summary>
    None = 0,
    /// <summary><c>DEBUG_STATS</c>: <c>gc: collecting generation N...</c>, the generation sizes, and
    /// <c>gc: done, X unreachable, Y uncollectable, 0.0000s elapsed</c>.</summary>
    Stats = 1,
    /// <summary><c>DEBUG_COLLECTABLE</c>: <c>gc: collectable &lt;TYPE 0xADDR&gt;</c> per unreachable object,
    /// in the order they will be finalized.</summary>
    Collectable = 2,
    /// <summary><c>DEBUG_UNCOLLECTABLE</c>: print uncollectable objects found (never happens here: no
    /// legacy finalizers).</summary>
    Uncollectable = 4,
    /// <summary><c>DEBUG_SAVEALL</c>: append every unreachable object to <c>gc.garbage</c> instead of freeing it.</summary>
    SaveAll = 32,
    /// <summary><c>DEBUG_LEAK</c> = Collectable | Uncollectable | SaveAll.</summary>
    Leak = 38,
}
