using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.Dealloc;

/// <summary>
/// Deallocation of a deeply nested list, <c>l = [l]</c> n times then <c>del l</c> (twin:
/// <c>deep_dealloc</c>): the simulator's trashcan must free any depth without recursion. At 10^5 one
/// teardown is far below 100 ms, so <c>deep_dealloc_1e5</c> times build + free and <c>nest_1e5</c>
/// (baseline) the build alone (freed in <c>[IterationCleanup]</c>): teardown = row − baseline. At 10^6
/// the chain is built in <c>[IterationSetup]</c> and <c>deep_dealloc_1e6</c> times the free alone.
/// ns per level.
/// </summary>
[MemoryDiagnoser]
public class DeepDeallocBenchmarks
{
    private PyHeap _heap = null!;
    private PyRef _top;
    private long _liveAfterSetup;

    /// <summary>The version profile.</summary>
    [Params(Heaps.DefaultPython)]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>A fresh heap, automatic collection off (as the twin).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _heap = Heaps.New(Python, Sizes.Scale(1_000_000) + 1024);
        _heap.CollectorEnabled = false;
        _liveAfterSetup = _heap.LiveObjectCount;
    }

    /// <summary>Builds the 10^6-deep chain.</summary>
    [IterationSetup(Target = nameof(deep_dealloc_1e6))]
    public void BuildMillion() => _top = Shapes.Nest(_heap, Sizes.Scale(1_000_000));

    /// <summary>Frees what <c>nest_1e5</c> built.</summary>
    [IterationCleanup(Target = nameof(nest_1e5))]
    public void FreeNest()
    {
        _heap.DecRef(_top);
        _top = PyRef.Null;
    }

    /// <summary>Every level was freed (no leak, no host stack overflow) and <c>Verify()</c> passes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        FidelityException.Check(_top.IsNull, "the chain was freed");
        FidelityException.Equal(_liveAfterSetup, (long)_heap.LiveObjectCount, "live objects after the run");
        _heap.Verify();
    }

    /// <summary>Build a 10^5-deep chain (baseline).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 100_000)]
    public void nest_1e5() => _top = Shapes.Nest(_heap, Sizes.Scale(100_000));

    /// <summary>Build a 10^5-deep chain and <c>del</c> it.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public void deep_dealloc_1e5()
    {
        PyRef top = Shapes.Nest(_heap, Sizes.Scale(100_000));
        _heap.DecRef(top);
    }

    /// <summary><c>del</c> a 10^6-deep chain.</summary>
    [Benchmark(OperationsPerInvoke = 1_000_000)]
    public void deep_dealloc_1e6()
    {
        _heap.DecRef(_top);
        _top = PyRef.Null;
    }
}
