namespace PyHeapSim.Scripting.Syntax;

/// <summary>Which of CPython's syntax exception classes a <see cref="ScriptSyntaxException"/> stands for.</summary>
/// <remarks>The default, <see cref="SyntaxError"/>, is the one CPython uses unless indentation is at fault.</remarks>
public enum SyntaxErrorKind
{
    /// <summary><c>SyntaxError</c>.</summary>
    SyntaxError = 0,

    /// <summary><c>IndentationError</c> (a subclass of SyntaxError): unexpected indent, expected an indented block, unindent mismatch.</summary>
    IndentationError,

    /// <summary><c>TabError</c> (a subclass of IndentationError): tabs and spaces mixed inconsistently.</summary>
    TabError,
}
