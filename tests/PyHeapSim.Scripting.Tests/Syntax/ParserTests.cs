using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Tests.Syntax;

/// <summary>
/// Parser tests, split by concern into partial files. Expected trees are written in
/// <see cref="AstPrinter"/>'s format and were recorded from CPython 3.11's <c>ast.parse</c>
/// through a script that prints CPython's tree in the same format; expected errors are CPython
/// 3.11's messages and positions.
/// </summary>
[TestFixture]
public partial class ParserTests
{
    private const string FileName = "lesson.py";

    private static string Expr(string source) => AstPrinter.Print(Parser.ParseSingleExpression(source, FileName));

    private static string Module(string source) => AstPrinter.Print(Parser.ParseModule(source, FileName));

    private static ScriptSyntaxException SyntaxErrorOf(string source)
    {
        Action parse = () => Parser.ParseModule(source, FileName);
        return parse.Should().Throw<ScriptSyntaxException>().Which;
    }

    private static ScriptNotSupportedException NotSupportedErrorOf(string source)
    {
        Action parse = () => Parser.ParseModule(source, FileName);
        return parse.Should().Throw<ScriptNotSupportedException>().Which;
    }

    private static T Single<T>(string source)
        where T : Statement
    {
        ScriptModule module = Parser.ParseModule(source, FileName);
        module.Body.Should().ContainSingle();
        return module.Body[0].Should().BeOfType<T>().Subject;
    }
}
