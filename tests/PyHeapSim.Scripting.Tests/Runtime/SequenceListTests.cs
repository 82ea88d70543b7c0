using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>
/// Lists that built-ins copy their input into: <c>PySequence_List</c> (<c>sorted</c>) takes a parked list,
/// 3.13's <c>list_extend</c> copies sets and dict views after one resize, and an import that already used
/// <c>list.sort</c>'s parser leaves no keyword tuple to build. Expected values recorded from CPython 3.8–3.13.
/// </summary>
public sealed class SequenceListTests
{
    [TestCase(PythonVersion.Py38, "56")]
    [TestCase(PythonVersion.Py39, "64")]
    [TestCase(PythonVersion.Py310, "32")]
    [TestCase(PythonVersion.Py311, "32")]
    [TestCase(PythonVersion.Py312, "32")]
    [TestCase(PythonVersion.Py313, "32")]
    public void Sorted_ParkedListAvailable_TracesOnlyTheItemArray(PythonVersion v, string expected)
    {
        const string src = """
            import tracemalloc
            tracemalloc.start()
            data = [5, 3, 1, 4]
            junk = [[] for i in range(20)]
            junk = None
            t0 = tracemalloc.get_traced_memory()[0]
            t1 = tracemalloc.get_traced_memory()[0]
            t0 = tracemalloc.get_traced_memory()[0]
            r = sorted(data)
            t1 = tracemalloc.get_traced_memory()[0]
            print(t1 - t0)
            """;
        Script.Output(src, v).Should().Be(expected + "\n");
    }

    [TestCase(PythonVersion.Py38, "96 64")]
    [TestCase(PythonVersion.Py39, "120 64")]
    [TestCase(PythonVersion.Py310, "72 72")]
    [TestCase(PythonVersion.Py311, "72 72")]
    [TestCase(PythonVersion.Py312, "72 72")]
    [TestCase(PythonVersion.Py313, "120 88")]
    public void ListFromSetOrDictView_SizedPerVersion(PythonVersion v, string expected)
    {
        const string src = """
            import sys
            print(sys.getsizeof(sorted({1, 2})), sys.getsizeof(list({"a": 1}.values())))
            """;
        Script.Output(src, v).Should().Be(expected + "\n");
    }

    [TestCase(PythonVersion.Py38, "2")]
    [TestCase(PythonVersion.Py39, "1")]
    [TestCase(PythonVersion.Py310, "1")]
    [TestCase(PythonVersion.Py311, "1")]
    [TestCase(PythonVersion.Py312, "1")]
    [TestCase(PythonVersion.Py313, "1")]
    public void SortKeywords_AfterImportTracemalloc_BuildNoParserTuple(PythonVersion v, string expected)
    {
        const string src = """
            import gc
            import tracemalloc
            gc.disable()
            data = [3, 1, 2]
            gc.collect()
            s = sorted(data, reverse=True)
            print(gc.get_count()[0])
            """;
        Script.Output(src, v).Should().Be(expected + "\n");
    }
}
