using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;

namespace PyHeapSim.Cli.Tests;

// --trace FILE: one JSON object per line (docs/cli.md), each line read back with System.Text.Json.
public sealed partial class RunCommandTests
{
    /// <summary>A self-referencing instance, collected by gc.collect(); a class named outside ASCII; a list.</summary>
    private const string TracedScript = """
        import gc
        class Nodo:
            pass
        a = Nodo()
        a.me = a
        del a
        print(gc.collect())
        class Ñandú:
            pass
        n = Ñandú()
        x = [1, 2, 3]
        """;

    [Test]
    public void Run_Trace_LeavesStdoutAsWithoutIt()
    {
        string script = _folder.Write("traced.py", TracedScript);

        CliResult traced = Cli.Run("run", "--trace", _folder.PathOf("trace.jsonl"), script);
        CliResult plain = Cli.Run("run", script);

        traced.Should().Be(plain);
        traced.Should().Be(new CliResult(ExitCodes.Success, "1\n", ""));
    }

    [Test]
    public void Run_Trace_WritesOneValidJsonObjectPerLineNumberedFromZero()
    {
        List<JsonElement> events = Trace(TracedScript);

        events.Should().NotBeEmpty();
        for (int i = 0; i < events.Count; i++)
        {
            events[i].ValueKind.Should().Be(JsonValueKind.Object);
            events[i].GetProperty("seq").GetInt64().Should().Be(i, "events are numbered in order, one per line");
        }
    }

    [Test]
    public void Run_Trace_ObjectEventsHaveIdTypeAndBytes()
    {
        List<JsonElement> objectEvents = Trace(TracedScript).Where(e => Kind(e) is "alloc" or "free").ToList();

        objectEvents.Should().NotBeEmpty();
        foreach (JsonElement e in objectEvents)
        {
            Names(e).Should().Equal("seq", "event", "id", "type", "bytes");
            e.GetProperty("id").GetInt32().Should().BePositive();
            e.GetProperty("type").ValueKind.Should().Be(JsonValueKind.String);
            e.GetProperty("bytes").GetInt64().Should().BePositive();
        }
    }

    [Test]
    public void Run_Trace_CollectionEventsHaveGenerationAndEndHasCollected()
    {
        List<JsonElement> events = Trace(TracedScript);

        foreach (JsonElement e in events.Where(e => Kind(e) == "gc_start"))
        {
            Names(e).Should().Equal("seq", "event", "generation");
            e.GetProperty("generation").GetInt32().Should().BeInRange(0, 2);
        }
        foreach (JsonElement e in events.Where(e => Kind(e) == "gc_end"))
        {
            Names(e).Should().Equal("seq", "event", "generation", "collected");
            e.GetProperty("collected").GetInt64().Should().BeGreaterThanOrEqualTo(0);
        }
        events.Select(Kind).Distinct().Should().BeEquivalentTo("alloc", "free", "gc_start", "gc_end");
    }

    [Test]
    public void Run_Trace_GcCollectIsAFullCollectionThatFreesTheCycle()
    {
        List<JsonElement> events = Trace(TracedScript);

        // The first collection is the script's gc.collect(): generation 2, and inside it the Nodo is freed;
        // gc_end counts what gc.collect() returned and printed (1).
        int start = events.FindIndex(e => Kind(e) == "gc_start");
        int end = events.FindIndex(start, e => Kind(e) == "gc_end");
        events[start].GetProperty("generation").GetInt32().Should().Be(2);
        events[end].GetProperty("generation").GetInt32().Should().Be(2);
        events[end].GetProperty("collected").GetInt64().Should().Be(1);
        events.Skip(start + 1).Take(end - start - 1)
            .Should().ContainSingle(e => Kind(e) == "free" && e.GetProperty("type").GetString() == "Nodo");
        events.Take(start).Should().ContainSingle(e => Kind(e) == "alloc" && e.GetProperty("type").GetString() == "Nodo");
    }

    [Test]
    public void Run_Trace_TypeNameOutsideAscii_IsEscapedAndReadsBack()
    {
        string script = _folder.Write("unicode.py", TracedScript);
        string trace = _folder.PathOf("trace.jsonl");

        Cli.Run("run", "--trace", trace, script).ExitCode.Should().Be(ExitCodes.Success);

        string line = File.ReadLines(trace).Single(l => l.Contains("\"alloc\"") && l.Contains("and\\u00FA"));
        line.Should().Contain("\"type\":\"\\u00D1and\\u00FA\"", "JSON escapes of Ñandú, so the file is plain ASCII");
        JsonDocument.Parse(line).RootElement.GetProperty("type").GetString().Should().Be("Ñandú");
    }

    [Test]
    public void Run_TraceOfAScriptThatRaises_IsStillComplete()
    {
        string script = _folder.Write("raises.py", "x = [1, 2]\nraise KeyError('k')\n");
        string trace = _folder.PathOf("trace.jsonl");

        Cli.Run("run", "--trace", trace, script).ExitCode.Should().Be(ExitCodes.PythonError);

        string[] lines = File.ReadAllLines(trace);
        lines.Should().NotBeEmpty();
        foreach (string l in lines) JsonDocument.Parse(l).RootElement.GetProperty("event").GetString().Should().NotBeNull();
        File.ReadAllText(trace).Should().EndWith("}\n", "the last event is written out whole");
    }

    /// <summary>Runs <paramref name="source"/> with --trace and parses every line of the trace.</summary>
    private List<JsonElement> Trace(string source)
    {
        string script = _folder.Write("traced.py", source);
        string trace = _folder.PathOf("trace.jsonl");
        Cli.Run("run", "--trace", trace, script).ExitCode.Should().Be(ExitCodes.Success);
        return File.ReadLines(trace).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    private static string Kind(JsonElement e) => e.GetProperty("event").GetString()!;

    private static IEnumerable<string> Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name);
}
