using PyHeapSim.Profiles;
using PyHeapSim.Scripting;

namespace PyHeapSim.Conformance.Tests;

/// <summary>
/// One test per corpus case and CPython version: the simulator's stdout and exit status must equal what
/// the real interpreter printed, byte for byte.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class CorpusTests
{
    private static readonly Dictionary<(string Label, string Case), string> Gaps = Corpus.KnownGaps();

    [TestCaseSource(typeof(Corpus), nameof(Corpus.Recorded))]
    public void Case_MatchesCPython(string label, string name)
    {
        (string got, int rc, string stderr) = Run(label, name);
        string want = File.ReadAllText(Path.Combine(Corpus.ExpectedRoot, label, name + ".out"));
        string rcFile = Path.Combine(Corpus.ExpectedRoot, label, name + ".rc");
        int wantRc = File.Exists(rcFile) ? int.Parse(File.ReadAllText(rcFile).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        bool pass = got == want && rc == wantRc;
        string? gap = Gaps.GetValueOrDefault((label, name)) ?? Gaps.GetValueOrDefault(("*", name));
        if (gap is not null)
        {
            if (pass) Assert.Fail($"{label}/{name} is listed in known-gaps.txt ({gap}) but now passes: remove it from the list.");
            Assert.Ignore($"known gap: {gap}");
        }
        if (!pass)
        {
            Assert.Fail($"exit status {rc} (want {wantRc})\n{FirstDifference(want, got)}\n--- stderr ---\n{Tail(stderr)}");
        }
    }

    internal static (string Stdout, int ExitCode, string Stderr) Run(string label, string name)
    {
        string file = Corpus.FindCase(Corpus.Root, name);
        string version = label.Split('-')[0];
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        ScriptResult r = ScriptRunner.Run(File.ReadAllText(file), Path.GetFileName(file), PythonProfiles.Parse(version), stdout, stderr,
            new Scripting.Runtime.ScriptLimits { MaxSteps = 200_000_000 });
        return (stdout.ToString(), r.ExitCode, stderr.ToString());
    }

    private static string Tail(string s) => s.Length > 1500 ? "…" + s[^1500..] : s;

    internal static string FirstDifference(string want, string got)
    {
        string[] w = want.Split('\n');
        string[] g = got.Split('\n');
        for (int i = 0; i < Math.Max(w.Length, g.Length); i++)
        {
            string wl = i < w.Length ? w[i] : "<end>";
            string gl = i < g.Length ? g[i] : "<end>";
            if (wl != gl) return $"line {i + 1}:\n  want: {wl}\n  got:  {gl}";
        }
        return "(identical stdout)";
    }
}
