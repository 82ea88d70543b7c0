using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Syntax;

/// <summary>Number and string literals: values from token text, and implicit concatenation of adjacent strings.</summary>
public sealed partial class Parser
{
    /// <summary>The value of an integer token (the lexer has validated its digits and underscores).</summary>
    private static BigInteger ParseIntegerLiteral(string text)
    {
        string digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (digits.Length > 2 && digits[0] == '0' && char.IsAsciiLetter(digits[1]))
        {
            int radix = char.ToLowerInvariant(digits[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            BigInteger value = BigInteger.Zero;
            for (int i = 2; i < digits.Length; i++)
            {
                char c = digits[i];
                int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                value = (value * radix) + digit;
            }

            return value;
        }

        return digits.Length <= 18
            ? long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture)
            : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The value of a float token, correctly rounded; too large a literal is infinity, as in CPython.</summary>
    private static double ParseFloatLiteral(string text) =>
        double.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// One or more adjacent string tokens: a <see cref="StrConstant"/>, a <see cref="BytesConstant"/>,
    /// or a <see cref="JoinedStrExpression"/> when any of them is an f-string.
    /// </summary>
    private Expression ParseStrings()
    {
        int firstIndex = _pos;
        bool anyBytes = false;
        bool anyText = false;
        bool anyFormatted = false;
        while (Kind == TokenKind.String)
        {
            StringToken parts = StringToken.Split(Advance());
            anyBytes |= parts.IsBytes;
            anyText |= !parts.IsBytes;
            anyFormatted |= parts.IsFormatted;
        }

        int lastIndex = _pos;
        SourceSpan span = _tokens[firstIndex].Span.Through(_lastEnd);
        if (anyBytes && anyText)
        {
            SyntaxErrors.Throw("cannot mix bytes and nonbytes literals", _tokens[firstIndex].Span);
        }

        if (anyBytes)
        {
            var bytes = new List<byte>();
            for (int i = firstIndex; i < lastIndex; i++)
            {
                StringToken parts = StringToken.Split(_tokens[i]);
                bytes.AddRange(StringLiteralDecoder.DecodeBytes(_source, parts.BodyStart, parts.BodyEnd, parts.IsRaw, _tokens[i].Span));
            }

            return new BytesConstant([.. bytes], span);
        }

        var joined = new JoinedStrBuilder(span);
        for (int i = firstIndex; i < lastIndex; i++)
        {
            StringToken parts = StringToken.Split(_tokens[i]);
            if (parts.IsFormatted)
            {
                ParseFStringBody(_tokens[i], parts.BodyStart, parts.BodyEnd, parts.IsRaw, joined, 0);
            }
            else
            {
                joined.AppendLiteral(StringLiteralDecoder.DecodeStr(_source, parts.BodyStart, parts.BodyEnd, parts.IsRaw, _tokens[i].Span));
            }
        }

        return anyFormatted ? joined.Build(span) : new StrConstant(joined.LiteralText, span);
    }

    /// <summary>The prefix flags of one string token and where its body lies in the source.</summary>
    private readonly record struct StringToken(bool IsBytes, bool IsRaw, bool IsFormatted, int BodyStart, int BodyEnd)
    {
        public static StringToken Split(Token token)
        {
            string text = token.Text;
            int prefixLength = 0;
            bool bytes = false;
            bool raw = false;
            bool formatted = false;
            while (text[prefixLength] is not ('\'' or '"'))
            {
                switch (char.ToLowerInvariant(text[prefixLength]))
                {
                    case 'b':
                        bytes = true;
                        break;
                    case 'r':
                        raw = true;
                        break;
                    case 'f':
                        formatted = true;
                        break;
                }

                prefixLength++;
            }

            char quote = text[prefixLength];
            bool triple = text.Length - prefixLength >= 6 && text[prefixLength + 1] == quote && text[prefixLength + 2] == quote;
            int quoteLength = triple ? 3 : 1;
            return new StringToken(bytes, raw, formatted, token.Start + prefixLength + quoteLength, token.End - quoteLength);
        }
    }

    /// <summary>
    /// Collects the parts of a JoinedStr: adjacent literal text is merged, empty text dropped,
    /// as CPython's f-string compiler does.
    /// </summary>
    private sealed class JoinedStrBuilder(SourceSpan literalSpan)
    {
        private readonly System.Text.StringBuilder _literal = new();
        private readonly ImmutableArray<Expression>.Builder _values = ImmutableArray.CreateBuilder<Expression>();

        /// <summary>The literal text collected since the last field (all of it, when there are no fields).</summary>
        public string LiteralText => _literal.ToString();

        public void AppendLiteral(string text) => _literal.Append(text);

        public void AddField(FormattedValueExpression field)
        {
            FlushLiteral();
            _values.Add(field);
        }

        public JoinedStrExpression Build(SourceSpan span)
        {
            FlushLiteral();
            return new JoinedStrExpression(_values.ToImmutable(), span);
        }

        private void FlushLiteral()
        {
            if (_literal.Length > 0)
            {
                _values.Add(new StrConstant(_literal.ToString(), literalSpan));
                _literal.Clear();
            }
        }
    }
}
