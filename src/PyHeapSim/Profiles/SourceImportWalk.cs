namespace PyHeapSim.Profiles;

/// <summary>
/// What the collector sees while a module written in Python is imported, reduced to what a script can observe:
/// the import's GC allocations as a walk of generation 0's count (<c>gc.get_count()[0]</c> goes up by
/// <see cref="Rise"/> + <see cref="Dip"/>, then down by <see cref="Dip"/>), on which the automatic collections
/// fall wherever the count passes threshold 0, and the one garbage cycle the import leaves: <c>types.py</c>'s
/// <c>class _C</c> (made after step <see cref="ClassCycleAt"/>, dropped by <c>del _C</c> after step
/// <see cref="ClassCycleDroppedAt"/>). A collection before the class leaves it in generation 0, one between
/// the two promotes it, one after <c>del _C</c> frees it; otherwise the script's first collection does.
/// </summary>
/// <remarks>
/// Fitted (<c>tests/PyHeapSim.Tests/data/record-import-walks.py</c>) to sweeps of real interpreters over the count at the import (0 … threshold 0; a script raises the
/// count with slotted instances, which take no free list, then imports and reads <c>gc.get_count()</c>,
/// <c>gc.get_stats()</c> deltas and <c>gc.collect(0)</c>, <c>(1)</c>, <c>(2)</c>): <see cref="ClassCycleAt"/> and
/// <see cref="ClassCycleDroppedAt"/> are exact to ±1 step, the rise to about ±10 (the real walk has more dips,
/// which only matter when a collection resets the count just before one).
/// </remarks>
public sealed record SourceImportWalk
{
    /// <summary>Net GC allocations of the import (the count's rise when no collection runs in it).</summary>
    public int Rise { get; init; }

    /// <summary>Objects the end of the import frees again (it first rises by <see cref="Rise"/> + Dip).</summary>
    public int Dip { get; init; }

    /// <summary>Step after which <c>types._C</c> exists; null when the import does not run <c>types.py</c>.</summary>
    public int? ClassCycleAt { get; init; }

    /// <summary>Step after which <c>del _C</c> has made it garbage.</summary>
    public int ClassCycleDroppedAt { get; init; }
}

/// <summary>
/// The walk of one import in the two free-list states that change it: a fresh interpreter's (the import's
/// lists, dicts, tuples and frames come off the startup free lists, which the count does not see) and after a
/// full collection, which emptied them (every allocation counts: a longer rise).
/// </summary>
public sealed record SourceImportWalks(SourceImportWalk Fresh, SourceImportWalk AfterFullCollection);
