namespace PyHeapSim.Tests.Collector;

/// <summary>
/// What a collector probe (<c>data/collector-probes/*.py</c>) printed on real CPython, recorded by
/// <c>run-probes.py</c> into <c>recorded/&lt;probe&gt;/&lt;x.y&gt;.txt</c>: one <c>key: value</c> line each.
/// </summary>
public static class CollectorProbe
{
    private static readonly Dictionary<string, Dictionary<string, string>> Cache = new();

    /// <summary>The text the probe printed after <c>key: </c> on <paramref name="version"/>.</summary>
    public static string Expected(string probe, PythonVersion version, string key)
    {
        Dictionary<string, string> lines = Load(probe, version);
        return lines.TryGetValue(key, out string? value)
            ? value
            : throw new KeyNotFoundException($"probe {probe} on {version} printed no '{key}:' line");
    }

    /// <summary>Every value printed under <paramref name="key"/>, in order (for keys printed more than once).</summary>
    public static IReadOnlyList<string> ExpectedLines(string probe, PythonVersion version, string key) =>
        File.ReadLines(PathOf(probe, version))
            .Where(l => l.StartsWith(key + ": ", StringComparison.Ordinal))
            .Select(l => l[(key.Length + 2)..])
            .ToList();

    private static Dictionary<string, string> Load(string probe, PythonVersion version)
    {
        string path = PathOf(probe, version);
        lock (Cache)
        {
            if (Cache.TryGetValue(path, out Dictionary<string, string>? lines)) return lines;
            lines = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in File.ReadLines(path))
            {
                if (line.StartsWith('#')) continue;
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0) lines.TryAdd(line[..colon], line[(colon + 2)..]);
            }
            Cache[path] = lines;
            return lines;
        }
    }

    private static string PathOf(string probe, PythonVersion version) =>
        Path.Combine(TestContext.CurrentContext.TestDirectory, "data", "collector-probes", "recorded", probe,
            PythonProfiles.For(version).Name + ".txt");

    /// <summary>Python's repr of a list of strings: <c>['a', 'b']</c>.</summary>
    public static string Repr(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(s => "'" + s + "'")) + "]";

    /// <summary>Python's repr of a bool.</summary>
    public static string Repr(bool value) => value ? "True" : "False";
}
