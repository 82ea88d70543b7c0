using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Tracing;

namespace PyHeapSim.Cli.Tests;

/// <summary>The exact line per event kind, and type names that a script cannot produce but a heap can
/// (any string is a valid <c>type(o).__name__</c> once <c>type()</c> takes three arguments).</summary>
public sealed class JsonLinesTraceWriterTests
{
    [Test]
    public void Allocate_IsOneLineWithIdTypeAndBytes() =>
        Line(new HeapEvent(HeapEventKind.Allocate, 7, 5012, 1, "list", 56, -1, 0))
            .Should().Be("{\"seq\":7,\"event\":\"alloc\",\"id\":5012,\"type\":\"list\",\"bytes\":56}\n");

    [Test]
    public void Free_IsOneLineWithIdTypeAndBytes() =>
        Line(new HeapEvent(HeapEventKind.Free, 8, 5012, 1, "list", 56, -1, 0))
            .Should().Be("{\"seq\":8,\"event\":\"free\",\"id\":5012,\"type\":\"list\",\"bytes\":56}\n");

    [Test]
    public void CollectionStart_HasTheGeneration() =>
        Line(new HeapEvent(HeapEventKind.CollectionStart, 9, 0, 0, null, 0, 1, 0))
            .Should().Be("{\"seq\":9,\"event\":\"gc_start\",\"generation\":1}\n");

    [Test]
    public void CollectionEnd_HasTheGenerationAndTheCount() =>
        Line(new HeapEvent(HeapEventKind.CollectionEnd, 10, 0, 0, null, 0, 2, 17))
            .Should().Be("{\"seq\":10,\"event\":\"gc_end\",\"generation\":2,\"collected\":17}\n");

    [Test]
    public void Allocate_WithoutTypeName_WritesNull() =>
        Line(new HeapEvent(HeapEventKind.Allocate, 0, 3, 1, null, 16, -1, 0))
            .Should().Be("{\"seq\":0,\"event\":\"alloc\",\"id\":3,\"type\":null,\"bytes\":16}\n");

    [TestCase("a\"b")]
    [TestCase("back\\slash")]
    [TestCase("tab\tand\nnewline")]
    [TestCase("<script>&'")]
    [TestCase("Ñandú 🐍")]
    public void TypeNameThatNeedsEscaping_StaysOneLineAndReadsBack(string typeName)
    {
        string line = Line(new HeapEvent(HeapEventKind.Allocate, 1, 2, 1, typeName, 32, -1, 0));

        line.IndexOf('\n').Should().Be(line.Length - 1, "one event, one line");
        line.Should().MatchRegex(@"^[\x20-\x7E]+\n$", "escaped to printable ASCII");
        JsonDocument.Parse(line).RootElement.GetProperty("type").GetString().Should().Be(typeName);
    }

    private static string Line(in HeapEvent e)
    {
        var text = new StringWriter { NewLine = "\n" };
        using (var writer = new JsonLinesTraceWriter(text)) writer.OnEvent(e);
        return text.ToString();
    }
}
