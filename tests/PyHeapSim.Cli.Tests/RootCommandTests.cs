using FluentAssertions;
using NUnit.Framework;

namespace PyHeapSim.Cli.Tests;

/// <summary>The command line without a known command: a usage error (64), not System.CommandLine's 1, which
/// for pyheapsim would read as "the script raised".</summary>
public sealed class RootCommandTests
{
    [Test]
    public void NoCommand_Exits64()
    {
        CliResult r = Cli.Run();

        r.ExitCode.Should().Be(ExitCodes.UsageError);
        r.Err.Should().StartWith("Required command was not provided.\n");
    }

    [Test]
    public void UnknownCommand_Exits64NamingIt()
    {
        CliResult r = Cli.Run("frobnicate");

        r.ExitCode.Should().Be(ExitCodes.UsageError);
        r.Err.Should().Contain("Unrecognized command or argument 'frobnicate'.\n");
    }

    [Test]
    public void UnknownOption_Exits64NamingIt()
    {
        CliResult r = Cli.Run("versions", "--verbose");

        r.ExitCode.Should().Be(ExitCodes.UsageError);
        r.Err.Should().Contain("Unrecognized command or argument '--verbose'.\n");
    }
}
