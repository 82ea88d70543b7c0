using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>
/// Traceback objects (<c>PyTraceBack_Here</c>) and the frames they keep alive. Expected values recorded from
/// CPython 3.8–3.13.
/// </summary>
public sealed class TracebackTests
{
    [TestCaseSource(nameof(AllVersions))]
    public void Traceback_TwoFramesUnwound_AllocatesOnePerFrame(PythonVersion v)
    {
        // After a collection (which empties the ≤3.10 frame free list): f's frame and two tracebacks; from 3.11
        // two tracebacks and the frame objects of f and of the module, made for them.
        const string src = """
            import gc
            import sys
            w = ValueError("w")
            def f(exc):
                raise exc
            x = ValueError()
            gc.collect()
            try:
                f(x)
            except ValueError:
                n = gc.get_count()[0]
            print(n, sys.getsizeof(x.__traceback__), x.__traceback__.tb_next.tb_next is None)
            """;
        string expected = v >= PythonVersion.Py311 ? "4 56 True\n" : "3 56 True\n";
        Script.Output(src, v).Should().Be(expected);
    }

    [TestCaseSource(nameof(AllVersions))]
    public void Traceback_ExceptionKept_KeepsRaisingFrameLocalsUntilReleased(PythonVersion v)
    {
        const string src = """
            class D:
                def __del__(self):
                    print("del")
            def f():
                d = D()
                raise KeyError("k")
            try:
                f()
            except KeyError as e:
                kept = e
            print("handled")
            kept = None
            print("released")
            """;
        Script.Output(src, v).Should().Be("handled\ndel\nreleased\n");
    }

    [TestCaseSource(nameof(AllVersions))]
    public void BareRaise_InHandler_ReachesOuterHandlerWithoutNewEntry(PythonVersion v)
    {
        const string src = """
            def r():
                try:
                    raise ValueError("r")
                except ValueError:
                    raise
            try:
                r()
            except ValueError as e:
                print("caught", e, e.__traceback__.tb_next.tb_next is None, e.__traceback__.tb_next.tb_lineno)
            """;
        Script.Output(src, v).Should().Be("caught r True 3\n");
    }

    [TestCaseSource(nameof(AllVersions))]
    public void Traceback_NotRaised_IsNone(PythonVersion v)
    {
        Script.Output("e = ValueError(1)\nprint(e.__traceback__)\n", v).Should().Be("None\n");
    }

    private static PythonVersion[] AllVersions() => Enum.GetValues<PythonVersion>();
}
