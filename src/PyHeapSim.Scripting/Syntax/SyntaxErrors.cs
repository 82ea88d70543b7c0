using System.Diagnostics.CodeAnalysis;

namespace PyHeapSim.Scripting.Syntax;

/// <summary>Out-of-line throw helpers for the lexer and parser, so their loops stay small.</summary>
internal static class SyntaxErrors
{
    [DoesNotReturn]
    public static void Throw(string message, SourceSpan span) =>
        throw new ScriptSyntaxException(message, span);

    [DoesNotReturn]
    public static void Indentation(string message, SourceSpan span) =>
        throw new ScriptSyntaxException(message, span, SyntaxErrorKind.IndentationError);

    [DoesNotReturn]
    public static void Tab(SourceSpan span) =>
        throw new ScriptSyntaxException("inconsistent use of tabs and spaces in indentation", span, SyntaxErrorKind.TabError);

    [DoesNotReturn]
    public static void NotSupported(string construct, SourceSpan span) =>
        throw new ScriptNotSupportedException(construct, span);
}
