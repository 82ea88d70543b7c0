using System.Text.RegularExpressions;
using PyHeapSim.Memory;

namespace PyHeapSim.Tests.Memory;

/// <summary>The <c>sys._debugmallocstats()</c> snapshot and its text, and the public accounting views.</summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed partial class MallocStatsTests(PythonVersion version)
{
    private PyHeap _heap = null!;

    [SetUp]
    public void SetUp() => _heap = Versions.Heap(version);

    [TearDown]
    public void TearDown() => _heap.Verify();

    [Test]
    public void Snapshot_PymallocFiguresAddUpToTheArenasMapped()
    {
        var keep = new List<PyRef>();
        for (int i = 0; i < 5000; i++) keep.Add(i % 3 == 0 ? _heap.NewStr(new string('x', i % 700 + 2)) : _heap.NewList());
        MallocStats s = _heap.GetMallocStats();
        s.Total.Should().Be((long)s.ArenasCurrent * s.ArenaSize);
        s.ArenasReclaimed.Should().Be(s.ArenasAllocatedTotal - s.ArenasCurrent);
        s.AllocatedBlocks.Should().Be(_heap.AllocatedBlocks);
        s.SizeClasses.Sum(c => c.BlocksInUse).Should().Be(_heap.AllocatedBlocks - CountedSystemBlocks());
        keep.ForEach(_heap.DecRef);
    }

    private long CountedSystemBlocks() => _heap.Memory.Raw.CountedBlocks;

    [Test]
    public void Text_HasCPythonsHeaderAndColumns()
    {
        PyRef s = _heap.NewStr("abc");
        string text = _heap.DebugMallocStats();
        _heap.DecRef(s);
        string[] lines = text.Split('\n');
        lines[0].Should().Be("Small block threshold = 512, in 32 size classes.");
        lines[1].Should().BeEmpty();
        lines[2].Should().Be("class   size   num pools   blocks in use  avail blocks");
        lines[3].Should().Be("-----   ----   ---------   -------------  ------------");
        // "%5u %6u %11zu %15zu %13zu"
        lines[4].Should().MatchRegex(@"^[ \d]{4}\d [ \d]{5}\d [ \d]{10}\d [ \d]{14}\d [ \d]{12}\d$");
        text.Should().Contain("# arenas allocated total           =");
        text.Should().MatchRegex(@"\n\d+ arenas \* " + _heap.Profile.Allocator.ArenaSize + @" bytes/arena +=");
        text.Should().MatchRegex(@"\n\d+ unused pools \* " + _heap.Profile.Allocator.PoolSize + " bytes +=");
    }

    [Test]
    public void Text_PrintOne_PadsLabelsTo35AndValuesTo21WithThousandsSeparators()
    {
        string text = _heap.DebugMallocStats();
        Match m = Regex.Match(text, @"\n(\d+ arenas \* \d+ bytes/arena *)=( *[\d,]+)\n");
        m.Success.Should().BeTrue();
        m.Groups[1].Value.Length.Should().Be(35);
        m.Groups[2].Value.Length.Should().Be(21);
        m.Groups[2].Value.Trim().Should().Be((_heap.GetMallocStats().ArenasCurrent * (long)_heap.Profile.Allocator.ArenaSize).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void Text_ArenaMapSection_OnlyFrom310_WithTheVersionsNodeSizes()
    {
        PyRef s = _heap.NewStr("abc");      // maps the first arena
        string text = _heap.DebugMallocStats();
        _heap.DecRef(s);
        switch (version)
        {
            case PythonVersion.Py38 or PythonVersion.Py39:
                text.Should().NotContain("arena map counts");
                break;
            case PythonVersion.Py310:
                // Measured on 3.10.13: root 8,192, mid 8,192, bot 2,048 (one node each).
                text.Should().Contain("\narena map counts\n# arena map mid nodes              =                    1\n"
                    + "# arena map bot nodes              =                    1\n\n"
                    + "# bytes lost to arena map root     =                8,192\n"
                    + "# bytes lost to arena map mid      =                8,192\n"
                    + "# bytes lost to arena map bot      =                2,048\n"
                    + "Total                              =               18,432\n");
                break;
            default:
                text.Should().Contain("# bytes lost to arena map root     =              262,144\n"
                    + "# bytes lost to arena map mid      =              262,144\n"
                    + "# bytes lost to arena map bot      =              131,072\n"
                    + "Total                              =              655,360\n");
                break;
        }
    }

    [Test]
    public void Text_FreeListLines_FollowTheVersion()
    {
        PyRef l = _heap.NewList();
        _heap.DecRef(l);
        PyRef t = _heap.NewTuple(_heap.None, _heap.None, _heap.None);
        _heap.DecRef(t);
        string text = _heap.DebugMallocStats();
        text.Should().Contain("\n            1 free PyListObjects * 40 bytes each =                   40\n");
        text.Should().Contain("   1 free 3-sized PyTupleObjects * 48 bytes each =                   48\n");
        text.Should().Contain(" free PyDictObjects * 48 bytes each =");
        text.Should().Contain(" free PyFloatObjects * 24 bytes each =");
        bool keysLine = version >= PythonVersion.Py313;
        text.Contains(" free PyDictKeysObjects * 32 bytes each =").Should().Be(keysLine);
        int tupleLines = Regex.Matches(text, "-sized PyTupleObjects").Count;
        tupleLines.Should().Be(version >= PythonVersion.Py311 ? 20 : 19);
        text.Should().EndWith(" bytes each =                    0\n");
    }

    [Test]
    public void FreeListCounts_GoToZeroAfterAFullCollection()
    {
        for (int i = 0; i < 5; i++) _heap.DecRef(_heap.NewFloat(i + 0.5));
        _heap.GetMallocStats().FreeLists.Single(f => f.Name == "free PyFloatObject").Count.Should().BeGreaterThan(0);
        _heap.Collect();
        _heap.GetMallocStats().FreeLists.Should().OnlyContain(f => f.Count == 0);
    }
}
