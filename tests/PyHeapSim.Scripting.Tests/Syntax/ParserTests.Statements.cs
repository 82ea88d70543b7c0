using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Tests.Syntax;

public partial class ParserTests
{
    [TestCase("import sys\n", ExpectedResult = "(import sys)")]
    [TestCase("import os.path as p, gc\n", ExpectedResult = "(import os.path as p gc)")]
    [TestCase("from a.b import c as d, e\n", ExpectedResult = "(from a.b import c as d e)")]
    [TestCase("from . import x\n", ExpectedResult = "(from . import x)")]
    [TestCase("from .. import (y, z,)\n", ExpectedResult = "(from .. import y z)")]
    [TestCase("from ...m import *\n", ExpectedResult = "(from ...m import *)")]
    [TestCase("a = b = c = 1\n", ExpectedResult = "(= a b c 1)")]
    [TestCase("a, b = b, a\n", ExpectedResult = "(= (tuple a b) (tuple b a))")]
    [TestCase("(a, b) = [c, d]\n", ExpectedResult = "(= (tuple a b) (list c d))")]
    [TestCase("[a, (b, c)] = x\n", ExpectedResult = "(= (list a (tuple b c)) x)")]
    [TestCase("a.b = c[d] = e\n", ExpectedResult = "(= (. a b) ([] c d) e)")]
    [TestCase("x[1:2] = y\n", ExpectedResult = "(= ([] x (slice 1 2 _)) y)")]
    [TestCase("x += 1; y -= 2; z *= 3\n", ExpectedResult = "(+= x 1)\n(-= y 2)\n(*= z 3)")]
    [TestCase("a /= 1\n", ExpectedResult = "(/= a 1)")]
    [TestCase("a //= 2\n", ExpectedResult = "(//= a 2)")]
    [TestCase("a %= 3\n", ExpectedResult = "(%= a 3)")]
    [TestCase("a **= 4\n", ExpectedResult = "(**= a 4)")]
    [TestCase("a |= 5\n", ExpectedResult = "(|= a 5)")]
    [TestCase("a &= 6\n", ExpectedResult = "(&= a 6)")]
    [TestCase("del a, b[1], c.x, d[1:2]\n", ExpectedResult = "(del a ([] b 1) (. c x) ([] d (slice 1 2 _)))")]
    [TestCase("del (a, b), [c]\n", ExpectedResult = "(del (tuple a b) (list c))")]
    [TestCase("assert x, \"msg\"\n", ExpectedResult = "(assert x 'msg')")]
    [TestCase("global g1, g2\n", ExpectedResult = "(global g1 g2)")]
    [TestCase("pass\n", ExpectedResult = "(pass)")]
    [TestCase("if a:\n    pass\nelif b:\n    x = 1\nelse:\n    x = 3\n", ExpectedResult = "(if a (body (pass)) (else (if b (body (= x 1)) (else (= x 3)))))")]
    [TestCase("while x:\n    if y: break\n    continue\nelse:\n    z = 1\n", ExpectedResult = "(while x (body (if y (body (break))) (continue)) (else (= z 1)))")]
    [TestCase("for i, x in enumerate(y):\n    print(i, x)\n", ExpectedResult = "(for (tuple i x) (call enumerate y) (body (expr (call print i x))))")]
    [TestCase("for (a, b) in c: pass\n", ExpectedResult = "(for (tuple a b) c (body (pass)))")]
    [TestCase("for x in 1, 2, 3: pass\n", ExpectedResult = "(for x (tuple 1 2 3) (body (pass)))")]
    [TestCase("def f(a, b=1, c=None):\n    global g\n    return a\n", ExpectedResult = "(def f (a b=1 c=None) (body (global g) (return a)))")]
    [TestCase("def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n        return\n    return inner\n", ExpectedResult = "(def outer () (body (= x 1) (def inner () (body (nonlocal x) (+= x 1) (return))) (return inner)))")]
    [TestCase("class A: pass\n", ExpectedResult = "(class A () (body (pass)))")]
    [TestCase("class B(A):\n    x = 1\n    __slots__ = ('a', 'b')\n    def __init__(self, a):\n        self.a = a\n    def __repr__(self):\n        return f\"B({self.a!r})\"\n", ExpectedResult = "(class B (A) (body (= x 1) (= __slots__ (tuple 'a' 'b')) (def __init__ (self a) (body (= (. self a) a))) (def __repr__ (self) (body (return (fstr 'B(' (fmt (. self a) !r) ')'))))))")]
    [TestCase("try:\n    x = 1\nexcept ValueError:\n    pass\nexcept (TypeError, KeyError) as e:\n    raise\nexcept Exception as e:\n    raise ValueError(\"x\") from e\nelse:\n    y = 2\nfinally:\n    z = 3\n", ExpectedResult = "(try (body (= x 1)) (except ValueError (body (pass))) (except (tuple TypeError KeyError) as e (body (raise))) (except Exception as e (body (raise (call ValueError 'x') from e))) (else (= y 2)) (finally (= z 3)))")]
    [TestCase("try:\n    pass\nfinally:\n    pass\n", ExpectedResult = "(try (body (pass)) (finally (pass)))")]
    [TestCase("raise X(\"m\")\n", ExpectedResult = "(raise (call X 'm'))")]
    [TestCase("if a: b; c\n", ExpectedResult = "(if a (body (expr b) (expr c)))")]
    [TestCase("if x:\n    # comment\n\n    y = 1\n      # odd comment\n\n    z = 2\n", ExpectedResult = "(if x (body (= y 1) (= z 2)))")]
    public string ParseModule_Statement_MatchesCPython(string source) => Module(source);

    [TestCase("if a:\n\tx = 1\n\tif b:\n\t\ty = 2\n\tz = 3\nw = 4\n", ExpectedResult = "(if a (body (= x 1) (if b (body (= y 2))) (= z 3)))\n(= w 4)")]
    [TestCase("if d:\n  if e:\n    if f:\n      g = 1\n  h = 2\ni = 3\n", ExpectedResult = "(if d (body (if e (body (if f (body (= g 1))))) (= h 2)))\n(= i 3)")]
    [TestCase("def f():\n\n    x = 1\n\n\n    # comment at odd indent\n  # another\n\n    return x\n", ExpectedResult = "(def f () (body (= x 1) (return x)))")]
    [TestCase("class K:\n    def m(self):\n        pass\n\n    def n(self):\n        return 1\n", ExpectedResult = "(class K () (body (def m (self) (body (pass))) (def n (self) (body (return 1)))))")]
    [TestCase("if a:\n        p = 1\n        q = 2\n", ExpectedResult = "(if a (body (= p 1) (= q 2)))")]
    [TestCase("x = [\n    1,\n  2,\n]\n", ExpectedResult = "(= x (list 1 2))")]
    [TestCase("x = 1 + \\\n    2\n", ExpectedResult = "(= x (+ 1 2))")]
    [TestCase("if x:\n    y = 1\n", ExpectedResult = "(if x (body (= y 1)))")]
    public string ParseModule_IndentedBlocks_NestLikeCPython(string source) => Module(source);

    [Test]
    public void ParseModule_LongElifChain_NestsWithoutRecursing()
    {
        var source = new System.Text.StringBuilder("if x == 0:\n    y = 0\n");
        for (int i = 1; i < 5000; i++)
        {
            source.Append("elif x == ").Append(i).Append(":\n    y = ").Append(i).Append('\n');
        }

        source.Append("else:\n    y = -1\n");
        Statement statement = Parser.ParseModule(source.ToString(), FileName).Body.Should().ContainSingle().Subject;
        int depth = 0;
        while (statement is IfStatement { OrElse: [IfStatement inner] })
        {
            statement = inner;
            depth++;
        }

        depth.Should().Be(4999);
        ((IfStatement)statement).OrElse.Should().ContainSingle().Which.Should().BeOfType<AssignStatement>();
    }

    [TestCase("return 1\n", "'return' outside function")]
    [TestCase("class A:\n    return 1\n", "'return' outside function")]
    [TestCase("while x:\n    def f():\n        break\n", "'break' outside loop")]
    [TestCase("for x in y:\n    pass\nelse:\n    continue\n", "'continue' not properly in loop")]
    [TestCase("nonlocal x\n", "nonlocal declaration not allowed at module level")]
    public void ParseModule_StatementOutsideItsScope_ThrowsCompilerError(string source, string message)
    {
        SyntaxErrorOf(source).Message.Should().Be(message);
    }

    [TestCase("def f():\n    while x:\n        if y:\n            break\n        continue\n    return\n")]
    [TestCase("for x in y:\n    try:\n        pass\n    finally:\n        continue\n")]
    [TestCase("def f():\n    a = 1\n    def g():\n        nonlocal a\n")]
    [TestCase("def f():\n    a = 1\n    class A:\n        nonlocal a\n")]
    public void ParseModule_StatementInsideItsScope_Parses(string source)
    {
        Action parse = () => Parser.ParseModule(source, FileName);
        parse.Should().NotThrow();
    }
}
