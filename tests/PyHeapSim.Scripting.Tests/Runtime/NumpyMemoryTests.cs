using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;
using PyHeapSim.Scripting.Builtins;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>
/// The numpy stand-in's memory model (NumPy 1.24, <c>numpy/core/src/multiarray/alloc.c</c>): the
/// dimension cache (16 buckets of <c>npy_intp</c> counts, 7 blocks each, <c>PyMem_RawMalloc</c> so traced
/// while parked), the data cache (1024 byte-count buckets, <c>malloc</c> + <c>PyTraceMalloc_Track</c>, so
/// untracked while parked), and what the array constructors take from them.
/// </summary>
public sealed class NumpyMemoryTests
{
    // ---- the cache itself ----

    [Test]
    public void BlockCache_HandsBackTheLastParkedBlockOfTheSameBucket()
    {
        var cache = new NpyBlockCache(16);
        cache.TryTake(2, out _).Should().BeFalse("an empty bucket is a miss");
        cache.TryPark(2, new NpyBlock(0x100, 16)).Should().BeTrue();
        cache.TryPark(2, new NpyBlock(0x200, 16)).Should().BeTrue();
        cache.TryPark(4, new NpyBlock(0x300, 32)).Should().BeTrue();
        cache.ParkedBytes.Should().Be(64);
        cache.TryTake(3, out _).Should().BeFalse("buckets are per size");
        cache.TryTake(2, out NpyBlock b).Should().BeTrue();
        b.Should().Be(new NpyBlock(0x200, 16));
        cache.Available(2).Should().Be(1);
        cache.ParkedBytes.Should().Be(48);
    }

    [Test]
    public void BlockCache_KeepsSevenBlocksPerBucket_AndNothingPastTheLastBucket()
    {
        var cache = new NpyBlockCache(16);
        for (int i = 1; i <= 7; i++) cache.TryPark(2, new NpyBlock(i * 0x100, 16)).Should().BeTrue();
        cache.TryPark(2, new NpyBlock(0x900, 16)).Should().BeFalse("NCACHE is 7");
        cache.TryPark(16, new NpyBlock(0xa00, 128)).Should().BeFalse("sizes from NBUCKETS_DIM up are not cached");
        cache.Available(2).Should().Be(7);
    }

    [Test]
    public void DimensionBlocks_StayTracedWhileParked_DataBlocksDoNot()
    {
        var heap = new PyHeap(PythonVersion.Py311);
        var np = new NpyAllocator(heap);
        heap.TracemallocStart();
        long Traced() => heap.TracemallocGetTracedMemory().Current;

        NpyBlock dims = np.AllocDims(1);
        dims.Bytes.Should().Be(16, "npy_alloc_cache_dim rounds a request up to 2 npy_intp");
        Traced().Should().Be(16);
        np.FreeDims(dims, 1);
        Traced().Should().Be(16, "a parked PyMem_RawMalloc block is still allocated, so still traced");
        np.AllocDims(2).Address.Should().Be(dims.Address, "the 2-intp bucket hands it back");
        Traced().Should().Be(16);

        NpyBlock data = np.DataNew(80);
        Traced().Should().Be(96);
        np.DataFree(data, 80);
        Traced().Should().Be(16, "PyDataMem_UserFREE untracks before default_free parks the block");
        np.DataNew(80).Address.Should().Be(data.Address, "a request of the same byte count reuses it");
        Traced().Should().Be(96);

        NpyBlock big = np.DataNewZeroed(4096);
        np.DataFree(big, 4096);
        np.Data.Available(4096).Should().Be(0, "requests of 1024 bytes and more bypass the cache");
        Traced().Should().Be(96);
    }

    [Test]
    public void AnEighthFreedDimensionBlock_IsReallyFreed()
    {
        var heap = new PyHeap(PythonVersion.Py311);
        var np = new NpyAllocator(heap);
        heap.TracemallocStart();
        NpyBlock[] blocks = [.. Enumerable.Range(0, 8).Select(_ => np.AllocDims(2))];
        heap.TracemallocGetTracedMemory().Current.Should().Be(8 * 16);
        foreach (NpyBlock b in blocks) np.FreeDims(b, 2);
        heap.TracemallocGetTracedMemory().Current.Should().Be(7 * 16);
        heap.Verify();
    }

    [TestCase(PythonVersion.Py38)]
    [TestCase(PythonVersion.Py311)]
    [TestCase(PythonVersion.Py313)]
    public void ArraysViewsAndCaches_KeepTheHeapAccountingExact(PythonVersion v)
    {
        const string script = """
            import numpy as np
            a = np.arange(1000)
            b = a[10:500:3]
            c = b[::-2]
            d = np.ones((20, 30))
            e = d[3]
            z = np.zeros(5)
            del a
            del b
            keep = [np.empty(7), np.zeros(0), c, e]
            del d
            """;
        var stdout = new StringWriter();
        ScriptResult r = ScriptRunner.Run(script, "t.py", PythonProfiles.For(v), stdout, new StringWriter());
        r.ExitCode.Should().Be(0);
        r.Heap.Verify(strictExternal: false);
    }

    // ---- what the constructors take from the caches (3.11) ----

    private static long[] Costs(string body)
    {
        string script = $$"""
            import gc
            import tracemalloc
            import numpy as np
            gc.disable()
            tracemalloc.start()
            costs = [0] * 8
            made = [None] * 8
            ballast = [None] * 100
            k = 0
            t0 = tracemalloc.get_traced_memory()[0]
            t1 = tracemalloc.get_traced_memory()[0]
            {{body}}
            print(costs)
            """;
        // ballast: the traced total stays above 256, so t0 and t1 are never cached small ints and rebinding them
        // frees the same int inside every measurement (as in the corpus cases).
        string output = Script.Output(script, PythonVersion.Py311).Trim();
        return [.. output.Trim('[', ']').Split(", ").Select(long.Parse)];
    }

    private const string Measure = """
        t0 = tracemalloc.get_traced_memory()[0]
        made[{0}] = {1}
        t1 = tracemalloc.get_traced_memory()[0]
        costs[{0}] = t1 - t0
        """;

    private static string Steps(params string[] calls) =>
        string.Join("\n", calls.Select((c, i) => string.Format(Measure, i, c)));

    [Test]
    public void RightAfterImport_BothTheShapeAndTheDimensionsComeFromTheCache()
    {
        // import numpy leaves the 2-intp bucket full of blocks allocated before tracing started:
        // zeros(10) costs its object (96) and its data (80) only. (Results go into a list made beforehand:
        // a new global name could resize the module's dict inside the measurement.)
        Costs(Steps("np.zeros(10)"))[0].Should().Be(176);
    }

    [Test]
    public void WithTheCacheDrained_TheShapeTemporaryIsParkedAndReusedByTheNextArray()
    {
        string drain = "keep = []\nfor k in range(8):\n    keep.append(np.zeros(1))\n";
        long[] costs = Costs(drain + Steps("np.zeros(10)", "np.empty(10)", "np.arange(10)", "np.zeros(10)"));
        costs[0].Should().Be(96 + 80 + 16, "zeros: the shape temporary's block is parked, the new dims block is kept");
        costs[1].Should().Be(96 + 80 + 16, "empty: the parked block serves as its shape temporary and is parked again");
        costs[2].Should().Be(96 + 80, "arange has no shape temporary: its dims take the parked block");
        costs[3].Should().Be(96 + 80 + 32, "the bucket is empty again: shape and dims are both new");
    }

    [Test]
    public void Ones_KeepsTheDispatchWrappersCopiedKeywordTable()
    {
        // numeric.ones calls multiarray.copyto(a, 1, casting='unsafe') through def public_api(*args, **kwargs):
        // dispatcher(*args, **kwargs) clones the keyword dict's 120-byte keys table, which ends up parked.
        long[] costs = Costs(Steps("np.empty(10)", "np.ones(10)", "np.empty(10)", "np.ones(10)"));
        (costs[1] - costs[0]).Should().Be(120);
        (costs[3] - costs[2]).Should().Be(120);
    }

    [Test]
    public void AView_OwnsNoData_AndItsDimensionsAreParkedWhenItDies()
    {
        string body = "a = np.arange(1000)\n" + Steps("a[10:20]") + "\nt0 = tracemalloc.get_traced_memory()[0]\nmade[0] = None\nt1 = tracemalloc.get_traced_memory()[0]\ncosts[1] = t1 - t0\n";
        long[] costs = Costs(body);
        costs[0].Should().Be(96, "the view's object; its dims block comes from the cache and it shares a's data");
        costs[1].Should().Be(-96, "its dims block goes back to the cache");
    }
}
