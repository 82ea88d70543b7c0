namespace PyHeapSim.Tests.Memory;

/// <summary>
/// 3.8's free lists of bound methods (<c>PyMethodObject</c>) and built-in methods (<c>PyCFunctionObject</c>):
/// 256 each, seeded with what <c>sys._debugmallocstats()</c> shows at the top of a 3.8 script (8 and 3),
/// emptied by a full collection; gone from 3.9 (bpo-37340).
/// </summary>
public sealed class MethodFreeListTests
{
    [Test]
    public void Py38_HasBothLists_SeededAtStartup_EmptiedByFullCollection()
    {
        var heap = new PyHeap(PythonProfiles.Py38, new PyHeapOptions());
        heap.FreeLists.Methods!.Capacity.Should().Be(256);
        heap.FreeLists.BuiltinMethods!.Capacity.Should().Be(256);
        heap.SeedStartupFreeLists();
        heap.FreeLists.Methods.Count.Should().Be(8);
        heap.FreeLists.BuiltinMethods.Count.Should().Be(3);
        heap.Collect(2);
        heap.FreeLists.Methods.Count.Should().Be(0);
        heap.FreeLists.BuiltinMethods.Count.Should().Be(0);
    }

    [TestCase(PythonVersion.Py39)]
    [TestCase(PythonVersion.Py313)]
    public void From39_NoMethodFreeLists(PythonVersion v)
    {
        var heap = new PyHeap(PythonProfiles.For(v), new PyHeapOptions());
        heap.FreeLists.Methods.Should().BeNull();
        heap.FreeLists.BuiltinMethods.Should().BeNull();
    }

    [Test]
    public void StdioRules_PerVersion()
    {
        PythonProfiles.Py38.Stdio.FlushBindsMethods.Should().BeTrue();
        PythonProfiles.Py39.Stdio.FlushBindsMethods.Should().BeFalse();
        PythonProfiles.Py310.Stdio.PrintPacksArguments.Should().BeFalse();
        PythonProfiles.Py311.Stdio.PrintPacksArguments.Should().BeTrue();
        PythonProfiles.Py310.Stdio.PrintKeywordTuple.Should().Be(KeywordParserInit.FirstKeywordCall);
        PythonProfiles.Py311.Stdio.PrintKeywordTuple.Should().Be(KeywordParserInit.FirstCall);
        PythonProfiles.Py312.Stdio.PrintKeywordTuple.Should().Be(KeywordParserInit.Static);
        PythonProfiles.Py312.Stdio.FlushBeforeAppend.Should().Be(PendingFlushRule.WhenTotalWouldExceedChunk);
        PythonProfiles.Py313.Stdio.FlushBeforeAppend.Should().Be(PendingFlushRule.WhenWriteFillsChunk);
    }
}
