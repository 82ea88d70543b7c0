namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// The script is valid Python (as far as the parser checked) but uses a construct outside the
/// subset PyHeapSim runs. Thrown instead of running it wrongly.
/// </summary>
/// <remarks>
/// The message names the construct and its position, e.g.
/// "'with' statement is not supported by pyheapsim (line 3, column 1)".
/// </remarks>
public sealed class ScriptNotSupportedException : ScriptSourceException
{
    /// <summary>Creates the exception for <paramref name="construct"/>, e.g. "'with' statement".</summary>
    public ScriptNotSupportedException(string construct, SourceSpan span)
        : base($"{construct} is not supported by pyheapsim (line {span.Line}, column {span.Column})", span)
    {
        Construct = construct;
    }

    /// <summary>The construct, as it appears at the start of the message (e.g. "'with' statement").</summary>
    public string Construct { get; }
}
