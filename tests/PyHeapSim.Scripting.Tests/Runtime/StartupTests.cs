using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>
/// The collector's state when a script starts (<c>StartupState.GcCounts</c>, <c>MainModuleGeneration</c>).
/// Expected values recorded from CPython 3.8.18–3.13.0.
/// </summary>
public sealed class StartupTests
{
    private static readonly PythonVersion[] All = Enum.GetValues<PythonVersion>();

    private static readonly Dictionary<PythonVersion, string> OlderCounts = new()
    {
        [PythonVersion.Py38] = "(9, 0)",
        [PythonVersion.Py39] = "(9, 0)",
        [PythonVersion.Py310] = "(10, 0)",
        [PythonVersion.Py311] = "(0, 2)",
        [PythonVersion.Py312] = "(5, 0)",
        [PythonVersion.Py313] = "(3, 0)",
    };

    [TestCaseSource(nameof(All))]
    public void Generation1And2Counts_AreWhatStartupLeft(PythonVersion v) =>
        Script.Output("import gc\nprint(gc.get_count()[1:])\n", v).Should().Be(OlderCounts[v] + "\n");

    /// <summary>The automatic collections the script's allocations trigger (timed from the start-up counts)
    /// decide which generation each object ends in, and the exit order shows it.</summary>
    [TestCaseSource(nameof(All))]
    public void AutomaticCollectionsDuringTheScript_ShapeTheExitOrder(PythonVersion v)
    {
        const string src = """
            class T:
                def __init__(self, name):
                    self.name = name
                def __del__(self):
                    print("bye", self.name)
            a = T("a")
            b = [T("b")]
            keep = [[i] for i in range(2000)]
            c = T("c")
            d = [T("d")]
            more = [{"k": i} for i in range(1500)]
            e = T("e")
            f = {"x": T("f")}
            """;
        string expected = v switch
        {
            PythonVersion.Py311 => "bye e bye a bye b bye c bye d bye f",
            PythonVersion.Py312 => "bye a bye b bye c bye d bye e bye f",
            PythonVersion.Py313 => "bye a bye b bye c bye e bye d bye f",
            _ => "bye a bye b bye e bye c bye d bye f",
        };
        Script.Output(src, v).Replace('\n', ' ').TrimEnd().Should().Be(expected);
    }
}
