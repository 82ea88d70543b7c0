namespace PyHeapSim.Tests.Memory;

/// <summary>
/// Allocating and freeing through pymalloc allocates nothing on the host once the tables have grown
/// (design.md, "The hot path"). Counts host bytes, not time: no timing assertions here.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class HotPathTests(PythonVersion version)
{
    /// <summary>Host bytes allocated by <paramref name="loop"/> once tables have grown: the best of a few rounds,
    /// since a round that runs while the JIT replaces a method (tiering, OSR) may allocate for the JIT itself.</summary>
    private static long HostBytes(Action loop)
    {
        loop();                                             // grow tables, JIT
        long best = long.MaxValue;
        for (int attempt = 0; attempt < 5 && best != 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            loop();
            best = Math.Min(best, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return best;
    }

    [Test]
    public void NewListDecRef_AllocatesNothingOnTheHost([Values(false, true)] bool tracing)
    {
        PyHeap heap = Versions.Heap(version);
        if (tracing) heap.TracemallocStart();
        HostBytes(() =>
        {
            for (int i = 0; i < 100_000; i++) heap.DecRef(heap.NewList());
        }).Should().Be(0);
        heap.Verify();
    }

    [Test]
    public void NewIntDecRef_ThroughPymallocEveryTime_AllocatesNothingOnTheHost([Values(false, true)] bool tracing)
    {
        PyHeap heap = Versions.Heap(version);
        if (tracing) heap.TracemallocStart();
        var keep = new PyRef[3000];
        HostBytes(() =>
        {
            // Fill and empty several pools so pools and arenas move between lists too.
            for (int round = 0; round < 20; round++)
            {
                for (int i = 0; i < keep.Length; i++) keep[i] = heap.NewInt(1000 + i);
                for (int i = 0; i < keep.Length; i += 2) heap.DecRef(keep[i]);
                for (int i = 1; i < keep.Length; i += 2) heap.DecRef(keep[i]);
            }
        }).Should().Be(0);
        heap.Verify();
    }

    [Test]
    public void NewTupleDecRef_FromTheTupleFreeList_AllocatesNothingOnTheHost()
    {
        PyHeap heap = Versions.Heap(version);
        PyRef a = heap.NewList();
        PyRef b = heap.NewList();
        HostBytes(() =>
        {
            for (int i = 0; i < 100_000; i++) heap.DecRef(heap.NewTuple(a, b));
        }).Should().Be(0);
        heap.Verify();
    }

    [Test]
    public void NewInstanceDecRef_AllocatesNothingOnTheHost()
    {
        PyHeap heap = Versions.Heap(version);
        PyRef cls = heap.NewClass("C");
        HostBytes(() =>
        {
            for (int i = 0; i < 100_000; i++) heap.DecRef(heap.NewInstance(cls));
        }).Should().Be(0);
        heap.Verify();
    }

    [Test]
    public void RecycledTupleItemArray_HoldsOnlyTheNewItems()
    {
        PyHeap heap = Versions.Heap(version);
        PyRef a = heap.NewList();
        PyRef b = heap.NewList();
        PyRef c = heap.NewDict();
        PyRef d = heap.NewDict();
        heap.DecRef(heap.NewTuple(a, b));
        PyRef t = heap.NewTuple(c, d);
        heap.GetReferents(t).Should().Equal(d, c); // tupletraverse visits the last item first
        heap.RefCount(a).Should().Be(1);
        heap.RefCount(c).Should().Be(2);
        heap.Verify();
    }

    [Test]
    public void RecycledInstanceValues_StartEmpty()
    {
        PyHeap heap = Versions.Heap(version);
        PyRef cls = heap.NewClass("C");
        PyRef first = heap.NewInstance(cls);
        PyRef value = heap.NewList();
        heap.SetAttr(first, "x", value);
        heap.DecRef(first);
        heap.RefCount(value).Should().Be(1, "the dead instance dropped its attribute");
        PyRef second = heap.NewInstance(cls);
        heap.GetAttr(second, "x").IsNull.Should().BeTrue("a new instance has no attributes, whatever array it got");
        heap.SetAttr(second, "y", value);
        heap.GetAttr(second, "y").Should().Be(value);
        heap.GetAttr(second, "x").IsNull.Should().BeTrue();
        heap.Verify();
    }
}
