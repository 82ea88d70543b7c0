namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// The script is not valid Python. <see cref="Exception.Message"/> is CPython's own wording
/// (3.11's where versions differ), without file or position: "invalid syntax", "unexpected
/// indent", "unterminated string literal (detected at line 4)". The caller formats
/// <c>File "name", line N</c> and the <c>{Kind}: {Message}</c> line.
/// </summary>
public sealed class ScriptSyntaxException : ScriptSourceException
{
    /// <summary>Creates the exception.</summary>
    public ScriptSyntaxException(string message, SourceSpan span, SyntaxErrorKind kind = SyntaxErrorKind.SyntaxError)
        : base(message, span)
    {
        Kind = kind;
    }

    /// <summary>Which CPython exception class this is.</summary>
    public SyntaxErrorKind Kind { get; }

    /// <summary>The CPython class name: "SyntaxError", "IndentationError" or "TabError".</summary>
    public string PythonTypeName => Kind.ToString();
}
