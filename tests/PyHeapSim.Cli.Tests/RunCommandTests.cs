using FluentAssertions;
using NUnit.Framework;

namespace PyHeapSim.Cli.Tests;

/// <summary>
/// <c>pyheapsim run FILE</c>: stdout is the script's, and the exit code says how it ended (docs/cli.md,
/// "Exit codes"). Partial by concern: outcomes here, bad command lines in <c>.Usage</c>, <c>--stats</c>
/// and <c>--trace</c> in their own files. Each test writes its scripts into a fresh folder.
/// </summary>
public sealed partial class RunCommandTests
{
    private ScriptFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new ScriptFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Run_ScriptThatPrints_WritesExactlyItsOutputAndExitsZero()
    {
        string script = _folder.Write("hola.py", "print(1 + 1)\nprint('hola', 'ñandú', sep='-')\nprint([1, 2, 3])\n");

        CliResult r = Cli.Run("run", script);

        r.ExitCode.Should().Be(ExitCodes.Success);
        r.Out.Should().Be("2\nhola-ñandú\n[1, 2, 3]\n");
        r.Err.Should().BeEmpty();
    }

    [Test]
    public void Run_EmptyScript_PrintsNothingAndExitsZero()
    {
        CliResult r = Cli.Run("run", _folder.Write("empty.py", ""));

        r.Should().Be(new CliResult(ExitCodes.Success, "", ""));
    }

    // gc.get_threshold() as CPython prints it: 3.13 raised threshold0 to 2000 (gh-100403).
    [TestCase("3.8", "(700, 10, 10)\n")]
    [TestCase("3.12", "(700, 10, 10)\n")]
    [TestCase("3.13", "(2000, 10, 10)\n")]
    public void Run_PythonOption_SelectsTheSimulatedVersion(string version, string expected)
    {
        string script = _folder.Write("threshold.py", "import gc\nprint(gc.get_threshold())\n");

        Cli.Run("run", "--python", version, script).Out.Should().Be(expected);
        Cli.Run("run", "-p", version, script).Out.Should().Be(expected);
    }

    [Test]
    public void Run_WithoutPythonOption_Simulates313()
    {
        string script = _folder.Write("threshold.py", "import gc\nprint(gc.get_threshold())\n");

        Cli.Run("run", script).Out.Should().Be("(2000, 10, 10)\n");
    }

    [Test]
    public void Run_UncaughtException_ExitsOneWithATracebackOnStderr()
    {
        string script = _folder.Write("boom.py", "print('antes')\ndef f():\n    raise ValueError('boom')\nf()\nprint('nunca')\n");

        CliResult r = Cli.Run("run", script);

        r.ExitCode.Should().Be(ExitCodes.PythonError);
        r.Out.Should().Be("antes\n");
        // The frames as CPython lists them, outermost first; the file is named as the script's file name.
        r.Err.Should().Be(
            "Traceback (most recent call last):\n" +
            "  File \"boom.py\", line 4, in <module>\n" +
            "    f()\n" +
            "  File \"boom.py\", line 3, in f\n" +
            "    raise ValueError('boom')\n" +
            "ValueError: boom\n");
    }

    [Test]
    public void Run_SyntaxError_ExitsOneWithCPythonsMessageAndRunsNothing()
    {
        string script = _folder.Write("syntax.py", "print('antes')\nx = (\n");

        CliResult r = Cli.Run("run", script);

        r.ExitCode.Should().Be(ExitCodes.PythonError);
        r.Out.Should().BeEmpty();
        r.Err.Should().StartWith("  File \"syntax.py\", line 2\n");
        r.Err.Should().EndWith("SyntaxError: '(' was never closed\n");
    }

    [TestCase("x = 1\nwith open('f') as f:\n    pass\n", "2:1", "'with' statement")]
    [TestCase("x = 1\nif x:\n    y = [i async for i in z]\n", "3:12", "'async for' in a comprehension")]
    public void Run_ConstructOutsideTheSubset_ExitsTwoNamingFileLineAndColumn(string source, string lineColumn, string construct)
    {
        string script = _folder.Write("subset.py", source);

        CliResult r = Cli.Run("run", script);

        r.ExitCode.Should().Be(ExitCodes.NotSupported);
        r.Out.Should().BeEmpty();
        r.Err.Should().StartWith($"pyheapsim: subset.py:{lineColumn}: {construct} is not supported by pyheapsim");
    }

    [Test]
    public void Run_MaxSteps_StopsAnEndlessLoopWithExitThree()
    {
        string script = _folder.Write("loop.py", "print('start')\nwhile True:\n    pass\n");

        CliResult r = Cli.Run("run", "--max-steps", "1000", script);

        r.ExitCode.Should().Be(ExitCodes.LimitReached);
        r.Out.Should().Be("start\n");
        r.Err.Should().Be("pyheapsim: stopped: step limit of 1000 reached (ScriptLimits.MaxSteps)\n");
    }

    [Test]
    public void Run_MaxStepsAboveWhatTheScriptNeeds_RunsToTheEnd()
    {
        string script = _folder.Write("short.py", "for i in range(3):\n    print(i)\n");

        CliResult r = Cli.Run("run", "--max-steps", "1000", script);

        r.Should().Be(new CliResult(ExitCodes.Success, "0\n1\n2\n", ""));
    }
}
