using FluentAssertions;
using NUnit.Framework;

namespace PyHeapSim.Cli.Tests;

// --stats: a fixed set of lines on stderr after the run; stdout stays the script's alone.
public sealed partial class RunCommandTests
{
    private static readonly string[] StatsLabels =
    [
        "exit code", "evaluation steps", "objects allocated", "objects freed", "live objects at end", "peak bytes",
        "bytes held at end", "allocated blocks", "arenas at end / peak", "collections gen 0/1/2", "collected   gen 0/1/2",
    ];

    [Test]
    public void Run_Stats_WritesTheSummaryToStderrOnly()
    {
        string script = _folder.Write("stats.py", "x = [i for i in range(100)]\nprint(len(x))\n");

        CliResult r = Cli.Run("run", "--stats", script);

        r.ExitCode.Should().Be(ExitCodes.Success);
        r.Out.Should().Be("100\n");
        string[] lines = r.Err.Split('\n');
        lines[0].Should().Be("--- pyheapsim stats (CPython 3.13) ---");
        lines[1].Should().Be("exit code              0");
        lines.Should().HaveCount(StatsLabels.Length + 2, "a header, one line per figure, and the final newline");
        lines[^1].Should().BeEmpty();
        for (int i = 0; i < StatsLabels.Length; i++)
        {
            // Label padded to column 24, then a number, "N / N" or "N/N/N".
            lines[i + 1].Should().MatchRegex("^" + StatsLabels[i].Replace("/", "\\/") + @" +\d+( ?/ ?\d+)*$");
            lines[i + 1][..23].TrimEnd().Should().Be(StatsLabels[i]);
        }
    }

    [Test]
    public void Run_StatsOfAFailedScript_ReportsItsExitCode()
    {
        string script = _folder.Write("fails.py", "1 / 0\n");

        CliResult r = Cli.Run("run", "--stats", "--python", "3.8", script);

        r.ExitCode.Should().Be(ExitCodes.PythonError);
        r.Err.Should().Contain("ZeroDivisionError: division by zero\n--- pyheapsim stats (CPython 3.8) ---\nexit code              1\n",
            "the summary follows the traceback");
    }

    [Test]
    public void Run_StatsOfAListOfAThousandInts_CountsThemAllocated()
    {
        string script = _folder.Write("ints.py", "x = [i * 1000 for i in range(1000)]\n");

        Dictionary<string, long> withList = StatsOf(Cli.Run("run", "--stats", script).Err);
        Dictionary<string, long> empty = StatsOf(Cli.Run("run", "--stats", _folder.Write("empty.py", "")).Err);

        // 999 new ints (0 is the cached small int) and the list, all freed again when the module is torn down.
        (withList["objects allocated"] - empty["objects allocated"]).Should().BeGreaterThanOrEqualTo(1000);
        (withList["objects freed"] - empty["objects freed"]).Should().BeGreaterThanOrEqualTo(1000);
        withList["peak bytes"].Should().BeGreaterThan(empty["peak bytes"]);
    }

    [Test]
    public void Run_StatsAndTrace_CountTheSameEvents()
    {
        string script = _folder.Write("traced.py", TracedScript);
        string trace = _folder.PathOf("trace.jsonl");

        CliResult r = Cli.Run("run", "--stats", "--trace", trace, script);

        Dictionary<string, long> stats = StatsOf(r.Err);
        string[] events = File.ReadAllLines(trace);
        stats["objects allocated"].Should().Be(events.Count(l => l.Contains("\"event\":\"alloc\"")));
        stats["objects freed"].Should().Be(events.Count(l => l.Contains("\"event\":\"free\"")));
        string collections = r.Err.Split('\n').Single(l => l.StartsWith("collections gen 0/1/2", StringComparison.Ordinal));
        collections[23..].Split('/').Select(long.Parse).Sum().Should().Be(events.Count(l => l.Contains("\"event\":\"gc_start\"")));
    }

    /// <summary>The single-number lines of a --stats summary, by label.</summary>
    private static Dictionary<string, long> StatsOf(string stderr)
    {
        var figures = new Dictionary<string, long>();
        foreach (string line in stderr.Split('\n'))
        {
            if (line.Length > 23 && long.TryParse(line[23..], out long value)) figures[line[..23].TrimEnd()] = value;
        }
        return figures;
    }
}
