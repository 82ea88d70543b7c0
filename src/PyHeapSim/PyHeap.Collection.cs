using PyHeapSim.Collector;
using PyHeapSim.Profiles;

namespace PyHeapSim;

public sealed partial class PyHeap
{
    private CycleCollection? _cycles;

    /// <summary>Raised before each collection (<c>gc.callbacks</c> phase <c>"start"</c>).</summary>
    public event Action<CollectionInfo>? CollectionStarting;

    /// <summary>Raised after each collection (<c>gc.callbacks</c> phase <c>"stop"</c>).</summary>
    public event Action<CollectionInfo>? CollectionFinished;

    /// <summary>
    /// <c>gc.collect(generation)</c>: collects <paramref name="generation"/> (0–2) and every younger one,
    /// whether or not automatic collection is enabled; returns collected + uncollectable objects, or 0
    /// when a collection is already running. O(objects in the collected generations).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">generation is not 0, 1 or 2.</exception>
    public long Collect(int generation = 2)
    {
        if ((uint)generation > 2u) throw new ArgumentOutOfRangeException(nameof(generation), generation, "invalid generation");
        if (Gc.Collecting) return 0;
        return CollectWithCallbacks(generation);
    }

    internal long CollectWithCallbacks(int generation)
    {
        Gc.Collecting = true;
        try
        {
            CollectionStarting?.Invoke(new CollectionInfo(generation, 0, 0));
            _cycles ??= new CycleCollection(this);
            (long collected, long uncollectable) = _cycles.Collect(generation);
            Gc.AddStats(generation, collected, uncollectable);
            CollectionFinished?.Invoke(new CollectionInfo(generation, collected, uncollectable));
            return collected + uncollectable;
        }
        finally
        {
            Gc.Collecting = false;
        }
    }

    /// <summary><c>collect_generations</c>: the automatic collection chosen by counts, thresholds and the long-lived rule.</summary>
    internal void CollectAutomatic()
    {
        int g = Gc.SelectGeneration();
        if (g >= 0) CollectWithCallbacks(g);
    }

    /// <summary>
    /// The eval-breaker check (3.12+ <c>_Py_RunGC</c>): runs the collection an allocation scheduled.
    /// A script runtime calls this at backward jumps and calls; a no-op when nothing is scheduled.
    /// </summary>
    public void RunScheduledCollection()
    {
        if (!Gc.Scheduled) return;
        Gc.Scheduled = false;
        if (Gc.Collecting || !Gc.Enabled) return;
        CollectAutomatic();
    }

    /// <summary>True when automatic collections are on (<c>gc.isenabled()</c>).</summary>
    public bool CollectorEnabled
    {
        get => Gc.Enabled;
        set => Gc.Enabled = value;
    }

    /// <summary><c>gc.get_count()</c>.</summary>
    public (int Gen0, int Gen1, int Gen2) CollectorCounts => (Gc.Count(0), Gc.Count(1), Gc.Count(2));

    /// <summary><c>gc.get_threshold()</c>; the profile's defaults until set.</summary>
    public (int Gen0, int Gen1, int Gen2) CollectorThresholds => (Gc.Threshold(0), Gc.Threshold(1), Gc.Threshold(2));

    /// <summary><c>gc.set_threshold(t0[, t1[, t2]])</c>: null leaves a threshold unchanged.</summary>
    public void SetCollectorThresholds(int threshold0, int? threshold1 = null, int? threshold2 = null)
    {
        Gc.SetThreshold(0, threshold0);
        if (threshold1 is int t1) Gc.SetThreshold(1, t1);
        if (threshold2 is int t2) Gc.SetThreshold(2, t2);
    }

    /// <summary>The long-lived rule's divisor (full collections wait until pending ≥ total / divisor); default 4.</summary>
    public int LongLivedDivisor
    {
        get => Gc.LongLivedDivisor;
        set => Gc.LongLivedDivisor = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "must be positive");
    }

    /// <summary><c>gc.get_stats()</c> for one generation.</summary>
    public GenerationStats CollectorStats(int generation) => Gc.Stats(generation);

    /// <summary><c>gc.set_debug</c>/<c>gc.get_debug</c>.</summary>
    public CollectorDebugFlags CollectorDebug
    {
        get => Gc.DebugFlags;
        set => Gc.DebugFlags = value;
    }

    /// <summary><c>gc.freeze()</c>.</summary>
    public void Freeze() => Gc.Freeze();

    /// <summary><c>gc.unfreeze()</c>.</summary>
    public void Unfreeze() => Gc.Unfreeze();

    /// <summary><c>gc.get_freeze_count()</c> (O(permanent generation)).</summary>
    public int FreezeCount => Gc.PermanentSize;
}
