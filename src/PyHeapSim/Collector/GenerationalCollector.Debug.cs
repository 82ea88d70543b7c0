using System.Globalization;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Collector;

/// <summary>Statistics, <c>gc.garbage</c> and <c>gc.set_debug</c> output. None of this is on the hot path:
/// the debug lines are formatted only when a flag asks for them and a host listens.</summary>
internal sealed partial class GenerationalCollector
{
    private readonly GenerationStats[] _stats = new GenerationStats[Generations];

    /// <summary><c>gc.set_debug</c> flags.</summary>
    public CollectorDebugFlags DebugFlags { get; set; }

    /// <summary>Receives each debug line (CPython writes them to <c>sys.stderr</c>); null discards them.</summary>
    public Action<string>? DebugOutput { get; set; }

    /// <summary>Slot of the <c>gc.garbage</c> list (created on first use), 0 until then.</summary>
    public int GarbageList { get; private set; }

    public GenerationStats Stats(int generation) => _stats[generation];

    /// <summary>The end of <c>gc_collect_main</c>: <c>gc.get_stats()[generation]</c> takes the result in.</summary>
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

    /// <summary>DEBUG_SAVEALL in <c>delete_garbage</c>: <c>PyList_Append(gcstate->garbage, op)</c>.</summary>
    public void AppendGarbage(PyHeap heap, int o) => ListType.Append(heap, EnsureGarbageList(heap), o);

    private bool Writes(CollectorDebugFlags flag) => (DebugFlags & flag) != 0 && DebugOutput is not null;

    /// <summary>DEBUG_STATS at the start of a collection (before the younger generations are merged).</summary>
    public void WriteCollectionStart(int generation)
    {
        if (!Writes(CollectorDebugFlags.Stats)) return;
        DebugOutput!(string.Create(CultureInfo.InvariantCulture, $"gc: collecting generation {generation}..."));
        DebugOutput!(string.Create(CultureInfo.InvariantCulture,
            $"gc: objects in each generation: {Size(0)} {Size(1)} {Size(2)}"));
        DebugOutput!(string.Create(CultureInfo.InvariantCulture, $"gc: objects in permanent generation: {PermanentSize}"));
    }

    /// <summary>
    /// DEBUG_STATS at the end. CPython prints the elapsed wall-clock time; the simulator has no clock
    /// (runs must be deterministic) and always prints <c>0.0000s</c>.
    /// </summary>
    public void WriteCollectionDone(long collected, long uncollectable)
    {
        if (!Writes(CollectorDebugFlags.Stats)) return;
        DebugOutput!(string.Create(CultureInfo.InvariantCulture,
            $"gc: done, {collected + uncollectable} unreachable, {uncollectable} uncollectable, 0.0000s elapsed"));
    }

    /// <summary>DEBUG_COLLECTABLE: <c>gc: collectable &lt;TYPE 0xADDR&gt;</c> per unreachable object, in list order.</summary>
    public void ReportCollectable(PyHeap heap, int unreachableHead)
    {
        if (!Writes(CollectorDebugFlags.Collectable)) return;
        for (int o = _t.GcNext(unreachableHead); o != unreachableHead; o = _t.GcNext(o))
        {
            DebugOutput!(DebugCycleLine(heap, "collectable", o));
        }
    }

    /// <summary><c>debug_cycle</c>: <c>gc: MSG &lt;tp_name %p&gt;</c>, the address being the object's
    /// (<c>PyObject *</c>: its block plus the pre-header and GC header), as <c>id()</c> would give it.</summary>
    private string DebugCycleLine(PyHeap heap, string message, int o)
    {
        long address = _t.Address(o) + heap.Profile.Layout.GcHeaderSize;
        if (_t.Kind(o) == TypeKind.Instance) address += _t.TypeInfoOf(o).PreHeaderSize;
        return string.Create(CultureInfo.InvariantCulture, $"gc: {message} <{ObjectModel.TypeName(heap, o)} 0x{address:x}>");
    }
}
