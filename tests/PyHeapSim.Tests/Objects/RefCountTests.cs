namespace PyHeapSim.Tests.Objects;

/// <summary>The lesson's reference-count scenarios through the C# API.</summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class RefCountTests(PythonVersion version)
{
    private PyHeap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = Versions.Heap(version);

    [TearDown]
    public void TearDown() => _heap.Verify();

    [Test]
    public void NewList_HasOneReference()
    {
        PyRef a = _heap.NewList();
        _heap.RefCount(a).Should().Be(1);
        _heap.GetRefCount(a).Should().Be(2, "sys.getrefcount adds its own argument");
        _heap.DecRef(a);
    }

    [Test]
    public void AliasThenDropOriginal_ListKeepsOneReference()
    {
        // a = [1, 2, 3]; b = a; a = None
        PyRef a = _heap.NewList();
        foreach (int i in new[] { 1, 2, 3 })
        {
            PyRef x = _heap.NewInt(i);
            _heap.ListAppend(a, x);
            _heap.DecRef(x);
        }
        _heap.IncRef(a); // b = a
        PyRef b = a;
        _heap.RefCount(a).Should().Be(2);
        _heap.DecRef(a); // a = None
        _heap.RefCount(b).Should().Be(1);
        _heap.IsAlive(b).Should().BeTrue();
        _heap.DecRef(b);
        _heap.IsAlive(b).Should().BeFalse();
    }

    [Test]
    public void ListHeldByTwoContainers_CountsBoth()
    {
        PyRef shared = _heap.NewList();
        PyRef c1 = _heap.NewList();
        PyRef c2 = _heap.NewDict();
        PyRef key = _heap.NewStr("k");
        _heap.ListAppend(c1, shared);
        _heap.DictSetItem(c2, key, shared);
        _heap.RefCount(shared).Should().Be(3);
        _heap.DecRef(c1);
        _heap.RefCount(shared).Should().Be(2);
        _heap.DecRef(c2);
        _heap.RefCount(shared).Should().Be(1);
        _heap.DecRef(key);
        _heap.DecRef(shared);
    }

    [Test]
    public void SameItemAppendedTwice_CountsTwice()
    {
        PyRef x = _heap.NewList();
        PyRef l = _heap.NewList();
        _heap.ListAppend(l, x);
        _heap.ListAppend(l, x);
        _heap.GetRefCount(x).Should().Be(4);
        _heap.DecRef(l);
        _heap.GetRefCount(x).Should().Be(2);
        _heap.DecRef(x);
    }

    [Test]
    public void SmallInts_AreCached()
    {
        PyRef a = _heap.NewInt(256);
        PyRef b = _heap.NewInt(256);
        a.Should().Be(b);
        PyRef c = _heap.NewInt(257);
        PyRef d = _heap.NewInt(257);
        c.Should().NotBe(d);
        foreach (PyRef r in new[] { a, b, c, d }) _heap.DecRef(r);
    }

    [Test]
    public void Singletons_ReportTheVersionsCount()
    {
        long none = _heap.GetRefCount(_heap.None);
        if (_heap.Profile.RefCounts.Immortality == ImmortalityModel.Immortal)
        {
            none.Should().Be(4294967295);
            _heap.GetRefCount(_heap.NewInt(0)).Should().Be(4294967295);
        }
        else
        {
            none.Should().BeLessThan(1_000_000);
        }
    }

    [Test]
    public void InternedString_ImmortalOnlyIn312()
    {
        PyRef s = _heap.NewStr("hello world");
        PyRef i = _heap.Intern(s);
        bool immortal = _heap.Profile.Name == "3.12";
        _heap.IsImmortal(i).Should().Be(immortal);
        if (!immortal) _heap.GetRefCount(i).Should().Be(3);
        _heap.DecRef(s);
        _heap.DecRef(i);
    }
}
