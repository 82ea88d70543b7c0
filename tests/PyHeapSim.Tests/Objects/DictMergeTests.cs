namespace PyHeapSim.Tests.Objects;

/// <summary>
/// <c>dict_merge</c>, <c>PyDict_Copy</c> and <c>dict.fromkeys</c> on shapes the recording does not cover
/// (sparse sources, overlapping keys, set and dict sources, split instance dicts). Expected sizes were
/// measured on 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1 and 3.13.0; they are listed per version name.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class DictMergeTests(PythonVersion version)
{
    private PyHeap _heap = null!;
    private readonly List<PyRef> _owned = [];

    [SetUp]
    public void SetUp()
    {
        _heap = Versions.Heap(version);
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

    /// <summary>The expected value for this heap's version: 3.8, 3.9, 3.10, 3.11, 3.12, 3.13.</summary>
    private long ByVersion(params long[] perVersion) => perVersion[PythonProfiles.All.ToList().IndexOf(_heap.Profile)];

    private PyRef Int(long v) => Keep(_heap.NewInt(v));

    private PyRef IntDict(params long[] keys)
    {
        PyRef d = Keep(_heap.NewDict());
        foreach (long k in keys) _heap.DictSetItem(d, Int(k), Int(k));
        return d;
    }

    /// <summary><c>d = {i: None for i in range(n)}</c>, then <c>del d[i]</c> for all but the last <paramref name="left"/>.</summary>
    private PyRef Sparse(int n, int left)
    {
        PyRef d = Keep(_heap.NewDict());
        for (int i = 0; i < n; i++) _heap.DictSetItem(d, Int(i), _heap.None);
        for (int i = 0; i < n - left; i++) _heap.DictDelItem(d, Int(i));
        return d;
    }

    [TestCase(10, 1, 232, 232, 360, 352)]
    [TestCase(100, 1, 232, 232, 360, 352)]
    [TestCase(100, 3, 232, 232, 360, 352)]
    [TestCase(100, 5, 232, 232, 232, 224)]
    [TestCase(100, 6, 360, 360, 360, 352)]
    [TestCase(100, 11, 640, 640, 640, 632)]
    public void CopyOfSparseDict_MergesIntoEmptyKeysOfSizeOne(int n, int left, long v38, long v39, long v310, long v311)
    {
        // The shared empty keys have size 1, so USABLE_FRACTION(1) = 0 < used always presizes; 3.10+'s size
        // function turns ESTIMATE_SIZE(1..4) into 16 slots.
        PyRef d = Sparse(n, left);
        long want = ByVersion(v38, v39, v310, v311, v311, v311);
        PyRef e = Keep(_heap.NewDict());
        _heap.DictUpdate(e, d);
        new[] { _heap.GetSizeOf(Keep(_heap.DictCopy(d))), _heap.GetSizeOf(Keep(_heap.DictFromMapping(d))), _heap.GetSizeOf(e) }
            .Should().Equal(want, want, want);
    }

    [Test]
    public void CopyOfSparseStrDict_KeepsAllStrKind()
    {
        PyRef d = Keep(_heap.NewDict());
        var keys = Enumerable.Range(0, 10).Select(i => Keep(_heap.NewStr("a" + i))).ToArray();
        foreach (PyRef k in keys) _heap.DictSetItem(d, k, _heap.None);
        for (int i = 0; i < 9; i++) _heap.DictDelItem(d, keys[i]);
        _heap.GetSizeOf(Keep(_heap.DictCopy(d))).Should().Be(ByVersion(232, 232, 360, 272, 272, 272));
    }

    [Test]
    public void UpdateWithOverlappingKeys_NoPresizeWhenTableLooksBigEnough()
    {
        // USABLE_FRACTION(8) = 5 is not < 4, so no resize; the 2 new keys fit: 8 slots everywhere.
        PyRef t = IntDict(1, 2);
        _heap.DictUpdate(t, IntDict(1, 2, 3, 4));
        PyRef u = IntDict(1, 2, 3, 4);
        _heap.DictUpdate(u, IntDict(1, 2));
        (_heap.GetSizeOf(t), _heap.GetSizeOf(u)).Should().Be((ByVersion(232, 232, 232, 224, 224, 224), ByVersion(232, 232, 232, 224, 224, 224)));
    }

    [Test]
    public void FromKeysOfSetsAndDicts_PresizeEvenWhenEmpty()
    {
        PyRef set21 = Keep(_heap.SetFromItems(Enumerable.Range(0, 21).Select(i => Int(i)).ToArray()));
        PyRef set2 = Keep(_heap.SetFromItems(Keep(_heap.NewStr("a")), Keep(_heap.NewStr("b"))));
        PyRef strDict = Keep(_heap.NewDict());
        _heap.DictSetItem(strDict, Keep(_heap.NewStr("a")), Int(1));
        PyRef fromSet21 = Keep(_heap.DictFromKeys(set21));
        new[]
        {
            _heap.GetSizeOf(fromSet21),
            _heap.GetSizeOf(Keep(_heap.DictFromKeys(Keep(_heap.NewSet())))),
            _heap.GetSizeOf(Keep(_heap.DictFromKeys(set2))),
            _heap.GetSizeOf(Keep(_heap.DictFromKeys(strDict))),
            _heap.GetSizeOf(Keep(_heap.DictFromMapping(fromSet21))),
        }.Should().Equal(
            ByVersion(640, 640, 1176, 1168, 1168, 1168),
            ByVersion(232, 232, 232, 224, 224, 224),
            ByVersion(232, 232, 360, 352, 352, 352),
            ByVersion(232, 232, 360, 272, 272, 272),
            ByVersion(640, 640, 1176, 1168, 1168, 1168));
    }

    [Test]
    public void CopyOfInstanceDict_StaysSplit()
    {
        // PyDict_Copy of a split dict shares the keys: 104 (≤3.10), 296 then 288 once another instance exists (3.11+),
        // while dict(d) builds a combined table (232; 3.10: 360 = 16 slots; 3.11+: 272 all-str).
        PyRef cls = Keep(_heap.NewClass("C"));
        PyRef a = Keep(_heap.NewInstance(cls));
        _heap.SetAttr(a, "x", Int(1));
        _heap.SetAttr(a, "y", Int(2));
        PyRef d = _heap.GetInstanceDict(a);
        PyRef copy = Keep(_heap.DictCopy(d));
        PyRef fromMapping = Keep(_heap.DictFromMapping(d));
        (_heap.GetSizeOf(d), _heap.GetSizeOf(copy), _heap.GetSizeOf(fromMapping))
            .Should().Be((ByVersion(104, 104, 104, 296, 296, 296), ByVersion(104, 104, 104, 296, 296, 296), ByVersion(232, 232, 360, 272, 272, 272)));
        PyRef b = Keep(_heap.NewInstance(cls));
        _heap.SetAttr(b, "x", Int(1));
        (_heap.GetSizeOf(copy), _heap.GetSizeOf(_heap.GetInstanceDict(b))).Should().Be((ByVersion(104, 104, 104, 288, 288, 288), ByVersion(104, 104, 104, 288, 288, 288)));
        _heap.IntValue(_heap.DictGetItem(copy, Keep(_heap.NewStr("y")))).Should().Be(2);
    }
}
