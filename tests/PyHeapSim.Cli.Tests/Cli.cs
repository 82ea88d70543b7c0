namespace PyHeapSim.Cli.Tests;

/// <summary>What one <c>pyheapsim</c> command line printed and returned.</summary>
/// <param name="ExitCode">The process exit code (<see cref="ExitCodes"/>).</param>
/// <param name="Out">Everything written to stdout, lines ending in <c>\n</c>.</param>
/// <param name="Err">Everything written to stderr, lines ending in <c>\n</c>.</param>
internal sealed record CliResult(int ExitCode, string Out, string Err);

/// <summary>
/// Runs the CLI in this process through <see cref="Program.Run"/>, the method <c>Main</c> calls with the
/// process's streams, so the tests see exactly what a user would see without starting a process each.
/// </summary>
internal static class Cli
{
    public static CliResult Run(params string[] args)
    {
        // "\n" on every platform, as the simulated interpreter writes it.
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = Program.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
