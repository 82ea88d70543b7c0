namespace PyHeapSim.Tests.Objects;

/// <summary>getsizeof of sets and frozensets through adds, discards and constructors, against each CPython's recording.</summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class SetGrowthTests(PythonVersion version)
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

    private long[] SizesOverRange(string key, Func<PyRef[], PyRef> build)
    {
        int count = _want.Sequence(key).Length;
        return _heap.SizesByN(count, n =>
        {
            PyRef[] ints = _heap.Ints(n);
            PyRef r = build(ints);
            _heap.DecRefAll(ints);
            return r;
        });
    }

    [Test]
    [RecordedKey("set_add", "set_discard_from_2000")]
    public void AddThenDiscard_2000_SizeMatchesAfterEveryStep()
    {
        PyRef[] ints = _heap.Ints(2000);
        PyRef s = _heap.NewSet();
        _heap.Run(2000, s, i => _heap.SetAdd(s, ints[i - 1])).Should().Equal(_want.Sequence("set_add"));
        _heap.Run(2000, s, i => _heap.SetDiscard(s, ints[i - 1])).Should().Equal(_want.Sequence("set_discard_from_2000"));
        _heap.DecRef(s);
        _heap.DecRefAll(ints);
    }

    [Test]
    [RecordedKey("set_from_range_n")]
    public void FromRange_AddsOneByOne_SizeMatches()
    {
        SizesOverRange("set_from_range_n", ints => _heap.SetFromItems(ints)).Should().Equal(_want.Sequence("set_from_range_n"));
    }

    [Test]
    [RecordedKey("set_from_set_n")]
    public void FromSet_MergePresizes_SizeMatches()
    {
        SizesOverRange("set_from_set_n", ints =>
        {
            PyRef inner = _heap.SetFromItems(ints);
            PyRef s = _heap.SetFromIterable(inner);
            _heap.DecRef(inner);
            return s;
        }).Should().Equal(_want.Sequence("set_from_set_n"));
    }

    [Test]
    [RecordedKey("set_from_list_n")]
    public void FromList_AddsOneByOne_SizeMatches()
    {
        SizesOverRange("set_from_list_n", ints =>
        {
            PyRef l = _heap.ListFromSized(ints);
            PyRef s = _heap.SetFromIterable(l);
            _heap.DecRef(l);
            return s;
        }).Should().Equal(_want.Sequence("set_from_list_n"));
    }

    [Test]
    [RecordedKey("frozenset_from_range_n")]
    public void FrozenSetFromRange_AddsOneByOne_SizeMatches()
    {
        SizesOverRange("frozenset_from_range_n", ints => _heap.NewFrozenSet(ints)).Should().Equal(_want.Sequence("frozenset_from_range_n"));
    }

    [Test]
    public void CopyOfSixItemSet_SizedForItsCount()
    {
        // set(range(6)) has 32 slots (728); its copy is merged into 16 (472) on every version.
        PyRef[] ints = _heap.Ints(6);
        PyRef s = _heap.SetFromItems(ints);
        PyRef c = _heap.SetCopy(s);
        PyRef f = _heap.FrozenSetFromIterable(s);
        (_heap.GetSizeOf(s), _heap.GetSizeOf(c), _heap.GetSizeOf(f)).Should().Be((728L, 472L, 472L));
        _heap.DecRefAll([f, c, s]);
        _heap.DecRefAll(ints);
    }

    [Test]
    public void FrozenSetOfFrozenSet_ReturnsTheSameObject()
    {
        PyRef f = _heap.NewFrozenSet();
        PyRef g = _heap.FrozenSetFromIterable(f);
        g.Should().Be(f);
        _heap.RefCount(f).Should().Be(2);
        _heap.DecRef(g);
        _heap.DecRef(f);
    }
}
