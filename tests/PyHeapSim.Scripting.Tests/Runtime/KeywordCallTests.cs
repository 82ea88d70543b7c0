using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>
/// Calls with keyword arguments: values, and the GC objects CPython makes for them (the keyword dict of
/// a type call, the names tuple __init__ is called with, argument parsers' keyword tuples, methods bound
/// by sorted() and reversed()). Expected values recorded from CPython 3.8–3.13.
/// </summary>
public sealed class KeywordCallTests
{
    [TestCaseSource(nameof(AllVersions))]
    public void ClassCall_KeywordsReachInit(PythonVersion v)
    {
        const string src = """
            class Point:
                def __init__(self, x=0, y=0):
                    self.x = x
                    self.y = y
            p = Point(1, y=5)
            q = Point(y=7, x=2)
            print(p.x, p.y, q.x, q.y)
            """;
        Script.Output(src, v).Should().Be("1 5 2 7\n");
    }

    private const string Counts = """
        import gc
        gc.disable()
        class Point:
            def __init__(self, x=0, y=0):
                self.x = x
                self.y = y
        data = [3, 1, 2]
        gc.collect()
        p = Point(1, y=5)
        class_kw = gc.get_count()[0]
        gc.collect()
        q = Point(y=7, x=2)
        class_kw_again = gc.get_count()[0]
        gc.collect()
        d = dict(a=1, b=2)
        dict_kw = gc.get_count()[0]
        gc.collect()
        s = sorted(data, reverse=True)
        sorted_kw = gc.get_count()[0]
        gc.collect()
        t = sorted(data, key=abs)
        sorted_kw_again = gc.get_count()[0]
        gc.collect()
        r = reversed(data)
        rev = gc.get_count()[0]
        print(class_kw, class_kw_again, dict_kw, sorted_kw, sorted_kw_again, rev)
        """;

    [TestCase(PythonVersion.Py38, "6 4 2 3 2 3")]
    [TestCase(PythonVersion.Py39, "6 4 1 2 1 2")]
    [TestCase(PythonVersion.Py310, "6 4 1 2 1 1")]
    [TestCase(PythonVersion.Py311, "4 3 1 2 1 1")]
    [TestCase(PythonVersion.Py312, "4 3 1 1 1 1")]
    [TestCase(PythonVersion.Py313, "4 3 1 1 1 1")]
    public void KeywordCalls_GcCountsPerVersion(PythonVersion v, string expected) =>
        Script.Output(Counts, v).Should().Be(expected + "\n");

    private static PythonVersion[] AllVersions() => Enum.GetValues<PythonVersion>();
}
