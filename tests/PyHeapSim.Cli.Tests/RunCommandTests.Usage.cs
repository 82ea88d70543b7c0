using FluentAssertions;
using NUnit.Framework;

namespace PyHeapSim.Cli.Tests;

// Bad command lines: exit 64 (EX_USAGE) with a message on stderr and nothing on stdout from the script.
public sealed partial class RunCommandTests
{
    [TestCase("3.7")]
    [TestCase("2.7")]
    [TestCase("3.14")]
    [TestCase("latest")]
    public void Run_UnknownPythonVersion_Exits64NamingTheSupportedOnes(string version)
    {
        string script = _folder.Write("ok.py", "print(1)\n");

        CliResult r = Cli.Run("run", "--python", version, script);

        r.ExitCode.Should().Be(ExitCodes.UsageError);
        r.Out.Should().BeEmpty();
        r.Err.Should().Be($"pyheapsim: unsupported Python version '{version}' (--python); supported: 3.8, 3.9, 3.10, 3.11, 3.12, 3.13.\n");
    }

    [Test]
    public void Run_MissingFile_Exits64AsCPythonWordsIt()
    {
        string missing = _folder.PathOf("no_such_lesson.py");

        CliResult r = Cli.Run("run", missing);

        r.ExitCode.Should().Be(ExitCodes.UsageError);
        r.Out.Should().BeEmpty();
        r.Err.Should().Be($"pyheapsim: can't open file '{missing}': [Errno 2] No such file or directory\n");
    }

    [Test]
    public void Run_WithoutFile_Exits64()
    {
        CliResult r = Cli.Run("run");

        r.ExitCode.Should().Be(ExitCodes.UsageError);
        r.Err.Should().StartWith("Required argument missing for command: 'run'.\n");
    }

    [Test]
    public void Run_ExtraArgument_Exits64()
    {
        string script = _folder.Write("ok.py", "print(1)\n");

        CliResult r = Cli.Run("run", script, "extra");

        r.ExitCode.Should().Be(ExitCodes.UsageError);
        r.Err.Should().StartWith("Unrecognized command or argument 'extra'.\n");
    }

    [Test]
    public void Run_MaxStepsNotANumber_Exits64AndRunsNothing()
    {
        string script = _folder.Write("ok.py", "print('the script ran')\n");

        CliResult r = Cli.Run("run", "--max-steps", "many", script);

        r.ExitCode.Should().Be(ExitCodes.UsageError);
        r.Err.Should().StartWith("Cannot parse argument 'many' for option '--max-steps'");
        r.Out.Should().NotContain("the script ran");
    }
}
