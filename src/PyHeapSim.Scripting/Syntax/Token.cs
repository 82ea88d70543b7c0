namespace PyHeapSim.Scripting.Syntax;

/// <summary>One token of a script.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">
/// The token's source text (a string literal keeps its prefix and quotes; an identifier is
/// NFKC-normalised). Empty for <see cref="TokenKind.NewLine"/>, <see cref="TokenKind.Indent"/>,
/// <see cref="TokenKind.Dedent"/> and <see cref="TokenKind.EndOfFile"/>.
/// </param>
/// <param name="Span">Where the token is; synthetic tokens get a zero-width span.</param>
/// <param name="Start">UTF-16 offset of the first character in the newline-normalised source (see <see cref="Lexer.NormalizeNewlines"/>).</param>
/// <param name="End">UTF-16 offset just past the last character.</param>
public readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span, int Start, int End)
{
    /// <summary>"Kind 'text' at line:column", for diagnostics and test failures.</summary>
    public override string ToString() => $"{Kind} '{Text}' at {Span.Line}:{Span.Column}";
}
