using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Collector;

internal sealed partial class GenerationalCollector
{
    private readonly GenerationStats[] _stats = new GenerationStats[Generations];

    /// <summary><c>gc.set_debug</c> flags.</summary>
    public CollectorDebugFlags DebugFlags { get; set; }

    /// <summary>Slot of the <c>gc.garbage</c> list (created on first use), 0 until then.</summary>
    public int GarbageList { get; private set; }

    /// <summary>Called with each unreachable object when DEBUG_COLLECTABLE is set (the host prints it).</summary>
    public Action<int>? CollectableReporter { get; set; }

    public GenerationStats Stats(int generation) => _stats[generation];

    public void AddStats(int generation, long collected, long uncollectable)
    {
        GenerationStats s = _stats[generation];
        _stats[generation] = new GenerationStats(s.Collections + 1, s.Collected + collected, s.Uncollectable + uncollectable);
    }

    /// <summary>The <c>gc.garbage</c> list, created (and owned by the collector) on first use.</summary>
    public int EnsureGarbageList(PyHeap heap)
    {
        if (GarbageList == 0) GarbageList = ListType.New(heap);
        return GarbageList;
    }

    public void AppendGarbage(PyHeap heap, int o) => ListType.Append(heap, EnsureGarbageList(heap), o);

    public void ReportCollectable(int unreachableHead)
    {
        if ((DebugFlags & CollectorDebugFlags.Collectable) == 0 || CollectableReporter is null) return;
        for (int o = _t.GcNext(unreachableHead); o != unreachableHead; o = _t.GcNext(o)) CollectableReporter(o);
    }
}
