using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.Collector;

/// <summary>
/// Young collections over an old heap (twin: <c>young_collect</c>): n live lists are built and moved
/// to the oldest generation in <c>[GlobalSetup]</c>; each invocation builds 1 000 young lists (999 in a
/// holder list), runs <c>gc.collect(0)</c> and drops the holder. The <c>young_build_free_1000</c> row
/// (baseline) does the same without the collection, so <c>collect(0)</c> = row − baseline; both in ns
/// per invocation. Goal (B7): the same cost whatever the old heap's size.
/// </summary>
[MemoryDiagnoser]
public class YoungCollectionBenchmarks
{
    /// <summary>Young objects per collection (the holder and its 999 lists).</summary>
    public const int Young = 1_000;

    private PyHeap _heap = null!;
    private PyRef _root;
    private int _old;
    private long _calls;
    private long _collected;

    /// <summary>The version profile.</summary>
    [Params(Heaps.DefaultPython)]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>An old heap of 10^4 lists.</summary>
    [GlobalSetup(Targets = [nameof(young_collect_live_old_1e4), nameof(young_build_free_1000)])]
    public void Setup1e4() => Setup(10_000);

    /// <summary>An old heap of 10^5 lists.</summary>
    [GlobalSetup(Target = nameof(young_collect_live_old_1e5))]
    public void Setup1e5() => Setup(100_000);

    /// <summary>An old heap of 10^6 lists.</summary>
    [GlobalSetup(Target = nameof(young_collect_live_old_1e6))]
    public void Setup1e6() => Setup(1_000_000);

    /// <summary>An old heap of 3·10^6 lists.</summary>
    [GlobalSetup(Target = nameof(young_collect_live_old_3e6))]
    public void Setup3e6() => Setup(3_000_000);

    private void Setup(int nominal)
    {
        int n = Sizes.Scale(nominal);
        _heap = Heaps.New(Python, n + 4096);
        _heap.CollectorEnabled = false;
        _root = Shapes.Live(_heap, n);
        _heap.Collect();
        _old = Heaps.Tracked(_heap);
    }

    /// <summary>Nothing was collected, the old generation is untouched, one gen-0 collection was counted
    /// per call, and one more round promotes exactly the 1 000 young objects to generation 1.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        FidelityException.Equal(0L, _collected, "objects collected");
        FidelityException.Equal(_calls, _heap.CollectorStats(0).Collections, "gc.get_stats()[0]['collections']");
        FidelityException.Equal(_old, _heap.Gc.Size(2), "objects in generation 2");
        PyRef holder = Shapes.Live(_heap, Young - 1);
        _heap.Collect(0);
        FidelityException.Equal(Young, _heap.Gc.Size(1), "young objects promoted to generation 1");
        FidelityException.Equal(0, _heap.Gc.Size(0), "objects left in generation 0");
        _heap.DecRef(holder);
        FidelityException.Equal(_old, Heaps.Tracked(_heap), "tracked objects after the run");
        _heap.Verify();
    }

    /// <summary>Build 1 000 young lists and free them, no collection (baseline).</summary>
    [Benchmark(Baseline = true)]
    public int young_build_free_1000()
    {
        PyRef holder = Shapes.Live(_heap, Young - 1);
        _heap.DecRef(holder);
        return 0;
    }

    /// <summary>Build, <c>gc.collect(0)</c>, free, over an old heap of 10^4.</summary>
    [Benchmark]
    public long young_collect_live_old_1e4() => BuildCollectFree();

    /// <summary>The same over 10^5.</summary>
    [Benchmark]
    public long young_collect_live_old_1e5() => BuildCollectFree();

    /// <summary>The same over 10^6.</summary>
    [Benchmark]
    public long young_collect_live_old_1e6() => BuildCollectFree();

    /// <summary>The same over 3·10^6.</summary>
    [Benchmark]
    public long young_collect_live_old_3e6() => BuildCollectFree();

    private long BuildCollectFree()
    {
        PyRef holder = Shapes.Live(_heap, Young - 1);
        long c = _heap.Collect(0);
        _heap.DecRef(holder);
        _collected += c;
        _calls++;
        return c;
    }
}
