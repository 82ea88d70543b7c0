namespace PyHeapSim.Tests.Memory;

/// <summary>Instances: the object, its dict (3.8–3.10) or values array (3.11–3.12) or inline values (3.13+).</summary>
public sealed partial class ProbeReplayTests
{
    // CPython 3.10–3.12 free an untraced block of their own while the first instance of a class with
    // __init__ is made, in some runs only: the first instance's block count is not compared there.
    private bool FirstInstanceBlocksUnstable => _recorded.Probe("point_instance_1").Blocks is null
        || version is PythonVersion.Py310 or PythonVersion.Py311 or PythonVersion.Py312;

    [Test]
    public void PointInstances_OneToTwelve_EachCostsWhatTheVersionAllocates()
    {
        // class Point: def __init__(self): self.x = 1; self.y = 2
        // region i: pts[i] = Point()    (instance dicts, where there are any, come fresh)
        PyRef cls = _heap.NewClass("Point");
        _hold.Add(cls);
        var hold2 = new List<PyRef>();
        for (int i = 1; i <= 12; i++)
        {
            Release(hold2);
            for (int d = 0; d < 100; d++) hold2.Add(_heap.NewDict());
            (long bytes, long blocks) = Measure(() => Keep(1, () =>
            {
                PyRef p = _heap.NewInstance(cls);
                PyRef one = _heap.NewInt(1), two = _heap.NewInt(2);
                _heap.SetAttr(p, "x", one);
                _heap.SetAttr(p, "y", two);
                _heap.DecRef(one);
                _heap.DecRef(two);
                return p;
            }));
            (long? recordedBytes, long? recordedBlocks) = _recorded.Probe($"point_instance_{i}");
            bytes.Should().Be(recordedBytes!.Value, $"traced bytes of instance {i}");
            if (recordedBlocks is { } n && !(i == 1 && FirstInstanceBlocksUnstable)) blocks.Should().Be(n, $"blocks of instance {i}");
        }
        Release(hold2);
    }

    [Test]
    public void PlainInstances_OneToThree_WithoutAttributes()
    {
        PyRef cls = _heap.NewClass("Plain");
        _hold.Add(cls);
        for (int i = 1; i <= 3; i++)
        {
            Expect($"plain_instance_{i}", Measure(() => Keep(1, () => _heap.NewInstance(cls))));
        }
    }
}
