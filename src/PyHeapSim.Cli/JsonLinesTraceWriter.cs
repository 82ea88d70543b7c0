using System.Text.Json;
using PyHeapSim.Tracing;

namespace PyHeapSim.Cli;

/// <summary>Writes each heap event as one JSON object per line (<c>pyheapsim run --trace FILE</c>).</summary>
internal sealed class JsonLinesTraceWriter(TextWriter output) : IHeapObserver, IDisposable
{
    public void OnEvent(in HeapEvent e)
    {
        switch (e.Kind)
        {
            case HeapEventKind.Allocate:
            case HeapEventKind.Free:
                output.Write("{\"seq\":");
                output.Write(e.Sequence);
                output.Write(",\"event\":\"");
                output.Write(e.Kind == HeapEventKind.Allocate ? "alloc" : "free");
                output.Write("\",\"id\":");
                output.Write(e.Slot);
                output.Write(",\"type\":");
                WriteJsonString(e.TypeName);
                output.Write(",\"bytes\":");
                output.Write(e.Bytes);
                output.WriteLine("}");
                break;
            default:
                output.Write("{\"seq\":");
                output.Write(e.Sequence);
                output.Write(e.Kind == HeapEventKind.CollectionStart ? ",\"event\":\"gc_start\",\"generation\":" : ",\"event\":\"gc_end\",\"generation\":");
                output.Write(e.Generation);
                if (e.Kind == HeapEventKind.CollectionEnd)
                {
                    output.Write(",\"collected\":");
                    output.Write(e.Count);
                }
                output.WriteLine("}");
                break;
        }
    }

    /// <summary>A JSON string literal (or <c>null</c>). JsonEncodedText escapes as JsonSerializer does, without
    /// reflection, so the CLI stays trimming- and Native-AOT-safe.</summary>
    private void WriteJsonString(string? value)
    {
        if (value is null)
        {
            output.Write("null");
            return;
        }
        output.Write('"');
        output.Write(JsonEncodedText.Encode(value).ToString());
        output.Write('"');
    }

    public void Dispose() => output.Flush();
}
