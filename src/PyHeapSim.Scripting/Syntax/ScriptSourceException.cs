namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// A script was rejected before it ran: either it is not valid Python
/// (<see cref="ScriptSyntaxException"/>) or it is valid Python outside the subset that PyHeapSim
/// runs (<see cref="ScriptNotSupportedException"/>). Catch this type to handle both.
/// </summary>
public abstract class ScriptSourceException : Exception
{
    /// <summary>Creates the exception; <paramref name="span"/> is where the problem starts.</summary>
    protected ScriptSourceException(string message, SourceSpan span)
        : base(message)
    {
        Span = span;
    }

    /// <summary>Where the problem is; see <see cref="SourceSpan"/> for how columns count.</summary>
    public SourceSpan Span { get; }

    /// <summary>The file name the script was parsed under.</summary>
    public string FileName => Span.FileName;

    /// <summary>1-based line of the problem.</summary>
    public int Line => Span.Line;

    /// <summary>1-based column of the problem (CPython's SyntaxError <c>offset</c>).</summary>
    public int Column => Span.Column;
}
