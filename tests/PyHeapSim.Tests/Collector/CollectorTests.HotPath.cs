namespace PyHeapSim.Tests.Collector;

/// <summary>The collection phases allocate nothing on the host for live objects, and a collection
/// called from inside a collection does nothing.</summary>
public sealed partial class CollectorTests
{
    private PyRef BuildLiveHeap(int pairs)
    {
        PyRef cls = Class("C");
        PyRef root = _heap.NewList();
        for (int i = 0; i < pairs; i++)
        {
            PyRef a = _heap.NewInstance(cls), b = _heap.NewList();
            _heap.SetAttr(a, "o", b);
            _heap.ListAppend(b, a);
            PyRef d = _heap.NewDict();
            _heap.IncRef(a);
            Put(d, Int(i), a);
            _heap.ListAppend(root, d);
            Del(d, b);
            _heap.ListAppend(root, a);
            Del(a);
        }
        return root;
    }

    [Test]
    public void Collect_AllLiveHeap_AllocatesNothingOnTheHost()
    {
        PyRef root = BuildLiveHeap(5_000);
        _heap.Collect();
        _heap.Collect(0);
        // The best of a few rounds: the first rounds may run while the JIT is still tiering the phases up.
        long allocated = long.MaxValue;
        for (int attempt = 0; attempt < 5 && allocated != 0; attempt++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            _heap.Collect();
            _heap.Collect(1);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        allocated.Should().Be(0, "update_refs … delete_garbage walk columns and struct visitors only");
        Del(root);
    }

    [Test]
    public void Collect_FromAFinalizer_ReturnsZeroWithoutCollecting()
    {
        PyRef f = Class("F", hasDel: true);
        long nested = -1;
        _log.Finalizer = (heap, obj) => nested = heap.Collect();
        PyRef a = Named(f, "a");
        SelfLoop(a);
        Del(a);
        Collect().Should().BeGreaterThan(0);
        nested.Should().Be(0);
        _heap.CollectorStats(2).Collections.Should().Be(2, "the setup's collection and this one; the nested call did not count");
    }
}
