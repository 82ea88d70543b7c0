using System.CommandLine;
using PyHeapSim.Profiles;

namespace PyHeapSim.Cli.Commands;

/// <summary><c>pyheapsim versions</c>: the CPython versions modelled and their main memory figures.</summary>
internal static class VersionsCommand
{
    public static Command Create()
    {
        var command = new Command("versions", "List the simulated CPython versions and their key memory parameters.");
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            WriteRow(output, "version", "gc thresholds", "pool", "arena", "immortal", "list growth");
            foreach (PythonProfile p in PythonProfiles.All)
            {
                CollectorRules c = p.Collector;
                WriteRow(output, p.Name, $"({c.Threshold0},{c.Threshold1},{c.Threshold2})",
                    $"{p.Allocator.PoolSize / 1024} KiB", $"{p.Allocator.ArenaSize / 1024} KiB",
                    p.RefCounts.Immortality.ToString(), p.Growth.ListGrowth.ToString());
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One line of the table; header and rows share it so the columns line up. The widths fit the
    /// longest value of each column ("(2000,10,10)", "1024 KiB", "StaticHighCount").</summary>
    private static void WriteRow(TextWriter output, string version, string thresholds, string pool, string arena, string immortal, string growth)
        => output.WriteLine($"{version,-8} {thresholds,-13} {pool,6}  {arena,8}  {immortal,-15}  {growth}");
}
