using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Tests.Syntax;

public partial class ParserTests
{
    [TestCase("f\"plain\"", ExpectedResult = "(fstr 'plain')")]
    [TestCase("f\"\"", ExpectedResult = "(fstr)")]
    [TestCase("f\"{x}\"", ExpectedResult = "(fstr (fmt x))")]
    [TestCase("f\"{x!r}\"", ExpectedResult = "(fstr (fmt x !r))")]
    [TestCase("f\"{x!s}\"", ExpectedResult = "(fstr (fmt x !s))")]
    [TestCase("f\"{x!a}\"", ExpectedResult = "(fstr (fmt x !a))")]
    [TestCase("f\"{x:>10}\"", ExpectedResult = "(fstr (fmt x (fstr '>10')))")]
    [TestCase("f\"{x:{width}}\"", ExpectedResult = "(fstr (fmt x (fstr (fmt width))))")]
    [TestCase("f\"{x:{width}.{prec}f}\"", ExpectedResult = "(fstr (fmt x (fstr (fmt width) '.' (fmt prec) 'f')))")]
    [TestCase("f\"{x!r:>{w}}\"", ExpectedResult = "(fstr (fmt x !r (fstr '>' (fmt w))))")]
    [TestCase("f\"a{{b}}c\"", ExpectedResult = "(fstr 'a{b}c')")]
    [TestCase("f\"a {x} b {y} c\"", ExpectedResult = "(fstr 'a ' (fmt x) ' b ' (fmt y) ' c')")]
    [TestCase("F\"{x}\"", ExpectedResult = "(fstr (fmt x))")]
    [TestCase("rf\"\\n{x}\"", ExpectedResult = "(fstr '\\\\n' (fmt x))")]
    [TestCase("f\"\\n{x}\\t\"", ExpectedResult = "(fstr '\\n' (fmt x) '\\t')")]
    [TestCase("f\"{x=}\"", ExpectedResult = "(fstr 'x=' (fmt x !r))")]
    [TestCase("f\"{x = }\"", ExpectedResult = "(fstr 'x = ' (fmt x !r))")]
    [TestCase("f\"{x=!s}\"", ExpectedResult = "(fstr 'x=' (fmt x !s))")]
    [TestCase("f\"{x=:>4}\"", ExpectedResult = "(fstr 'x=' (fmt x (fstr '>4')))")]
    [TestCase("f\"{x==y}\"", ExpectedResult = "(fstr (fmt (cmp x == y)))")]
    [TestCase("f\"{x!=y}\"", ExpectedResult = "(fstr (fmt (cmp x != y)))")]
    [TestCase("f\"{a['k']}\"", ExpectedResult = "(fstr (fmt ([] a 'k')))")]
    [TestCase("f\"{f(a=1)}\"", ExpectedResult = "(fstr (fmt (call f a=1)))")]
    [TestCase("f\"{(lambda: 1)()}\"", ExpectedResult = "(fstr (fmt (call (lambda () 1))))")]
    [TestCase("f\"{1, 2}\"", ExpectedResult = "(fstr (fmt (tuple 1 2)))")]
    [TestCase("f\"{x:%H:%M}\"", ExpectedResult = "(fstr (fmt x (fstr '%H:%M')))")]
    [TestCase("f\"{x:}\"", ExpectedResult = "(fstr (fmt x (fstr)))")]
    [TestCase("\"a\" f\"{x}\" \"b\"", ExpectedResult = "(fstr 'a' (fmt x) 'b')")]
    [TestCase("f\"{x:{{}}}\"", ExpectedResult = "(fstr (fmt x (fstr (fmt (dict)))))")]
    [TestCase("f\"\\{6}\"", ExpectedResult = "(fstr '\\\\' (fmt 6))")]
    [TestCase("f\"{'nested' + f'{y}'}\"", ExpectedResult = "(fstr (fmt (+ 'nested' (fstr (fmt y)))))")]
    [TestCase("f\"{x:=5}\"", ExpectedResult = "(fstr (fmt x (fstr '=5')))")]
    public string ParseSingleExpression_FString_SplitsLikeCPython(string source) => Expr(source);

    [Test]
    public void ParseModule_FStringFieldOnLaterLine_HasItsPositionInTheFile()
    {
        var statement = Single<ExpressionStatement>("(\n  f'ab{ x }')");
        var joined = statement.Value.Should().BeOfType<JoinedStrExpression>().Subject;
        var field = joined.Values[1].Should().BeOfType<FormattedValueExpression>().Subject;
        field.Value.Span.Line.Should().Be(2);
        field.Value.Span.Column.Should().Be(9);
    }

    [Test]
    public void ParseModule_FStringWithSpec_HasNestedJoinedStr()
    {
        var statement = Single<ExpressionStatement>("f'{x:>{w}}'");
        var field = statement.Value.Should().BeOfType<JoinedStrExpression>().Subject.Values[0]
            .Should().BeOfType<FormattedValueExpression>().Subject;
        field.Conversion.Should().Be(FormatConversion.None);
        field.FormatSpec.Should().NotBeNull();
        field.FormatSpec!.Values.Should().HaveCount(2);
    }
}
