using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.Collector;

/// <summary>
/// Full collections that find garbage at n = 10^6 and 3·10^6 (twin: <c>full_collect_garbage</c>),
/// shapes as in <see cref="GarbageCollectionBenchmarks"/>. Here one build takes well over 100 ms, so
/// the heap is built in <c>[IterationSetup]</c> (automatic collection off) and each invocation times one
/// <c>Collect()</c> alone; the mixed heap's root is dropped in <c>[IterationCleanup]</c>. ns per nominal
/// object. Baseline: <c>full_collect_garbage2_1e6</c>.
/// </summary>
[MemoryDiagnoser]
public class GarbageCollectionLargeBenchmarks
{
    private PyHeap _heap = null!;
    private PyRef _keep;
    private long _liveAfterSetup;
    private string? _failure;

    /// <summary>The version profile.</summary>
    [Params(Heaps.DefaultPython)]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>A fresh heap sized for the largest shape, automatic collection off.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _heap = Heaps.New(Python, Sizes.Scale(3_000_000) + 1024);
        _heap.CollectorEnabled = false;
        _heap.Collect();
        _liveAfterSetup = _heap.LiveObjectCount;
    }

    /// <summary>Builds 10^6 objects in 2-cycles.</summary>
    [IterationSetup(Target = nameof(full_collect_garbage2_1e6))]
    public void BuildGarbage2Million() => Build("garbage2", 1_000_000);

    /// <summary>Builds 3·10^6 objects in 2-cycles.</summary>
    [IterationSetup(Target = nameof(full_collect_garbage2_3e6))]
    public void BuildGarbage2ThreeMillion() => Build("garbage2", 3_000_000);

    /// <summary>Builds a ring of 10^6.</summary>
    [IterationSetup(Target = nameof(full_collect_ring_1e6))]
    public void BuildRingMillion() => Build("ring", 1_000_000);

    /// <summary>Builds a ring of 3·10^6.</summary>
    [IterationSetup(Target = nameof(full_collect_ring_3e6))]
    public void BuildRingThreeMillion() => Build("ring", 3_000_000);

    /// <summary>Builds the 90 % live heap of 10^6.</summary>
    [IterationSetup(Target = nameof(full_collect_mixed90_1e6))]
    public void BuildMixedMillion() => Build("mixed90", 1_000_000);

    /// <summary>Builds the 90 % live heap of 3·10^6.</summary>
    [IterationSetup(Target = nameof(full_collect_mixed90_3e6))]
    public void BuildMixedThreeMillion() => Build("mixed90", 3_000_000);

    /// <summary>Drops the mixed heap's root (its live lists die by refcount).</summary>
    [IterationCleanup]
    public void DropRoot()
    {
        if (!_keep.IsNull) _heap.DecRef(_keep);
        _keep = PyRef.Null;
    }

    /// <summary>Every collection returned CPython's unreachable count, nothing leaked, <c>Verify()</c> passes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_failure is not null) throw new FidelityException(_failure);
        FidelityException.Equal(_liveAfterSetup, (long)_heap.LiveObjectCount, "live objects after the run");
        _heap.Verify();
    }

    /// <summary><c>gc.collect()</c> of 5·10^5 garbage 2-cycles.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 1_000_000)]
    public long full_collect_garbage2_1e6() => Collect("garbage2", 1_000_000);

    /// <summary><c>gc.collect()</c> of 1.5·10^6 garbage 2-cycles.</summary>
    [Benchmark(OperationsPerInvoke = 3_000_000)]
    public long full_collect_garbage2_3e6() => Collect("garbage2", 3_000_000);

    /// <summary><c>gc.collect()</c> of one garbage ring of 10^6.</summary>
    [Benchmark(OperationsPerInvoke = 1_000_000)]
    public long full_collect_ring_1e6() => Collect("ring", 1_000_000);

    /// <summary><c>gc.collect()</c> of one garbage ring of 3·10^6.</summary>
    [Benchmark(OperationsPerInvoke = 3_000_000)]
    public long full_collect_ring_3e6() => Collect("ring", 3_000_000);

    /// <summary><c>gc.collect()</c> of 10^6 objects, 10 % garbage.</summary>
    [Benchmark(OperationsPerInvoke = 1_000_000)]
    public long full_collect_mixed90_1e6() => Collect("mixed90", 1_000_000);

    /// <summary><c>gc.collect()</c> of 3·10^6 objects, 10 % garbage.</summary>
    [Benchmark(OperationsPerInvoke = 3_000_000)]
    public long full_collect_mixed90_3e6() => Collect("mixed90", 3_000_000);

    private void Build(string shape, int nominal) => _keep = Shapes.Garbage(_heap, shape, Sizes.Scale(nominal));

    private long Collect(string shape, int nominal)
    {
        int n = Sizes.Scale(nominal);
        long c = _heap.Collect();
        if (c != Shapes.Unreachable(shape, n)) _failure ??= $"{shape} n={n}: collected {c}, expected {Shapes.Unreachable(shape, n)}";
        return c;
    }
}
