using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.Growth;

/// <summary>
/// List growth: <c>for i in range(n): data.append(i)</c> for n = 10^6 and 10^7, and the lesson's
/// <c>x = [i for i in range(10**6)]; del x</c>. Twins: <c>append</c> and <c>lesson</c> in twin.py.
/// Each invocation builds the list of fresh ints and frees it (<c>del</c>), so the heap is the same
/// after every invocation; results are ns per element for build + del (the side-by-side runner times
/// the two phases apart). Warm, as the twins: the object table and the allocator's free blocks are
/// already grown by the warm-up. GC enabled, as in the lesson. Baseline: <c>append_1e6</c>.
/// </summary>
[MemoryDiagnoser]
public class GrowthBenchmarks
{
    private const int Million = 1_000_000;
    private const int TenMillion = 10_000_000;

    private PyHeap _heap = null!;
    private long _liveAfterSetup;
    private long _lastSizeOf;
    private int _lastN;

    /// <summary>The version profile.</summary>
    [Params(Heaps.DefaultPython)]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>A fresh heap with room for the biggest list.</summary>
    [GlobalSetup(Targets = [nameof(append_1e6), nameof(lesson_range_list_1e6)])]
    public void SetupMillion() => Setup(Million);

    /// <summary>A fresh heap with room for 10^7 ints.</summary>
    [GlobalSetup(Target = nameof(append_1e7))]
    public void SetupTenMillion() => Setup(TenMillion);

    private void Setup(int n)
    {
        _heap = Heaps.New(Python, Sizes.Scale(n) + 1024);
        _liveAfterSetup = _heap.LiveObjectCount;
    }

    /// <summary>Everything built was freed, the counts add up (<c>Verify()</c>), and the last list had
    /// CPython's size for n appends (checked in <see cref="BuildAndFree"/>).</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        FidelityException.Equal(_liveAfterSetup, (long)_heap.LiveObjectCount, "live objects after del");
        if (RecordedListSizes.AfterAppends(Python, _lastN) is long expected)
        {
            FidelityException.Equal(expected, _lastSizeOf, $"sys.getsizeof(data) after {_lastN} appends");
        }
        _heap.Verify();
    }

    /// <summary><c>for i in range(10**6): data.append(i)</c>, then <c>del data</c>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Million)]
    public int append_1e6() => BuildAndFree(Sizes.Scale(Million));

    /// <summary>The same with 10^7 ints.</summary>
    [Benchmark(OperationsPerInvoke = TenMillion)]
    public int append_1e7() => BuildAndFree(Sizes.Scale(TenMillion));

    /// <summary><c>x = [i for i in range(10**6)]</c>, then <c>del x</c>: <c>LIST_APPEND</c> grows the list as
    /// <c>append</c> does, so in the core API it is the same sequence of operations.</summary>
    [Benchmark(OperationsPerInvoke = Million)]
    public int lesson_range_list_1e6() => BuildAndFree(Sizes.Scale(Million));

    private int BuildAndFree(int n)
    {
        PyRef data = Shapes.AppendInts(_heap, n);
        int len = _heap.ListLength(data);
        _lastSizeOf = _heap.GetSizeOf(data);
        _lastN = n;
        _heap.DecRef(data);
        return len;
    }
}
