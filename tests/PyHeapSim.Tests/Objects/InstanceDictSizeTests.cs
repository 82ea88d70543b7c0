namespace PyHeapSim.Tests.Objects;

/// <summary>
/// getsizeof of instances and their <c>__dict__</c> as attributes and instances are added (key-sharing
/// dicts, cpython-facts §3.4), against each CPython's recording. Every experiment uses a new class, as the
/// recording script does, so shared-key state never carries over.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class InstanceDictSizeTests(PythonVersion version)
{
    private PyHeap _heap = null!;
    private RecordedSizes _want = null!;
    private readonly List<PyRef> _owned = [];

    [SetUp]
    public void SetUp()
    {
        _heap = Versions.Heap(version);
        _want = RecordedSizes.For(_heap.Profile);
        _owned.Clear();
    }

    [TearDown]
    public void TearDown()
    {
        _heap.DecRefAll(_owned);
        _heap.Verify();
    }

    private PyRef Keep(PyRef r)
    {
        _owned.Add(r);
        return r;
    }

    /// <summary><c>setattr(c, 'a%d' % i, i)</c>.</summary>
    private void SetA(PyRef c, int i)
    {
        PyRef v = _heap.NewInt(i);
        _heap.SetAttr(c, "a" + i, v);
        _heap.DecRef(v);
    }

    /// <summary>An instance of the "xy class": <c>__init__</c> sets <c>self.x = 1; self.y = 2</c>.</summary>
    private PyRef NewXy(PyRef cls)
    {
        PyRef o = _heap.NewInstance(cls);
        PyRef one = _heap.NewInt(1), two = _heap.NewInt(2);
        _heap.SetAttr(o, "x", one);
        _heap.SetAttr(o, "y", two);
        _heap.DecRef(one);
        _heap.DecRef(two);
        return o;
    }

    private long DictSize(PyRef obj) => _heap.GetSizeOf(_heap.GetInstanceDict(obj));

    [Test]
    [RecordedKey("instance_dict_attrs", "instance_size_attrs")]
    public void DictReadAtEveryStep_41Attributes_SizesMatch()
    {
        // ≤3.10: 104 → 144 → 232 → 400 as the class's keys are re-shared larger;
        // 3.11+: 296 until the 30-entry budget is used, then a combined all-str table (1584).
        PyRef c = Keep(_heap.NewInstance(Keep(_heap.NewClass("C"))));
        var dicts = new List<long> { DictSize(c) };
        var sizes = new List<long> { _heap.GetSizeOf(c) };
        for (int i = 0; i <= 40; i++)
        {
            SetA(c, i);
            dicts.Add(DictSize(c));
            sizes.Add(_heap.GetSizeOf(c));
        }
        dicts.Should().Equal(_want.Sequence("instance_dict_attrs"));
        sizes.Should().Equal(_want.Sequence("instance_size_attrs"));
    }

    [Test]
    [RecordedKey("instance_size_attrs_late", "instance_dict_attrs_late_final")]
    public void DictNeverRead_41Attributes_InstanceSizeFixed_FinalDictMatches()
    {
        PyRef c = Keep(_heap.NewInstance(Keep(_heap.NewClass("C"))));
        var sizes = new List<long> { _heap.GetSizeOf(c) };
        for (int i = 0; i <= 40; i++)
        {
            SetA(c, i);
            sizes.Add(_heap.GetSizeOf(c));
        }
        sizes.Should().Equal(_want.Sequence("instance_size_attrs_late"));
        DictSize(c).Should().Be(_want.Sequence("instance_dict_attrs_late_final")[0]);
    }

    [Test]
    [RecordedKey("instance_dict_attrs_late_n")]
    public void DictReadFirstAfterNAttributes_N0To40_SizeMatches()
    {
        long[] want = _want.Sequence("instance_dict_attrs_late_n");
        var got = new long[want.Length];
        for (int n = 0; n < want.Length; n++)
        {
            PyRef cls = _heap.NewClass("C");
            PyRef c = _heap.NewInstance(cls);
            for (int i = 0; i < n; i++) SetA(c, i);
            got[n] = DictSize(c);
            _heap.DecRef(c);
            _heap.DecRef(cls);
        }
        got.Should().Equal(want);
    }

    [Test]
    [RecordedKey("instance_dict_nth_instance", "instance_dict_nth_instance_final")]
    public void KthInstanceOfXyClass_DictReadAtCreation_SizesMatch()
    {
        // 3.11+: each new instance takes one usable shared-key entry (296, 288, …, floor 88), and a split
        // dict's size is computed from the shared keys when asked, so all 40 read 88 at the end.
        PyRef d = Keep(_heap.NewClass("D"));
        var instances = new List<PyRef>();
        var atCreation = new List<long>();
        for (int k = 1; k <= 40; k++)
        {
            PyRef o = Keep(NewXy(d));
            instances.Add(o);
            atCreation.Add(DictSize(o));
        }
        atCreation.Should().Equal(_want.Sequence("instance_dict_nth_instance"));
        instances.Select(DictSize).Should().Equal(_want.Sequence("instance_dict_nth_instance_final"));
    }

    [Test]
    [RecordedKey("instance_dict_nth_instance_late_final", "instance_size_nth_instance")]
    public void FortyXyInstancesThenDictsRead_SizesMatch()
    {
        PyRef d = Keep(_heap.NewClass("D"));
        var instances = new List<PyRef>();
        for (int k = 0; k < 40; k++) instances.Add(Keep(NewXy(d)));
        instances.Select(DictSize).Should().Equal(_want.Sequence("instance_dict_nth_instance_late_final"));
        instances.Select(o => _heap.GetSizeOf(o)).Should().Equal(_want.Sequence("instance_size_nth_instance"));
    }

    [Test]
    public void ClassSize_FollowsItsCachedKeys()
    {
        // type.__sizeof__ counts ht_cached_keys at call time (measured on every interpreter):
        // 3.8/3.9 1064 → 1192 (re-shared at 16 slots) → 896 (sharing off); 3.11+ constant (keys never re-shared).
        PyRef f = Keep(_heap.NewClass("F"));
        PyRef a = Keep(_heap.NewInstance(f));
        PyRef b = Keep(_heap.NewInstance(f));
        long fresh = _heap.GetSizeOf(f);
        for (int i = 0; i < 6; i++) SetA(a, i);
        long reshared = _heap.GetSizeOf(f);
        for (int i = 0; i < 11; i++)
        {
            PyRef v = _heap.NewInt(i);
            _heap.SetAttr(b, "y" + i, v);
            _heap.DecRef(v);
        }
        long unshared = _heap.GetSizeOf(f);
        long slots = _heap.GetSizeOf(Keep(_heap.NewClass("S", slots: [])));
        long[] want = _heap.Profile.Name switch
        {
            "3.8" or "3.9" => [1064, 1192, 896, 896],
            "3.10" => [1072, 1200, 904, 904],
            "3.11" => [1688, 1688, 1688, 920],
            "3.12" => [1704, 1704, 1704, 936],
            _ => [1712, 1712, 1712, 944],
        };
        new[] { fresh, reshared, unshared, slots }.Should().Equal(want);
    }
}
