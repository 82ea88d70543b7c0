namespace PyHeapSim.Tests.Collector;

/// <summary><c>_PyGC_CollectNoFail</c>, the collections of interpreter shutdown.</summary>
public sealed partial class CollectorTests
{
    [Test]
    public void CollectNoFail_CollectsWhileDisabled_WithoutCallbacks()
    {
        PyRef cls = Class("C");
        PyRef a = Named(cls, "a");
        SelfLoop(a);
        Del(a);
        int starts = 0;
        _heap.CollectionStarting += _ => starts++;
        _heap.CollectorEnabled = false;

        long n = _heap.CollectNoFail();

        // The instance, and up to 3.10 its __dict__ (gc_cycle_kept_alive: 4 for two instances, 2 from 3.11).
        n.Should().Be(version <= PythonVersion.Py310 ? 2 : 1);
        _heap.IsAlive(a).Should().BeFalse();
        starts.Should().Be(0);
        _heap.CollectorEnabled.Should().BeFalse();
    }

    [Test]
    public void CollectNoFail_LeavesThePermanentGeneration()
    {
        PyRef cls = Class("C");
        PyRef a = Named(cls, "a");
        SelfLoop(a);
        Del(a);
        _heap.Freeze();

        _heap.CollectNoFail().Should().Be(0);
        _heap.IsAlive(a).Should().BeTrue();
        _heap.Unfreeze();
        Collect().Should().BeGreaterThan(0);
    }
}
