using FluentAssertions;
using NUnit.Framework;

namespace PyHeapSim.Cli.Tests;

/// <summary><c>pyheapsim versions</c>: one row per simulated version with CPython's figures
/// (cpython-facts.md: gc thresholds, pool and arena sizes, immortality, list growth).</summary>
public sealed class VersionsCommandTests
{
    [Test]
    public void Versions_Always_PrintsTheTableAndExitsZero()
    {
        CliResult r = Cli.Run("versions");

        r.ExitCode.Should().Be(ExitCodes.Success);
        r.Err.Should().BeEmpty();
        r.Out.Should().Be(
            "version  gc thresholds   pool     arena  immortal         list growth\n" +
            "3.8      (700,10,10)    4 KiB   256 KiB  None             Classic\n" +
            "3.9      (700,10,10)    4 KiB   256 KiB  None             RoundedToFour\n" +
            "3.10     (700,10,10)   16 KiB  1024 KiB  None             RoundedToFour\n" +
            "3.11     (700,10,10)   16 KiB  1024 KiB  StaticHighCount  RoundedToFour\n" +
            "3.12     (700,10,10)   16 KiB  1024 KiB  Immortal         RoundedToFour\n" +
            "3.13     (2000,10,10)  16 KiB  1024 KiB  Immortal         RoundedToFour\n");
    }

    [Test]
    public void Versions_WithAnArgument_IsAUsageError()
    {
        CliResult r = Cli.Run("versions", "3.8");

        r.ExitCode.Should().Be(ExitCodes.UsageError);
        r.Err.Should().StartWith("Unrecognized command or argument '3.8'.\n");
    }
}
