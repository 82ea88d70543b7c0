using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Tests.Objects;

/// <summary>
/// The host array behind a list's item block grows at least twofold while the simulated block keeps
/// CPython's <c>allocated</c> (ListType.SetCapacity): getsizeof, the traced bytes and the items are what
/// they were with an exact host array, and building a long list reallocates the host array O(log n) times.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class ListHostArrayTests(PythonVersion version)
{
    private PyHeap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = Versions.Heap(version);

    [TearDown]
    public void TearDown() => _heap.Verify();

    [Test]
    public void Append_100000Ints_SizeFollowsCPythonRuleAndHostArrayIsReallocatedRarely()
    {
        PyRef l = _heap.NewList();
        int o = l.Index;
        int reallocations = 0;
        int[]? host = null;
        int allocated = 0;
        for (int i = 0; i < 100_000; i++)
        {
            PyRef x = _heap.NewInt(1000 + i);
            _heap.ListAppend(l, x);
            _heap.DecRef(x);
            // list_resize: keep the block while it fits, else over-allocate with the profile's rule.
            if (i + 1 > allocated) allocated = ListType.OverAllocate(_heap.Profile.Growth.ListGrowth, i, i + 1);
            var d = (ListData)_heap.T.Payload(o)!;
            if (!ReferenceEquals(d.Items, host))
            {
                reallocations++;
                host = d.Items;
            }
            d.Allocated.Should().Be(allocated);
            d.ItemsBytes.Should().Be(8 * allocated);
        }
        // sys.getsizeof: __sizeof__ plus the GC header.
        _heap.GetSizeOf(l).Should().Be(_heap.Profile.Layout.GcHeaderSize + _heap.Profile.Layout.ListBasicSize + 8L * allocated);
        // CPython's eighth-steps reallocate ~90 times on the way to 10^5; the host array far fewer.
        reallocations.Should().BeLessThan(30);
        for (int i = 0; i < 100_000; i += 9973)
        {
            PyRef item = _heap.ListGetItem(l, i); // borrowed
            IntType.Value(_heap, item.Index).Should().Be(1000 + i);
        }
        _heap.DecRef(l);
    }

    [Test]
    public void ShrinkThenRegrow_SlotsPastTheKeptItemsReadZero()
    {
        PyRef l = _heap.NewList();
        int o = l.Index;
        for (int i = 0; i < 1000; i++) _heap.ListAppend(l, _heap.None);
        // Pop to 100 items (CPython shrinks the block on the way), then grow the block without filling it,
        // as list_resize does before a caller writes the new slots.
        for (int i = 0; i < 900; i++) _heap.DecRef(_heap.ListPop(l));
        int size = ListType.Size(_heap, o);
        ListType.Resize(_heap, o, 2000);
        var d = (ListData)_heap.T.Payload(o)!;
        d.Allocated.Should().BeGreaterThanOrEqualTo(2000);
        d.Items.AsSpan(size, d.Allocated - size).ToArray().Should().OnlyContain(v => v == 0);
        _heap.T.SetScalar(o, size);
        _heap.DecRef(l);
    }
}
