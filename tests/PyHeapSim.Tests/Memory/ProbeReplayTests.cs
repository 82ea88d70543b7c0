namespace PyHeapSim.Tests.Memory;

/// <summary>
/// Replays the regions of <c>data/alloc-probes/probe.py</c> through the heap API and compares the
/// tracemalloc and <c>sys.getallocatedblocks()</c> deltas with what each real interpreter recorded.
/// Each test names its probe key; the Python region it replays is quoted in the test.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed partial class ProbeReplayTests(PythonVersion version)
{
    private PyHeap _heap = null!;
    private RecordedAllocations _recorded = null!;
    private readonly List<PyRef> _hold = [];
    private readonly List<PyRef> _keep = [];
    private PyRef _strKey;

    [SetUp]
    public void SetUp()
    {
        _heap = Versions.Heap(version);
        _recorded = RecordedAllocations.For(_heap.Profile);
        _strKey = _heap.NewStr("k");
        // A started interpreter has 2-tuples parked on their free list (readings and class creation
        // take from it), and one reading before the first region, as the probe does.
        Refill(20, () => Tuple(2));
        _heap.TracemallocStart();
        Reading();
    }

    [TearDown]
    public void TearDown()
    {
        Release(_keep);
        Release(_hold);
        _heap.DecRef(_strKey);
        _heap.Verify();
    }

    /// <summary>
    /// A measured region, as the probe brackets it: <c>t0 = tm()[0]; b0 = gab(); body; b1 = gab();
    /// t1 = tm()[0]</c>. The reading's 2-tuple is made after t0 is read and dropped at once (it may
    /// land on, or come from, the 2-tuple free list); the reading ints cancel out by construction.
    /// </summary>
    private (long Bytes, long Blocks) Measure(Action body)
    {
        long t0 = _heap.TracemallocGetTracedMemory().Current;
        Reading();
        long b0 = _heap.AllocatedBlocks;
        body();
        long b1 = _heap.AllocatedBlocks;
        long t1 = _heap.TracemallocGetTracedMemory().Current;
        return (t1 - t0, b1 - b0);
    }

    private void Reading()
    {
        PyRef t = _heap.NewTuple(_heap.None, _heap.None);
        _heap.DecRef(t);
    }

    /// <summary>Asserts a replayed region against the recording (numbers the real runs disagreed on are skipped).</summary>
    private void Expect(string key, (long Bytes, long Blocks) actual, long bytesAdjust = 0, long blocksAdjust = 0)
    {
        (long? bytes, long? blocks) = _recorded.Probe(key);
        if (bytes is { } b) actual.Bytes.Should().Be(b + bytesAdjust, $"traced bytes of {key} on {_heap.Profile}");
        if (blocks is { } n) actual.Blocks.Should().Be(n + blocksAdjust, $"allocated blocks of {key} on {_heap.Profile}");
    }

    private void Keep(int n, Func<PyRef> make)
    {
        for (int i = 0; i < n; i++) _keep.Add(make());
    }

    /// <summary><c>hold = None; hold = [make() for _ in range(n)]</c>.</summary>
    private void Hold(int n, Func<PyRef> make, bool releaseFirst = true)
    {
        if (releaseFirst) Release(_hold);
        for (int i = 0; i < n; i++) _hold.Add(make());
    }

    /// <summary><c>tmp = [make() for _ in range(n)]; tmp = None</c>: n objects die, newest last.</summary>
    private void Refill(int n, Func<PyRef> make)
    {
        var tmp = new List<PyRef>(n);
        for (int i = 0; i < n; i++) tmp.Add(make());
        Release(tmp);
    }

    /// <summary>Drops the references in <paramref name="refs"/> last to first, as <c>list_dealloc</c> does.</summary>
    private void Release(List<PyRef> refs)
    {
        for (int i = refs.Count - 1; i >= 0; i--) _heap.DecRef(refs[i]);
        refs.Clear();
    }

    private PyRef Str(string s) => _heap.NewStr(s);

    /// <summary><c>{key: v}</c>: a dict display of one pair (<c>BUILD_MAP 1</c>).</summary>
    private PyRef DictWithKey(PyRef key) => _heap.NewDictDisplay((key, _heap.None));

    private void DrainLists() => Hold(300, _heap.NewList);

    private void RefillLists()
    {
        Release(_hold);
        Refill(300, _heap.NewList);
    }

    private void DrainDicts()
    {
        Hold(300, _heap.NewDict);
        Hold(100, () => DictWithKey(_strKey), releaseFirst: false);
    }

    private void RefillDicts()
    {
        Hold(100, () => DictWithKey(_strKey));
        Refill(300, _heap.NewDict);
    }

    private PyRef Tuple(int n) => _heap.NewTuple(Enumerable.Repeat(_heap.None, n).ToArray());
}
