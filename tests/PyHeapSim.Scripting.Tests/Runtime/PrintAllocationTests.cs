using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>
/// What print() and the buffered sys.stdout leave in the collector's generation-0 count and in refcounts.
/// Expected values recorded from CPython 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1, 3.13.0 run as the
/// corpus recorder runs them (stdout a pipe, no PYTHONUNBUFFERED).
/// </summary>
public sealed class PrintAllocationTests
{
    private static string LastLine(string source, PythonVersion v)
    {
        string[] lines = Script.Output(source, v).TrimEnd('\n').Split('\n');
        return lines[^1];
    }

    // First print of the process: the pending list is made (second piece); 3.8 also makes a built-in
    // method it then parks; 3.11+ packs the argument tuple (and 3.11 builds print's keyword tuple).
    // A later print after a collection finds the list: only the free-list effects remain.
    private const string FirstAndLater = """
        import gc
        gc.disable()
        gc.collect()
        print("a")
        first = gc.get_count()[0]
        gc.collect()
        print("b")
        later = gc.get_count()[0]
        print(first, later)
        """;

    [TestCase(PythonVersion.Py38, "2 1")]
    [TestCase(PythonVersion.Py39, "1 0")]
    [TestCase(PythonVersion.Py310, "1 0")]
    [TestCase(PythonVersion.Py311, "3 1")]
    [TestCase(PythonVersion.Py312, "2 1")]
    [TestCase(PythonVersion.Py313, "2 1")]
    public void Print_AfterCollection_CountsItsObjects(PythonVersion v, string expected) =>
        LastLine(FirstAndLater, v).Should().Be(expected);

    // print() without arguments writes only "\n": no argument tuple, and the list exists already.
    // The first call with a keyword builds the parser's keyword tuple on 3.8-3.10 (3.11 did on the first
    // call at all, 3.12+ has a static one).
    private const string EmptyAndKeyword = """
        import gc
        gc.disable()
        print("start")
        gc.collect()
        print()
        empty = gc.get_count()[0]
        gc.collect()
        print("x", end="")
        keyword = gc.get_count()[0]
        gc.collect()
        print("y", sep="-")
        second_keyword = gc.get_count()[0]
        print()
        print(empty, keyword, second_keyword)
        """;

    [TestCase(PythonVersion.Py38, "1 2 1")]
    [TestCase(PythonVersion.Py39, "0 1 0")]
    [TestCase(PythonVersion.Py310, "0 1 0")]
    [TestCase(PythonVersion.Py311, "0 1 1")]
    [TestCase(PythonVersion.Py312, "0 1 1")]
    [TestCase(PythonVersion.Py313, "0 1 1")]
    public void Print_EmptyAndKeywordCalls(PythonVersion v, string expected) =>
        LastLine(EmptyAndKeyword, v).Should().Be(expected);

    // The wrapper keeps an ASCII str as a pending piece until its 8192-byte chunk is flushed;
    // non-ASCII text is kept encoded (a bytes object), so the str is not held.
    [TestCaseSource(typeof(PrintAllocationTests), nameof(AllVersions))]
    public void Print_PendingBytesHoldTheAsciiString(PythonVersion v)
    {
        const string src = """
            import sys
            s = "abc" + str(len("four"))
            before = sys.getrefcount(s)
            print(s)
            one = sys.getrefcount(s)
            print(s, s)
            two = sys.getrefcount(s)
            print("-" * 9000)
            flushed = sys.getrefcount(s)
            t = "\u00e9t\u00e9" + str(len("four"))
            print(t)
            print(before, one, two, flushed, sys.getrefcount(t))
            """;
        LastLine(src, v).Should().Be("2 3 5 2 2");
    }

    // 8000 + 300 pending bytes: up to 3.12 the second write flushes the first one before it is
    // appended, so "z" and its newline are left pending as a list; 3.13 (gh-119506) appends and then
    // flushes everything, leaving only the newline, so the next print has to make a new list.
    private const string Overflow = """
        import gc
        gc.disable()
        print("y" * 8000)
        print("z" * 300)
        gc.collect()
        print("w")
        print(gc.get_count()[0])
        """;

    [TestCase(PythonVersion.Py38, "1")]
    [TestCase(PythonVersion.Py39, "0")]
    [TestCase(PythonVersion.Py312, "1")]
    [TestCase(PythonVersion.Py313, "2")]
    public void Print_WriteThatWouldOverflowTheChunk(PythonVersion v, string expected) =>
        LastLine(Overflow, v).Should().Be(expected);

    // 3.8 parks dead bound methods and bound built-in methods on free lists (emptied by full collections).
    private const string BoundMethods = """
        import gc
        gc.disable()
        class C:
            def m(self):
                return 1
        o = C()
        lst = []
        gc.collect()
        f = o.m
        gc.collect()
        f = None
        f = o.m
        method = gc.get_count()[0]
        gc.collect()
        ap = lst.append
        ap = None
        ap = lst.append
        builtin = gc.get_count()[0]
        print(method, builtin)
        """;

    [TestCase(PythonVersion.Py38, "0 1")]
    [TestCase(PythonVersion.Py39, "1 1")]
    [TestCase(PythonVersion.Py313, "1 1")]
    public void BoundMethods_38FreeLists(PythonVersion v, string expected) =>
        LastLine(BoundMethods, v).Should().Be(expected);

    // Py_ReprEnter: the first container repr makes the thread-state dict and its Py_Repr list (kept);
    // set repr also makes a list of the members (parked after a collection emptied the list free list).
    [TestCaseSource(typeof(PrintAllocationTests), nameof(AllVersions))]
    public void Repr_FirstContainerReprMakesTheGuardList(PythonVersion v)
    {
        const string src = """
            import gc
            gc.disable()
            empty = {}
            items = [1]
            nums = {2}
            gc.collect()
            t = repr(empty)
            first = gc.get_count()[0]
            gc.collect()
            t = repr(items)
            later = gc.get_count()[0]
            gc.collect()
            t = repr(nums)
            a_set = gc.get_count()[0]
            print(first, later, a_set)
            """;
        LastLine(src, v).Should().Be("2 0 1");
    }

    // str(x) packs its argument into a tuple until 3.13 gave str vectorcall; list(x) since 3.9.
    private const string ConstructorCalls = """
        import gc
        gc.disable()
        src = [1]
        gc.collect()
        a = str(5)
        as_str = gc.get_count()[0]
        gc.collect()
        b = list(src)
        as_list = gc.get_count()[0]
        print(as_str, as_list)
        """;

    [TestCase(PythonVersion.Py38, "1 2")]
    [TestCase(PythonVersion.Py312, "1 1")]
    [TestCase(PythonVersion.Py313, "0 1")]
    public void ConstructorCalls_PackArgumentsWithoutVectorcall(PythonVersion v, string expected) =>
        LastLine(ConstructorCalls, v).Should().Be(expected);

    // Threshold 3: the fourth list passes it. Up to 3.11 the collection runs inside that allocation
    // (and print's objects count afterwards); from 3.12 it is scheduled and runs at the eval-breaker
    // check that ends the CALL of print.
    private const string ScheduledAroundPrint = """
        import gc
        gc.collect()
        gc.set_threshold(3, 1000, 1000)
        print("warm", "up")
        gc.collect()
        a = []; b = []; c = []; d = []
        print("x")
        r = gc.get_count()[0]
        gc.set_threshold(700, 10, 10)
        print(r)
        """;

    [TestCase(PythonVersion.Py38, "1")]
    [TestCase(PythonVersion.Py39, "0")]
    [TestCase(PythonVersion.Py310, "0")]
    [TestCase(PythonVersion.Py311, "1")]
    [TestCase(PythonVersion.Py312, "0")]
    [TestCase(PythonVersion.Py313, "0")]
    public void ScheduledCollection_RunsWhenThePrintCallReturns(PythonVersion v, string expected) =>
        LastLine(ScheduledAroundPrint, v).Should().Be(expected);

    // Long lines cross the BufferedWriter's 4096-byte buffer: each raw write makes a memoryview and its
    // managed buffer, which can start an automatic collection (3.8-3.11, inside the allocation).
    private const string RawWrites = """
        import gc
        gc.collect()
        gc.set_threshold(3, 1000, 1000)
        line = "z" * 3000
        counts = []
        for i in range(12):
            print(line)
            counts.append(gc.get_count()[0])
        gc.set_threshold(700, 10, 10)
        print(counts)
        """;

    [TestCase(PythonVersion.Py38, "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]")]
    [TestCase(PythonVersion.Py311, "[1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]")]
    public void RawWrites_TakePartInAutomaticCollections(PythonVersion v, string expected) =>
        LastLine(RawWrites, v).Should().Be(expected);

    private static PythonVersion[] AllVersions() => Enum.GetValues<PythonVersion>();
}
