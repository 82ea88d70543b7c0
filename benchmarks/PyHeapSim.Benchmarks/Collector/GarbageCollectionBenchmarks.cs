using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.Collector;

/// <summary>
/// Full collections that find garbage, at n = 10^4 and 10^5, in three shapes (twin:
/// <c>full_collect_garbage</c>): <c>garbage2</c> (n/2 two-cycles), <c>ring</c> (one cycle of n) and
/// <c>mixed90</c> (18 live lists and one garbage 2-cycle per 20 objects). A collection destroys its
/// garbage, and one invocation is far below 100 ms, so each <c>full_collect_*</c> row times
/// build + collect, and the <c>build_*</c> row of the same shape and size times the build alone (its
/// garbage is collected in <c>[IterationCleanup]</c>, outside the measurement): collection = row −
/// build row (style.md, "Collection benchmarks that destroy their heap"). ns per nominal object.
/// Every row runs 16 invocations per iteration (an <c>[IterationCleanup]</c> would otherwise force one),
/// so the build-only rows are not dominated by the first, cold build after each cleanup, and all rows
/// share one job (BenchmarkDotNet computes the ratio to the baseline).
/// The 10^6 and 3·10^6 sizes are in <see cref="GarbageCollectionLargeBenchmarks"/>.
/// Baseline: <c>build_garbage2_1e4</c>.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(16)]
public class GarbageCollectionBenchmarks
{
    private PyHeap _heap = null!;
    private long _liveAfterSetup;
    private string? _failure;

    /// <summary>The version profile.</summary>
    [Params(Heaps.DefaultPython)]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>A fresh heap, automatic collection off (the twin builds with <c>gc.disable()</c>).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _heap = Heaps.New(Python, 17 * Sizes.Scale(100_000) + 1024);
        _heap.CollectorEnabled = false;
        _heap.Collect();
        _liveAfterSetup = _heap.LiveObjectCount;
    }

    /// <summary>Collects what the build-only rows left.</summary>
    [IterationCleanup(Targets = [nameof(build_garbage2_1e4), nameof(build_garbage2_1e5), nameof(build_ring_1e4),
        nameof(build_ring_1e5), nameof(build_mixed90_1e4), nameof(build_mixed90_1e5)])]
    public void CollectBuilt() => _heap.Collect();

    /// <summary>Every collection returned CPython's unreachable count, nothing leaked, <c>Verify()</c> passes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_failure is not null) throw new FidelityException(_failure);
        _heap.Collect();
        FidelityException.Equal(_liveAfterSetup, (long)_heap.LiveObjectCount, "live objects after the run");
        _heap.Verify();
    }

    /// <summary>Build + collect n/2 garbage 2-cycles, n = 10^4.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public long full_collect_garbage2_1e4() => BuildAndCollect("garbage2", 10_000);

    /// <summary>Build only (baseline of the class).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 10_000)]
    public void build_garbage2_1e4() => Build("garbage2", 10_000);

    /// <summary>Build + collect, n = 10^5.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public long full_collect_garbage2_1e5() => BuildAndCollect("garbage2", 100_000);

    /// <summary>Build only, n = 10^5.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public void build_garbage2_1e5() => Build("garbage2", 100_000);

    /// <summary>Build + collect one ring of 10^4.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public long full_collect_ring_1e4() => BuildAndCollect("ring", 10_000);

    /// <summary>Build only.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public void build_ring_1e4() => Build("ring", 10_000);

    /// <summary>Build + collect one ring of 10^5.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public long full_collect_ring_1e5() => BuildAndCollect("ring", 100_000);

    /// <summary>Build only.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public void build_ring_1e5() => Build("ring", 100_000);

    /// <summary>Build + collect 90 % live / 10 % garbage, n = 10^4 (the live part is freed by refcount after).</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public long full_collect_mixed90_1e4() => BuildAndCollect("mixed90", 10_000);

    /// <summary>Build only.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public void build_mixed90_1e4() => Build("mixed90", 10_000);

    /// <summary>Build + collect 90 % live / 10 % garbage, n = 10^5.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public long full_collect_mixed90_1e5() => BuildAndCollect("mixed90", 100_000);

    /// <summary>Build only.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public void build_mixed90_1e5() => Build("mixed90", 100_000);

    private long BuildAndCollect(string shape, int nominal)
    {
        int n = Sizes.Scale(nominal);
        PyRef keep = Shapes.Garbage(_heap, shape, n);
        long c = _heap.Collect();
        if (!keep.IsNull) _heap.DecRef(keep);
        if (c != Shapes.Unreachable(shape, n)) _failure ??= $"{shape} n={n}: collected {c}, expected {Shapes.Unreachable(shape, n)}";
        return c;
    }

    /// <summary>The same work as <see cref="BuildAndCollect"/> minus the collection: the mixed heap's root
    /// is dropped here too (freeing its live lists by refcount), the garbage stays for
    /// <see cref="CollectBuilt"/>.</summary>
    private void Build(string shape, int nominal)
    {
        PyRef keep = Shapes.Garbage(_heap, shape, Sizes.Scale(nominal));
        if (!keep.IsNull) _heap.DecRef(keep);
    }
}
