using System.Numerics;

namespace PyHeapSim.Tests.Objects;

/// <summary>
/// <c>sys.getsizeof(eval(key))</c> for every key of the recorded <c>values</c> table, built through the
/// public API, against each CPython's recording.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class ValueSizeTests(PythonVersion version)
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

    /// <summary>Builds the value of one expression; whatever else must stay alive meanwhile goes to <c>keep</c>.</summary>
    private delegate PyRef Builder(PyHeap h, List<PyRef> keep);

    private static PyRef Own(PyHeap h, PyRef borrowed)
    {
        h.IncRef(borrowed);
        return borrowed;
    }

    private static PyRef K(PyHeap h, List<PyRef> keep, PyRef r)
    {
        keep.Add(r);
        return r;
    }

    private static PyRef[] IntsKept(PyHeap h, List<PyRef> keep, params long[] values)
    {
        var r = new PyRef[values.Length];
        for (int i = 0; i < values.Length; i++) r[i] = K(h, keep, h.NewInt(values[i]));
        return r;
    }

    private static PyRef Class(PyHeap h, List<PyRef> keep, string name, IReadOnlyList<string>? slots = null) =>
        K(h, keep, h.NewClass(name, slots: slots));

    /// <summary>Every expression of the <c>values</c> table, in file order, and how the API builds it.</summary>
    private static readonly Dictionary<string, Builder> Builders = new()
    {
        ["E"] = (h, k) => h.NewClass("E"),
        ["None"] = (h, k) => Own(h, h.None),
        ["True"] = (h, k) => Own(h, h.True),
        ["False"] = (h, k) => Own(h, h.False),
        ["..."] = (h, k) => Own(h, h.Ellipsis),
        ["NotImplemented"] = (h, k) => Own(h, h.NotImplemented),
        ["0"] = (h, k) => h.NewInt(0),
        ["1"] = (h, k) => h.NewInt(1),
        ["-1"] = (h, k) => h.NewInt(-1),
        ["2**30"] = (h, k) => h.NewInt(1L << 30),
        ["2**60"] = (h, k) => h.NewInt(1L << 60),
        ["10**20"] = (h, k) => h.NewInt(BigInteger.Pow(10, 20)),
        ["1.5"] = (h, k) => h.NewFloat(1.5),
        ["0.0"] = (h, k) => h.NewFloat(0.0),
        ["float('inf')"] = (h, k) => h.NewFloat(double.PositiveInfinity),
        ["1+2j"] = (h, k) => h.NewComplex(1, 2),
        ["()"] = (h, k) => h.NewTuple(),
        ["(1,)"] = (h, k) => h.NewTuple(IntsKept(h, k, 1)),
        ["(1, 2)"] = (h, k) => h.NewTuple(IntsKept(h, k, 1, 2)),
        ["[]"] = (h, k) => h.NewList(),
        ["[1, 2]"] = (h, k) => h.NewListDisplay(true, IntsKept(h, k, 1, 2)),
        ["[1, 2, 3]"] = (h, k) => h.NewListDisplay(true, IntsKept(h, k, 1, 2, 3)),
        ["[1, 2, 3, 4, 5]"] = (h, k) => h.NewListDisplay(true, IntsKept(h, k, 1, 2, 3, 4, 5)),
        ["[1, 2, 3, 4, 5, 6]"] = (h, k) => h.NewListDisplay(true, IntsKept(h, k, 1, 2, 3, 4, 5, 6)),
        ["[x, x, x]"] = (h, k) =>
        {
            PyRef x = IntsKept(h, k, 1)[0];
            return h.NewListDisplay(false, x, x, x);
        },
        ["{}"] = (h, k) => h.NewDict(),
        ["{'a': 1}"] = (h, k) => h.NewDictDisplay((K(h, k, h.NewStr("a")), IntsKept(h, k, 1)[0])),
        ["{1: 1}"] = (h, k) =>
        {
            PyRef one = IntsKept(h, k, 1)[0];
            return h.NewDictDisplay((one, one));
        },
        ["dict()"] = (h, k) => h.CallDict(),
        // The keyword arguments arrive as a presized dict (_PyStack_AsDict / _PyDict_FromItems), then dict_merge.
        ["dict(a=1)"] = (h, k) => h.DictFromMapping(K(h, k, h.NewDictDisplay((K(h, k, h.NewStr("a")), IntsKept(h, k, 1)[0])))),
        ["dict.fromkeys('')"] = (h, k) => h.DictFromKeys(Array.Empty<PyRef>()),
        ["set()"] = (h, k) => h.NewSet(),
        ["frozenset()"] = (h, k) => h.NewFrozenSet(),
        ["{1, 2, 3}"] = (h, k) => h.NewSetDisplay(true, IntsKept(h, k, 1, 2, 3)),
        ["{1, 2, 3, 4, 5}"] = (h, k) => h.NewSetDisplay(true, IntsKept(h, k, 1, 2, 3, 4, 5)),
        ["{x, 2, 3}"] = (h, k) => h.NewSetDisplay(false, IntsKept(h, k, 1, 2, 3)),
        ["object()"] = (h, k) => h.NewObject(),
        ["b''"] = (h, k) => h.NewBytes([]),
        ["b'a'"] = (h, k) => h.NewBytes("a"u8),
        ["bytearray()"] = (h, k) => h.NewByteArray([]),
        ["bytearray(b'a')"] = (h, k) => h.NewByteArray("a"u8),
        ["''"] = (h, k) => h.NewStr(""),
        ["'a'"] = (h, k) => h.NewStr("a"),
        ["'\\xe9'"] = (h, k) => h.NewStr("\u00e9"),
        ["chr(0xe9)"] = (h, k) => h.NewStr("\u00e9"),
        ["'\\xe9\\xe9'"] = (h, k) => h.NewStr("\u00e9\u00e9"),
        ["'\\u0100'"] = (h, k) => h.NewStr("\u0100"),
        ["'\\U0001f600'"] = (h, k) => h.NewStr("\U0001F600"),
        ["range(5)"] = (h, k) => h.NewBuiltinObject("range", IntsKept(h, k, 0, 5, 1, 5)),
        ["lambda: 0"] = (h, k) => h.NewBuiltinObject("function"),
        ["weakref.ref(e)"] = (h, k) => h.NewWeakRef(K(h, k, h.NewInstance(Class(h, k, "E")))),
        ["E()"] = (h, k) => h.NewInstance(Class(h, k, "E")),
        ["Slots0()"] = (h, k) => h.NewInstance(Class(h, k, "Slots0", [])),
        ["SlotsA()"] = (h, k) => h.NewInstance(Class(h, k, "SlotsA", ["a"])),
        ["SlotsAB()"] = (h, k) => h.NewInstance(Class(h, k, "SlotsAB", ["a", "b"])),
        ["SlotsADict()"] = (h, k) => h.NewInstance(Class(h, k, "SlotsADict", ["a", "__dict__"])),
        ["SlotsAWeakref()"] = (h, k) => h.NewInstance(Class(h, k, "SlotsAWeakref", ["a", "__weakref__"])),
        ["type"] = (h, k) => Own(h, h.BuiltinType("type")),
        ["int"] = (h, k) => Own(h, h.BuiltinType("int")),
        ["object"] = (h, k) => Own(h, h.BuiltinType("object")),
        ["iter([])"] = (h, k) => h.NewBuiltinObject("list_iterator", K(h, k, h.NewList())),
        ["iter(())"] = (h, k) => h.NewBuiltinObject("tuple_iterator", K(h, k, h.NewTuple())),
        ["iter(range(3))"] = (h, k) => h.NewBuiltinObject("range_iterator"),
        ["iter({})"] = (h, k) => h.NewBuiltinObject("dict_keyiterator", K(h, k, h.NewDict())),
        ["iter('')"] = (h, k) => h.NewBuiltinObject("str_iterator", K(h, k, h.NewStr(""))),
        ["enumerate([])"] = (h, k) => h.NewBuiltinObject("enumerate", K(h, k, h.NewBuiltinObject("list_iterator", K(h, k, h.NewList())))),
        ["zip([], [])"] = (h, k) => h.NewBuiltinObject("zip", K(h, k, h.NewTuple(
            K(h, k, h.NewBuiltinObject("list_iterator", K(h, k, h.NewList()))),
            K(h, k, h.NewBuiltinObject("list_iterator", K(h, k, h.NewList())))))),
        ["M().m"] = (h, k) => h.NewBuiltinObject("method",
            K(h, k, h.NewBuiltinObject("function")), K(h, k, h.NewInstance(Class(h, k, "M")))),
        ["g()"] = (h, k) => h.NewBuiltinObject("generator"),
        ["sorted(range(10))"] = (h, k) => h.Sorted(IntsKept(h, k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 10),
    };

    public static IEnumerable<string> Keys => Builders.Keys;

    [TestCaseSource(nameof(Keys))]
    public void Value_SizeMatchesRecording(string expression)
    {
        var keep = new List<PyRef>();
        PyRef value = Builders[expression](_heap, keep);
        long size = _heap.GetSizeOf(value);
        _heap.DecRef(value);
        _heap.DecRefAll(keep);
        size.Should().Be(_want.Value(expression), expression);
    }

    [Test]
    public void EveryRecordedValue_HasABuilder()
    {
        _want.ValueKeys().Should().BeEquivalentTo(Builders.Keys);
    }
}
