using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.Dealloc;

/// <summary>
/// Deallocation of a deeply nested list, <c>l = [l]</c> n times then <c>del l</c> (twin:
/// <c>deep_dealloc</c>): the simulator's trashcan must free any depth without recursion. At 10^5 one
/// teardown is far below 100 ms, so <c>deep_dealloc_1e5</c> times build + free and <c>nest_1e5</c>
/// (baseline) the build alone, its chains freed in <c>[IterationCleanup]</c>: teardown = row − baseline.
/// 16 invocations per iteration (see <see cref="Collector.GarbageCollectionBenchmarks"/>). ns per level.
/// The 10^6 size is in <see cref="DeepDeallocLargeBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(16)]
public class DeepDeallocBenchmarks
{
    private const int N = 100_000;

    private PyHeap _heap = null!;
    private readonly List<PyRef> _built = [];
    private long _liveAfterSetup;

    /// <summary>The version profile.</summary>
    [Params(Heaps.DefaultPython)]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>A fresh heap with room for 16 chains, automatic collection off (as the twin).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _heap = Heaps.New(Python, 17 * Sizes.Scale(N) + 1024);
        _heap.CollectorEnabled = false;
        _liveAfterSetup = _heap.LiveObjectCount;
    }

    /// <summary>Frees the chains <c>nest_1e5</c> built.</summary>
    [IterationCleanup(Target = nameof(nest_1e5))]
    public void FreeBuilt()
    {
        foreach (PyRef top in _built) _heap.DecRef(top);
        _built.Clear();
    }

    /// <summary>Every level was freed (no leak, no host stack overflow) and <c>Verify()</c> passes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        FreeBuilt();
        FidelityException.Equal(_liveAfterSetup, (long)_heap.LiveObjectCount, "live objects after the run");
        _heap.Verify();
    }

    /// <summary>Build a 10^5-deep chain (baseline).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public void nest_1e5() => _built.Add(Shapes.Nest(_heap, Sizes.Scale(N)));

    /// <summary>Build a 10^5-deep chain and <c>del</c> it.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public void deep_dealloc_1e5() => _heap.DecRef(Shapes.Nest(_heap, Sizes.Scale(N)));
}

/// <summary>
/// <c>del</c> of a 10^6-deep nested list (twin: <c>deep_dealloc_1e6</c>): the chain is built in
/// <c>[IterationSetup]</c> (one build takes well over 100 ms) and each invocation times the free alone.
/// ns per level.
/// </summary>
[MemoryDiagnoser]
public class DeepDeallocLargeBenchmarks
{
    private const int N = 1_000_000;

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
        _heap = Heaps.New(Python, Sizes.Scale(N) + 1024);
        _heap.CollectorEnabled = false;
        _liveAfterSetup = _heap.LiveObjectCount;
    }

    /// <summary>Builds the 10^6-deep chain.</summary>
    [IterationSetup]
    public void Build() => _top = Shapes.Nest(_heap, Sizes.Scale(N));

    /// <summary>Every level was freed and <c>Verify()</c> passes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        FidelityException.Check(_top.IsNull, "the chain was freed");
        FidelityException.Equal(_liveAfterSetup, (long)_heap.LiveObjectCount, "live objects after the run");
        _heap.Verify();
    }

    /// <summary><c>del</c> a 10^6-deep chain.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public void deep_dealloc_1e6()
    {
        _heap.DecRef(_top);
        _top = PyRef.Null;
    }
}
