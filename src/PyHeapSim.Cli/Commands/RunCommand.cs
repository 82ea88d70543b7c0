using System.CommandLine;
using System.Text;
using PyHeapSim.Profiles;
using PyHeapSim.Scripting;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Cli.Commands;

/// <summary><c>pyheapsim run [--python V] [--stats] FILE</c>: runs a lesson script on the simulated heap.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        string versions = string.Join(", ", PythonProfiles.All.Select(p => p.Name));
        var file = new Argument<FileInfo>("file") { Description = "The Python script to run (the supported subset: docs/cli.md)." };
        var python = new Option<string>("--python", "-p")
        {
            Description = "CPython version to simulate: " + versions + ".",
            DefaultValueFactory = _ => "3.13",
        };
        var stats = new Option<bool>("--stats") { Description = "Print a summary of the heap (objects, bytes, collections) on stderr after the run." };
        var maxSteps = new Option<long?>("--max-steps") { Description = "Stop the script after this many evaluation steps (default 2e9)." };
        var trace = new Option<FileInfo?>("--trace") { Description = "Write every heap event (alloc, free, gc_start, gc_end) as JSON lines to this file." };
        var command = new Command("run", "Run a script on the simulated heap; stdout is what the real interpreter prints.")
        {
            file, python, stats, maxSteps, trace,
        };
        command.SetAction(parse =>
        {
            TextWriter stdout = parse.InvocationConfiguration.Output;
            TextWriter stderr = parse.InvocationConfiguration.Error;
            FileInfo f = parse.GetValue(file)!;
            string version = parse.GetValue(python)!;
            PythonProfile profile;
            try
            {
                profile = PythonProfiles.Parse(version);
            }
            catch (ArgumentException)
            {
                // Not e.Message: it ends in the .NET parameter name, "(Parameter 'name')".
                stderr.WriteLine($"pyheapsim: unsupported Python version '{version}' (--python); supported: {versions}.");
                return ExitCodes.UsageError;
            }
            if (!f.Exists)
            {
                stderr.WriteLine($"pyheapsim: can't open file '{f.FullName}': [Errno 2] No such file or directory");
                return ExitCodes.UsageError;
            }
            string source = File.ReadAllText(f.FullName, Encoding.UTF8);
            var limits = new ScriptLimits();
            if (parse.GetValue(maxSteps) is long steps) limits = limits with { MaxSteps = steps };
            ScriptResult result;
            FileInfo? traceFile = parse.GetValue(trace);
            StreamWriter? traceStream = traceFile is null ? null : new StreamWriter(traceFile.FullName, false, new UTF8Encoding(false), 1 << 16);
            JsonLinesTraceWriter? tracer = traceStream is null ? null : new JsonLinesTraceWriter(traceStream);
            try
            {
                result = ScriptRunner.Run(source, f.Name, profile, stdout, stderr, limits, observer: tracer);
            }
            finally
            {
                // Before --stats: on a terminal the summary comes after the script's last line.
                stdout.Flush();
                tracer?.Dispose();
                traceStream?.Dispose();
            }
            if (parse.GetValue(stats)) PrintStats(stderr, profile, result);
            return result.ExitCode;
        });
        return command;
    }

    private static void PrintStats(TextWriter err, PythonProfile profile, ScriptResult r)
    {
        ScriptStatistics s = r.Statistics;
        err.WriteLine($"--- pyheapsim stats ({profile}) ---");
        err.WriteLine($"exit code              {r.ExitCode}");
        err.WriteLine($"evaluation steps       {s.Steps}");
        err.WriteLine($"objects allocated      {s.ObjectsAllocated}");
        err.WriteLine($"objects freed          {s.ObjectsFreed}");
        err.WriteLine($"live objects at end    {s.LiveObjectsAtEnd}");
        err.WriteLine($"peak bytes             {s.PeakBytes}");
        err.WriteLine($"bytes held at end      {s.BytesAtEnd}");
        err.WriteLine($"allocated blocks       {s.AllocatedBlocksAtEnd}");
        err.WriteLine($"arenas at end / peak   {s.ArenasAtEnd} / {s.ArenasHighWater}");
        err.WriteLine($"collections gen 0/1/2  {s.Collections[0]}/{s.Collections[1]}/{s.Collections[2]}");
        err.WriteLine($"collected   gen 0/1/2  {s.Collected[0]}/{s.Collected[1]}/{s.Collected[2]}");
    }
}
