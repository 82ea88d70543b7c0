using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;
using static PyHeapSim.Scripting.Syntax.TokenKind;

namespace PyHeapSim.Scripting.Tests.Syntax;

public partial class LexerTests
{
    [Test]
    public void Tokenize_NestedBlocks_EmitOneDedentPerLevel()
    {
        Kinds("if a:\n    if b:\n        c\nd\n").Should().Equal(
            If, Name, Colon, NewLine,
            Indent, If, Name, Colon, NewLine,
            Indent, Name, NewLine,
            Dedent, Dedent, Name, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_BlankAndCommentLinesInBlock_DoNotDedent()
    {
        Kinds("if a:\n    b\n\n  # comment at another column\n\t\n    c\n").Should().Equal(
            If, Name, Colon, NewLine, Indent, Name, NewLine, Name, NewLine, Dedent, EndOfFile);
    }

    [Test]
    public void Tokenize_BlockOpenAtEndOfFile_IsClosedByDedents()
    {
        Kinds("if a:\n    if b:\n        c").Should().Equal(
            If, Name, Colon, NewLine, Indent, If, Name, Colon, NewLine, Indent, Name, NewLine, Dedent, Dedent, EndOfFile);
    }

    [Test]
    public void Tokenize_TabIndentation_CountsAsOneLevel()
    {
        Kinds("if a:\n\tb\n\tc\n").Should().Equal(If, Name, Colon, NewLine, Indent, Name, NewLine, Name, NewLine, Dedent, EndOfFile);
    }

    [Test]
    public void Tokenize_TabThenEightSpacesAtSameLevel_IsTabError()
    {
        Action lex = () => Lexer.Tokenize("if a:\n\tb\n        c\n", "t.py");
        ScriptSyntaxException error = lex.Should().Throw<ScriptSyntaxException>().Which;
        error.Kind.Should().Be(SyntaxErrorKind.TabError);
        error.Message.Should().Be("inconsistent use of tabs and spaces in indentation");
        error.Line.Should().Be(3);
    }

    [Test]
    public void Tokenize_DedentToUnknownColumn_IsIndentationError()
    {
        Action lex = () => Lexer.Tokenize("if a:\n    b\n  c\n", "t.py");
        ScriptSyntaxException error = lex.Should().Throw<ScriptSyntaxException>().Which;
        error.Kind.Should().Be(SyntaxErrorKind.IndentationError);
        error.Message.Should().Be("unindent does not match any outer indentation level");
        error.Line.Should().Be(3);
    }

    [Test]
    public void Tokenize_IndentationInsideBrackets_IsIgnored()
    {
        Kinds("x = (1,\n  2,\n        3)\ny = 4\n").Should().Equal(
            Name, Equal, LeftParen, Integer, Comma, Integer, Comma, Integer, RightParen, NewLine, Name, Equal, Integer, NewLine, EndOfFile);
    }

    [Test]
    public void Tokenize_SameLineBlockAfterColon_HasNoIndent()
    {
        Kinds("if a: b\nc\n").Should().Equal(If, Name, Colon, Name, NewLine, Name, NewLine, EndOfFile);
    }
}
