using FluentAssertions;
using NUnit.Framework;

namespace PyHeapSim.Cli.Tests;

/// <summary>
/// <c>--help</c> of each command: exit 0, nothing on stderr, and every command and option named with its
/// description. The usage line is not checked: it names the executable, which here is the test host.
/// </summary>
public sealed class HelpTests
{
    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("-?")]
    public void Root_Help_ExitsZeroAndListsTheCommands(string flag)
    {
        CliResult r = Cli.Run(flag);

        r.ExitCode.Should().Be(ExitCodes.Success);
        r.Err.Should().BeEmpty();
        r.Out.Should().StartWith("Description:\n  pyheapsim: run Python lesson scripts on a simulated CPython 3.8–3.13 heap");
        r.Out.Should().MatchRegex(Line(@"run <file>\s+Run a script on the simulated heap; stdout is what the real interpreter prints\."));
        r.Out.Should().MatchRegex(Line(@"versions\s+List the simulated CPython versions and their key memory parameters\."));
    }

    [Test]
    public void Run_Help_ExitsZeroAndDescribesTheFileArgument()
    {
        CliResult r = Cli.Run("run", "--help");

        r.ExitCode.Should().Be(ExitCodes.Success);
        r.Err.Should().BeEmpty();
        r.Out.Should().MatchRegex(Line(@"<file>\s+The Python script to run \(the supported subset: docs/cli\.md\)\."));
    }

    [TestCase(@"-p, --python <python>\s+CPython version to simulate: 3\.8, 3\.9, 3\.10, 3\.11, 3\.12, 3\.13\. \[default: 3\.13\]")]
    [TestCase(@"--stats\s+Print a summary of the heap \(objects, bytes, collections\) on stderr after the run\.")]
    [TestCase(@"--max-steps <max-steps>\s+Stop the script after this many evaluation steps \(default 2e9\)\.")]
    [TestCase(@"--trace <trace>\s+Write every heap event \(alloc, free, gc_start, gc_end\) as JSON lines to this file\.")]
    public void Run_Help_NamesEachOption(string option) =>
        Cli.Run("run", "--help").Out.Should().MatchRegex(Line(option));

    [Test]
    public void Versions_Help_ExitsZeroAndHasNoOptionsBeyondHelp()
    {
        CliResult r = Cli.Run("versions", "--help");

        r.ExitCode.Should().Be(ExitCodes.Success);
        r.Err.Should().BeEmpty();
        r.Out.Should().StartWith("Description:\n  List the simulated CPython versions and their key memory parameters.\n");
        r.Out.Should().EndWith("Options:\n  -?, -h, --help  Show help and usage information\n\n");
    }

    /// <summary>A whole help line: two-space indent, then <paramref name="body"/>, then the end of the line.</summary>
    private static string Line(string body) => "(?m)^  " + body + "$";
}
