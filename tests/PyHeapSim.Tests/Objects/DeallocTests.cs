namespace PyHeapSim.Tests.Objects;

[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class DeallocTests(PythonVersion version)
{
    private PyHeap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = Versions.Heap(version);

    [TearDown]
    public void TearDown() => _heap.Verify();

    private sealed class Recorder : IHeapCallbacks
    {
        public List<string> Log { get; } = [];

        public void RunFinalizer(PyHeap heap, PyRef obj)
        {
            PyRef name = heap.GetAttr(obj, "name");
            Log.Add("del " + heap.StrValue(name));
        }

        public void RunWeakRefCallback(PyHeap heap, PyRef callback, PyRef weakRef) =>
            Log.Add("cb " + heap.StrValue(callback));
    }

    private PyRef Named(PyRef cls, string name)
    {
        PyRef o = _heap.NewInstance(cls);
        PyRef n = _heap.NewStr(name);
        _heap.SetAttr(o, "name", n);
        _heap.DecRef(n);
        return o;
    }

    [Test]
    public void ListDealloc_ReleasesItemsLastToFirst()
    {
        var rec = new Recorder();
        _heap.Callbacks = rec;
        PyRef cls = _heap.NewClass("N");
        _heap.SetHasFinalizer(cls);
        PyRef l = _heap.NewList();
        foreach (string n in new[] { "a", "b", "c" })
        {
            PyRef o = Named(cls, n);
            _heap.ListAppend(l, o);
            _heap.DecRef(o);
        }
        _heap.DecRef(l);
        rec.Log.Should().Equal("del c", "del b", "del a");
        _heap.DecRef(cls);
    }

    [Test]
    public void DictDealloc_ReleasesValuesInInsertionOrder_ParentBeforeChild()
    {
        var rec = new Recorder();
        _heap.Callbacks = rec;
        PyRef cls = _heap.NewClass("N");
        _heap.SetHasFinalizer(cls);
        PyRef d = _heap.NewDict();
        PyRef parent = Named(cls, "parent");
        PyRef child = Named(cls, "child");
        _heap.SetAttr(parent, "child", child);
        _heap.DecRef(child);
        foreach (string k in new[] { "x", "y" })
        {
            PyRef key = _heap.NewStr(k);
            PyRef v = Named(cls, k);
            _heap.DictSetItem(d, key, v);
            _heap.DecRef(key);
            _heap.DecRef(v);
        }
        PyRef pk = _heap.NewStr("p");
        _heap.DictSetItem(d, pk, parent);
        _heap.DecRef(pk);
        _heap.DecRef(parent);
        _heap.DecRef(d);
        rec.Log.Should().Equal("del x", "del y", "del parent", "del child");
        _heap.DecRef(cls);
    }

    [Test]
    public void FinalizerThenWeakRefCallbacks_NewestCallbackFirst()
    {
        var rec = new Recorder();
        _heap.Callbacks = rec;
        PyRef cls = _heap.NewClass("N");
        _heap.SetHasFinalizer(cls);
        PyRef o = Named(cls, "o");
        var wrs = new List<PyRef>();
        foreach (string cb in new[] { "cb1", "cb2", "cb3" })
        {
            PyRef c = _heap.NewStr(cb);
            wrs.Add(_heap.NewWeakRef(o, c));
            _heap.DecRef(c);
        }
        _heap.DecRef(o);
        rec.Log.Should().Equal("del o", "cb cb3", "cb cb2", "cb cb1");
        foreach (PyRef w in wrs)
        {
            PyRef t = _heap.WeakRefTarget(w);
            t.Should().Be(_heap.None);
            _heap.DecRef(t);
            _heap.DecRef(w);
        }
        _heap.DecRef(cls);
    }

    [Test]
    public void DeepNesting_Million_FreedWithoutStackOverflow()
    {
        PyRef outer = _heap.NewList();
        PyRef current = outer;
        _heap.IncRef(current);
        for (int i = 0; i < 1_000_000; i++)
        {
            PyRef inner = _heap.NewList();
            _heap.ListAppend(current, inner);
            _heap.DecRef(current);
            current = inner;
        }
        _heap.DecRef(current);
        int before = _heap.LiveObjectCount;
        _heap.DecRef(outer);
        (before - _heap.LiveObjectCount).Should().Be(1_000_001);
    }

    [Test]
    public void StaleHandle_ThrowsTypedError_HeapStillValid()
    {
        PyRef l = _heap.NewList();
        _heap.DecRef(l);
        PyRef reused = _heap.NewList();
        FluentActions.Invoking(() => _heap.ListAppend(l, _heap.None)).Should().Throw<StaleReferenceException>();
        FluentActions.Invoking(() => _heap.DecRef(l)).Should().Throw<StaleReferenceException>();
        _heap.Verify();
        _heap.DecRef(reused);
    }

    [Test]
    public void DecRefBelowZero_ThrowsNegativeRefCount_CountUnchanged()
    {
        PyRef l = _heap.NewList();
        PyRef holder = _heap.NewList();
        _heap.ListAppend(holder, l);
        _heap.DecRef(l);
        // The caller no longer owns a reference: another DecRef would corrupt the heap.
        FluentActions.Invoking(() => _heap.DecRef(l)).Should().Throw<NegativeRefCountException>();
        _heap.RefCount(l).Should().Be(1);
        _heap.Verify();
        _heap.DecRef(holder);
    }

    [Test]
    public void PopFromEmpty_ThrowsIndexError_ListUnchanged()
    {
        PyRef l = _heap.NewList();
        FluentActions.Invoking(() => _heap.ListPop(l)).Should().Throw<PyValueException>().Which.PythonType.Should().Be("IndexError");
        _heap.GetSizeOf(l).Should().Be(56);
        _heap.DecRef(l);
    }

    /// <summary>Logs each finalizer with the refcount a watched object has at that moment.</summary>
    private sealed class CountWatcher(PyRef watched) : IHeapCallbacks
    {
        public List<string> Log { get; } = [];

        public void RunFinalizer(PyHeap heap, PyRef obj) =>
            Log.Add($"del {heap.StrValue(heap.GetAttr(obj, "name"))} watched={heap.RefCount(watched)}");

        public void RunWeakRefCallback(PyHeap heap, PyRef callback, PyRef weakRef) { }
    }

    [TestCase(new[] { "a", "keep", "c" }, new[] { "del c watched=2", "del a watched=1" })]
    [TestCase(new[] { "a", "c", "keep" }, new[] { "del c watched=1", "del a watched=1" })]
    [TestCase(new[] { "keep", "a", "c" }, new[] { "del c watched=2", "del a watched=2" })]
    public void TupleDealloc_DropsItemsLastToFirst_SurvivorsAndDyingInterleaved(string[] order, string[] expected)
    {
        PyRef keep = _heap.NewList();
        var rec = new CountWatcher(keep);
        _heap.Callbacks = rec;
        PyRef cls = _heap.NewClass("N");
        _heap.SetHasFinalizer(cls);
        var items = new List<PyRef>();
        foreach (string n in order) items.Add(n == "keep" ? keep : Named(cls, n));
        PyRef t = _heap.NewTuple([.. items]);
        foreach (PyRef item in items) if (item != keep) _heap.DecRef(item);
        _heap.RefCount(keep).Should().Be(2);
        _heap.DecRef(t);
        rec.Log.Should().Equal(expected);
        _heap.RefCount(keep).Should().Be(1);
        _heap.DecRef(keep);
        _heap.DecRef(cls);
    }

    [Test]
    public void TupleOfSurvivors_Freed_ItemsKeepTheirOtherReferences()
    {
        PyRef a = _heap.NewList();
        PyRef b = _heap.NewDict();
        long freedBefore = _heap.ObjectsFreed;
        _heap.DecRef(_heap.NewTuple(a, b, a));
        (_heap.ObjectsFreed - freedBefore).Should().Be(1, "only the tuple dies");
        _heap.RefCount(a).Should().Be(1);
        _heap.RefCount(b).Should().Be(1);
        _heap.DecRef(a);
        _heap.DecRef(b);
    }

    [Test]
    public void DeepTupleNesting_FreedWithoutStackOverflow()
    {
        PyRef t = _heap.NewTuple(_heap.None);
        for (int i = 0; i < 300_000; i++)
        {
            PyRef outer = _heap.NewTuple(t);
            _heap.DecRef(t);
            t = outer;
        }
        long live = _heap.LiveObjectCount;
        _heap.DecRef(t);
        (live - _heap.LiveObjectCount).Should().Be(300_001);
    }
}
