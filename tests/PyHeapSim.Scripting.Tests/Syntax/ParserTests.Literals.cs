using System.Numerics;
using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Tests.Syntax;

public partial class ParserTests
{
    [TestCase("0", ExpectedResult = "0")]
    [TestCase("00", ExpectedResult = "0")]
    [TestCase("7", ExpectedResult = "7")]
    [TestCase("1_000_000", ExpectedResult = "1000000")]
    [TestCase("0x1F", ExpectedResult = "31")]
    [TestCase("0XfF", ExpectedResult = "255")]
    [TestCase("0x_ff", ExpectedResult = "255")]
    [TestCase("0o17", ExpectedResult = "15")]
    [TestCase("0O7_7", ExpectedResult = "63")]
    [TestCase("0b1010", ExpectedResult = "10")]
    [TestCase("0B1_1", ExpectedResult = "3")]
    [TestCase("9223372036854775807", ExpectedResult = "9223372036854775807")]
    [TestCase("9223372036854775808", ExpectedResult = "9223372036854775808")]
    [TestCase("123456789012345678901234567890", ExpectedResult = "123456789012345678901234567890")]
    [TestCase("0xFFFFFFFFFFFFFFFFFFFFFFFF", ExpectedResult = "79228162514264337593543950335")]
    [TestCase("1if x else 2", ExpectedResult = "(ifexp x 1 2)")]
    public string ParseSingleExpression_IntegerLiteral_HasCPythonValue(string source) => Expr(source);

    [TestCase("1.5", ExpectedResult = "1.5")]
    [TestCase("1e6", ExpectedResult = "1000000.0")]
    [TestCase("1E-5", ExpectedResult = "1e-05")]
    [TestCase(".5", ExpectedResult = "0.5")]
    [TestCase("10.", ExpectedResult = "10.0")]
    [TestCase("1_0.5_0e1_0", ExpectedResult = "105000000000.0")]
    [TestCase("1e400", ExpectedResult = "inf")]
    [TestCase("0.1", ExpectedResult = "0.1")]
    [TestCase("1e16", ExpectedResult = "1e+16")]
    [TestCase("1e15", ExpectedResult = "1000000000000000.0")]
    [TestCase("0.0001", ExpectedResult = "0.0001")]
    [TestCase("0.00001", ExpectedResult = "1e-05")]
    [TestCase("123456.789e3", ExpectedResult = "123456789.0")]
    [TestCase("3.141592653589793", ExpectedResult = "3.141592653589793")]
    public string ParseSingleExpression_FloatLiteral_HasCPythonValue(string source) => Expr(source);

    [TestCase("'single'", ExpectedResult = "'single'")]
    [TestCase("\"double\"", ExpectedResult = "'double'")]
    [TestCase("'''triple'''", ExpectedResult = "'triple'")]
    [TestCase("\"\"\"triple\ndouble\"\"\"", ExpectedResult = "'triple\\ndouble'")]
    [TestCase("'it\\'s'", ExpectedResult = "\"it's\"")]
    [TestCase("\"say \\\"hi\\\"\"", ExpectedResult = "'say \"hi\"'")]
    [TestCase("'a' \"b\" 'c'", ExpectedResult = "'abc'")]
    [TestCase("'a\\nb\\tc\\\\d'", ExpectedResult = "'a\\nb\\tc\\\\d'")]
    [TestCase("'\\x41\\101\\u00e9\\U0001F600'", ExpectedResult = "'AAé😀'")]
    [TestCase("'\\0\\7\\77\\777'", ExpectedResult = "'\\x00\\x07?ǿ'")]
    [TestCase("'\\a\\b\\f\\v\\r'", ExpectedResult = "'\\x07\\x08\\x0c\\x0b\\r'")]
    [TestCase("'\\d\\w'", ExpectedResult = "'\\\\d\\\\w'")]
    [TestCase("'line\\\ncontinued'", ExpectedResult = "'linecontinued'")]
    [TestCase("r'raw\\n\\x'", ExpectedResult = "'raw\\\\n\\\\x'")]
    [TestCase("R\"raw\\\"\"", ExpectedResult = "'raw\\\\\"'")]
    [TestCase("u'unicode'", ExpectedResult = "'unicode'")]
    [TestCase("U\"x\"", ExpectedResult = "'x'")]
    [TestCase("''", ExpectedResult = "''")]
    [TestCase("''''''", ExpectedResult = "''")]
    [TestCase("'año'", ExpectedResult = "'año'")]
    [TestCase("\"both ' and \\\"\"", ExpectedResult = "'both \\' and \"'")]
    [TestCase("b'bytes'", ExpectedResult = "b'bytes'")]
    [TestCase("B\"\\x00\\xff\\n\"", ExpectedResult = "b'\\x00\\xff\\n'")]
    [TestCase("br'\\x00'", ExpectedResult = "b'\\\\x00'")]
    [TestCase("Rb'\\n'", ExpectedResult = "b'\\\\n'")]
    [TestCase("b'a' b'b'", ExpectedResult = "b'ab'")]
    [TestCase("b'\\777'", ExpectedResult = "b'\\xff'")]
    [TestCase("b'\\u1234'", ExpectedResult = "b'\\\\u1234'")]
    [TestCase("b''", ExpectedResult = "b''")]
    public string ParseSingleExpression_StringLiteral_DecodesLikeCPython(string source) => Expr(source);

    [Test]
    public void ParseSingleExpression_HugeInteger_KeepsEveryDigit()
    {
        string digits = "1" + new string('0', 400);
        var constant = Parser.ParseSingleExpression(digits, FileName).Should().BeOfType<IntConstant>().Subject;
        constant.Value.Should().Be(BigInteger.Pow(10, 400));
        constant.FitsInInt64.Should().BeFalse();
    }

    [Test]
    public void ParseSingleExpression_NegatedLiteral_IsUnaryMinusOfPositiveConstant()
    {
        var unary = Parser.ParseSingleExpression("-9_223_372_036_854_775_807", FileName).Should().BeOfType<UnaryExpression>().Subject;
        unary.Operator.Should().Be(UnaryOperator.USub);
        var constant = unary.Operand.Should().BeOfType<IntConstant>().Subject;
        constant.Value.Should().Be(long.MaxValue);
        constant.FitsInInt64.Should().BeTrue();
    }

    [Test]
    public void ParseSingleExpression_AstralEscape_BecomesSurrogatePair()
    {
        var constant = Parser.ParseSingleExpression(@"'\U0001F600'", FileName).Should().BeOfType<StrConstant>().Subject;
        constant.Value.Should().Be("\U0001F600");
    }

    [Test]
    public void ParseSingleExpression_LoneSurrogateEscape_StaysOneCodeUnit()
    {
        var constant = Parser.ParseSingleExpression(@"'\ud800'", FileName).Should().BeOfType<StrConstant>().Subject;
        constant.Value.Should().Be("\ud800");
    }

    [Test]
    public void ParseSingleExpression_BytesEscapes_GiveBytes()
    {
        var constant = Parser.ParseSingleExpression(@"b'\x00A\377'", FileName).Should().BeOfType<BytesConstant>().Subject;
        constant.Value.Should().Equal(0x00, 0x41, 0xFF);
    }

    [TestCase("None", typeof(NoneConstant))]
    [TestCase("True", typeof(BoolConstant))]
    [TestCase("False", typeof(BoolConstant))]
    [TestCase("...", typeof(EllipsisConstant))]
    [TestCase("1", typeof(IntConstant))]
    [TestCase("1.0", typeof(FloatConstant))]
    [TestCase("'s'", typeof(StrConstant))]
    [TestCase("b's'", typeof(BytesConstant))]
    [TestCase("f's'", typeof(JoinedStrExpression))]
    public void ParseSingleExpression_Literal_GivesItsConstantType(string source, Type type) =>
        Parser.ParseSingleExpression(source, FileName).Should().BeOfType(type);

    [Test]
    public void ParseSingleExpression_TripleQuotedWithCrLf_NormalizesNewlines()
    {
        var constant = Parser.ParseSingleExpression("'''a\r\nb\rc'''", FileName).Should().BeOfType<StrConstant>().Subject;
        constant.Value.Should().Be("a\nb\nc");
    }

    [Test]
    public void ParseModule_UnicodeIdentifiers_AreAccepted()
    {
        Module("año = 2024\nnúmero = año + 1\nπ = 3.14\n").Should().Be("(= año 2024)\n(= número (+ año 1))\n(= π 3.14)");
    }

    [Test]
    public void ParseModule_DecomposedIdentifier_IsNfkcNormalized()
    {
        // "an\u0303o" is "año" written with a combining tilde; Python stores identifiers in NFKC.
        var assign = Single<AssignStatement>("an\u0303o = 1");
        assign.Targets[0].Should().BeOfType<NameExpression>().Which.Id.Should().Be("año");
    }
}
