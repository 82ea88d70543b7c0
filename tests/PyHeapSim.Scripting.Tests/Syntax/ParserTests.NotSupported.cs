using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;

namespace PyHeapSim.Scripting.Tests.Syntax;

public partial class ParserTests
{
    [TestCase("with open(f) as g:\n    pass\n", "'with' statement", 1, 1)]
    [TestCase("async def f():\n    pass\n", "'async' statement", 1, 1)]
    [TestCase("@property\ndef f(): pass\n", "decorator", 1, 1)]
    [TestCase("def f(a, *args): pass\n", "'*args' parameter", 1, 10)]
    [TestCase("def f(**kwargs): pass\n", "'**kwargs' parameter", 1, 7)]
    [TestCase("def f(a, *, b): pass\n", "keyword-only parameters ('*')", 1, 10)]
    [TestCase("def f(a, /): pass\n", "positional-only parameters ('/')", 1, 10)]
    [TestCase("def f(a: int): pass\n", "parameter annotation", 1, 8)]
    [TestCase("def f() -> int: pass\n", "return annotation", 1, 9)]
    [TestCase("lambda *a: 0\n", "'*args' parameter", 1, 8)]
    [TestCase("x: int = 1\n", "variable annotation", 1, 2)]
    [TestCase("f(*a)\n", "argument unpacking ('*') in a call", 1, 3)]
    [TestCase("f(x, **k)\n", "argument unpacking ('**') in a call", 1, 6)]
    [TestCase("a, *b = c\n", "starred expression ('*x')", 1, 4)]
    [TestCase("print([*a])\n", "starred expression ('*x')", 1, 8)]
    [TestCase("for *a, b in c: pass\n", "starred assignment target ('*x')", 1, 5)]
    [TestCase("d = {**a}\n", "dict unpacking ('**') in a display", 1, 6)]
    [TestCase("z = 1j\n", "complex literal", 1, 5)]
    [TestCase("s = '\\N{BULLET}'\n", "the '\\N{...}' escape", 1, 5)]
    [TestCase("def g():\n    yield 1\n", "'yield' expression", 2, 5)]
    [TestCase("def g():\n    x = yield\n", "'yield' expression", 2, 9)]
    [TestCase("x = await y\n", "'await' expression", 1, 5)]
    [TestCase("if (n := 10) > 5: pass\n", "assignment expression (':=')", 1, 7)]
    [TestCase("x = 1\nmatch x:\n    case 1:\n        pass\n", "'match' statement", 2, 1)]
    [TestCase("class A(metaclass=M): pass\n", "class keyword argument 'metaclass='", 1, 9)]
    [TestCase("try:\n    pass\nexcept* E:\n    pass\n", "'except*' clause", 3, 1)]
    [TestCase("y = [x async for x in z]\n", "'async for' in a comprehension", 1, 8)]
    [TestCase("type Pair = tuple\n", "'type' statement", 1, 1)]
    [TestCase("class Box[T]: pass\n", "type parameter list", 1, 10)]
    [TestCase("def first[T](xs): pass\n", "type parameter list", 1, 10)]
    public void ParseModule_ValidPythonOutsideSubset_NamesTheConstructAndWhere(string source, string construct, int line, int column)
    {
        ScriptNotSupportedException error = NotSupportedErrorOf(source);
        error.Construct.Should().Be(construct);
        error.Line.Should().Be(line);
        error.Column.Should().Be(column);
        error.Message.Should().Be($"{construct} is not supported by pyheapsim (line {line}, column {column})");
    }

    [Test]
    public void ParseModule_WithStatementOnLineThree_HasTheDocumentedMessage()
    {
        NotSupportedErrorOf("import sys\n\nwith open('f') as f:\n    pass\n").Message
            .Should().Be("'with' statement is not supported by pyheapsim (line 3, column 1)");
    }

    [Test]
    public void ParseModule_NotSupported_IsAScriptSourceException()
    {
        Action parse = () => Parser.ParseModule("with a: pass\n", FileName);
        parse.Should().Throw<ScriptSourceException>().Which.FileName.Should().Be(FileName);
    }

    [TestCase("match = 1\nprint(match)\n")]
    [TestCase("case = [1]\ncase[0] = 2\n")]
    [TestCase("type = 3\n")]
    public void ParseModule_SoftKeywordAsName_Parses(string source)
    {
        Action parse = () => Parser.ParseModule(source, FileName);
        parse.Should().NotThrow();
    }
}
