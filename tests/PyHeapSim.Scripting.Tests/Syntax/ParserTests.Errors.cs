using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;

namespace PyHeapSim.Scripting.Tests.Syntax;

public partial class ParserTests
{
    [TestCase("if x:\npass\n", SyntaxErrorKind.IndentationError, "expected an indented block after 'if' statement on line 1", 2, 1)]
    [TestCase("x = 1\n  y = 2\n", SyntaxErrorKind.IndentationError, "unexpected indent", 2, 2)]
    [TestCase("if x:\n    a\n  b\n", SyntaxErrorKind.IndentationError, "unindent does not match any outer indentation level", 3, 4)]
    [TestCase("s = 'abc\n", SyntaxErrorKind.SyntaxError, "unterminated string literal (detected at line 1)", 1, 5)]
    [TestCase("s = \"\"\"abc\n\nx\n", SyntaxErrorKind.SyntaxError, "unterminated triple-quoted string literal (detected at line 3)", 1, 5)]
    [TestCase("print 'x'\n", SyntaxErrorKind.SyntaxError, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1)]
    [TestCase("f(\n", SyntaxErrorKind.SyntaxError, "'(' was never closed", 1, 2)]
    [TestCase("x = (1, 2]\n", SyntaxErrorKind.SyntaxError, "closing parenthesis ']' does not match opening parenthesis '('", 1, 10)]
    [TestCase("x = )\n", SyntaxErrorKind.SyntaxError, "unmatched ')'", 1, 5)]
    [TestCase("x = 1 +\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 8)]
    [TestCase("x = 01\n", SyntaxErrorKind.SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5)]
    [TestCase("x = 1abc\n", SyntaxErrorKind.SyntaxError, "invalid decimal literal", 1, 5)]
    [TestCase("x = 0x\n", SyntaxErrorKind.SyntaxError, "invalid hexadecimal literal", 1, 6)]
    [TestCase("x = 0o8\n", SyntaxErrorKind.SyntaxError, "invalid digit '8' in octal literal", 1, 7)]
    [TestCase("x = 0b12\n", SyntaxErrorKind.SyntaxError, "invalid digit '2' in binary literal", 1, 8)]
    [TestCase("x = 1_\n", SyntaxErrorKind.SyntaxError, "invalid decimal literal", 1, 6)]
    [TestCase("x = 1__0\n", SyntaxErrorKind.SyntaxError, "invalid decimal literal", 1, 6)]
    [TestCase("x = $\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 5)]
    [TestCase("x = a € b\n", SyntaxErrorKind.SyntaxError, "invalid character '€' (U+20AC)", 1, 7)]
    [TestCase("x = b'é'\n", SyntaxErrorKind.SyntaxError, "bytes can only contain ASCII literal characters", 1, 5)]
    [TestCase("1 = x\n", SyntaxErrorKind.SyntaxError, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1)]
    [TestCase("f() = 1\n", SyntaxErrorKind.SyntaxError, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1)]
    [TestCase("a + 1 = 2\n", SyntaxErrorKind.SyntaxError, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1)]
    [TestCase("None = 1\n", SyntaxErrorKind.SyntaxError, "cannot assign to None", 1, 1)]
    [TestCase("True = 1\n", SyntaxErrorKind.SyntaxError, "cannot assign to True", 1, 1)]
    [TestCase("for 1 in x: pass\n", SyntaxErrorKind.SyntaxError, "cannot assign to literal", 1, 5)]
    [TestCase("del 1\n", SyntaxErrorKind.SyntaxError, "cannot delete literal", 1, 5)]
    [TestCase("del f()\n", SyntaxErrorKind.SyntaxError, "cannot delete function call", 1, 5)]
    [TestCase("f() += 1\n", SyntaxErrorKind.SyntaxError, "'function call' is an illegal expression for augmented assignment", 1, 1)]
    [TestCase("a, b += 1\n", SyntaxErrorKind.SyntaxError, "'tuple' is an illegal expression for augmented assignment", 1, 1)]
    [TestCase("return 1\n", SyntaxErrorKind.SyntaxError, "'return' outside function", 1, 1)]
    [TestCase("break\n", SyntaxErrorKind.SyntaxError, "'break' outside loop", 1, 1)]
    [TestCase("continue\n", SyntaxErrorKind.SyntaxError, "'continue' not properly in loop", 1, 1)]
    [TestCase("def f():\n    class A:\n        return 1\n", SyntaxErrorKind.SyntaxError, "'return' outside function", 3, 9)]
    [TestCase("nonlocal x\n", SyntaxErrorKind.SyntaxError, "nonlocal declaration not allowed at module level", 1, 1)]
    [TestCase("f(x for x in y, 1)\n", SyntaxErrorKind.SyntaxError, "Generator expression must be parenthesized", 1, 3)]
    [TestCase("f(a=1, a=2)\n", SyntaxErrorKind.SyntaxError, "keyword argument repeated: a", 1, 8)]
    [TestCase("def f(a=1, b): pass\n", SyntaxErrorKind.SyntaxError, "non-default argument follows default argument", 1, 12)]
    [TestCase("def f(a, a): pass\n", SyntaxErrorKind.SyntaxError, "duplicate argument 'a' in function definition", 1, 10)]
    [TestCase("if x\n    pass\n", SyntaxErrorKind.SyntaxError, "expected ':'", 1, 5)]
    [TestCase("x = [1, 2\ny = 3\n", SyntaxErrorKind.SyntaxError, "'[' was never closed", 1, 5)]
    [TestCase("\tif x:\n", SyntaxErrorKind.IndentationError, "unexpected indent", 1, 1)]
    [TestCase("if x:\n        a\n\tb\n", SyntaxErrorKind.TabError, "inconsistent use of tabs and spaces in indentation", 3, 1)]
    [TestCase("x = 1 \\ 2\n", SyntaxErrorKind.SyntaxError, "unexpected character after line continuation character", 1, 8)]
    [TestCase("x = 1 \\", SyntaxErrorKind.SyntaxError, "unexpected EOF while parsing", 1, 8)]
    [TestCase("x = 5 if 3 else\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 16)]
    [TestCase("a b\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 3)]
    [TestCase("x = [1,\n2\n", SyntaxErrorKind.SyntaxError, "'[' was never closed", 1, 5)]
    [TestCase("def f(x):\nreturn x\n", SyntaxErrorKind.IndentationError, "expected an indented block after function definition on line 1", 2, 1)]
    [TestCase("else:\n    pass\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 1)]
    [TestCase("x = a.1\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 6)]
    [TestCase("x = 1 2\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 7)]
    [TestCase("x =\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 4)]
    [TestCase("(a, b) += 1\n", SyntaxErrorKind.SyntaxError, "'tuple' is an illegal expression for augmented assignment", 1, 1)]
    [TestCase("x = 0777\n", SyntaxErrorKind.SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5)]
    [TestCase("x = 'abc' 'def\n", SyntaxErrorKind.SyntaxError, "unterminated string literal (detected at line 1)", 1, 11)]
    [TestCase("x = (\n", SyntaxErrorKind.SyntaxError, "'(' was never closed", 1, 5)]
    [TestCase("x = 1\n)\n", SyntaxErrorKind.SyntaxError, "unmatched ')'", 2, 1)]
    [TestCase("x = 10l\n", SyntaxErrorKind.SyntaxError, "invalid decimal literal", 1, 6)]
    [TestCase("x = 1.e\n", SyntaxErrorKind.SyntaxError, "invalid decimal literal", 1, 6)]
    [TestCase("x = 1e\n", SyntaxErrorKind.SyntaxError, "invalid decimal literal", 1, 5)]
    [TestCase("x = 0x1g\n", SyntaxErrorKind.SyntaxError, "invalid hexadecimal literal", 1, 7)]
    [TestCase("x =\u00A0 1\n", SyntaxErrorKind.SyntaxError, "invalid non-printable character U+00A0", 1, 4)]
    [TestCase("import a.b as\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 14)]
    [TestCase("try:\n    pass\n", SyntaxErrorKind.SyntaxError, "expected 'except' or 'finally' block", 2, 9)]
    [TestCase("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", SyntaxErrorKind.SyntaxError, "default 'except:' must be last", 3, 1)]
    [TestCase("if x:\n    a\n  bcd\n", SyntaxErrorKind.IndentationError, "unindent does not match any outer indentation level", 3, 6)]
    [TestCase("1 = x = y\n", SyntaxErrorKind.SyntaxError, "cannot assign to literal", 1, 1)]
    [TestCase("x = 1 = y\n", SyntaxErrorKind.SyntaxError, "cannot assign to literal", 1, 5)]
    [TestCase("(a, 1) = x\n", SyntaxErrorKind.SyntaxError, "cannot assign to literal", 1, 5)]
    [TestCase("[x for 1 in y]\n", SyntaxErrorKind.SyntaxError, "cannot assign to literal", 1, 8)]
    [TestCase("f(True=1)\n", SyntaxErrorKind.SyntaxError, "cannot assign to True", 1, 3)]
    [TestCase("f(a+1=2)\n", SyntaxErrorKind.SyntaxError, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3)]
    [TestCase("x = ...\n... = 1\n", SyntaxErrorKind.SyntaxError, "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 2, 1)]
    [TestCase("del (a, 1)\n", SyntaxErrorKind.SyntaxError, "cannot delete literal", 1, 9)]
    [TestCase("x = 5 if 3\n", SyntaxErrorKind.SyntaxError, "expected 'else' after 'if' expression", 1, 5)]
    [TestCase("while x\n  pass\n", SyntaxErrorKind.SyntaxError, "expected ':'", 1, 8)]
    [TestCase("try:\n  pass\nexcept A, B:\n  pass\n", SyntaxErrorKind.SyntaxError, "multiple exception types must be parenthesized", 3, 8)]
    [TestCase("x = [1, 2]]\n", SyntaxErrorKind.SyntaxError, "unmatched ']'", 1, 11)]
    [TestCase("x = (1,\n 2]\n", SyntaxErrorKind.SyntaxError, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 3)]
    [TestCase("if True:\n  x = 1\n    y = 2\n", SyntaxErrorKind.IndentationError, "unexpected indent", 3, 4)]
    [TestCase("if 1:\n\tx\n        y\n", SyntaxErrorKind.TabError, "inconsistent use of tabs and spaces in indentation", 3, 1)]
    [TestCase("x = 1 ? 2\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 7)]
    [TestCase("x = a!b\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 6)]
    [TestCase("a = 1;; b = 2\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 7)]
    [TestCase("x = 0_7\n", SyntaxErrorKind.SyntaxError, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5)]
    [TestCase("from a import b,\n", SyntaxErrorKind.SyntaxError, "trailing comma not allowed without surrounding parentheses", 1, 17)]
    [TestCase("x = {1: 2, 3}\n", SyntaxErrorKind.SyntaxError, "':' expected after dictionary key", 1, 12)]
    [TestCase("for x in y\n    pass\n", SyntaxErrorKind.SyntaxError, "expected ':'", 1, 11)]
    [TestCase("class A\n    pass\n", SyntaxErrorKind.SyntaxError, "expected ':'", 1, 8)]
    [TestCase("def f()\n    pass\n", SyntaxErrorKind.SyntaxError, "expected ':'", 1, 8)]
    [TestCase("if x:\n    pass\n  else:\n    pass\n", SyntaxErrorKind.IndentationError, "unindent does not match any outer indentation level", 3, 8)]
    [TestCase("x = 1\nif x:\n", SyntaxErrorKind.IndentationError, "expected an indented block after 'if' statement on line 2", 2, 6)]
    [TestCase("while True:\n    pass\nelse:\nx\n", SyntaxErrorKind.IndentationError, "expected an indented block after 'else' statement on line 3", 4, 1)]
    [TestCase("for x in y:\n    pass\nelse:\n  pass\n x\n", SyntaxErrorKind.IndentationError, "unindent does not match any outer indentation level", 5, 3)]
    [TestCase("x = [1, 2\n", SyntaxErrorKind.SyntaxError, "'[' was never closed", 1, 5)]
    [TestCase("x = 'abc\\\ndef\n", SyntaxErrorKind.SyntaxError, "unterminated string literal (detected at line 2)", 1, 5)]
    [TestCase("\n\n  x = 1\n", SyntaxErrorKind.IndentationError, "unexpected indent", 3, 2)]
    [TestCase("try:\n    x\nelse:\n    y\n", SyntaxErrorKind.SyntaxError, "expected 'except' or 'finally' block", 3, 1)]
    [TestCase("x = not\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 8)]
    [TestCase("x = 1 if\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 9)]
    [TestCase("a.b.c = \n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 9)]
    [TestCase("def 1f(): pass\n", SyntaxErrorKind.SyntaxError, "invalid decimal literal", 1, 5)]
    [TestCase("import 1\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 8)]
    [TestCase("x = lambda x x: 1\n", SyntaxErrorKind.SyntaxError, "invalid syntax", 1, 14)]
    public void ParseModule_InvalidPython_ThrowsCPythonsError(string source, SyntaxErrorKind kind, string message, int line, int column)
    {
        ScriptSyntaxException error = SyntaxErrorOf(source);
        error.Message.Should().Be(message);
        error.Kind.Should().Be(kind);
        error.Line.Should().Be(line);
        error.Column.Should().Be(column);
        error.FileName.Should().Be(FileName);
    }

    // Same message and line as CPython 3.11; the column differs (these point into the literal, as 3.12 does).
    [TestCase("x = '\\xZZ'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape", 1)]
    [TestCase("x = 'a' b'b'\n", "cannot mix bytes and nonbytes literals", 1)]
    [TestCase("f(a=1, 2)\n", "positional argument follows keyword argument", 1)]
    [TestCase("x = f'{}'\n", "f-string: empty expression not allowed", 1)]
    [TestCase("x = f'{a!x}'\n", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1)]
    [TestCase("x = f'}'\n", "f-string: single '}' is not allowed", 1)]
    [TestCase("x = f'{a'\n", "f-string: expecting '}'", 1)]
    [TestCase("x = f'{a\\n}'\n", "f-string expression part cannot include a backslash", 1)]
    [TestCase("x = f'{a#}'\n", "f-string expression part cannot include '#'", 1)]
    [TestCase("x = f'{a:{b:{c}}}'\n", "f-string: expressions nested too deeply", 1)]
    [TestCase("x = '\\U00110000'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character", 1)]
    [TestCase("x = '\\x4'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1)]
    [TestCase("f'{x!r=}'\n", "f-string: expecting '}'", 1)]
    [TestCase("x = b'\\xZZ'\n", "(value error) invalid \\x escape at position 0", 1)]
    [TestCase("x = f'{a!r }'\n", "f-string: expecting '}'", 1)]
    [TestCase("x = f'{a[}'\n", "f-string: closing parenthesis '}' does not match opening parenthesis '['", 1)]
    [TestCase("x = f'{ }'\n", "f-string: empty expression not allowed", 1)]
    [TestCase("x = f'{x}}'\n", "f-string: single '}' is not allowed", 1)]
    public void ParseModule_InvalidLiteral_ThrowsCPythonsMessageOnItsLine(string source, string message, int line)
    {
        ScriptSyntaxException error = SyntaxErrorOf(source);
        error.Message.Should().Be(message);
        error.Line.Should().Be(line);
    }

    [Test]
    public void ParseModule_IndentationError_NamesItsPythonType()
    {
        SyntaxErrorOf("if x:\npass\n").PythonTypeName.Should().Be("IndentationError");
    }

    [Test]
    public void ParseModule_TabError_NamesItsPythonType()
    {
        SyntaxErrorOf("if 1:\n\tx\n        y\n").PythonTypeName.Should().Be("TabError");
    }

    [Test]
    public void ParseModule_NinetyNineNestedBlocks_Parse()
    {
        Action parse = () => Parser.ParseModule(NestedIfs(99), FileName);
        parse.Should().NotThrow();
    }

    [Test]
    public void ParseModule_HundredNestedBlocks_ThrowsTooManyLevels()
    {
        ScriptSyntaxException error = SyntaxErrorOf(NestedIfs(100));
        error.Message.Should().Be("too many levels of indentation");
        error.Kind.Should().Be(SyntaxErrorKind.IndentationError);
        error.Line.Should().Be(101);
        error.Column.Should().Be(1);
    }

    private static string NestedIfs(int depth)
    {
        var source = new System.Text.StringBuilder();
        for (int level = 0; level < depth; level++)
        {
            source.Append(' ', level).Append("if x:\n");
        }

        return source.Append(' ', depth).Append("pass\n").ToString();
    }

    [Test]
    public void ParseModule_TooManyNestedParentheses_ThrowsSyntaxError()
    {
        SyntaxErrorOf(new string('(', 201) + new string(')', 201)).Message.Should().Be("too many nested parentheses");
    }

    [Test]
    public void ParseModule_DeeplyNestedUnaryOperators_FailsCleanly()
    {
        Action parse = () => Parser.ParseModule("x = " + new string('-', 100_000) + "1\n", FileName);
        parse.Should().Throw<ScriptSourceException>();
    }

    [Test]
    public void ParseModule_TwoHundredNestedParentheses_Parse()
    {
        Module("x = " + new string('(', 200) + "1" + new string(')', 200)).Should().Be("(= x 1)");
    }

    [Test]
    public void ParseModule_ErrorAfterValidLines_ReportsItsLine()
    {
        ScriptSyntaxException error = SyntaxErrorOf("a = 1\nb = 2\n\nc = (1 +)\n");
        error.Message.Should().Be("invalid syntax");
        error.Line.Should().Be(4);
        error.Column.Should().Be(9);
    }
}
