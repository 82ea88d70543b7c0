namespace PyHeapSim.Tests.Objects;

/// <summary>getsizeof after every dict operation and for every way of building a dict, against each CPython's recording.</summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class DictGrowthTests(PythonVersion version)
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

    /// <summary><c>d = {}</c>, then <c>d[i] = None</c> for i in 0 … n−1.</summary>
    private PyRef InsertBuilt(PyRef[] ints)
    {
        PyRef d = _heap.NewDict();
        foreach (PyRef k in ints) _heap.DictSetItem(d, k, _heap.None);
        return d;
    }

    [Test]
    [RecordedKey("dict_insert_int", "dict_delete_int_from_2000")]
    public void InsertThenDeleteInts_2000_SizeMatchesAfterEveryStep()
    {
        PyRef[] ints = _heap.Ints(2000);
        PyRef d = _heap.NewDict();
        _heap.Run(2000, d, i => _heap.DictSetItem(d, ints[i - 1], _heap.None)).Should().Equal(_want.Sequence("dict_insert_int"));
        _heap.Run(2000, d, i => _heap.DictDelItem(d, ints[i - 1])).Should().Equal(_want.Sequence("dict_delete_int_from_2000"));
        _heap.DecRef(d);
        _heap.DecRefAll(ints);
    }

    [TestCase(false, "dict_insert_str")]
    [TestCase(true, "dict_insert_str_interned")]
    [RecordedKey("dict_insert_str", "dict_insert_str_interned")]
    public void InsertStrKeys_2000_SizeMatchesAfterEveryStep(bool interned, string key)
    {
        var keys = new List<PyRef>();
        PyRef d = _heap.NewDict();
        _heap.Run(2000, d, i =>
        {
            PyRef k = _heap.NewStr("k" + (i - 1));
            if (interned)
            {
                PyRef ik = _heap.Intern(k);
                _heap.DecRef(k);
                k = ik;
            }
            keys.Add(k);
            _heap.DictSetItem(d, k, _heap.None);
        }).Should().Equal(_want.Sequence(key));
        _heap.DecRef(d);
        _heap.DecRefAll(keys);
    }

    [Test]
    [RecordedKey("dict_delete_then_reinsert")]
    public void DeleteThenReinsert_ResizeCompactsDummies_SizeMatches()
    {
        PyRef[] ints = _heap.Ints(100);
        PyRef d = InsertBuilt(ints);
        var fresh = new List<PyRef>();
        _heap.Run(195, d, step =>
        {
            if (step <= 95)
            {
                _heap.DictDelItem(d, ints[step - 1]);
                return;
            }
            PyRef k = _heap.NewInt(1000 + step - 96);
            fresh.Add(k);
            _heap.DictSetItem(d, k, _heap.None);
        }).Should().Equal(_want.Sequence("dict_delete_then_reinsert"));
        _heap.DecRef(d);
        _heap.DecRefAll(fresh);
        _heap.DecRefAll(ints);
    }

    [Test]
    [RecordedKey("dict_insert_mixed_str_then_int")]
    public void StrKeysThenIntKeys_TableTurnsGeneral_SizeMatches()
    {
        // 3.11+: the first int key converts the all-str table through a resize (184 → 352).
        var keys = new List<PyRef> { _heap.NewStr("a"), _heap.NewStr("b"), _heap.NewStr("c") };
        for (int i = 0; i <= 30; i++) keys.Add(_heap.NewInt(i));
        PyRef d = _heap.NewDict();
        _heap.Run(34, d, i => _heap.DictSetItem(d, keys[i - 1], _heap.None)).Should().Equal(_want.Sequence("dict_insert_mixed_str_then_int"));
        _heap.DecRef(d);
        _heap.DecRefAll(keys);
    }

    [Test]
    [RecordedKey("dict_fromkeys_range_n")]
    public void FromKeysOfRange_InsertsIntoDictCall_SizeMatches()
    {
        SizesOverRange("dict_fromkeys_range_n", ints => _heap.DictFromKeys(ints))
            .Should().Equal(_want.Sequence("dict_fromkeys_range_n"));
    }

    [Test]
    [RecordedKey("dict_from_pairs_n")]
    public void FromZipPairs_SizeMatches()
    {
        SizesOverRange("dict_from_pairs_n", ints => _heap.DictFromPairs(ints.Select(i => (i, i)).ToArray()))
            .Should().Equal(_want.Sequence("dict_from_pairs_n"));
    }

    [Test]
    [RecordedKey("dict_from_tuple_list_n")]
    public void FromListOfPairs_SizeMatches()
    {
        SizesOverRange("dict_from_tuple_list_n", ints => _heap.DictFromPairs(ints.Select(i => (i, _heap.None)).ToArray()))
            .Should().Equal(_want.Sequence("dict_from_tuple_list_n"));
    }

    [Test]
    [RecordedKey("dict_comprehension_n")]
    public void Comprehension_InsertsIntoEmptyDict_SizeMatches()
    {
        SizesOverRange("dict_comprehension_n", InsertBuilt).Should().Equal(_want.Sequence("dict_comprehension_n"));
    }

    [Test]
    [RecordedKey("dict_copy_after_insert_n")]
    public void Copy_ClonesDenseTable_SizeMatches()
    {
        SizesOverRange("dict_copy_after_insert_n", ints =>
        {
            PyRef d = InsertBuilt(ints);
            PyRef c = _heap.DictCopy(d);
            _heap.DecRef(d);
            return c;
        }).Should().Equal(_want.Sequence("dict_copy_after_insert_n"));
    }

    [Test]
    [RecordedKey("dict_from_dict_after_insert_n")]
    public void FromMapping_DictCallThenMerge_SizeMatches()
    {
        // 3.8/3.9: dict(d) of an empty d keeps dict()'s 8-slot table (232), while d.copy() is 64.
        SizesOverRange("dict_from_dict_after_insert_n", ints =>
        {
            PyRef d = InsertBuilt(ints);
            PyRef c = _heap.DictFromMapping(d);
            _heap.DecRef(d);
            return c;
        }).Should().Equal(_want.Sequence("dict_from_dict_after_insert_n"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Display_N0To44_EndsAtTheIncrementalSize(bool strKeys)
    {
        // Measured on 3.8, 3.10, 3.11, 3.13: {0: None, …} and {'k0': None, …} displays (presized, or built
        // by MAP_ADD past 15 pairs from 3.10) end at the size of the same dict built by insertion.
        for (int n = 0; n <= 44; n++)
        {
            PyRef[] keys = Enumerable.Range(0, n).Select(i => strKeys ? _heap.NewStr("k" + i) : _heap.NewInt(i)).ToArray();
            PyRef display = _heap.NewDictDisplay(keys.Select(k => (k, _heap.None)).ToArray());
            PyRef built = _heap.NewDict();
            foreach (PyRef k in keys) _heap.DictSetItem(built, k, _heap.None);
            _heap.GetSizeOf(display).Should().Be(_heap.GetSizeOf(built), $"n = {n}");
            _heap.DecRef(display);
            _heap.DecRef(built);
            _heap.DecRefAll(keys);
        }
    }

    [Test]
    [RecordedKey("dict_clear_after_n")]
    public void ClearAfterInserts_BackToEmptyKeys_SizeMatches()
    {
        SizesOverRange("dict_clear_after_n", ints =>
        {
            PyRef d = InsertBuilt(ints);
            _heap.DictClear(d);
            return d;
        }).Should().Equal(_want.Sequence("dict_clear_after_n"));
    }
}
