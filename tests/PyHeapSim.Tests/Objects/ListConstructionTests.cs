namespace PyHeapSim.Tests.Objects;

/// <summary>
/// getsizeof of lists built from other objects — extend by every kind of source, <c>list(x)</c>,
/// comprehensions, copies, slices, concatenation, <c>*=</c> and <c>sorted</c> — against each CPython's recording.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class ListConstructionTests(PythonVersion version)
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

    /// <summary>Runs <paramref name="build"/> with the ints 0 … n−1 for each n; the ints are released after.</summary>
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

    private PyRef ListOfRange(PyRef[] ints) => _heap.ListFromSized(ints);

    [Test]
    [RecordedKey("list_extend_from_empty_by_tuple_n")]
    public void ExtendEmptyByTuple_N0To200_SizeMatches()
    {
        SizesOverRange("list_extend_from_empty_by_tuple_n", ints =>
        {
            PyRef t = _heap.NewTuple(ints);
            PyRef l = _heap.NewList();
            _heap.ListExtend(l, t);
            _heap.DecRef(t);
            return l;
        }).Should().Equal(_want.Sequence("list_extend_from_empty_by_tuple_n"));
    }

    [Test]
    [RecordedKey("list_extend_from_empty_by_range_n")]
    public void ExtendEmptyByRange_LengthHintN_SizeMatches()
    {
        SizesOverRange("list_extend_from_empty_by_range_n", ints =>
        {
            PyRef l = _heap.NewList();
            _heap.ListExtendFromIterable(l, ints, lengthHint: ints.Length);
            return l;
        }).Should().Equal(_want.Sequence("list_extend_from_empty_by_range_n"));
    }

    [Test]
    [RecordedKey("list_extend_from_empty_by_genexpr_n")]
    public void ExtendEmptyByGenerator_DefaultHint8_SizeMatches()
    {
        SizesOverRange("list_extend_from_empty_by_genexpr_n", ints =>
        {
            PyRef l = _heap.NewList();
            _heap.ListExtendFromIterable(l, ints);
            return l;
        }).Should().Equal(_want.Sequence("list_extend_from_empty_by_genexpr_n"));
    }

    [Test]
    [RecordedKey("list_from_tuple_n")]
    public void FromTuple_PreallocatesExactly_SizeMatches()
    {
        SizesOverRange("list_from_tuple_n", ints =>
        {
            PyRef t = _heap.NewTuple(ints);
            PyRef l = _heap.ListFromIterable(t);
            _heap.DecRef(t);
            return l;
        }).Should().Equal(_want.Sequence("list_from_tuple_n"));
    }

    [Test]
    [RecordedKey("list_from_list_n")]
    public void FromList_PreallocatesExactly_SizeMatches()
    {
        SizesOverRange("list_from_list_n", ints =>
        {
            PyRef src = ListOfRange(ints);
            PyRef l = _heap.ListFromIterable(src);
            _heap.DecRef(src);
            return l;
        }).Should().Equal(_want.Sequence("list_from_list_n"));
    }

    [Test]
    [RecordedKey("list_from_iter_n")]
    public void FromRangeIterator_LengthHintWithoutLen_SizeMatches()
    {
        // 3.9: 120, 120, 152, 120 for n = 5, 6, 7, 8 — list_resize's "big jump" rule (cpython-facts §2.1).
        SizesOverRange("list_from_iter_n", ints => _heap.ListFromIterator(ints, ints.Length))
            .Should().Equal(_want.Sequence("list_from_iter_n"));
    }

    [Test]
    [RecordedKey("list_from_genexpr_n")]
    public void FromGenerator_NoHint_SizeMatches()
    {
        SizesOverRange("list_from_genexpr_n", ints => _heap.ListFromIterator(ints))
            .Should().Equal(_want.Sequence("list_from_genexpr_n"));
    }

    [Test]
    [RecordedKey("list_comprehension_n")]
    public void Comprehension_AppendsOneByOne_SizeMatches()
    {
        SizesOverRange("list_comprehension_n", ints =>
        {
            PyRef l = _heap.NewList();
            foreach (PyRef x in ints) _heap.ListAppend(l, x);
            return l;
        }).Should().Equal(_want.Sequence("list_comprehension_n"));
    }

    [Test]
    [RecordedKey("list_copy_n")]
    public void Copy_IsExact_SizeMatches()
    {
        SizesOverRange("list_copy_n", ints =>
        {
            PyRef src = ListOfRange(ints);
            PyRef l = _heap.ListCopy(src);
            _heap.DecRef(src);
            return l;
        }).Should().Equal(_want.Sequence("list_copy_n"));
    }

    [Test]
    [RecordedKey("list_slice_copy_n")]
    public void FullSlice_IsExact_SizeMatches()
    {
        SizesOverRange("list_slice_copy_n", ints =>
        {
            PyRef src = ListOfRange(ints);
            PyRef l = _heap.ListSlice(src, 0, int.MaxValue);
            _heap.DecRef(src);
            return l;
        }).Should().Equal(_want.Sequence("list_slice_copy_n"));
    }

    [Test]
    [RecordedKey("list_concat_n")]
    public void Concat_IsExact_SizeMatches()
    {
        SizesOverRange("list_concat_n", ints =>
        {
            PyRef a = ListOfRange(ints);
            PyRef b = ListOfRange(ints);
            PyRef l = _heap.ListConcat(a, b);
            _heap.DecRef(a);
            _heap.DecRef(b);
            return l;
        }).Should().Equal(_want.Sequence("list_concat_n"));
    }

    [Test]
    [RecordedKey("list_inplace_repeat")]
    public void InplaceRepeatBy2_8Times_SizeMatchesAfterEveryStep()
    {
        PyRef[] ints = _heap.Ints(3);
        PyRef l = ListOfRange(ints);
        _heap.DecRefAll(ints);
        _heap.Run(8, l, _ => _heap.ListInplaceRepeat(l, 2)).Should().Equal(_want.Sequence("list_inplace_repeat"));
        _heap.ListLength(l).Should().Be(3 * 256);
        _heap.DecRef(l);
    }

    [Test]
    [RecordedKey("sorted_range_n")]
    public void SortedRange_ExtendsAnEmptyList_SizeMatches()
    {
        SizesOverRange("sorted_range_n", ints => _heap.Sorted(ints, ints.Length))
            .Should().Equal(_want.Sequence("sorted_range_n"));
    }

    [Test]
    public void FromSet_N0To11_SizeMatchesMeasured()
    {
        // Measured: ≤3.12 preallocate len (even from 3.10); 3.13's list_extend_set calls list_resize(n).
        long[] want = _heap.Profile.Name switch
        {
            "3.8" or "3.9" => [56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 136, 144],
            "3.13" => [56, 88, 120, 120, 120, 120, 152, 120, 120, 152, 152, 152],
            _ => [56, 72, 72, 88, 88, 104, 104, 120, 120, 136, 136, 152],
        };
        _heap.SizesByN(12, n =>
        {
            PyRef[] ints = _heap.Ints(n);
            PyRef set = _heap.SetFromItems(ints);
            PyRef l = _heap.ListFromIterable(set);
            _heap.DecRef(set);
            _heap.DecRefAll(ints);
            return l;
        }).Should().Equal(want);
    }

    [Test]
    public void Sorted_ReversedInts_ComeOutAscending()
    {
        PyRef[] ints = _heap.Ints(5);
        Array.Reverse(ints);
        PyRef l = _heap.Sorted(ints, 5);
        for (int i = 0; i < 5; i++) _heap.IntValue(_heap.ListGetItem(l, i)).Should().Be(i);
        _heap.DecRef(l);
        _heap.DecRefAll(ints);
    }

    [Test]
    public void Sort_MixedStrAndInt_ThrowsAndLeavesListUnchanged()
    {
        PyRef s = _heap.NewStr("b");
        PyRef i = _heap.NewInt(1);
        PyRef l = _heap.NewList(s, i);
        Action sort = () => _heap.ListSort(l);
        sort.Should().Throw<PyTypeException>();
        _heap.ListGetItem(l, 0).Should().Be(s);
        _heap.DecRef(l);
        _heap.DecRef(s);
        _heap.DecRef(i);
    }

    [Test]
    public void Slice_NegativeBounds_CountFromTheEnd()
    {
        PyRef[] ints = _heap.Ints(10);
        PyRef src = ListOfRange(ints);
        PyRef l = _heap.ListSlice(src, -3, -1);
        _heap.ListLength(l).Should().Be(2);
        _heap.IntValue(_heap.ListGetItem(l, 0)).Should().Be(7);
        _heap.GetSizeOf(l).Should().Be(56 + 16);
        _heap.DecRef(l);
        _heap.DecRef(src);
        _heap.DecRefAll(ints);
    }
}
