using System.Collections.Immutable;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// f-strings, with the rules CPython 3.8–3.11 apply (they also hold on 3.12+): a replacement
/// field's expression cannot contain the enclosing quote, a backslash or '#'; format specs may
/// nest one more level of fields. PEP 701's relaxations (3.12) are not accepted, so a script
/// parses the same on every supported version.
/// </summary>
public sealed partial class Parser
{
    /// <summary>
    /// Parses f-string text <c>_source[start..end)</c> into <paramref name="into"/>. At
    /// <paramref name="nesting"/> 0 this is a whole literal body; at 1 or more it is a format spec,
    /// which ends at the first '}' outside a field, and whose braces are never doubled.
    /// </summary>
    /// <returns>Where parsing stopped: <paramref name="end"/>, or the '}' that closes a format spec.</returns>
    private int ParseFStringBody(Token token, int start, int end, bool raw, JoinedStrBuilder into, int nesting)
    {
        int literalStart = start;
        int i = start;
        while (i < end)
        {
            char c = _source[i];
            if (c == '\\' && !raw)
            {
                if (i + 2 < end && _source[i + 1] == 'N' && _source[i + 2] == '{')
                {
                    SyntaxErrors.NotSupported(@"the '\N{...}' escape", At(i));
                }

                // A backslash before a brace does not escape it: f"\{x}" is a backslash and a field.
                i += i + 1 < end && _source[i + 1] is '{' or '}' ? 1 : 2;
                continue;
            }

            if (c == '{' || c == '}')
            {
                bool doubled = nesting == 0 && i + 1 < end && _source[i + 1] == c;
                if (doubled)
                {
                    AppendLiteral(token, literalStart, i + 1, raw, into);
                    i += 2;
                    literalStart = i;
                    continue;
                }

                AppendLiteral(token, literalStart, i, raw, into);
                if (c == '}')
                {
                    if (nesting > 0)
                    {
                        return i;
                    }

                    SyntaxErrors.Throw("f-string: single '}' is not allowed", At(i));
                }

                i = ParseReplacementField(token, i, end, raw, into, nesting);
                literalStart = i;
                continue;
            }

            i++;
        }

        AppendLiteral(token, literalStart, end, raw, into);
        return end;
    }

    private void AppendLiteral(Token token, int start, int end, bool raw, JoinedStrBuilder into)
    {
        if (end > start)
        {
            into.AppendLiteral(StringLiteralDecoder.DecodeStr(_source, start, end, raw, token.Span));
        }
    }

    /// <summary>
    /// Parses the field <c>{expression[=][!conversion][:spec]}</c> whose '{' is at
    /// <paramref name="open"/>, adds it to <paramref name="into"/>, and returns the offset just
    /// past its '}'.
    /// </summary>
    private int ParseReplacementField(Token token, int open, int end, bool raw, JoinedStrBuilder into, int nesting)
    {
        if (nesting >= 2)
        {
            SyntaxErrors.Throw("f-string: expressions nested too deeply", At(open));
        }

        int expressionStart = open + 1;
        int i = FindEndOfFieldExpression(expressionStart, end);
        int expressionEnd = i;
        if (_source.AsSpan(expressionStart, expressionEnd - expressionStart).IsWhiteSpace())
        {
            SyntaxErrors.Throw("f-string: empty expression not allowed", At(expressionEnd));
        }

        // Self-documenting field (3.8+): the text up to and after '=' is printed before the value.
        string? debugText = null;
        if (_source[i] == '=')
        {
            i++;
            while (i < end && _source[i] is ' ' or '\t' or '\n' or '\f')
            {
                i++;
            }

            debugText = _source[expressionStart..i];
        }

        FormatConversion conversion = FormatConversion.None;
        if (i < end && _source[i] == '!')
        {
            i++;
            conversion = (i < end ? _source[i] : '\0') switch
            {
                's' => FormatConversion.Str,
                'r' => FormatConversion.Repr,
                'a' => FormatConversion.Ascii,
                _ => throw new ScriptSyntaxException("f-string: invalid conversion character: expected 's', 'r', or 'a'", At(i)),
            };
            i++;
        }

        JoinedStrExpression? spec = null;
        if (i < end && _source[i] == ':')
        {
            var specParts = new JoinedStrBuilder(token.Span);
            int specStart = i + 1;
            i = ParseFStringBody(token, specStart, end, raw, specParts, nesting + 1);
            spec = specParts.Build(_lines.Span(_fileName, specStart, i));
        }

        if (i >= end || _source[i] != '}')
        {
            SyntaxErrors.Throw("f-string: expecting '}'", At(i));
        }

        i++;
        Expression value = ParseFieldExpression(expressionStart, expressionEnd);
        if (debugText is not null)
        {
            into.AppendLiteral(debugText);
            if (conversion == FormatConversion.None && spec is null)
            {
                conversion = FormatConversion.Repr;
            }
        }

        into.AddField(new FormattedValueExpression(value, conversion, spec, _lines.Span(_fileName, open, i)));
        return i;
    }

    /// <summary>
    /// Finds where a field's expression ends: at a '}', '!', ':' or '=' outside brackets and
    /// strings that is not part of an operator (<c>!=</c>, <c>==</c>, <c>&lt;=</c>, <c>&gt;=</c>).
    /// </summary>
    private int FindEndOfFieldExpression(int start, int end)
    {
        List<char>? open = null; // Brackets opened inside the expression, innermost last.
        int i = start;
        while (true)
        {
            if (i >= end)
            {
                SyntaxErrors.Throw("f-string: expecting '}'", At(i));
            }

            char c = _source[i];
            int depth = open?.Count ?? 0;
            switch (c)
            {
                case '\\':
                    SyntaxErrors.Throw("f-string expression part cannot include a backslash", At(i));
                    break;
                case '#':
                    SyntaxErrors.Throw("f-string expression part cannot include '#'", At(i));
                    break;
                case '\'' or '"':
                    i = SkipQuotedInField(i, end);
                    continue;
                case '(' or '[' or '{':
                    (open ??= []).Add(c);
                    break;
                case ')' or ']' or '}':
                    if (depth == 0)
                    {
                        if (c == '}')
                        {
                            return i;
                        }

                        SyntaxErrors.Throw($"f-string: unmatched '{c}'", At(i));
                    }

                    char opener = open![depth - 1];
                    if (c != (opener == '(' ? ')' : opener == '[' ? ']' : '}'))
                    {
                        SyntaxErrors.Throw($"f-string: closing parenthesis '{c}' does not match opening parenthesis '{opener}'", At(i));
                    }

                    open.RemoveAt(depth - 1);
                    break;
                case '!' or '=' or '<' or '>' when depth == 0 && i + 1 < end && _source[i + 1] == '=':
                    i += 2; // !=, ==, <=, >=
                    continue;
                case '!' or ':' or '=' when depth == 0:
                    return i;
            }

            i++;
        }
    }

    /// <summary>Skips a string literal inside a field expression; returns the offset after its closing quote.</summary>
    private int SkipQuotedInField(int i, int end)
    {
        char quote = _source[i];
        bool triple = i + 2 < end && _source[i + 1] == quote && _source[i + 2] == quote;
        i += triple ? 3 : 1;
        while (i < end)
        {
            if (_source[i] == quote && (!triple || (i + 2 < end && _source[i + 1] == quote && _source[i + 2] == quote)))
            {
                return i + (triple ? 3 : 1);
            }

            i++;
        }

        SyntaxErrors.Throw("f-string: expecting '}'", At(end));
        return end;
    }

    /// <summary>A zero-width span at a source offset, for errors inside an f-string.</summary>
    private SourceSpan At(int offset) => _lines.Span(_fileName, offset, offset);

    /// <summary>Lexes and parses a field's expression text as if it were in parentheses, with positions in the file.</summary>
    private Expression ParseFieldExpression(int start, int end)
    {
        var (line, lineStart) = _lines.Locate(start);
        ImmutableArray<Token> tokens = Lexer.TokenizeEmbedded(_source, _fileName, start, end, line, lineStart);
        var parser = new Parser(_source, _fileName, tokens, _lines, _context);
        if (parser.Kind == TokenKind.Yield)
        {
            SyntaxErrors.NotSupported("'yield' expression", parser.Current.Span);
        }

        Expression value = parser.ParseStarExpressions();
        if (parser.Kind != TokenKind.EndOfFile)
        {
            parser.InvalidSyntax();
        }

        return value;
    }
}
