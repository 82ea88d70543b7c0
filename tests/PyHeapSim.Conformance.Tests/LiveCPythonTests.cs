using System.Diagnostics;

namespace PyHeapSim.Conformance.Tests;

/// <summary>
/// Live mode: where the real interpreters are installed (<c>$(pyenv root)/versions/3.X.*</c>), each case is
/// also run on CPython itself and the simulator must print the same bytes as that run. Skipped (inconclusive)
/// on machines without the interpreters.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class LiveCPythonTests
{
    private static readonly Dictionary<(string Label, string Case), string> Gaps = Corpus.KnownGaps();

    [TestCaseSource(typeof(Corpus), nameof(Corpus.Recorded))]
    public void Case_MatchesLiveCPython(string label, string name)
    {
        if (label.Contains('-', StringComparison.Ordinal)) Assert.Ignore("recorded with a non-pyenv interpreter (numpy)");
        string? python = FindInterpreter(label);
        if (python is null) Assert.Inconclusive($"CPython {label} is not installed here");
        if (Gaps.ContainsKey((label, name)) || Gaps.ContainsKey(("*", name))) Assert.Ignore("known gap (see CorpusTests)");
        string file = Corpus.FindCase(Corpus.Root, name);
        (string want, int wantRc) = RunCPython(python!, file);
        (string got, int rc, string stderr) = CorpusTests.Run(label, name);
        if (got != want || rc != wantRc)
        {
            Assert.Fail($"live CPython {label}: exit {wantRc}, simulator {rc}\n{CorpusTests.FirstDifference(want, got)}\n--- stderr ---\n{stderr}");
        }
    }

    private static string? FindInterpreter(string label)
    {
        string root = Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", ".pyenv");
        string versions = Path.Combine(root, "versions");
        if (!Directory.Exists(versions)) return null;
        return Directory.GetDirectories(versions, label + ".*")
            .Where(d => Path.GetFileName(d).Count(c => c == '.') == 2)
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "bin", "python"))
            .FirstOrDefault(File.Exists);
    }

    private static (string Stdout, int ExitCode) RunCPython(string python, string file)
    {
        var psi = new ProcessStartInfo(python, [file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(file)!,
            UseShellExecute = false,
        };
        foreach (string key in psi.Environment.Keys.Where(k => k.StartsWith("PYTHON", StringComparison.Ordinal)).ToList()) psi.Environment.Remove(key);
        psi.Environment["PYTHONHASHSEED"] = "0";
        psi.Environment["PYTHONIOENCODING"] = "utf-8";
        using Process p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("CPython timed out");
        }
        err.Wait();
        return (output.Replace("\r\n", "\n", StringComparison.Ordinal), p.ExitCode);
    }
}
