using PyHeapSim.Collector;
using PyHeapSim.Objects;

namespace PyHeapSim;

/// <summary>The cycle collector: <c>gc.collect</c>, automatic collections, counts, thresholds, statistics,
/// debug flags, <c>gc.garbage</c>, freeze. The model and its per-version rules: <c>docs/collector.md</c>.</summary>
public sealed partial class PyHeap
{
    private CycleCollection? _cycles;

    /// <summary>
    /// Raised when a collection starts, before anything moves (<c>gc.callbacks</c> phase <c>"start"</c>;
    /// collected and uncollectable are 0). Automatic and explicit collections alike. Handlers run with
    /// the collector marked busy: a <see cref="Collect"/> from a handler returns 0 without collecting.
    /// </summary>
    public event Action<CollectionInfo>? CollectionStarting;

    /// <summary>
    /// Raised when a collection has finished and <see cref="CollectorStats"/> includes it
    /// (<c>gc.callbacks</c> phase <c>"stop"</c>). The heap is consistent again, but the operation that
    /// triggered an automatic collection may still be in progress, so only an explicit
    /// <see cref="Collect"/> is a safe point for <see cref="Verify"/>.
    /// </summary>
    public event Action<CollectionInfo>? CollectionFinished;

    /// <summary>
    /// <c>gc.collect(generation)</c>: collects <paramref name="generation"/> (0–2) and every younger one,
    /// whether or not automatic collection is enabled, and returns collected + uncollectable objects —
    /// the objects found unreachable (every GC object of a cycle, e.g. ≤3.10 an instance's
    /// <c>__dict__</c> too) plus weakrefs freed by their own callbacks. Returns 0 without collecting
    /// when a collection is already running (called from a finalizer or callback).
    /// Cost: O(objects in the collected generations + what they reference).
    /// </summary>
    /// <remarks>Finalizers and weakref callbacks run through <see cref="Callbacks"/>; if one throws, the
    /// collection still completes (the heap stays consistent) and the first exception is rethrown here.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">generation is not 0, 1 or 2 (CPython's ValueError).</exception>
    public long Collect(int generation = 2)
    {
        if ((uint)generation > 2u) throw new ArgumentOutOfRangeException(nameof(generation), generation, "invalid generation");
        if (Gc.Collecting) return 0;
        return CollectWithCallbacks(generation);
    }

    /// <summary><c>gc_collect_with_callback</c>: start callbacks, the collection, statistics, stop callbacks.</summary>
    internal long CollectWithCallbacks(int generation)
    {
        _cycles ??= new CycleCollection(this);
        long collected, uncollectable;
        Gc.Collecting = true;
        try
        {
            EmitCollection(Tracing.HeapEventKind.CollectionStart, generation, 0);
            CollectionStarting?.Invoke(new CollectionInfo(generation, 0, 0));
            (collected, uncollectable) = _cycles.Collect(generation);
            Gc.AddStats(generation, collected, uncollectable);
            EmitCollection(Tracing.HeapEventKind.CollectionEnd, generation, collected + uncollectable);
            CollectionFinished?.Invoke(new CollectionInfo(generation, collected, uncollectable));
        }
        finally
        {
            Gc.Collecting = false;
        }
        _cycles.TakeDeferredException()?.Throw();
        return collected + uncollectable;
    }

    /// <summary>
    /// <c>_PyGC_CollectNoFail</c>: the full collections of interpreter shutdown (<c>finalize_modules</c> /
    /// <c>PyImport_Cleanup</c> in 3.8, <c>finalize_interp_clear</c>). Unlike <see cref="Collect"/> it runs
    /// whether or not automatic collection is enabled (<c>gc.disable()</c> does not stop it) and it never
    /// calls <c>gc.callbacks</c> (3.8 calls <c>collect()</c> directly, not <c>collect_with_callback</c>;
    /// 3.12+ skips <c>invoke_gc_callback</c> for <c>_Py_GC_REASON_SHUTDOWN</c>). The permanent generation
    /// (<c>gc.freeze()</c>) is left alone, as in every collection. Returns 0 without collecting when a
    /// collection is already running; otherwise collected + uncollectable objects.
    /// </summary>
    /// <remarks>An exception from a finalizer or callback is rethrown after the collection completed.</remarks>
    public long CollectNoFail()
    {
        if (Gc.Collecting) return 0;
        _cycles ??= new CycleCollection(this);
        long collected, uncollectable;
        Gc.Collecting = true;
        try
        {
            EmitCollection(Tracing.HeapEventKind.CollectionStart, 2, 0);
            (collected, uncollectable) = _cycles.Collect(2);
            Gc.AddStats(2, collected, uncollectable);
            EmitCollection(Tracing.HeapEventKind.CollectionEnd, 2, collected + uncollectable);
        }
        finally
        {
            Gc.Collecting = false;
        }
        _cycles.TakeDeferredException()?.Throw();
        return collected + uncollectable;
    }

    /// <summary><c>collect_generations</c>: the automatic collection chosen by counts, thresholds and the long-lived rule.</summary>
    internal void CollectAutomatic()
    {
        int g = Gc.Trigger.SelectGeneration(Gc);
        if (g >= 0) CollectWithCallbacks(g);
    }

    /// <summary>
    /// True when an allocation has scheduled a collection that has not run yet (3.12+ profiles: the
    /// eval breaker's "GC scheduled" bit). Always false for profiles that collect inside the allocation.
    /// O(1).
    /// </summary>
    public bool IsCollectionScheduled => Gc.Trigger.Scheduled;

    /// <summary>
    /// The eval-breaker check (3.12+ <c>_Py_RunGC</c>): runs the automatic collection an allocation
    /// scheduled, if the counts still call for one (3.13: and automatic collection is still enabled;
    /// 3.12 does not check). A script runtime calls this where CPython checks the eval breaker
    /// (backward jumps, calls, <c>RESUME</c>); a no-op when nothing is scheduled. O(1) then.
    /// </summary>
    public void RunScheduledCollection()
    {
        if (!Gc.Trigger.Scheduled) return;
        Gc.Trigger.Scheduled = false;
        if (Gc.Collecting || !Gc.Trigger.RunsScheduledCollection) return;
        CollectAutomatic();
    }

    /// <summary><c>gc.isenabled()</c> / <c>gc.enable()</c> / <c>gc.disable()</c>: only automatic collections
    /// stop; <see cref="Collect"/> still works. Default true.</summary>
    public bool CollectorEnabled
    {
        get => Gc.Trigger.Enabled;
        set => Gc.Trigger.Enabled = value;
    }

    /// <summary>
    /// <c>gc.get_count()</c>: generation 0 counts GC allocations minus GC deallocations since its last
    /// collection (never below 0; objects taken from or parked on a free list do not count);
    /// generation 1 counts collections of generation 0 since its own last collection, generation 2
    /// those of generation 1. O(1).
    /// </summary>
    public (int Gen0, int Gen1, int Gen2) CollectorCounts => (Gc.Count(0), Gc.Count(1), Gc.Count(2));

    /// <summary><c>gc.get_threshold()</c>: the profile's defaults ((700, 10, 10); 3.13 (2000, 10, 10)) until
    /// <see cref="SetCollectorThresholds"/> changes them for this heap.</summary>
    public (int Gen0, int Gen1, int Gen2) CollectorThresholds => (Gc.Threshold(0), Gc.Threshold(1), Gc.Threshold(2));

    /// <summary>
    /// <c>gc.set_threshold(t0[, t1[, t2]])</c>; null leaves a threshold unchanged. An automatic collection
    /// of generation i is due when its count exceeds its threshold; threshold0 = 0 disables automatic
    /// collection. Affects this heap only; the profile keeps its defaults.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is negative.</exception>
    public void SetCollectorThresholds(int threshold0, int? threshold1 = null, int? threshold2 = null)
    {
        if (threshold0 < 0 || threshold1 < 0 || threshold2 < 0) throw new ArgumentOutOfRangeException(nameof(threshold0), "thresholds must not be negative");
        Gc.SetThreshold(0, threshold0);
        if (threshold1 is int t1) Gc.SetThreshold(1, t1);
        if (threshold2 is int t2) Gc.SetThreshold(2, t2);
    }

    /// <summary>
    /// Experiment knob: the divisor of the long-lived rule — an automatic full collection is skipped
    /// (a younger generation is collected instead) while the objects promoted into generation 2 since
    /// the last full collection are fewer than (objects in generation 2 after it) / divisor. CPython
    /// uses 4 (the profile's default); the setting affects this heap only.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int LongLivedDivisor
    {
        get => Gc.Trigger.LongLivedDivisor;
        set => Gc.Trigger.LongLivedDivisor = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "must be positive");
    }

    /// <summary>The long-lived rule's inputs (<c>long_lived_pending</c>, <c>long_lived_total</c>): objects
    /// promoted into generation 2 since the last full collection, and generation 2's size after it.</summary>
    public (long Pending, long Total) CollectorLongLived => (Gc.Trigger.LongLivedPending, Gc.Trigger.LongLivedTotal);

    /// <summary><c>gc.get_stats()[generation]</c>: totals of the collections of that generation on this heap
    /// (a new heap has none; CPython's startup collections are not simulated).</summary>
    /// <exception cref="ArgumentOutOfRangeException">generation is not 0, 1 or 2.</exception>
    public GenerationStats CollectorStats(int generation)
    {
        if ((uint)generation > 2u) throw new ArgumentOutOfRangeException(nameof(generation), generation, "invalid generation");
        return Gc.Stats(generation);
    }

    /// <summary><c>gc.set_debug</c> / <c>gc.get_debug</c>. <see cref="CollectorDebugFlags.SaveAll"/> keeps
    /// garbage alive in <see cref="Garbage"/>; the printing flags write to <see cref="CollectorDebugOutput"/>.
    /// Default <see cref="CollectorDebugFlags.None"/>.</summary>
    public CollectorDebugFlags CollectorDebug
    {
        get => Gc.DebugFlags;
        set => Gc.DebugFlags = value;
    }

    /// <summary>
    /// Where the <c>gc.set_debug</c> lines go (CPython writes them to <c>sys.stderr</c>): called once per
    /// line, without the newline, e.g. <c>gc: collectable &lt;list 0x7f0000001010&gt;</c> or
    /// <c>gc: done, 2 unreachable, 0 uncollectable, 0.0000s elapsed</c> (no wall clock here: the time is
    /// always 0.0000s). Addresses are simulated ones. Null (the default) discards the lines.
    /// </summary>
    public Action<string>? CollectorDebugOutput
    {
        get => Gc.DebugOutput;
        set => Gc.DebugOutput = value;
    }

    /// <summary>
    /// <c>gc.garbage</c> (borrowed handle): the list where <see cref="CollectorDebugFlags.SaveAll"/>
    /// collections put unreachable objects instead of freeing them. Created on first use — this
    /// property, or the first DEBUG_SAVEALL collection — as an ordinary tracked list (one GC
    /// allocation); the heap owns it for its lifetime.
    /// </summary>
    public PyRef Garbage => T.RefTo(Gc.EnsureGarbageList(this));

    /// <summary><c>gc.freeze()</c>: every tracked object moves to the permanent generation, which collections
    /// ignore (and <see cref="GetObjects"/>/<see cref="GetReferrers"/> skip); all counts become 0. O(1).</summary>
    public void Freeze() => Gc.Freeze();

    /// <summary><c>gc.unfreeze()</c>: the permanent generation joins the end of generation 2. O(1).</summary>
    public void Unfreeze() => Gc.Unfreeze();

    /// <summary><c>gc.get_freeze_count()</c>: objects in the permanent generation. O(that many).</summary>
    public int FreezeCount => Gc.PermanentSize;
}
