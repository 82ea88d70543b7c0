using System.CommandLine;
using System.Text;
using PyHeapSim.Cli.Commands;

namespace PyHeapSim.Cli;

/// <summary>The <c>pyheapsim</c> command.</summary>
public static class Program
{
    /// <summary>Entry point: <see cref="Run"/> on the process's standard streams.</summary>
    public static int Main(string[] args)
    {
        // stdout is buffered and flushed once: a lesson prints thousands of lines, and Console.Out flushes
        // on every write. stderr flushes each write, so a traceback or a message is never held back.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        try
        {
            return Run(args, stdout, stderr);
        }
        finally
        {
            stdout.Flush();
        }
    }

    /// <summary>
    /// Parses and runs a command line, writing everything the process would print to <paramref name="output"/>
    /// (help, <c>versions</c>, the script's stdout) and <paramref name="error"/> (messages, tracebacks,
    /// <c>--stats</c>). Returns the exit code (<see cref="ExitCodes"/>). The caller flushes; the script's
    /// output is flushed before anything is written to <paramref name="error"/> after the run.
    /// </summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("pyheapsim: run Python lesson scripts on a simulated CPython 3.8–3.13 heap and see what the real interpreter does with memory.")
        {
            RunCommand.Create(),
            VersionsCommand.Create(),
        };
        ParseResult parse = root.Parse(args);
        int code = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        // System.CommandLine reports a parse error (unknown option, missing file argument) with exit code 1,
        // which for pyheapsim means "the script raised". A bad command line is 64, as docs/cli.md says.
        return parse.Errors.Count > 0 ? ExitCodes.UsageError : code;
    }
}
