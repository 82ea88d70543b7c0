using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Tests.Syntax;

public partial class ParserTests
{
    // Expected spans are CPython 3.11's (lineno, col_offset + 1, end_lineno, end_col_offset + 1).
    private static IEnumerable<TestCaseData> SpanCases()
    {
        yield return Case("x = a + b * c\n", m => Value(m, 0), "1:5-1:14");
        yield return Case("x = a + b * c\n", m => ((BinaryExpression)Value(m, 0)).Right, "1:9-1:14");
        yield return Case("x = a + b * c\n", m => m.Body[0], "1:1-1:14");
        yield return Case("if x:\n    y = 1\nelse:\n    z = 22\n", m => m.Body[0], "1:1-4:11");
        yield return Case("if x:\n    y = 1\nelif w:\n    z = 22\n", m => ((IfStatement)m.Body[0]).OrElse[0], "3:1-4:11");
        yield return Case("t = (1, 2)\n", m => Value(m, 0), "1:5-1:11");
        yield return Case("t = 1, 2\n", m => Value(m, 0), "1:5-1:9");
        yield return Case("s = sum(x for x in y)\n", m => ((CallExpression)Value(m, 0)).Arguments[0], "1:8-1:22");
        yield return Case("f(a)(b)\n", m => Value(m, 0), "1:1-1:8");
        yield return Case("print(f\"{x!r}\")\n", m => ((CallExpression)Value(m, 0)).Arguments[0], "1:7-1:15");
        yield return Case("def f(a, b=1):\n    return a\n", m => m.Body[0], "1:1-2:13");
        yield return Case("def f(a, b=1):\n    return a\n", m => ((FunctionDefStatement)m.Body[0]).Parameters[1], "1:10-1:11");
        yield return Case("class A(B):\n    x = 1\n", m => m.Body[0], "1:1-2:10");
        yield return Case("x = [1,\n     2]\n", m => Value(m, 0), "1:5-2:8");
        yield return Case("a.b.c = 1\n", m => ((AssignStatement)m.Body[0]).Targets[0], "1:1-1:6");
        yield return Case("a[1:2]\n", m => ((SubscriptExpression)Value(m, 0)).Index, "1:3-1:6");
        yield return Case("x = 'a' 'b'\n", m => Value(m, 0), "1:5-1:12");
        yield return Case("lambda x: x\n", m => Value(m, 0), "1:1-1:12");
        yield return Case("not a\n", m => Value(m, 0), "1:1-1:6");
        yield return Case("a < b < c\n", m => Value(m, 0), "1:1-1:10");
        yield return Case("a or b\n", m => Value(m, 0), "1:1-1:7");
        yield return Case("x if y else z\n", m => Value(m, 0), "1:1-1:14");
        yield return Case("try:\n    pass\nexcept E as e:\n    pass\n", m => ((TryStatement)m.Body[0]).Handlers[0], "3:1-4:9");
        yield return Case("import a.b as c\n", m => ((ImportStatement)m.Body[0]).Names[0], "1:8-1:16");
        yield return Case("f(k=1)\n", m => ((CallExpression)Value(m, 0)).Keywords[0], "1:3-1:6");

        static TestCaseData Case(string source, Func<ScriptModule, Node> select, string expected) =>
            new TestCaseData(source, select, expected).SetArgDisplayNames(source.Replace("\n", "⏎", StringComparison.Ordinal), expected);

        static Expression Value(ScriptModule module, int index) => module.Body[index] switch
        {
            AssignStatement assign => assign.Value,
            ExpressionStatement statement => statement.Value,
            _ => throw new InvalidOperationException("no value"),
        };
    }

    [TestCaseSource(nameof(SpanCases))]
    public void ParseModule_Node_HasCPythonsSpan(string source, Func<ScriptModule, Node> select, string expected)
    {
        SourceSpan span = select(Parser.ParseModule(source, FileName)).Span;
        $"{span.Line}:{span.Column}-{span.EndLine}:{span.EndColumn}".Should().Be(expected);
        span.FileName.Should().Be(FileName);
    }

    [Test]
    public void ParseModule_AssignmentTargets_AreStore()
    {
        var assign = Single<AssignStatement>("a, [b.c, d[0]] = x = y");
        var tuple = assign.Targets[0].Should().BeOfType<TupleExpression>().Subject;
        tuple.Context.Should().Be(ExpressionContext.Store);
        tuple.Elements[0].Should().BeOfType<NameExpression>().Which.Context.Should().Be(ExpressionContext.Store);
        var list = tuple.Elements[1].Should().BeOfType<ListExpression>().Subject;
        list.Context.Should().Be(ExpressionContext.Store);
        list.Elements[0].Should().BeOfType<AttributeExpression>().Which.Context.Should().Be(ExpressionContext.Store);
        list.Elements[1].Should().BeOfType<SubscriptExpression>().Which.Context.Should().Be(ExpressionContext.Store);
        assign.Targets[1].Should().BeOfType<NameExpression>().Which.Context.Should().Be(ExpressionContext.Store);
        assign.Value.Should().BeOfType<NameExpression>().Which.Context.Should().Be(ExpressionContext.Load);
    }

    [Test]
    public void ParseModule_DeleteTargets_AreDel()
    {
        var delete = Single<DeleteStatement>("del a, b[1], c.x");
        delete.Targets.Should().HaveCount(3);
        delete.Targets.Select(ContextOf).Should().OnlyContain(context => context == ExpressionContext.Del);
    }

    [Test]
    public void ParseModule_LoopAndComprehensionTargets_AreStore()
    {
        var loop = Single<ForStatement>("for i, x in enumerate([y for y in z]): pass");
        loop.Target.Should().BeOfType<TupleExpression>().Which.Context.Should().Be(ExpressionContext.Store);
        var comprehension = ((CallExpression)loop.Iterable).Arguments[0].Should().BeOfType<ListComprehension>().Subject;
        ContextOf(comprehension.Generators[0].Target).Should().Be(ExpressionContext.Store);
    }

    [Test]
    public void ParseModule_AugmentedTarget_IsStoreWithOperator()
    {
        var augmented = Single<AugAssignStatement>("x[i] //= 2");
        augmented.Operator.Should().Be(BinaryOperator.FloorDiv);
        ContextOf(augmented.Target).Should().Be(ExpressionContext.Store);
    }

    [Test]
    public void ParseModule_LoopElse_IsKeptInOrElse()
    {
        Single<WhileStatement>("while x:\n    break\nelse:\n    y = 1\n").OrElse.Should().ContainSingle();
        Single<ForStatement>("for x in y:\n    pass\n").OrElse.Should().BeEmpty();
    }

    [Test]
    public void ParseModule_ImportFrom_CountsLevelsAndKeepsModule()
    {
        var import = Single<ImportFromStatement>("from ...pkg.mod import a as b");
        import.Level.Should().Be(3);
        import.Module.Should().Be("pkg.mod");
        import.Names[0].Name.Should().Be("a");
        import.Names[0].AsName.Should().Be("b");
    }

    [Test]
    public void ParseModule_WholeModule_SpansTheFile()
    {
        ScriptModule module = Parser.ParseModule("x = 1\ny = 2\n", FileName);
        module.Span.Line.Should().Be(1);
        module.Span.Column.Should().Be(1);
        module.Span.EndLine.Should().Be(3);
    }

    private static ExpressionContext ContextOf(Expression expression) => expression switch
    {
        NameExpression name => name.Context,
        AttributeExpression attribute => attribute.Context,
        SubscriptExpression subscript => subscript.Context,
        TupleExpression tuple => tuple.Context,
        ListExpression list => list.Context,
        _ => ExpressionContext.Load,
    };
}
