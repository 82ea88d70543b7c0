using System.CommandLine;
using PyHeapSim.Cli.Commands;

namespace PyHeapSim.Cli;

/// <summary>The <c>pyheapsim</c> command.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("pyheapsim: run Python lesson scripts on a simulated CPython 3.8–3.13 heap and see what the real interpreter does with memory.")
        {
            RunCommand.Create(),
            VersionsCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}
