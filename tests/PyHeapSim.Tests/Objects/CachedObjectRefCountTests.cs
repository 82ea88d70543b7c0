namespace PyHeapSim.Tests.Objects;

/// <summary>
/// The reference-count facts of cpython-facts §4.2–§4.4 that the API can show: immortal singletons
/// (3.12, 3.13), 3.11's statically allocated objects that start at 999 999 999 and still move, interned
/// strings (immortal only in 3.12), the small-int, one-character and bytes caches, and a class's count
/// rising by one per instance. Expected values were measured with <c>sys.getrefcount</c> on every version.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class CachedObjectRefCountTests(PythonVersion version)
{
    private const long ImmortalCount = 4294967295;
    private const long StaticInitialCount = 999_999_999;

    private PyHeap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = Versions.Heap(version);

    [TearDown]
    public void TearDown() => _heap.Verify();

    private bool IsImmortalVersion => _heap.Profile.Name is "3.12" or "3.13";

    /// <summary>The objects CPython allocates statically: small ints, empty tuple/str/bytes, one-char str and bytes.</summary>
    private PyRef[] NewStaticValues() =>
    [
        _heap.NewInt(0), _heap.NewInt(-5), _heap.NewInt(256), _heap.NewTuple(), _heap.NewStr(""),
        _heap.NewBytes([]), _heap.NewStr("\u00e9"), _heap.NewStr("a"), _heap.NewBytes([200]),
    ];

    /// <summary>The count a static value starts with on 3.11: the probed start-up count for small ints.</summary>
    private long StartupCount(PyRef v) =>
        _heap.TypeName(v) == "int" ? _heap.Profile.RefCounts.StartupSmallIntCounts![(int)_heap.IntValue(v) + 5] : StaticInitialCount;

    [Test]
    public void SmallInts_StartWithTheProbedStartupCounts_UpTo311()
    {
        PyRef one = _heap.NewInt(1);
        if (IsImmortalVersion)
        {
            _heap.Profile.RefCounts.StartupSmallIntCounts.Should().BeNull("3.12+ small ints are immortal");
            _heap.RefCount(one).Should().Be(ImmortalCount);
            return;
        }
        // Start-up objects of every version hold far more references to 1 than to 200 (probed).
        _heap.RefCount(one).Should().Be(_heap.Profile.RefCounts.StartupSmallIntCounts![1 + 5] + 1);
        PyRef twoHundred = _heap.NewInt(200);
        _heap.RefCount(one).Should().BeGreaterThan(_heap.RefCount(twoHundred));
        _heap.DecRef(twoHundred);
        _heap.DecRef(one);
    }

    [Test]
    public void StaticValues_CountByVersion()
    {
        PyRef[] values = NewStaticValues();
        foreach (PyRef v in values)
        {
            long count = _heap.GetRefCount(v);
            switch (_heap.Profile.Name)
            {
                case "3.12" or "3.13":
                    _heap.IsImmortal(v).Should().BeTrue();
                    count.Should().Be(ImmortalCount);
                    break;
                case "3.11":
                    // _PyObject_IMMORTAL_INIT: 999 999 999 (a small int: plus the references start-up objects hold
                    // to it, generated data), plus the reference the API handed out and getrefcount's own.
                    _heap.IsImmortal(v).Should().BeFalse();
                    count.Should().Be(StartupCount(v) + 2);
                    break;
                default:
                    _heap.IsImmortal(v).Should().BeFalse();
                    count.Should().BeLessThan(StaticInitialCount);
                    break;
            }
        }
        _heap.DecRefAll(values);
    }

    [Test]
    public void StaticValues_MoveWithReferencesUnlessImmortal()
    {
        PyRef zero = _heap.NewInt(0);
        long before = _heap.RefCount(zero);
        PyRef again = _heap.NewInt(0);
        PyRef l = _heap.NewList(zero, zero);
        _heap.RefCount(zero).Should().Be(IsImmortalVersion ? before : before + 3);
        _heap.DecRef(l);
        _heap.DecRef(again);
        _heap.RefCount(zero).Should().Be(before);
        _heap.DecRef(zero);
    }

    [Test]
    public void NoneBoolsAndStaticTypes_AreNotStaticHighCountIn311()
    {
        // 3.11: None, True, False, Ellipsis and static types have ordinary counts (None ≈ 5500, int ≈ 99).
        PyRef[] singletons = [_heap.None, _heap.True, _heap.False, _heap.Ellipsis, _heap.NotImplemented, _heap.BuiltinType("int"), _heap.BuiltinType("type")];
        foreach (PyRef s in singletons)
        {
            _heap.IsImmortal(s).Should().Be(IsImmortalVersion);
            if (IsImmortalVersion) _heap.GetRefCount(s).Should().Be(ImmortalCount);
            else _heap.GetRefCount(s).Should().BeLessThan(StaticInitialCount);
        }
    }

    [Test]
    public void None_IncRefAndDecRef_MoveTheCountUnlessImmortal()
    {
        PyRef none = _heap.None;
        long before = _heap.RefCount(none);
        _heap.IncRef(none);
        _heap.RefCount(none).Should().Be(IsImmortalVersion ? ImmortalCount : before + 1);
        _heap.DecRef(none);
        if (IsImmortalVersion)
        {
            // Py_DECREF skips immortal objects: dropping references nobody owns changes nothing.
            for (int i = 0; i < 10; i++) _heap.DecRef(none);
        }
        _heap.RefCount(none).Should().Be(before);
    }

    [Test]
    public void InternedString_ImmortalIn312Only_MortalCountOtherwise()
    {
        // s = 'x y z' + str(1); t = sys.intern(s): getrefcount(t) is 3 (s, t, argument) except in 3.12.
        PyRef s = _heap.NewStr("x y z1");
        PyRef t = _heap.Intern(s);
        t.Should().Be(s);
        _heap.IsImmortal(t).Should().Be(_heap.Profile.Name == "3.12");
        _heap.GetRefCount(t).Should().Be(_heap.Profile.Name == "3.12" ? ImmortalCount : 3);
        _heap.DecRef(t);
        _heap.DecRef(s);
    }

    [Test]
    public void ClassCount_RisesByOnePerInstance()
    {
        PyRef cls = _heap.NewClass("C");
        long c0 = _heap.RefCount(cls);
        PyRef a = _heap.NewInstance(cls);
        _heap.RefCount(cls).Should().Be(c0 + 1);
        PyRef b = _heap.NewInstance(cls);
        _heap.RefCount(cls).Should().Be(c0 + 2);
        _heap.DecRef(a);
        _heap.RefCount(cls).Should().Be(c0 + 1);
        _heap.DecRef(b);
        _heap.RefCount(cls).Should().Be(c0);
        _heap.DecRef(cls);
    }

    [TestCase(-5, true)]
    [TestCase(256, true)]
    [TestCase(-6, false)]
    [TestCase(257, false)]
    public void SmallIntCache_MinusFiveTo256(long value, bool cached)
    {
        PyRef a = _heap.NewInt(value);
        PyRef b = _heap.NewInt(value);
        (a == b).Should().Be(cached);
        _heap.DecRef(a);
        _heap.DecRef(b);
    }

    [TestCase("\u00e9", true)]
    [TestCase("\u00ff", true)]
    [TestCase("\u012c", false)]
    [TestCase("", true)]
    [TestCase("ab", false)]
    public void StrCache_EmptyAndOneCharLatin1(string text, bool cached)
    {
        PyRef a = _heap.NewStr(text);
        PyRef b = _heap.NewStr(text);
        (a == b).Should().Be(cached);
        if (!cached) _heap.GetRefCount(a).Should().Be(2, "a fresh chr(300) bound to one name");
        _heap.DecRef(a);
        _heap.DecRef(b);
    }

    [TestCase(new byte[0], true)]
    [TestCase(new byte[] { 97 }, true)]
    [TestCase(new byte[] { 255 }, true)]
    [TestCase(new byte[] { 1, 2 }, false)]
    public void BytesCache_EmptyAndSingleByte(byte[] value, bool cached)
    {
        PyRef a = _heap.NewBytes(value);
        PyRef b = _heap.NewBytes(value);
        (a == b).Should().Be(cached);
        _heap.DecRef(a);
        _heap.DecRef(b);
    }

    [Test]
    public void TupleOfTuple_ReturnsTheSameObject()
    {
        PyRef one = _heap.NewInt(1);
        PyRef t = _heap.NewTuple(one);
        PyRef u = _heap.TupleFromIterable(t);
        u.Should().Be(t);
        _heap.GetRefCount(t).Should().Be(3);
        _heap.DecRefAll([one, t, u]);
    }
}
