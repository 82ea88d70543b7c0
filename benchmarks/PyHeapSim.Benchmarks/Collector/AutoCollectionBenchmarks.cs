using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.Collector;

/// <summary>
/// Automatic collections while allocating (twin: <c>auto_collect</c>): <c>root.append([])</c> 10^6
/// times with automatic collection on, against the same loop with it off (baseline); overhead = on −
/// off, ns per list. The loop calls <see cref="PyHeap.RunScheduledCollection"/> once per iteration, the
/// eval-breaker check of the loop's backward jump (3.12+ run their collections there; ≤ 3.11 collect
/// inside the allocation). Each invocation starts right after a full collection
/// (<c>[IterationSetup]</c>) and its root is freed in <c>[IterationCleanup]</c>, as the twin times the
/// build only. Fidelity: the collections per generation of every GC-on invocation equal CPython's
/// (1300/118/8 with threshold 700, 455/41/3 with 3.13's 2000; <see cref="RecordedCounts"/>).
/// </summary>
[MemoryDiagnoser]
public class AutoCollectionBenchmarks
{
    private const int N = 1_000_000;

    private PyHeap _heap = null!;
    private PyRef _root;
    private long[] _before = [];
    private string? _failure;
    private long[]? _lastCounts;

    /// <summary>The version profile (thresholds 700 vs 2000).</summary>
    [Params("3.11", "3.13")]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>A fresh heap with room for 10^6 lists.</summary>
    [GlobalSetup]
    public void Setup() => _heap = Heaps.New(Python, Sizes.Scale(N, 100_000) + 4096);

    /// <summary><c>gc.collect()</c>, then automatic collection on.</summary>
    [IterationSetup(Target = nameof(auto_collect_1e6_lists))]
    public void SetupOn() => Prepare(enabled: true);

    /// <summary><c>gc.collect()</c>, then automatic collection off.</summary>
    [IterationSetup(Target = nameof(auto_collect_1e6_lists_off))]
    public void SetupOff() => Prepare(enabled: false);

    private void Prepare(bool enabled)
    {
        _heap.CollectorEnabled = false;
        _heap.Collect();
        _before = Heaps.Collections(_heap);
        _heap.CollectorEnabled = enabled;
    }

    /// <summary>Checks the counts of the invocation just run and frees its lists.</summary>
    [IterationCleanup]
    public void Check()
    {
        bool on = _heap.CollectorEnabled;
        _heap.CollectorEnabled = false;
        long[] after = Heaps.Collections(_heap);
        long[] counts = [after[0] - _before[0], after[1] - _before[1], after[2] - _before[2]];
        long[]? expected = on ? RecordedCounts.AutoCollect(_heap.CollectorThresholds.Gen0, Sizes.Scale(N, 100_000)) : [0, 0, 0];
        if (expected is not null && !counts.AsSpan().SequenceEqual(expected))
        {
            _failure ??= $"collections g0/g1/g2 {string.Join('/', counts)}, CPython {string.Join('/', expected)}";
        }
        if (on) _lastCounts = counts;
        _heap.DecRef(_root);
        _root = PyRef.Null;
    }

    /// <summary>The counts matched CPython's on every invocation; <c>Verify()</c> passes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_failure is not null) throw new FidelityException(_failure);
        _heap.Verify();
        if (_lastCounts is not null) Console.WriteLine($"// collections g0/g1/g2 (CPython {Python}): {string.Join('/', _lastCounts)}");
    }

    /// <summary>Automatic collection off (baseline): the allocation cost alone.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public void auto_collect_1e6_lists_off() => _root = Shapes.AppendLists(_heap, Sizes.Scale(N, 100_000));

    /// <summary>Automatic collection on.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public void auto_collect_1e6_lists() => _root = Shapes.AppendLists(_heap, Sizes.Scale(N, 100_000));
}
