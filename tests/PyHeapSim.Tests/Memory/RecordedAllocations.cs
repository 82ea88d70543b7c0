using System.Text.Json;

namespace PyHeapSim.Tests.Memory;

/// <summary>
/// The tracemalloc / <c>sys.getallocatedblocks()</c> deltas recorded from real CPython by
/// <c>data/alloc-probes/probe.py</c> (README.md there explains every key).
/// </summary>
public sealed class RecordedAllocations
{
    private static readonly Dictionary<string, RecordedAllocations> Cache = new();
    private readonly JsonElement _probes;
    private readonly JsonElement _arenas;

    private RecordedAllocations(JsonDocument doc)
    {
        _probes = doc.RootElement.GetProperty("probes");
        _arenas = doc.RootElement.GetProperty("arenas");
    }

    public static RecordedAllocations For(PythonProfile profile)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(profile.Name, out RecordedAllocations? r))
            {
                string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "data", "alloc-probes", profile.Name + ".json");
                r = new RecordedAllocations(JsonDocument.Parse(File.ReadAllText(path)));
                Cache[profile.Name] = r;
            }
            return r;
        }
    }

    /// <summary>Traced bytes and blocks of a probe region; null where the recorded runs disagreed.</summary>
    public (long? Bytes, long? Blocks) Probe(string key)
    {
        JsonElement e = _probes.GetProperty(key);
        return (Number(e[0]), Number(e[1]));
    }

    /// <summary>An arena-count difference of the lesson scenario; null where the recorded runs disagreed.</summary>
    public long? Arenas(string key) => Number(_arenas.GetProperty(key));

    private static long? Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();
}
