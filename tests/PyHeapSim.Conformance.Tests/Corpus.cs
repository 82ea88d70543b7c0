namespace PyHeapSim.Conformance.Tests;

/// <summary>The conformance corpus copied into the repository: cases and the stdout each CPython printed.</summary>
public static class Corpus
{
    public static string Root => Path.Combine(TestContext.CurrentContext.TestDirectory, "corpus");

    public static string ExpectedRoot => Path.Combine(Root, "expected");

    /// <summary>Every (label, case) pair with a recording, e.g. ("3.11", "gc_cycle_kept_alive").</summary>
    public static IEnumerable<TestCaseData> Recorded()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "corpus");
        foreach (string dir in Directory.GetDirectories(Path.Combine(root, "expected")).OrderBy(d => d, StringComparer.Ordinal))
        {
            string label = Path.GetFileName(dir);
            foreach (string outFile in Directory.GetFiles(dir, "*.out").OrderBy(f => f, StringComparer.Ordinal))
            {
                string name = Path.GetFileNameWithoutExtension(outFile);
                string caseFile = FindCase(root, name);
                if (caseFile.Length == 0) continue;
                yield return new TestCaseData(label, name).SetName($"{label}/{name}");
            }
        }
    }

    public static string FindCase(string root, string name)
    {
        foreach (string sub in new[] { "cases", "own-cases" })
        {
            string p = Path.Combine(root, sub, name + ".py");
            if (File.Exists(p)) return p;
        }
        return "";
    }

    /// <summary>The known gaps: (label or "*", case) → reason (the banner above it).</summary>
    public static Dictionary<(string Label, string Case), string> KnownGaps()
    {
        var gaps = new Dictionary<(string, string), string>();
        string path = Path.Combine(AppContext.BaseDirectory, "known-gaps.txt");
        string banner = "known gap";
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                banner = line[3..];
                continue;
            }
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2) gaps[(parts[0], parts[1])] = banner;
        }
        return gaps;
    }
}
