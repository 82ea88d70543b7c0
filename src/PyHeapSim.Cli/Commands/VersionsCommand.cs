using System.CommandLine;
using PyHeapSim.Profiles;

namespace PyHeapSim.Cli.Commands;

/// <summary><c>pyheapsim versions</c>: the CPython versions modelled and their main memory figures.</summary>
internal static class VersionsCommand
{
    public static Command Create()
    {
        var command = new Command("versions", "List the simulated CPython versions and their key memory parameters.");
        command.SetAction(_ =>
        {
            Console.WriteLine("version  gc thresholds   pool    arena     immortal  list growth");
            foreach (PythonProfile p in PythonProfiles.All)
            {
                CollectorRules c = p.Collector;
                Console.WriteLine($"{p.Name,-8} ({c.Threshold0},{c.Threshold1},{c.Threshold2}){"",-3} {p.Allocator.PoolSize / 1024,3} KiB {p.Allocator.ArenaSize / 1024,5} KiB {p.RefCounts.Immortality,-9} {p.Growth.ListGrowth}");
            }
            return 0;
        });
        return command;
    }
}
