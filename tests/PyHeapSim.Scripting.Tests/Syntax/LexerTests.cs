using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;
using static PyHeapSim.Scripting.Syntax.TokenKind;

namespace PyHeapSim.Scripting.Tests.Syntax;

/// <summary>Lexer tests: token kinds and positions; indentation in <c>LexerTests.Indentation.cs</c>.</summary>
[TestFixture]
public partial class LexerTests
{
    private static TokenKind[] Kinds(string source) => [.. Lexer.Tokenize(source, "t.py").Select(token => token.Kind)];

    [Test]
    public void Tokenize_SimpleAssignment_EndsWithNewLineAndEndOfFile()
    {
        Kinds("x = 1\n").Should().Equal(Name, Equal, Integer, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_NoTrailingNewline_StillEndsTheLine()
    {
        Kinds("x = 1").Should().Equal(Name, Equal, Integer, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_EmptySource_IsJustEndOfFile()
    {
        Kinds(string.Empty).Should().Equal(EndOfFile);
        Kinds("\n\n# comment\n").Should().Equal(EndOfFile);
    }

    [Test]
    public void Tokenize_Operators_TakeTheLongestMatch()
    {
        Kinds("**= //= >>= <<= ** // -> := != == <= >= ... . @= |= &= ^= %=")
            .Should().Equal(
                DoubleStarEqual, DoubleSlashEqual, RightShiftEqual, LeftShiftEqual, DoubleStar, DoubleSlash, Arrow,
                ColonEqual, NotEqual, EqualEqual, LessEqual, GreaterEqual, Ellipsis, Dot, AtEqual, VerticalBarEqual,
                AmpersandEqual, CircumflexEqual, PercentEqual, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_KeywordsAndSoftKeywords_AreTellApart()
    {
        Kinds("if not x is None: match case type _")
            .Should().Equal(If, Not, Name, TokenKind.Is, None, Colon, Name, Name, Name, Name, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_NewlinesInsideBrackets_AreIgnored()
    {
        Kinds("x = [1,\n     2,\n]\n").Should().Equal(Name, Equal, LeftBracket, Integer, Comma, Integer, Comma, RightBracket, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_BackslashContinuation_JoinsLines()
    {
        Kinds("x = 1 + \\\n    2\n").Should().Equal(Name, Equal, Integer, Plus, Integer, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_Comments_AreSkipped()
    {
        Kinds("x = 1  # one\n# two\ny = 2 # three").Should().Equal(Name, Equal, Integer, NewLine, Name, Equal, Integer, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_CrLfAndByteOrderMark_LexLikeLf()
    {
        Kinds("\uFEFFif x:\r\n    y = 1\r\n").Should().Equal(Kinds("if x:\n    y = 1\n"));
    }

    [Test]
    public void Tokenize_NumberBeforeKeyword_SplitsAsCPythonDoes()
    {
        Kinds("1if x else 2").Should().Equal(Integer, If, Name, Else, Integer, NewLine, EndOfFile);
    }

    [TestCase("42", Integer)]
    [TestCase("0xFF", Integer)]
    [TestCase("1_000", Integer)]
    [TestCase("1.5", Float)]
    [TestCase(".5", Float)]
    [TestCase("10.", Float)]
    [TestCase("1e5", Float)]
    [TestCase("1j", Imaginary)]
    [TestCase("1.5J", Imaginary)]
    public void Tokenize_NumberForms_HaveTheirKind(string source, TokenKind kind)
    {
        Token token = Lexer.Tokenize(source, "t.py")[0];
        token.Kind.Should().Be(kind);
        token.Text.Should().Be(source);
    }

    [TestCase("'a'")]
    [TestCase("\"a\"")]
    [TestCase("'''a\nb'''")]
    [TestCase("r'\\\\'")]
    [TestCase("rb'x'")]
    [TestCase("BR'x'")]
    [TestCase("Rf'{x}'")]
    [TestCase("u'x'")]
    [TestCase("'a\\\nb'")]
    public void Tokenize_StringLiteral_IsOneTokenWithPrefixAndQuotes(string source)
    {
        Token token = Lexer.Tokenize(source, "t.py")[0];
        token.Kind.Should().Be(TokenKind.String);
        token.Text.Should().Be(source);
    }

    [Test]
    public void Tokenize_NameBeforeQuote_IsNotAPrefix()
    {
        Kinds("x'a'").Should().Equal(Name, TokenKind.String, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_Token_HasOneBasedSpanWithExclusiveEnd()
    {
        Token number = Lexer.Tokenize("x = 10\n", "t.py")[2];
        number.Span.Should().Be(new SourceSpan("t.py", 1, 5, 1, 7));
        number.Start.Should().Be(4);
        number.End.Should().Be(6);
    }

    [Test]
    public void Tokenize_TripleQuotedString_SpansItsLines()
    {
        Token text = Lexer.Tokenize("s = '''a\nbc'''\n", "t.py")[2];
        text.Span.Should().Be(new SourceSpan("t.py", 1, 5, 2, 6));
    }

    [Test]
    public void Tokenize_NonAsciiIdentifier_IsAName()
    {
        Token name = Lexer.Tokenize("número", "t.py")[0];
        name.Kind.Should().Be(Name);
        name.Text.Should().Be("número");
    }

    [Test]
    public void Tokenize_Tokens_AreImmutableArray()
    {
        Lexer.Tokenize("x", "t.py").Should().HaveCount(3);
    }
}
