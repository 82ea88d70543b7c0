namespace PyHeapSim.Scripting.Syntax;

/// <summary>Offsets where each line of a (newline-normalised) source starts, for turning offsets into line and column.</summary>
internal sealed class LineMap
{
    private readonly List<int> _starts = [0];

    public LineMap(string source)
    {
        for (int i = source.IndexOf('\n'); i >= 0; i = source.IndexOf('\n', i + 1))
        {
            _starts.Add(i + 1);
        }
    }

    /// <summary>The 1-based line containing <paramref name="offset"/> and the offset where that line starts. O(log lines).</summary>
    public (int Line, int LineStart) Locate(int offset)
    {
        int index = _starts.BinarySearch(offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return (index + 1, _starts[index]);
    }

    /// <summary>The span from offset <paramref name="start"/> to offset <paramref name="end"/> (exclusive).</summary>
    public SourceSpan Span(string fileName, int start, int end)
    {
        var (line, lineStart) = Locate(start);
        var (endLine, endLineStart) = Locate(end);
        return new SourceSpan(fileName, line, start - lineStart + 1, endLine, end - endLineStart + 1);
    }
}
