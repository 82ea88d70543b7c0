using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PyHeapSim.Benchmarks.Runner;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks;

/// <summary>
/// Entry point. Without a mode flag, the arguments go to BenchmarkDotNet
/// (<c>--filter '*' --job short</c>, <c>--list flat</c> …). Modes (docs/benchmarks.md):
/// <code>
///   --sidebyside &lt;workload&gt; [--quick] [--python 3.13]   one JSON line, as benchmarks/cpython/twin.py
///   --list                                              the side-by-side workload ids
///   --smoke                                             every benchmark once, tiny; exit 1 on a fidelity failure
///   --memory [--python 3.13] [--n 1000000]              host bytes per simulated object
/// </code>
/// Exit codes: 0 ok, 1 fidelity failure (or a benchmark without result), 2 usage error.
/// </summary>
public static class Program
{
    /// <summary>Runs the mode the arguments select.</summary>
    public static int Main(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        bool quick = args.Contains("--quick");
        string python = Option("--python") ?? Heaps.DefaultPython;

        if (args.Contains("--list"))
        {
            foreach (string id in new SideBySide(python, quick, smoke: false).Ids) Console.WriteLine(id);
            return 0;
        }
        if (args.Contains("--smoke"))
        {
            return Smoke.Run(Console.Out);
        }
        if (args.Contains("--memory"))
        {
            HostMemory.PrintTable(python, int.TryParse(Option("--n"), out int n) ? n : 1_000_000);
            return 0;
        }
        if (args.Contains("--sidebyside"))
        {
            string? id = Option("--sidebyside");
            var sbs = new SideBySide(python, quick, smoke: false);
            if (id is null || !sbs.Has(id))
            {
                Console.Error.WriteLine($"unknown workload '{id}'; see --list");
                return 2;
            }
            try
            {
                Console.WriteLine(sbs.Run(id).ToJson());
                return 0;
            }
            catch (Exception e) when (e is FidelityException or PyHeapException)
            {
                Console.Error.WriteLine($"{id}: fidelity failure: {e.Message}");
                return 1;
            }
        }
        // A row whose [GlobalCleanup] fidelity check threw has no result (NA): exit 1 then, too.
        IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
