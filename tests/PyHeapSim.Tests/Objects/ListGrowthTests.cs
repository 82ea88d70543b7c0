namespace PyHeapSim.Tests.Objects;

/// <summary>getsizeof after every list operation, against the values recorded from each CPython.</summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class ListGrowthTests(PythonVersion version)
{
    private PyHeap _heap = null!;
    private RecordedSizes _want = null!;

    [SetUp]
    public void SetUp()
    {
        _heap = Versions.Heap(version);
        _want = RecordedSizes.For(_heap.Profile);
    }

    [TearDown]
    public void TearDown() => _heap.Verify();

    private long[] Run(int steps, PyRef list, Action<int> step)
    {
        var got = new long[steps + 1];
        got[0] = _heap.GetSizeOf(list);
        for (int i = 1; i <= steps; i++)
        {
            step(i);
            got[i] = _heap.GetSizeOf(list);
        }
        return got;
    }

    [Test]
    [RecordedKey("list_append")]
    public void Append_2000Times_SizeMatchesAfterEveryStep()
    {
        PyRef l = _heap.NewList();
        _heap.Run(2000, l, _ => _heap.ListAppend(l, _heap.None)).Should().Equal(_want.Sequence("list_append"));
        _heap.DecRef(l);
    }

    [Test]
    [RecordedKey("list_insert_front")]
    public void InsertFront_2000Times_SizeMatchesAfterEveryStep()
    {
        PyRef l = _heap.NewList();
        Run(2000, l, _ => _heap.ListInsert(l, 0, _heap.None)).Should().Equal(_want.Sequence("list_insert_front"));
        _heap.DecRef(l);
    }

    [Test]
    [RecordedKey("list_insert_middle")]
    public void InsertMiddle_500Times_SizeMatchesAfterEveryStep()
    {
        PyRef l = _heap.NewList();
        Run(500, l, _ => _heap.ListInsert(l, _heap.ListLength(l) / 2, _heap.None)).Should().Equal(_want.Sequence("list_insert_middle"));
        _heap.DecRef(l);
    }

    [Test]
    [RecordedKey("list_pop_from_append_2000")]
    public void PopFromEnd_2000Times_SizeMatchesAfterEveryStep()
    {
        PyRef l = _heap.NewList();
        for (int i = 0; i < 2000; i++) _heap.ListAppend(l, _heap.None);
        Run(2000, l, _ => _heap.DecRef(_heap.ListPop(l))).Should().Equal(_want.Sequence("list_pop_from_append_2000"));
        _heap.DecRef(l);
    }

    [Test]
    [RecordedKey("list_pop_front_from_append_500")]
    public void PopFront_500Times_SizeMatchesAfterEveryStep()
    {
        PyRef l = _heap.NewList();
        for (int i = 0; i < 500; i++) _heap.ListAppend(l, _heap.None);
        Run(500, l, _ => _heap.DecRef(_heap.ListPop(l, 0))).Should().Equal(_want.Sequence("list_pop_front_from_append_500"));
        _heap.DecRef(l);
    }

    [Test]
    [RecordedKey("list_remove_from_append_300")]
    public void Remove_300Times_SizeMatchesAfterEveryStep()
    {
        PyRef l = _heap.NewList();
        var ints = new PyRef[300];
        for (int i = 0; i < 300; i++)
        {
            ints[i] = _heap.NewInt(i);
            _heap.ListAppend(l, ints[i]);
        }
        Run(300, l, i => _heap.ListRemove(l, ints[i - 1])).Should().Equal(_want.Sequence("list_remove_from_append_300"));
        foreach (PyRef r in ints) _heap.DecRef(r);
        _heap.DecRef(l);
    }

    [Test]
    [RecordedKey("list_extend_from_empty_by_list_n")]
    public void ExtendEmptyByList_N0To200_SizeMatches()
    {
        long[] want = _want.Sequence("list_extend_from_empty_by_list_n");
        for (int n = 0; n <= 200; n++)
        {
            PyRef src = _heap.ListRepeat(_heap.None, n);
            PyRef l = _heap.NewList();
            _heap.ListExtend(l, src);
            _heap.GetSizeOf(l).Should().Be(want[n], $"n = {n}");
            _heap.DecRef(l);
            _heap.DecRef(src);
        }
    }

    [Test]
    [RecordedKey("list_extend_nonempty")]
    public void ExtendNonEmpty_Cumulative_SizeMatches()
    {
        PyRef l = _heap.NewList();
        for (int i = 0; i < 3; i++) _heap.ListAppend(l, _heap.None);
        Run(60, l, k =>
        {
            PyRef src = _heap.ListRepeat(_heap.None, k);
            _heap.ListExtend(l, src);
            _heap.DecRef(src);
        }).Should().Equal(_want.Sequence("list_extend_nonempty"));
        _heap.DecRef(l);
    }

    [Test]
    [RecordedKey("list_repeat_n")]
    public void Repeat_N0To300_SizeMatches()
    {
        long[] want = _want.Sequence("list_repeat_n");
        for (int n = 0; n <= 300; n++)
        {
            PyRef l = _heap.ListRepeat(_heap.None, n);
            _heap.GetSizeOf(l).Should().Be(want[n], $"n = {n}");
            _heap.DecRef(l);
        }
    }

    [Test]
    [RecordedKey("list_clear_after_n")]
    public void ClearAfterAppends_N0To50_SizeMatches()
    {
        long[] want = _want.Sequence("list_clear_after_n");
        for (int n = 0; n <= 50; n++)
        {
            PyRef l = _heap.NewList();
            for (int i = 0; i < n; i++) _heap.ListAppend(l, _heap.None);
            _heap.ListClear(l);
            _heap.GetSizeOf(l).Should().Be(want[n], $"n = {n}");
            _heap.DecRef(l);
        }
    }

    [Test]
    [RecordedKey("list_slice_del")]
    public void SliceDelete_N0To60_SizeMatches()
    {
        long[] want = _want.Sequence("list_slice_del");
        for (int n = 0; n <= 60; n++)
        {
            PyRef l = ListOfRange(n);
            _heap.ListDeleteSlice(l, 2, n / 2);
            _heap.GetSizeOf(l).Should().Be(want[n], $"n = {n}");
            _heap.DecRef(l);
        }
    }

    [Test]
    [RecordedKey("list_slice_assign_grow")]
    public void SliceAssignGrow_N0To60_SizeMatches()
    {
        long[] want = _want.Sequence("list_slice_assign_grow");
        for (int n = 0; n <= 60; n++)
        {
            PyRef l = ListOfRange(n);
            _heap.ListAssignSlice(l, 1, 2, _heap.None, _heap.None, _heap.None, _heap.None, _heap.None);
            _heap.GetSizeOf(l).Should().Be(want[n], $"n = {n}");
            _heap.DecRef(l);
        }
    }

    /// <summary><c>list(range(n))</c>: preallocated exactly (even from 3.10).</summary>
    private PyRef ListOfRange(int n)
    {
        var items = new PyRef[n];
        for (int i = 0; i < n; i++) items[i] = _heap.NewInt(i);
        PyRef l = _heap.ListFromSized(items);
        foreach (PyRef r in items) _heap.DecRef(r);
        return l;
    }

    [Test]
    [RecordedKey("list_from_range_n")]
    public void FromRange_N0To300_SizeMatches()
    {
        long[] want = _want.Sequence("list_from_range_n");
        for (int n = 0; n <= 300; n++)
        {
            PyRef l = ListOfRange(n);
            _heap.GetSizeOf(l).Should().Be(want[n], $"n = {n}");
            _heap.DecRef(l);
        }
    }
}

internal static class ListTestExtensions
{
    public static long[] Run(this PyHeap heap, int steps, PyRef obj, Action<int> step)
    {
        var got = new long[steps + 1];
        got[0] = heap.GetSizeOf(obj);
        for (int i = 1; i <= steps; i++)
        {
            step(i);
            got[i] = heap.GetSizeOf(obj);
        }
        return got;
    }
}
