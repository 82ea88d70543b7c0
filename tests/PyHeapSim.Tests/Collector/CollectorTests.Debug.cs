using System.Text.RegularExpressions;
using PyHeapSim.Collector;

namespace PyHeapSim.Tests.Collector;

/// <summary><c>gc.get_stats</c>, <c>gc.callbacks</c>, <c>gc.set_debug</c> and <c>gc.garbage</c>
/// (probes <c>stats.py</c>, <c>debug.py</c>).</summary>
public sealed partial class CollectorTests
{
    private static string Stats3(GenerationStats s) => $"({s.Collections}, {s.Collected}, {s.Uncollectable})";

    private GenerationStats[] StatsNow() => [_heap.CollectorStats(0), _heap.CollectorStats(1), _heap.CollectorStats(2)];

    [Test]
    public void Stats_AndCallbacks_ReportEachCollectionOnItsGeneration()
    {
        var events = new List<string>();
        _heap.CollectionStarting += i => events.Add($"('start', {i.Generation}, {i.Collected}, {i.Uncollectable})");
        _heap.CollectionFinished += i => events.Add($"('stop', {i.Generation}, {i.Collected}, {i.Uncollectable})");
        PyRef c = Class("C");

        GenerationStats[] s0 = StatsNow();
        PyRef l = _heap.NewList();
        _heap.ListAppend(l, l);
        Del(l);
        long n0 = Collect(0);
        GenerationStats[] s1 = StatsNow();
        PyRef a = _heap.NewInstance(c), b = _heap.NewInstance(c);
        _heap.SetAttr(a, "o", b);
        _heap.SetAttr(b, "o", a);
        Del(a, b);
        long n1 = Collect(1);
        GenerationStats[] s2 = StatsNow();
        long n2 = Collect();

        GenerationStats[] s3 = StatsNow();

        $"{n0} {n1} {n2}".Should().Be(Expect("stats", "returned"));
        StatsDeltaBetween(s0, s1).Should().Be(Expect("stats", "delta_collect0"));
        StatsDeltaBetween(s1, s2).Should().Be(Expect("stats", "delta_collect1"));
        StatsDeltaBetween(s2, s3).Should().Be(Expect("stats", "delta_full"));
        ("[" + string.Join(", ", events) + "]").Should().Be(Expect("stats", "callbacks"));
    }

    private static string StatsDeltaBetween(GenerationStats[] before, GenerationStats[] after)
    {
        var parts = new List<string>();
        for (int g = 0; g < 3; g++)
        {
            parts.Add(Stats3(new GenerationStats(after[g].Collections - before[g].Collections,
                after[g].Collected - before[g].Collected, after[g].Uncollectable - before[g].Uncollectable)));
        }
        return "[" + string.Join(", ", parts) + "]";
    }

    [Test]
    public void DebugFlags_HaveCPythonValues()
    {
        $"{(int)CollectorDebugFlags.Stats} {(int)CollectorDebugFlags.Collectable} {(int)CollectorDebugFlags.Uncollectable} {(int)CollectorDebugFlags.SaveAll} {(int)CollectorDebugFlags.Leak}"
            .Should().Be(Expect("debug", "flags"));
    }

    private string TypeNames(PyRef list)
    {
        var names = new List<string>();
        for (int i = 0; i < _heap.ListLength(list); i++) names.Add(_heap.TypeName(_heap.ListGetItem(list, i)));
        return CollectorProbe.Repr(names);
    }

    [Test]
    public void SaveAll_KeepsGarbageInGcGarbage_UntilTheFlagIsClearedAndTheListEmptied()
    {
        PyRef c = Class("C");
        _heap.CollectorDebug = CollectorDebugFlags.SaveAll;
        PyRef l = _heap.NewList();
        _heap.ListAppend(l, l);
        Del(l);
        long n = Collect();
        PyRef garbage = _heap.Garbage;
        PyRef first = _heap.ListGetItem(garbage, 0);
        $"{n} {_heap.ListLength(garbage)} {_heap.TypeName(first)} {CollectorProbe.Repr(_heap.ListGetItem(first, 0) == first)}"
            .Should().Be(Expect("debug", "saveall_list"));
        _heap.CollectorCounts.Should().Be((0, 0, 0), "gc.garbage exists before the collection, as in CPython");

        PyRef a = _heap.NewInstance(c), b = _heap.NewInstance(c);
        _heap.SetAttr(a, "o", b);
        _heap.SetAttr(b, "o", a);
        Del(a, b);
        $"{Collect()} {TypeNames(garbage)}".Should().Be(Expect("debug", "saveall_instances"));
        $"{Collect()} {_heap.ListLength(garbage)}".Should().Be(Expect("debug", "saveall_again"));

        _heap.CollectorDebug = CollectorDebugFlags.None;
        _heap.ListDeleteSlice(garbage, 0, _heap.ListLength(garbage));
        $"{Collect()} {_heap.ListLength(garbage)}".Should().Be(Expect("debug", "after_clearing_garbage"));
    }

    [Test]
    public void DebugCollectableAndStats_WriteCPythonsLines()
    {
        var lines = new List<string>();
        _heap.CollectorDebugOutput = lines.Add;
        PyRef c = Class("C");
        _heap.CollectorDebug = CollectorDebugFlags.Collectable | CollectorDebugFlags.Stats;
        PyRef a = _heap.NewInstance(c);
        SelfLoop(a);
        long addressA = _heap.AddressOf(a) + _heap.Profile.Layout.GcHeaderSize + _heap.T.TypeInfoOf(a.Index).PreHeaderSize;
        Del(a);
        PyRef l = _heap.NewList();
        _heap.ListAppend(l, l);
        Del(l);
        Collect();
        Collect(0);
        _heap.CollectorDebug = CollectorDebugFlags.None;

        static string Scrub(string line)
        {
            line = Regex.Replace(line, "0x[0-9a-f]+", "0xADDR");
            line = Regex.Replace(line, @"\d+\.\d+s elapsed", "T.TTTTs elapsed");
            line = Regex.Replace(line, "objects in each generation: .*", "objects in each generation: N N N");
            return Regex.Replace(line, "objects in permanent generation: .*", "objects in permanent generation: N");
        }
        lines.Select(Scrub).Should().Equal(CollectorProbe.ExpectedLines("debug", version, "stderr"));
        // The address printed is the object's (id()), past the GC header and any pre-header.
        lines.Should().Contain($"gc: collectable <C 0x{addressA:x}>");
    }

    [Test]
    public void DebugStats_GenerationSizesAreTheListsBeforeTheCollection()
    {
        var lines = new List<string>();
        _heap.CollectorDebugOutput = lines.Add;
        PyRef x = _heap.NewList();
        Collect(0);
        PyRef y = _heap.NewList(), z = _heap.NewList();
        _heap.Freeze();
        PyRef w = _heap.NewList();
        _heap.CollectorDebug = CollectorDebugFlags.Stats;
        Collect(1);
        lines.Should().Equal(
            "gc: collecting generation 1...",
            "gc: objects in each generation: 1 0 0",
            "gc: objects in permanent generation: 3",
            "gc: done, 0 unreachable, 0 uncollectable, 0.0000s elapsed");
        Del(x, y, z, w);
    }
}
