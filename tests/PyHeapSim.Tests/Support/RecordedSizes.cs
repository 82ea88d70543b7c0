using System.Text.Json;
using PyHeapSim.Profiles;

namespace PyHeapSim.Tests.Support;

/// <summary>The <c>sys.getsizeof</c> values recorded from real CPython by <c>data/record-sizes.py</c>.</summary>
public sealed class RecordedSizes
{
    private static readonly Dictionary<string, RecordedSizes> Cache = new();
    private readonly JsonElement _sequences;
    private readonly JsonElement _values;

    private RecordedSizes(JsonDocument doc)
    {
        _sequences = doc.RootElement.GetProperty("sequences");
        _values = doc.RootElement.GetProperty("values");
    }

    public static RecordedSizes For(PythonProfile profile)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(profile.Name, out RecordedSizes? r))
            {
                string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "data", "sizes", profile.Name + ".json");
                r = new RecordedSizes(JsonDocument.Parse(File.ReadAllText(path)));
                Cache[profile.Name] = r;
            }
            return r;
        }
    }

    /// <summary>A recorded sequence; null entries (not recorded) become -1.</summary>
    public long[] Sequence(string key) =>
        _sequences.GetProperty(key).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? -1 : e.GetInt64()).ToArray();

    public long Value(string expression) => _values.GetProperty(expression).GetInt64();

    /// <summary>Every <c>sequences</c> key, in file order.</summary>
    public IReadOnlyList<string> SequenceKeys() => _sequences.EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>Every <c>values</c> key (expression text), in file order.</summary>
    public IReadOnlyList<string> ValueKeys() => _values.EnumerateObject().Select(p => p.Name).ToList();
}
