using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// Parses the Python subset of <c>docs/script-subset.md</c> into a syntax tree
/// (<see cref="ScriptModule"/>): a recursive-descent parser over the <see cref="Lexer"/>'s
/// tokens, one method per grammar rule of CPython's <c>Grammar/python.gram</c> that the subset
/// needs, with the same precedence and associativity.
/// </summary>
/// <remarks>
/// <para>
/// Invalid Python raises <see cref="ScriptSyntaxException"/> with CPython's message; valid
/// Python outside the subset raises <see cref="ScriptNotSupportedException"/> naming the
/// construct. The parser also makes the checks CPython's compiler makes before running
/// anything: <c>return</c> outside a function, <c>break</c>/<c>continue</c> outside a loop,
/// <c>nonlocal</c> at module level, duplicate parameters, a parameter without a default after
/// one with a default, repeated keyword arguments.
/// </para>
/// <para>Linear in the size of the source; not thread-safe per instance, but every entry point creates its own.</para>
/// </remarks>
public sealed partial class Parser
{
    private readonly string _source;
    private readonly string _fileName;
    private readonly ImmutableArray<Token> _tokens;
    private readonly LineMap _lines;
    private int _pos;

    // Span of the last consumed token that has text (not NEWLINE, INDENT, DEDENT or end of file).
    private SourceSpan _lastEnd;

    // What encloses the statement being parsed, for the checks CPython's compiler makes.
    private BlockContext _context;

    private Parser(string source, string fileName, ImmutableArray<Token> tokens, LineMap lines, BlockContext context)
    {
        _source = source;
        _fileName = fileName;
        _tokens = tokens;
        _lines = lines;
        _context = context;
    }

    /// <summary>Parses a whole script (CPython's <c>exec</c> mode).</summary>
    /// <param name="source">The script text; any newline convention, optional byte-order mark.</param>
    /// <param name="fileName">The name used in spans and errors, e.g. "lesson.py".</param>
    /// <exception cref="ScriptSyntaxException">The text is not valid Python.</exception>
    /// <exception cref="ScriptNotSupportedException">The text is valid Python outside the subset.</exception>
    public static ScriptModule ParseModule(string source, string fileName)
    {
        var parser = Create(source, fileName);
        var body = ImmutableArray.CreateBuilder<Statement>();
        while (parser.Kind != TokenKind.EndOfFile)
        {
            parser.ParseStatement(body);
        }

        Token end = parser.Current;
        var span = new SourceSpan(fileName, 1, 1, end.Span.Line, end.Span.Column);
        return new ScriptModule(body.ToImmutable(), span);
    }

    /// <summary>Parses one expression, possibly an unparenthesised tuple (CPython's <c>eval</c> mode).</summary>
    /// <exception cref="ScriptSyntaxException">The text is not a valid Python expression.</exception>
    /// <exception cref="ScriptNotSupportedException">The expression is valid Python outside the subset.</exception>
    public static Expression ParseSingleExpression(string source, string fileName)
    {
        var parser = Create(source, fileName);
        Expression expression = parser.ParseStarExpressions();
        while (parser.Accept(TokenKind.NewLine))
        {
        }

        if (parser.Kind != TokenKind.EndOfFile)
        {
            parser.InvalidSyntax();
        }

        return expression;
    }

    private static Parser Create(string source, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        string text = Lexer.NormalizeNewlines(source);
        ImmutableArray<Token> tokens = Lexer.TokenizeNormalized(text, fileName);
        return new Parser(text, fileName, tokens, new LineMap(text), default);
    }

    // --- Token access ----------------------------------------------------------------------

    private Token Current => _tokens[_pos];

    private TokenKind Kind => _tokens[_pos].Kind;

    private TokenKind PeekKind(int ahead = 1) => _tokens[Math.Min(_pos + ahead, _tokens.Length - 1)].Kind;

    private Token Advance()
    {
        Token token = _tokens[_pos];
        if (_pos < _tokens.Length - 1)
        {
            _pos++;
        }

        if (token.Kind is not (TokenKind.NewLine or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndOfFile))
        {
            _lastEnd = token.Span;
        }

        return token;
    }

    private bool Accept(TokenKind kind)
    {
        if (Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        if (Kind != kind)
        {
            InvalidSyntax();
        }

        return Advance();
    }

    private Token Expect(TokenKind kind, string message)
    {
        if (Kind != kind)
        {
            SyntaxErrors.Throw(message, Current.Span);
        }

        return Advance();
    }

    private Token ExpectName()
    {
        if (Kind != TokenKind.Name)
        {
            InvalidSyntax();
        }

        return Advance();
    }

    /// <summary>From the start of <paramref name="first"/> to the end of the last consumed token.</summary>
    private SourceSpan SpanFrom(SourceSpan first) => first.Through(_lastEnd);

    /// <summary>"invalid syntax" at the current token (CPython's generic message).</summary>
    [DoesNotReturn]
    private void InvalidSyntax() => throw InvalidSyntaxError();

    private ScriptSyntaxException InvalidSyntaxError()
    {
        if (Kind == TokenKind.Indent)
        {
            UnexpectedIndent();
        }

        return new ScriptSyntaxException("invalid syntax", Current.Span);
    }

    [DoesNotReturn]
    private void UnexpectedIndent()
    {
        // CPython's offset for an unexpected indent is the width of the indentation.
        SourceSpan span = Current.Span;
        int column = Math.Max(1, span.EndColumn - 1);
        SyntaxErrors.Indentation("unexpected indent", new SourceSpan(_fileName, span.Line, column, span.Line, column));
    }

    /// <summary>Refuses to recurse further when the host stack runs low (deeply nested expressions).</summary>
    private void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            SyntaxErrors.NotSupported("an expression nested this deeply", Current.Span);
        }
    }

    /// <summary>What encloses the code being parsed.</summary>
    /// <param name="InFunction">Directly inside a def or lambda body (a class body in between resets it).</param>
    /// <param name="InClass">Directly inside a class body.</param>
    /// <param name="InLoop">Inside a loop body of the current function or class (not its else block).</param>
    private readonly record struct BlockContext(bool InFunction, bool InClass, bool InLoop);
}
