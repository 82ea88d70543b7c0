using System.Text;

namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// Decodes the body of a string or bytes literal (the text between the quotes) the way CPython's
/// string parser does: <c>\n \t \\ \' \" \a \b \f \r \v</c>, backslash-newline, <c>\ooo</c>,
/// <c>\xhh</c>, and for str <c>\uhhhh \Uhhhhhhhh</c>. An unknown escape such as <c>\d</c> keeps
/// its backslash (CPython only warns). Raw literals are returned as written.
/// </summary>
internal static class StringLiteralDecoder
{
    /// <summary>
    /// Decodes <c>source[start..end)</c> as the body of a str literal; a bad escape is reported
    /// at <paramref name="errorSpan"/>, the literal's token.
    /// </summary>
    public static string DecodeStr(string source, int start, int end, bool raw, SourceSpan errorSpan)
    {
        int firstBackslash = source.IndexOf('\\', start, end - start);
        if (raw || firstBackslash < 0)
        {
            return source[start..end];
        }

        var builder = new StringBuilder(end - start);
        builder.Append(source, start, firstBackslash - start);
        int i = firstBackslash;
        while (i < end)
        {
            char c = source[i];
            if (c != '\\' || i + 1 >= end)
            {
                builder.Append(c);
                i++;
                continue;
            }

            char escape = source[i + 1];
            if (TryAppendSimpleEscape(builder, escape, ref i))
            {
                continue;
            }

            switch (escape)
            {
                case >= '0' and <= '7':
                    builder.Append((char)ReadOctal(source, ref i, end));
                    break;
                case 'x':
                    builder.Append((char)ReadHex(source, ref i, end, 2, start, errorSpan, @"truncated \xXX escape"));
                    break;
                case 'u':
                    builder.Append((char)ReadHex(source, ref i, end, 4, start, errorSpan, @"truncated \uXXXX escape"));
                    break;
                case 'U':
                    int escapeStart = i;
                    int codePoint = ReadHex(source, ref i, end, 8, start, errorSpan, @"truncated \UXXXXXXXX escape");
                    if ((uint)codePoint > 0x10FFFF)
                    {
                        UnicodeError(source, start, escapeStart, i, "illegal Unicode character", errorSpan);
                    }

                    AppendCodePoint(builder, codePoint);
                    break;
                case 'N':
                    SyntaxErrors.NotSupported(@"the '\N{...}' escape", errorSpan);
                    break;
                default:
                    builder.Append('\\'); // Invalid escape: the backslash stays, the next character follows.
                    i++;
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes <c>source[start..end)</c> as the body of a bytes literal.</summary>
    public static byte[] DecodeBytes(string source, int start, int end, bool raw, SourceSpan errorSpan)
    {
        for (int k = start; k < end; k++)
        {
            if (source[k] >= 0x80)
            {
                SyntaxErrors.Throw("bytes can only contain ASCII literal characters", errorSpan);
            }
        }

        var bytes = new List<byte>(end - start);
        var scratch = new StringBuilder(1);
        int i = start;
        while (i < end)
        {
            char c = source[i];
            if (raw || c != '\\' || i + 1 >= end)
            {
                bytes.Add((byte)c);
                i++;
                continue;
            }

            char escape = source[i + 1];
            scratch.Clear();
            if (TryAppendSimpleEscape(scratch, escape, ref i))
            {
                if (scratch.Length > 0)
                {
                    bytes.Add((byte)scratch[0]);
                }

                continue;
            }

            switch (escape)
            {
                case >= '0' and <= '7':
                    bytes.Add((byte)(ReadOctal(source, ref i, end) & 0xFF)); // b"\777" == b"\xff"
                    break;
                case 'x':
                    int escapeStart = i;
                    if (i + 3 < end && char.IsAsciiHexDigit(source[i + 2]) && char.IsAsciiHexDigit(source[i + 3]))
                    {
                        bytes.Add((byte)((HexValue(source[i + 2]) << 4) | HexValue(source[i + 3])));
                        i += 4;
                    }
                    else
                    {
                        SyntaxErrors.Throw($@"(value error) invalid \x escape at position {escapeStart - start}", errorSpan);
                    }

                    break;
                default:
                    bytes.Add((byte)'\\'); // \u, \U, \N and unknown escapes are not escapes in bytes.
                    i++;
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Handles the one-character escapes; on success advances past the escape.</summary>
    private static bool TryAppendSimpleEscape(StringBuilder builder, char escape, ref int i)
    {
        char? value = escape switch
        {
            '\n' => null,
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            'a' => '\a',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            _ => '\0',
        };
        if (value == '\0')
        {
            return false;
        }

        if (value is char ch)
        {
            builder.Append(ch);
        }

        i += 2;
        return true;
    }

    /// <summary>One to three octal digits after the backslash at <paramref name="i"/>; at most 0o777.</summary>
    private static int ReadOctal(string source, ref int i, int end)
    {
        int value = 0;
        int p = i + 1;
        while (p < end && p < i + 4 && source[p] is >= '0' and <= '7')
        {
            value = (value * 8) + (source[p] - '0');
            p++;
        }

        i = p;
        return value;
    }

    /// <summary>Exactly <paramref name="digits"/> hex digits after <c>\x</c>, <c>\u</c> or <c>\U</c> at <paramref name="i"/>.</summary>
    private static int ReadHex(string source, ref int i, int end, int digits, int bodyStart, SourceSpan errorSpan, string truncated)
    {
        int value = 0;
        int p = i + 2;
        while (p < end && p < i + 2 + digits && char.IsAsciiHexDigit(source[p]))
        {
            value = (value << 4) | HexValue(source[p]);
            p++;
        }

        if (p - (i + 2) < digits)
        {
            UnicodeError(source, bodyStart, i, p, truncated, errorSpan);
        }

        i = p;
        return value;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void AppendCodePoint(StringBuilder builder, int codePoint)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF || codePoint < 0x10000)
        {
            builder.Append((char)codePoint);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
    }

    /// <summary>
    /// CPython's unicodeescape codec error for the escape <c>source[from..to)</c>; positions are
    /// UTF-8 byte offsets into the body, the second one inclusive.
    /// </summary>
    private static void UnicodeError(string source, int bodyStart, int from, int to, string reason, SourceSpan errorSpan)
    {
        int first = Encoding.UTF8.GetByteCount(source.AsSpan(bodyStart, from - bodyStart));
        int last = first + Encoding.UTF8.GetByteCount(source.AsSpan(from, to - from)) - 1;
        SyntaxErrors.Throw($"(unicode error) 'unicodeescape' codec can't decode bytes in position {first}-{last}: {reason}", errorSpan);
    }
}
