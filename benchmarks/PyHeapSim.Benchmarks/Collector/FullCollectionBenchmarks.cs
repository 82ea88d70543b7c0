using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.Collector;

/// <summary>
/// Full collections of a live heap: n empty lists held by one root list (twin:
/// <c>full_collect_live</c>). The heap is built in <c>[GlobalSetup]</c> with automatic collection off
/// and collected once, so every measured <c>Collect()</c> is a repeatable full collection of an old,
/// all-live heap (style.md, "Collection benchmarks that destroy their heap"). Results are ns per
/// nominal object (OperationsPerInvoke = n; the heap also holds the root and a few built-in objects —
/// the side-by-side runner divides by every tracked object, as the twin does).
/// Baseline: <c>full_collect_live_1e4</c>. Goal (perf-anchors.md B5/B6): ≤ 0.5× CPython per object,
/// and flat from 10^6 to 3·10^6.
/// </summary>
[MemoryDiagnoser]
public class FullCollectionBenchmarks
{
    private PyHeap _heap = null!;
    private PyRef _root;
    private int _tracked;
    private long _calls;
    private long _collected;

    /// <summary>The version profile.</summary>
    [Params(Heaps.DefaultPython)]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>Builds n = 10^4 live lists.</summary>
    [GlobalSetup(Target = nameof(full_collect_live_1e4))]
    public void Setup1e4() => Setup(10_000);

    /// <summary>Builds n = 10^5 live lists.</summary>
    [GlobalSetup(Target = nameof(full_collect_live_1e5))]
    public void Setup1e5() => Setup(100_000);

    /// <summary>Builds n = 10^6 live lists.</summary>
    [GlobalSetup(Target = nameof(full_collect_live_1e6))]
    public void Setup1e6() => Setup(1_000_000);

    /// <summary>Builds n = 3·10^6 live lists.</summary>
    [GlobalSetup(Target = nameof(full_collect_live_3e6))]
    public void Setup3e6() => Setup(3_000_000);

    private void Setup(int nominal)
    {
        int n = Sizes.Scale(nominal);
        _heap = Heaps.New(Python, n + 1024);
        _heap.CollectorEnabled = false;
        _root = Shapes.Live(_heap, n);
        _heap.Collect(); // the first collection moves everything to the oldest generation
        _tracked = Heaps.Tracked(_heap);
        FidelityException.Equal(n + 1, _heap.ListLength(_root) + 1, "root holds n lists");
    }

    /// <summary>No collection found garbage, every tracked object is still tracked and in generation 2,
    /// one full collection was counted per call, and <c>Verify()</c> passes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        FidelityException.Equal(0L, _collected, "objects collected from a live heap");
        FidelityException.Equal(_tracked, Heaps.Tracked(_heap), "tracked objects");
        FidelityException.Equal(_tracked, _heap.Gc.Size(2), "objects in generation 2");
        FidelityException.Equal(_calls + 1, _heap.CollectorStats(2).Collections, "gc.get_stats()[2]['collections']");
        _heap.Verify();
    }

    /// <summary><c>gc.collect()</c> over 10^4 live lists.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 10_000)]
    public long full_collect_live_1e4() => Collect();

    /// <summary><c>gc.collect()</c> over 10^5 live lists.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public long full_collect_live_1e5() => Collect();

    /// <summary><c>gc.collect()</c> over 10^6 live lists.</summary>
    [Benchmark(OperationsPerInvoke = 1_000_000)]
    public long full_collect_live_1e6() => Collect();

    /// <summary><c>gc.collect()</c> over 3·10^6 live lists.</summary>
    [Benchmark(OperationsPerInvoke = 3_000_000)]
    public long full_collect_live_3e6() => Collect();

    private long Collect()
    {
        long c = _heap.Collect();
        _collected += c;
        _calls++;
        return c;
    }
}
