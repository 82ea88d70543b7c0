using System.Numerics;

namespace PyHeapSim.Tests.Objects;

/// <summary>getsizeof of tuples, bytes, bytearrays, str of every kind and ints of every digit count, against each CPython's recording.</summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class ScalarSizeTests(PythonVersion version)
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

    /// <summary>Sizes for every n the recording has (entries recorded as null are compared as -1).</summary>
    private long[] Sizes(string key, Func<int, PyRef> build)
    {
        long[] want = _want.Sequence(key);
        var got = new long[want.Length];
        for (int n = 0; n < want.Length; n++)
        {
            if (want[n] < 0)
            {
                got[n] = -1;
                continue;
            }
            PyRef r = build(n);
            got[n] = _heap.GetSizeOf(r);
            _heap.DecRef(r);
        }
        return got;
    }

    [Test]
    [RecordedKey("tuple_n")]
    public void TupleOfRange_N0To100_SizeMatches()
    {
        Sizes("tuple_n", n =>
        {
            PyRef[] ints = _heap.Ints(n);
            PyRef l = _heap.ListFromSized(ints);
            PyRef t = _heap.TupleFromIterable(l);
            _heap.DecRef(l);
            _heap.DecRefAll(ints);
            return t;
        }).Should().Equal(_want.Sequence("tuple_n"));
    }

    [Test]
    [RecordedKey("bytes_n")]
    public void BytesOfN_N0To100_SizeMatches()
    {
        Sizes("bytes_n", n => _heap.NewBytes(new byte[n])).Should().Equal(_want.Sequence("bytes_n"));
    }

    [Test]
    [RecordedKey("bytearray_n")]
    public void ByteArrayOfN_BufferIsNPlusOne_SizeMatches()
    {
        Sizes("bytearray_n", n => _heap.NewByteArray(new byte[n])).Should().Equal(_want.Sequence("bytearray_n"));
    }

    [TestCase("str_ascii_n", 'a')]
    [TestCase("str_latin1_n", '\u00e9')]
    [TestCase("str_ucs2_n", '\u0100')]
    [RecordedKey("str_ascii_n", "str_latin1_n", "str_ucs2_n")]
    public void StrRepeat_ByKind_SizeMatches(string key, char c)
    {
        Sizes(key, n => _heap.NewStr(new string(c, n))).Should().Equal(_want.Sequence(key));
    }

    [Test]
    [RecordedKey("str_ucs4_n")]
    public void StrRepeatAstral_Ucs4_SizeMatches()
    {
        Sizes("str_ucs4_n", n => _heap.NewStr(string.Concat(Enumerable.Repeat("\U0001F600", n)))).Should().Equal(_want.Sequence("str_ucs4_n"));
    }

    [Test]
    [RecordedKey("int_pow2_minus1", "int_pow2", "int_neg_pow2")]
    public void IntsAroundPowersOfTwo_B0To200_SizeMatches()
    {
        Sizes("int_pow2_minus1", b => _heap.NewInt(BigInteger.Pow(2, b) - 1)).Should().Equal(_want.Sequence("int_pow2_minus1"));
        Sizes("int_pow2", b => _heap.NewInt(BigInteger.Pow(2, b))).Should().Equal(_want.Sequence("int_pow2"));
        Sizes("int_neg_pow2", b => _heap.NewInt(-BigInteger.Pow(2, b))).Should().Equal(_want.Sequence("int_neg_pow2"));
    }
}
