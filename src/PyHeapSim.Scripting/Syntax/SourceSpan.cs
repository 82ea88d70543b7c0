namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// Where a token or syntax node sits in a script: the 1-based line and column of its first
/// character, and the line and column just past its last character.
/// </summary>
/// <remarks>
/// Columns count UTF-16 code units of the source after newline normalisation; a tab counts as
/// one column. For ASCII lines they equal CPython's 1-based SyntaxError offset (its 0-based
/// <c>col_offset</c> + 1); <see cref="EndColumn"/> is exclusive, like CPython's
/// <c>end_col_offset</c> + 1. <c>default(SourceSpan)</c> means "no location": line 0 and an
/// empty <see cref="FileName"/>.
/// </remarks>
public readonly record struct SourceSpan
{
    private readonly string? _fileName;

    /// <summary>Creates a span; lines and columns are 1-based, the end is exclusive.</summary>
    public SourceSpan(string fileName, int line, int column, int endLine, int endColumn)
    {
        _fileName = fileName;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    /// <summary>The name the script was parsed under, as given to the parser (e.g. "lesson.py").</summary>
    public string FileName => _fileName ?? string.Empty;

    /// <summary>1-based line of the first character; 0 for <c>default</c>.</summary>
    public int Line { get; }

    /// <summary>1-based column of the first character.</summary>
    public int Column { get; }

    /// <summary>1-based line of the last character.</summary>
    public int EndLine { get; }

    /// <summary>1-based column just past the last character (exclusive).</summary>
    public int EndColumn { get; }

    /// <summary>True for <c>default(SourceSpan)</c>, which carries no location.</summary>
    public bool IsEmpty => Line == 0;

    /// <summary>A span from the start of this one to the end of <paramref name="last"/>.</summary>
    public SourceSpan Through(SourceSpan last) => new(FileName, Line, Column, last.EndLine, last.EndColumn);

    /// <summary>The zero-width span at this span's start.</summary>
    public SourceSpan Start => new(FileName, Line, Column, Line, Column);

    /// <summary>"file:line:column", for diagnostics.</summary>
    public override string ToString() => $"{FileName}:{Line}:{Column}";
}
