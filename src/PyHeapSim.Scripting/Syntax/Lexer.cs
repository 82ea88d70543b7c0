using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// Turns script text into tokens the way CPython's tokenizer does: INDENT and DEDENT from a
/// stack of indentation columns, NEWLINE only at the end of a non-blank logical line, and
/// newlines ignored inside brackets and after a backslash. One pass, linear in the source.
/// </summary>
/// <remarks>
/// Indentation follows tokenizer.c: a tab advances to the next multiple of 8, a form feed
/// resets the column, and every line is also measured with tabs as one column; when the two
/// measures disagree about the order of two lines, that is a TabError. Blank and comment-only
/// lines never affect indentation.
/// </remarks>
public sealed class Lexer
{
    // tokenizer.c: MAXINDENT (the indentation stack, level 0 included), MAXLEVEL (nested brackets), TABSIZE.
    private const int MaxIndentLevels = 100;
    private const int MaxBracketDepth = 200;
    private const int TabSize = 8;

    private readonly string _source;
    private readonly string _fileName;
    private readonly int _end;

    // An f-string replacement field: lexed as if inside brackets, so no NEWLINE or INDENT.
    private readonly bool _embedded;

    private readonly ImmutableArray<Token>.Builder _tokens = ImmutableArray.CreateBuilder<Token>();
    private readonly List<int> _indents = [0];
    private readonly List<int> _altIndents = [0];
    private readonly List<(char Open, SourceSpan Span)> _brackets = [];
    private int _pos;
    private int _line;
    private int _lineStart;
    private bool _atLineStart;
    private bool _lineHasTokens;

    private Lexer(string source, string fileName, int start, int end, int line, int lineStart, bool embedded)
    {
        _source = source;
        _fileName = fileName;
        _pos = start;
        _end = end;
        _line = line;
        _lineStart = lineStart;
        _embedded = embedded;
        _atLineStart = !embedded;
    }

    /// <summary>
    /// Tokenizes a whole script. The stream ends with NEWLINE (if the last line had tokens),
    /// one DEDENT per open block, and <see cref="TokenKind.EndOfFile"/>.
    /// </summary>
    /// <exception cref="ScriptSyntaxException">The text cannot be tokenized (bad indentation, unterminated string, stray character, unbalanced bracket).</exception>
    public static ImmutableArray<Token> Tokenize(string source, string fileName) =>
        TokenizeNormalized(NormalizeNewlines(source), fileName);

    /// <summary>
    /// Returns the text the lexer works on: a leading byte-order mark removed and every
    /// <c>\r\n</c> or lone <c>\r</c> turned into <c>\n</c>, as Python's universal newlines do.
    /// <see cref="Token.Start"/> and <see cref="Token.End"/> are offsets into this text.
    /// </summary>
    public static string NormalizeNewlines(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > 0 && source[0] == '\uFEFF')
        {
            source = source[1..];
        }

        return source.Contains('\r', StringComparison.Ordinal)
            ? source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : source;
    }

    internal static ImmutableArray<Token> TokenizeNormalized(string source, string fileName) =>
        new Lexer(source, fileName, 0, source.Length, 1, 0, embedded: false).Run();

    /// <summary>
    /// Tokenizes <c>source[start..end)</c>, an f-string replacement field, with positions in the
    /// enclosing file: <paramref name="line"/> is the line of <paramref name="start"/> and
    /// <paramref name="lineStart"/> the offset where that line begins.
    /// </summary>
    internal static ImmutableArray<Token> TokenizeEmbedded(string source, string fileName, int start, int end, int line, int lineStart) =>
        new Lexer(source, fileName, start, end, line, lineStart, embedded: true).Run();

    private ImmutableArray<Token> Run()
    {
        while (true)
        {
            if (_atLineStart)
            {
                ReadIndentation();
            }

            SkipBlanks();
            if (_pos >= _end)
            {
                break;
            }

            char c = _source[_pos];
            switch (c)
            {
                case '#':
                    SkipComment();
                    continue;
                case '\n':
                    ReadNewLine();
                    continue;
                case '\\':
                    ReadLineContinuation();
                    continue;
                case '\'' or '"':
                    ReadString(_pos);
                    continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(PeekAt(_pos + 1))))
            {
                ReadNumber();
            }
            else if (IsIdentifierStartAt(_pos, out _))
            {
                ReadNameOrString();
            }
            else
            {
                ReadOperator(c);
            }
        }

        Finish();
        return _tokens.ToImmutable();
    }

    private void Finish()
    {
        if (_brackets.Count > 0)
        {
            var (open, span) = _brackets[^1];
            SyntaxErrors.Throw($"'{open}' was never closed", span);
        }

        if (!_embedded)
        {
            int column = _pos - _lineStart + 1;
            if (_lineHasTokens)
            {
                Add(TokenKind.NewLine, string.Empty, _pos, _pos, new SourceSpan(_fileName, _line, column, _line, column));
            }

            while (_indents.Count > 1)
            {
                _indents.RemoveAt(_indents.Count - 1);
                _altIndents.RemoveAt(_altIndents.Count - 1);
                Add(TokenKind.Dedent, string.Empty, _pos, _pos, new SourceSpan(_fileName, _line, column, _line, column));
            }
        }

        var end = new SourceSpan(_fileName, _line, _pos - _lineStart + 1, _line, _pos - _lineStart + 1);
        Add(TokenKind.EndOfFile, string.Empty, _pos, _pos, end);
    }

    // --- Lines and indentation -------------------------------------------------------------

    /// <summary>
    /// At the start of a line outside brackets: measures the indentation and, unless the line is
    /// blank or a comment, emits INDENT or DEDENTs. On exit <see cref="_pos"/> may still sit
    /// before the indentation; <see cref="SkipBlanks"/> steps over it.
    /// </summary>
    private void ReadIndentation()
    {
        int col = 0;
        int altCol = 0;
        int p = _pos;
        while (p < _end)
        {
            char c = _source[p];
            if (c == ' ')
            {
                col++;
                altCol++;
            }
            else if (c == '\t')
            {
                col = ((col / TabSize) + 1) * TabSize;
                altCol++;
            }
            else if (c == '\f')
            {
                col = 0;
                altCol = 0;
            }
            else
            {
                break;
            }

            p++;
        }

        if (p >= _end || _source[p] == '#' || _source[p] == '\n')
        {
            return; // A blank line: indentation means nothing, and no NEWLINE will follow.
        }

        _atLineStart = false;
        int indentColumns = p - _lineStart;
        int top = _indents[^1];
        if (col == top)
        {
            if (altCol != _altIndents[^1])
            {
                SyntaxErrors.Tab(LineSpan(1));
            }
        }
        else if (col > top)
        {
            if (_indents.Count >= MaxIndentLevels)
            {
                SyntaxErrors.Indentation("too many levels of indentation", LineSpan(1));
            }

            if (altCol <= _altIndents[^1])
            {
                SyntaxErrors.Tab(LineSpan(1));
            }

            _indents.Add(col);
            _altIndents.Add(altCol);
            Add(TokenKind.Indent, string.Empty, _lineStart, p, new SourceSpan(_fileName, _line, 1, _line, indentColumns + 1));
        }
        else
        {
            var here = new SourceSpan(_fileName, _line, indentColumns + 1, _line, indentColumns + 1);
            while (_indents.Count > 1 && col < _indents[^1])
            {
                _indents.RemoveAt(_indents.Count - 1);
                _altIndents.RemoveAt(_altIndents.Count - 1);
                Add(TokenKind.Dedent, string.Empty, p, p, here);
            }

            if (col != _indents[^1])
            {
                // CPython points just past the end of the offending line.
                int lineEnd = _source.IndexOf('\n', p, _end - p);
                SyntaxErrors.Indentation(
                    "unindent does not match any outer indentation level",
                    LineSpan((lineEnd < 0 ? _end : lineEnd) - _lineStart + 1));
            }

            if (altCol != _altIndents[^1])
            {
                SyntaxErrors.Tab(LineSpan(1));
            }
        }
    }

    private void ReadNewLine()
    {
        bool logicalLineEnds = !_embedded && _brackets.Count == 0;
        if (logicalLineEnds && _lineHasTokens)
        {
            int column = _pos - _lineStart + 1;
            Add(TokenKind.NewLine, string.Empty, _pos, _pos + 1, new SourceSpan(_fileName, _line, column, _line, column + 1));
        }

        _pos++;
        _line++;
        _lineStart = _pos;
        if (logicalLineEnds)
        {
            _atLineStart = true;
            _lineHasTokens = false;
        }
    }

    private void ReadLineContinuation()
    {
        int column = _pos - _lineStart + 1;
        if (_pos + 1 >= _end)
        {
            SyntaxErrors.Throw("unexpected EOF while parsing", LineSpan(column + 1));
        }

        if (_source[_pos + 1] != '\n')
        {
            SyntaxErrors.Throw("unexpected character after line continuation character", LineSpan(column + 1));
        }

        _pos += 2;
        _line++;
        _lineStart = _pos;
    }

    private void SkipBlanks()
    {
        while (_pos < _end)
        {
            char c = _source[_pos];
            if (c != ' ' && c != '\t' && c != '\f')
            {
                break;
            }

            _pos++;
        }
    }

    private void SkipComment()
    {
        while (_pos < _end && _source[_pos] != '\n')
        {
            _pos++;
        }
    }

    // --- Names and strings -----------------------------------------------------------------

    private void ReadNameOrString()
    {
        int start = _pos;
        bool ascii = true;
        while (_pos < _end && IsIdentifierContinueAt(_pos, out int width))
        {
            ascii &= _source[_pos] < 0x80;
            _pos += width;
        }

        if (_pos < _end && (_source[_pos] == '\'' || _source[_pos] == '"') && IsStringPrefix(_source.AsSpan(start, _pos - start)))
        {
            ReadString(start);
            return;
        }

        string text = _source[start.._pos];
        if (!ascii)
        {
            // Python stores identifiers NFKC-normalised (PEP 3131).
            text = text.Normalize(NormalizationForm.FormKC);
        }

        TokenKind kind = ascii ? Keywords.Lookup(text) : TokenKind.Name;
        Add(kind, text, start, _pos, SpanFrom(start, _line, start - _lineStart + 1));
    }

    /// <summary>r, u, b, f, and the pairs rb/br/rf/fr, in any case (CPython 3.6+).</summary>
    private static bool IsStringPrefix(ReadOnlySpan<char> prefix)
    {
        if (prefix.Length == 1)
        {
            char c = char.ToLowerInvariant(prefix[0]);
            return c is 'r' or 'u' or 'b' or 'f';
        }

        if (prefix.Length == 2)
        {
            char a = char.ToLowerInvariant(prefix[0]);
            char b = char.ToLowerInvariant(prefix[1]);
            return (a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f'));
        }

        return false;
    }

    /// <summary>
    /// Scans one string literal whose prefix starts at <paramref name="start"/> and whose opening
    /// quote is at <see cref="_pos"/>. A backslash always protects the next character (even in
    /// raw strings, where it stays in the value); escapes are decoded later by the parser.
    /// </summary>
    private void ReadString(int start)
    {
        int startLine = _line;
        int startColumn = start - _lineStart + 1;
        char quote = _source[_pos];
        bool triple = PeekAt(_pos + 1) == quote && PeekAt(_pos + 2) == quote;
        _pos += triple ? 3 : 1;
        while (true)
        {
            if (_pos >= _end)
            {
                UnterminatedString(triple, startLine, startColumn);
            }

            char c = _source[_pos];
            if (c == '\\')
            {
                _pos++;
                if (_pos < _end)
                {
                    if (_source[_pos] == '\n')
                    {
                        _line++;
                        _lineStart = _pos + 1;
                    }

                    _pos++;
                }
            }
            else if (c == '\n')
            {
                if (!triple)
                {
                    UnterminatedString(triple, startLine, startColumn);
                }

                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c == quote && (!triple || (PeekAt(_pos + 1) == quote && PeekAt(_pos + 2) == quote)))
            {
                _pos += triple ? 3 : 1;
                break;
            }
            else
            {
                _pos++;
            }
        }

        Add(TokenKind.String, _source[start.._pos], start, _pos, SpanFrom(start, startLine, startColumn));
    }

    private void UnterminatedString(bool triple, int startLine, int startColumn)
    {
        var span = new SourceSpan(_fileName, startLine, startColumn, startLine, startColumn);
        if (triple)
        {
            // The line count CPython reports is that of the last line read.
            int detected = _pos >= _end && _end > 0 && _source[_end - 1] == '\n' ? _line - 1 : _line;
            SyntaxErrors.Throw($"unterminated triple-quoted string literal (detected at line {detected})", span);
        }

        SyntaxErrors.Throw($"unterminated string literal (detected at line {_line})", span);
    }

    // --- Numbers ---------------------------------------------------------------------------

    private void ReadNumber()
    {
        int start = _pos;
        char c = _source[_pos];
        if (c == '0' && PeekAt(_pos + 1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            ReadRadixInteger(start);
            return;
        }

        bool isFloat = false;
        if (c != '.')
        {
            ReadDecimalDigits();
        }

        if (PeekAt(_pos) == '.')
        {
            _pos++;
            isFloat = true;
            if (char.IsAsciiDigit(PeekAt(_pos)))
            {
                ReadDecimalDigits();
            }
        }

        if (PeekAt(_pos) is 'e' or 'E')
        {
            int exponent = _pos;
            _pos++;
            if (PeekAt(_pos) is '+' or '-')
            {
                _pos++;
            }

            if (!char.IsAsciiDigit(PeekAt(_pos)))
            {
                SyntaxErrors.Throw("invalid decimal literal", LineSpan(exponent - _lineStart));
            }

            ReadDecimalDigits();
            isFloat = true;
        }

        TokenKind kind = isFloat ? TokenKind.Float : TokenKind.Integer;
        if (PeekAt(_pos) is 'j' or 'J')
        {
            _pos++;
            kind = TokenKind.Imaginary;
        }
        else if (!isFloat && c == '0')
        {
            for (int i = start; i < _pos; i++)
            {
                if (_source[i] is >= '1' and <= '9')
                {
                    SyntaxErrors.Throw(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        LineSpan(start - _lineStart + 1));
                }
            }
        }

        VerifyEndOfNumber("decimal");
        Add(kind, _source[start.._pos], start, _pos, SpanFrom(start, _line, start - _lineStart + 1));
    }

    /// <summary>Digits with single underscores between them; the first character is a digit.</summary>
    private void ReadDecimalDigits()
    {
        while (true)
        {
            while (char.IsAsciiDigit(PeekAt(_pos)))
            {
                _pos++;
            }

            if (PeekAt(_pos) != '_')
            {
                return;
            }

            _pos++;
            if (!char.IsAsciiDigit(PeekAt(_pos)))
            {
                SyntaxErrors.Throw("invalid decimal literal", LineSpan(_pos - _lineStart));
            }
        }
    }

    private void ReadRadixInteger(int start)
    {
        char marker = char.ToLowerInvariant(_source[_pos + 1]);
        (int radix, string name) = marker switch
        {
            'x' => (16, "hexadecimal"),
            'o' => (8, "octal"),
            _ => (2, "binary"),
        };
        _pos += 2;
        bool anyDigit = false;
        while (true)
        {
            if (PeekAt(_pos) == '_')
            {
                _pos++;
            }

            if (!IsRadixDigit(PeekAt(_pos), radix))
            {
                break;
            }

            while (IsRadixDigit(PeekAt(_pos), radix))
            {
                _pos++;
                anyDigit = true;
            }

            if (PeekAt(_pos) != '_')
            {
                break;
            }
        }

        if (radix < 10 && char.IsAsciiDigit(PeekAt(_pos)))
        {
            SyntaxErrors.Throw($"invalid digit '{_source[_pos]}' in {name} literal", LineSpan(_pos - _lineStart + 1));
        }

        if (!anyDigit || _source[_pos - 1] == '_')
        {
            SyntaxErrors.Throw($"invalid {name} literal", LineSpan(_pos - _lineStart));
        }

        VerifyEndOfNumber(name);
        Add(TokenKind.Integer, _source[start.._pos], start, _pos, SpanFrom(start, _line, start - _lineStart + 1));
    }

    private static bool IsRadixDigit(char c, int radix) => radix switch
    {
        16 => char.IsAsciiHexDigit(c),
        8 => c is >= '0' and <= '7',
        _ => c is '0' or '1',
    };

    /// <summary>
    /// A number may not run into a name (<c>1abc</c>), except a keyword that CPython still
    /// accepts there with a warning (<c>1if x else 2</c>; tokenizer.c verify_end_of_number).
    /// </summary>
    private void VerifyEndOfNumber(string kind)
    {
        if (_pos >= _end || !IsIdentifierStartAt(_pos, out _))
        {
            return;
        }

        ReadOnlySpan<char> rest = _source.AsSpan(_pos, _end - _pos);
        foreach (string keyword in KeywordsAfterNumber)
        {
            if (rest.StartsWith(keyword, StringComparison.Ordinal))
            {
                return;
            }
        }

        SyntaxErrors.Throw($"invalid {kind} literal", LineSpan(_pos - _lineStart));
    }

    private static readonly string[] KeywordsAfterNumber = ["and", "else", "for", "if", "in", "is", "not", "or"];

    // --- Operators and brackets ------------------------------------------------------------

    private void ReadOperator(char c)
    {
        char next = PeekAt(_pos + 1);
        char third = PeekAt(_pos + 2);
        switch (c)
        {
            case '(' or '[' or '{':
                OpenBracket(c);
                return;
            case ')' or ']' or '}':
                CloseBracket(c);
                return;
            case ':':
                Op(next == '=' ? TokenKind.ColonEqual : TokenKind.Colon, next == '=' ? 2 : 1);
                return;
            case ',':
                Op(TokenKind.Comma, 1);
                return;
            case ';':
                Op(TokenKind.Semicolon, 1);
                return;
            case '~':
                Op(TokenKind.Tilde, 1);
                return;
            case '.':
                if (next == '.' && third == '.')
                {
                    Op(TokenKind.Ellipsis, 3);
                }
                else
                {
                    Op(TokenKind.Dot, 1);
                }

                return;
            case '+':
                OpWithEqual(TokenKind.Plus, TokenKind.PlusEqual, next);
                return;
            case '-':
                if (next == '>')
                {
                    Op(TokenKind.Arrow, 2);
                }
                else
                {
                    OpWithEqual(TokenKind.Minus, TokenKind.MinusEqual, next);
                }

                return;
            case '*':
                if (next == '*')
                {
                    Op(third == '=' ? TokenKind.DoubleStarEqual : TokenKind.DoubleStar, third == '=' ? 3 : 2);
                }
                else
                {
                    OpWithEqual(TokenKind.Star, TokenKind.StarEqual, next);
                }

                return;
            case '/':
                if (next == '/')
                {
                    Op(third == '=' ? TokenKind.DoubleSlashEqual : TokenKind.DoubleSlash, third == '=' ? 3 : 2);
                }
                else
                {
                    OpWithEqual(TokenKind.Slash, TokenKind.SlashEqual, next);
                }

                return;
            case '<':
                if (next == '<')
                {
                    Op(third == '=' ? TokenKind.LeftShiftEqual : TokenKind.LeftShift, third == '=' ? 3 : 2);
                }
                else
                {
                    OpWithEqual(TokenKind.Less, TokenKind.LessEqual, next);
                }

                return;
            case '>':
                if (next == '>')
                {
                    Op(third == '=' ? TokenKind.RightShiftEqual : TokenKind.RightShift, third == '=' ? 3 : 2);
                }
                else
                {
                    OpWithEqual(TokenKind.Greater, TokenKind.GreaterEqual, next);
                }

                return;
            case '%':
                OpWithEqual(TokenKind.Percent, TokenKind.PercentEqual, next);
                return;
            case '@':
                OpWithEqual(TokenKind.At, TokenKind.AtEqual, next);
                return;
            case '&':
                OpWithEqual(TokenKind.Ampersand, TokenKind.AmpersandEqual, next);
                return;
            case '|':
                OpWithEqual(TokenKind.VerticalBar, TokenKind.VerticalBarEqual, next);
                return;
            case '^':
                OpWithEqual(TokenKind.Circumflex, TokenKind.CircumflexEqual, next);
                return;
            case '=':
                OpWithEqual(TokenKind.Equal, TokenKind.EqualEqual, next);
                return;
            case '!' when next == '=':
                Op(TokenKind.NotEqual, 2);
                return;
        }

        InvalidCharacter();
    }

    private void InvalidCharacter()
    {
        var span = LineSpan(_pos - _lineStart + 1);
        if (!Rune.TryGetRuneAt(_source, _pos, out Rune rune))
        {
            // A lone surrogate: not a character at all, so not printable.
            SyntaxErrors.Throw($"invalid non-printable character U+{(int)_source[_pos]:X4}", span);
        }

        if (rune.Value < 0x80 && !Rune.IsControl(rune))
        {
            SyntaxErrors.Throw("invalid syntax", span); // '$', '?', '`', a lone '!'
        }

        string code = rune.Value.ToString("X4", CultureInfo.InvariantCulture);
        if (IsPrintable(rune))
        {
            SyntaxErrors.Throw($"invalid character '{rune}' (U+{code})", span);
        }

        SyntaxErrors.Throw($"invalid non-printable character U+{code}", span);
    }

    /// <summary>Python's str.isprintable for one character: not a control, format, surrogate, private-use, unassigned or separator other than space.</summary>
    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    private void OpWithEqual(TokenKind plain, TokenKind withEqual, char next)
    {
        if (next == '=')
        {
            Op(withEqual, 2);
        }
        else
        {
            Op(plain, 1);
        }
    }

    private void Op(TokenKind kind, int length)
    {
        int start = _pos;
        _pos += length;
        Add(kind, _source.Substring(start, length), start, _pos, SpanFrom(start, _line, start - _lineStart + 1));
    }

    private void OpenBracket(char c)
    {
        var span = LineSpan(_pos - _lineStart + 1);
        if (_brackets.Count >= MaxBracketDepth)
        {
            SyntaxErrors.Throw("too many nested parentheses", span);
        }

        _brackets.Add((c, span));
        Op(c switch { '(' => TokenKind.LeftParen, '[' => TokenKind.LeftBracket, _ => TokenKind.LeftBrace }, 1);
    }

    private void CloseBracket(char c)
    {
        var span = LineSpan(_pos - _lineStart + 1);
        if (_brackets.Count == 0)
        {
            SyntaxErrors.Throw($"unmatched '{c}'", span);
        }

        var (open, openSpan) = _brackets[^1];
        char expected = open switch { '(' => ')', '[' => ']', _ => '}' };
        if (c != expected)
        {
            string where = openSpan.Line == _line ? string.Empty : $" on line {openSpan.Line}";
            SyntaxErrors.Throw($"closing parenthesis '{c}' does not match opening parenthesis '{open}'{where}", span);
        }

        _brackets.RemoveAt(_brackets.Count - 1);
        Op(c switch { ')' => TokenKind.RightParen, ']' => TokenKind.RightBracket, _ => TokenKind.RightBrace }, 1);
    }

    // --- Identifier characters (PEP 3131, approximated with Unicode categories) ------------

    private bool IsIdentifierStartAt(int pos, out int width)
    {
        char c = _source[pos];
        width = 1;
        if (c < 0x80)
        {
            return char.IsAsciiLetter(c) || c == '_';
        }

        if (!Rune.TryGetRuneAt(_source, pos, out Rune rune))
        {
            return false;
        }

        width = rune.Utf16SequenceLength;
        return IsIdentifierStartCategory(Rune.GetUnicodeCategory(rune));
    }

    private bool IsIdentifierContinueAt(int pos, out int width)
    {
        char c = _source[pos];
        width = 1;
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        if (!Rune.TryGetRuneAt(_source, pos, out Rune rune))
        {
            return false;
        }

        width = rune.Utf16SequenceLength;
        UnicodeCategory category = Rune.GetUnicodeCategory(rune);
        return IsIdentifierStartCategory(category)
            || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
            || rune.Value is 0xB7 or 0x387; // Other_ID_Continue: middle dots
    }

    private static bool IsIdentifierStartCategory(UnicodeCategory category) =>
        category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    // --- Helpers ---------------------------------------------------------------------------

    private char PeekAt(int pos) => pos < _end ? _source[pos] : '\0';

    private SourceSpan LineSpan(int column) => new(_fileName, _line, column, _line, column);

    /// <summary>From a start position to the current position.</summary>
    private SourceSpan SpanFrom(int start, int startLine, int startColumn) =>
        new(_fileName, startLine, startColumn, _line, _pos - _lineStart + 1);

    private void Add(TokenKind kind, string text, int start, int end, SourceSpan span)
    {
        _tokens.Add(new Token(kind, text, span, start, end));
        if (kind is not (TokenKind.NewLine or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndOfFile))
        {
            _lineHasTokens = true;
        }
    }
}
