using System.Collections.Immutable;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Syntax;

/// <summary>Statements: python.gram's <c>statement</c>, <c>simple_stmts</c>, <c>compound_stmt</c> and <c>block</c>.</summary>
public sealed partial class Parser
{
    /// <summary>One statement line: a compound statement, or simple statements separated by ';'.</summary>
    private void ParseStatement(ImmutableArray<Statement>.Builder into)
    {
        EnsureStack();
        switch (Kind)
        {
            case TokenKind.Indent:
                UnexpectedIndent();
                break;
            case TokenKind.If:
                into.Add(ParseIf());
                return;
            case TokenKind.While:
                into.Add(ParseWhile());
                return;
            case TokenKind.For:
                into.Add(ParseFor());
                return;
            case TokenKind.Try:
                into.Add(ParseTry());
                return;
            case TokenKind.Def:
                into.Add(ParseFunctionDef());
                return;
            case TokenKind.Class:
                into.Add(ParseClassDef());
                return;
            case TokenKind.With:
                SyntaxErrors.NotSupported("'with' statement", Current.Span);
                break;
            case TokenKind.Async:
                SyntaxErrors.NotSupported("'async' statement", Current.Span);
                break;
            case TokenKind.At:
                SyntaxErrors.NotSupported("decorator", Current.Span);
                break;
            case TokenKind.Name when Current.Text == "match" && LogicalLineEndsWithColon():
                SyntaxErrors.NotSupported("'match' statement", Current.Span);
                break;
            case TokenKind.Name when Current.Text == "type" && PeekKind() == TokenKind.Name:
                SyntaxErrors.NotSupported("'type' statement", Current.Span);
                break;
        }

        ParseSimpleStatements(into);
    }

    /// <summary>
    /// A line that starts with the soft keyword <c>match</c> and ends with ':' can only be a
    /// match statement: no simple statement ends with a colon.
    /// </summary>
    private bool LogicalLineEndsWithColon()
    {
        int i = _pos;
        while (_tokens[i].Kind is not (TokenKind.NewLine or TokenKind.EndOfFile))
        {
            i++;
        }

        return i > _pos + 1 && _tokens[i - 1].Kind == TokenKind.Colon;
    }

    private void ParseSimpleStatements(ImmutableArray<Statement>.Builder into)
    {
        while (true)
        {
            into.Add(ParseSimpleStatement());
            if (!Accept(TokenKind.Semicolon) || Kind == TokenKind.NewLine)
            {
                break;
            }
        }

        Expect(TokenKind.NewLine);
    }

    private Statement ParseSimpleStatement()
    {
        Token first = Current;
        switch (first.Kind)
        {
            case TokenKind.Pass:
                Advance();
                return new PassStatement(first.Span);
            case TokenKind.Break:
                Advance();
                if (!_context.InLoop)
                {
                    SyntaxErrors.Throw("'break' outside loop", first.Span);
                }

                return new BreakStatement(first.Span);
            case TokenKind.Continue:
                Advance();
                if (!_context.InLoop)
                {
                    SyntaxErrors.Throw("'continue' not properly in loop", first.Span);
                }

                return new ContinueStatement(first.Span);
            case TokenKind.Return:
                return ParseReturn();
            case TokenKind.Raise:
                return ParseRaise();
            case TokenKind.Global or TokenKind.Nonlocal:
                return ParseGlobalOrNonlocal();
            case TokenKind.Del:
                return ParseDelete();
            case TokenKind.Import:
                return ParseImport();
            case TokenKind.From:
                return ParseImportFrom();
            case TokenKind.Assert:
                Advance();
                Expression test = ParseExpression();
                Expression? message = Accept(TokenKind.Comma) ? ParseExpression() : null;
                return new AssertStatement(test, message, SpanFrom(first.Span));
            case TokenKind.Yield:
                SyntaxErrors.NotSupported("'yield' expression", first.Span);
                break;
        }

        return ParseExpressionOrAssignment();
    }

    private Statement ParseReturn()
    {
        Token keyword = Advance();
        Expression? value = StartsExpression(Kind) ? ParseStarExpressions() : null;
        SourceSpan span = SpanFrom(keyword.Span);
        if (!_context.InFunction)
        {
            SyntaxErrors.Throw("'return' outside function", span);
        }

        return new ReturnStatement(value, span);
    }

    private Statement ParseRaise()
    {
        Token keyword = Advance();
        Expression? exception = null;
        Expression? cause = null;
        if (StartsExpression(Kind))
        {
            exception = ParseExpression();
            if (Accept(TokenKind.From))
            {
                cause = ParseExpression();
            }
        }

        return new RaiseStatement(exception, cause, SpanFrom(keyword.Span));
    }

    private Statement ParseGlobalOrNonlocal()
    {
        Token keyword = Advance();
        var names = ImmutableArray.CreateBuilder<string>();
        do
        {
            names.Add(ExpectName().Text);
        }
        while (Accept(TokenKind.Comma));

        SourceSpan span = SpanFrom(keyword.Span);
        if (keyword.Kind == TokenKind.Global)
        {
            return new GlobalStatement(names.ToImmutable(), span);
        }

        if (!_context.InFunction && !_context.InClass)
        {
            SyntaxErrors.Throw("nonlocal declaration not allowed at module level", span);
        }

        return new NonlocalStatement(names.ToImmutable(), span);
    }

    /// <summary><c>del a, b[1], c.x</c>: each comma-separated target is its own entry, as in CPython.</summary>
    private Statement ParseDelete()
    {
        Token keyword = Advance();
        var targets = ImmutableArray.CreateBuilder<Expression>();
        do
        {
            if (!StartsExpression(Kind))
            {
                break;
            }

            targets.Add(ToTarget(ParseStarOrExpression(), ExpressionContext.Del, TargetUse.Delete));
        }
        while (Accept(TokenKind.Comma));

        if (targets.Count == 0)
        {
            InvalidSyntax();
        }

        return new DeleteStatement(targets.ToImmutable(), SpanFrom(keyword.Span));
    }

    private Statement ParseImport()
    {
        Token keyword = Advance();
        var names = ImmutableArray.CreateBuilder<ImportAlias>();
        do
        {
            SourceSpan start = Current.Span;
            string name = ParseDottedName();
            string? asName = Accept(TokenKind.As) ? ExpectName().Text : null;
            names.Add(new ImportAlias(name, asName, SpanFrom(start)));
        }
        while (Accept(TokenKind.Comma));

        return new ImportStatement(names.ToImmutable(), SpanFrom(keyword.Span));
    }

    private Statement ParseImportFrom()
    {
        Token keyword = Advance();
        int level = 0;
        while (Kind is TokenKind.Dot or TokenKind.Ellipsis)
        {
            level += Advance().Kind == TokenKind.Dot ? 1 : 3;
        }

        string? module = level == 0 || Kind == TokenKind.Name ? ParseDottedName() : null;
        Expect(TokenKind.Import);
        var names = ImmutableArray.CreateBuilder<ImportAlias>();
        if (Kind == TokenKind.Star)
        {
            names.Add(new ImportAlias("*", null, Advance().Span));
            return new ImportFromStatement(module, names.ToImmutable(), level, SpanFrom(keyword.Span));
        }

        bool parenthesized = Accept(TokenKind.LeftParen);
        do
        {
            if (parenthesized && Kind == TokenKind.RightParen && names.Count > 0)
            {
                break;
            }

            if (!parenthesized && names.Count > 0 && Kind is TokenKind.NewLine or TokenKind.Semicolon)
            {
                SyntaxErrors.Throw("trailing comma not allowed without surrounding parentheses", Current.Span);
            }

            Token name = ExpectName();
            string? asName = Accept(TokenKind.As) ? ExpectName().Text : null;
            names.Add(new ImportAlias(name.Text, asName, SpanFrom(name.Span)));
        }
        while (Accept(TokenKind.Comma));

        if (parenthesized)
        {
            Expect(TokenKind.RightParen);
        }

        return new ImportFromStatement(module, names.ToImmutable(), level, SpanFrom(keyword.Span));
    }

    private string ParseDottedName()
    {
        string name = ExpectName().Text;
        while (Accept(TokenKind.Dot))
        {
            name = name + "." + ExpectName().Text;
        }

        return name;
    }

    /// <summary>
    /// An expression statement, an assignment (possibly chained, possibly unpacking) or an
    /// augmented assignment: python.gram's <c>assignment</c> and <c>star_expressions</c>.
    /// </summary>
    private Statement ParseExpressionOrAssignment()
    {
        Token first = Current;
        if (first.Kind == TokenKind.Name && first.Text is "print" or "exec"
            && PeekKind() is TokenKind.Name or TokenKind.String or TokenKind.Integer or TokenKind.Float or TokenKind.Imaginary)
        {
            SyntaxErrors.Throw($"Missing parentheses in call to '{first.Text}'. Did you mean {first.Text}(...)?", first.Span);
        }

        Expression expression = ParseStarExpressions();
        if (Kind == TokenKind.Equal)
        {
            var targets = new List<Expression> { expression };
            Expression value = expression;
            while (Accept(TokenKind.Equal))
            {
                if (Kind == TokenKind.Yield)
                {
                    SyntaxErrors.NotSupported("'yield' expression", Current.Span);
                }

                value = ParseStarExpressions();
                if (Kind == TokenKind.Equal)
                {
                    targets.Add(value);
                }
            }

            var stores = ImmutableArray.CreateBuilder<Expression>(targets.Count);
            TargetUse use = targets.Count == 1 ? TargetUse.SingleAssign : TargetUse.Assign;
            foreach (Expression target in targets)
            {
                stores.Add(ToTarget(target, ExpressionContext.Store, use));
            }

            return new AssignStatement(stores.MoveToImmutable(), value, SpanFrom(first.Span));
        }

        if (AugmentedOperator(Kind) is BinaryOperator op)
        {
            Expression target = ToAugmentedTarget(expression);
            Advance();
            if (Kind == TokenKind.Yield)
            {
                SyntaxErrors.NotSupported("'yield' expression", Current.Span);
            }

            Expression value = ParseStarExpressions();
            return new AugAssignStatement(target, op, value, SpanFrom(first.Span));
        }

        if (Kind == TokenKind.Colon)
        {
            SyntaxErrors.NotSupported("variable annotation", Current.Span);
        }

        return new ExpressionStatement(expression, SpanFrom(first.Span));
    }

    private static BinaryOperator? AugmentedOperator(TokenKind kind) => kind switch
    {
        TokenKind.PlusEqual => BinaryOperator.Add,
        TokenKind.MinusEqual => BinaryOperator.Sub,
        TokenKind.StarEqual => BinaryOperator.Mult,
        TokenKind.AtEqual => BinaryOperator.MatMult,
        TokenKind.SlashEqual => BinaryOperator.Div,
        TokenKind.DoubleSlashEqual => BinaryOperator.FloorDiv,
        TokenKind.PercentEqual => BinaryOperator.Mod,
        TokenKind.DoubleStarEqual => BinaryOperator.Pow,
        TokenKind.LeftShiftEqual => BinaryOperator.LShift,
        TokenKind.RightShiftEqual => BinaryOperator.RShift,
        TokenKind.VerticalBarEqual => BinaryOperator.BitOr,
        TokenKind.CircumflexEqual => BinaryOperator.BitXor,
        TokenKind.AmpersandEqual => BinaryOperator.BitAnd,
        _ => null,
    };

    // --- Compound statements ---------------------------------------------------------------

    /// <summary>
    /// A block after a compound statement's header: ':' then either simple statements on the
    /// same line, or NEWLINE INDENT statements DEDENT. <paramref name="header"/> names the
    /// header in CPython's "expected an indented block after …" message.
    /// </summary>
    private ImmutableArray<Statement> ParseBlock(string header)
    {
        Expect(TokenKind.Colon, "expected ':'");
        var body = ImmutableArray.CreateBuilder<Statement>();
        if (!Accept(TokenKind.NewLine))
        {
            ParseSimpleStatements(body);
            return body.ToImmutable();
        }

        if (Kind != TokenKind.Indent)
        {
            // At the end of the file CPython points at the end of the header line.
            SourceSpan where = Kind == TokenKind.EndOfFile ? _tokens[_pos - 1].Span : Current.Span;
            SyntaxErrors.Indentation($"expected an indented block after {header}", where);
        }

        Advance();
        while (Kind is not (TokenKind.Dedent or TokenKind.EndOfFile))
        {
            ParseStatement(body);
        }

        Accept(TokenKind.Dedent);
        return body.ToImmutable();
    }

    /// <summary>Parses a block with <paramref name="context"/> in force, restoring the enclosing one after.</summary>
    private ImmutableArray<Statement> ParseBlock(string header, BlockContext context)
    {
        BlockContext saved = _context;
        _context = context;
        ImmutableArray<Statement> body = ParseBlock(header);
        _context = saved;
        return body;
    }

    /// <summary>
    /// <c>if</c> with its <c>elif</c> chain, read in a loop (a long chain does not recurse) and
    /// nested from the last clause outwards; each nested IfStatement spans to the end of the chain.
    /// </summary>
    private Statement ParseIf()
    {
        var clauses = new List<(Token Keyword, Expression Test, ImmutableArray<Statement> Body)>();
        do
        {
            Token keyword = Advance(); // 'if' or 'elif'
            Expression test = ParseExpression();
            ImmutableArray<Statement> body = ParseBlock($"'{keyword.Text}' statement on line {keyword.Span.Line}");
            clauses.Add((keyword, test, body));
        }
        while (Kind == TokenKind.Elif);

        ImmutableArray<Statement> orElse = Kind == TokenKind.Else ? ParseElseBlock() : [];
        SourceSpan end = _lastEnd;
        for (int i = clauses.Count - 1; i > 0; i--)
        {
            var (keyword, test, body) = clauses[i];
            orElse = [new IfStatement(test, body, orElse, keyword.Span.Through(end))];
        }

        var (ifKeyword, ifTest, ifBody) = clauses[0];
        return new IfStatement(ifTest, ifBody, orElse, ifKeyword.Span.Through(end));
    }

    private ImmutableArray<Statement> ParseElseBlock()
    {
        Token keyword = Advance();
        return ParseBlock($"'else' statement on line {keyword.Span.Line}");
    }

    private Statement ParseWhile()
    {
        Token keyword = Advance();
        Expression test = ParseExpression();
        ImmutableArray<Statement> body = ParseBlock($"'while' statement on line {keyword.Span.Line}", _context with { InLoop = true });
        ImmutableArray<Statement> orElse = Kind == TokenKind.Else ? ParseElseBlock() : [];
        return new WhileStatement(test, body, orElse, SpanFrom(keyword.Span));
    }

    private Statement ParseFor()
    {
        Token keyword = Advance();
        Expression target = ParseTargetList();
        Expect(TokenKind.In);
        Expression iterable = ParseStarExpressions();
        ImmutableArray<Statement> body = ParseBlock($"'for' statement on line {keyword.Span.Line}", _context with { InLoop = true });
        ImmutableArray<Statement> orElse = Kind == TokenKind.Else ? ParseElseBlock() : [];
        return new ForStatement(target, iterable, body, orElse, SpanFrom(keyword.Span));
    }

    private Statement ParseTry()
    {
        Token keyword = Advance();
        ImmutableArray<Statement> body = ParseBlock($"'try' statement on line {keyword.Span.Line}");
        var handlers = ImmutableArray.CreateBuilder<ExceptHandler>();
        while (Kind == TokenKind.Except)
        {
            Token except = Advance();
            if (Kind == TokenKind.Star)
            {
                SyntaxErrors.NotSupported("'except*' clause", except.Span);
            }

            if (handlers.Count > 0 && handlers[^1].Type is null)
            {
                SyntaxErrors.Throw("default 'except:' must be last", handlers[^1].Span);
            }

            Expression? type = null;
            string? name = null;
            if (Kind != TokenKind.Colon)
            {
                type = ParseExpression();
                if (Kind == TokenKind.Comma)
                {
                    SourceSpan start = type.Span;
                    while (Accept(TokenKind.Comma) && StartsExpression(Kind))
                    {
                        ParseExpression();
                    }

                    SyntaxErrors.Throw("multiple exception types must be parenthesized", SpanFrom(start));
                }

                if (Accept(TokenKind.As))
                {
                    name = ExpectName().Text;
                }
            }

            ImmutableArray<Statement> handlerBody = ParseBlock($"'except' statement on line {except.Span.Line}");
            handlers.Add(new ExceptHandler(type, name, handlerBody, SpanFrom(except.Span)));
        }

        ImmutableArray<Statement> orElse = handlers.Count > 0 && Kind == TokenKind.Else ? ParseElseBlock() : [];
        ImmutableArray<Statement> finalBody = [];
        if (Kind == TokenKind.Finally)
        {
            Token @finally = Advance();
            finalBody = ParseBlock($"'finally' statement on line {@finally.Span.Line}");
        }
        else if (handlers.Count == 0)
        {
            // CPython points at the next token, or just past the try block at the end of the file.
            SourceSpan where = Kind == TokenKind.EndOfFile
                ? new SourceSpan(_fileName, _lastEnd.EndLine, _lastEnd.EndColumn, _lastEnd.EndLine, _lastEnd.EndColumn)
                : Current.Span;
            SyntaxErrors.Throw("expected 'except' or 'finally' block", where);
        }

        return new TryStatement(body, handlers.ToImmutable(), orElse, finalBody, SpanFrom(keyword.Span));
    }

    private Statement ParseFunctionDef()
    {
        Token keyword = Advance();
        Token name = ExpectName();
        RefuseTypeParameters();
        Expect(TokenKind.LeftParen);
        ImmutableArray<Parameter> parameters = ParseParameters(TokenKind.RightParen);
        Expect(TokenKind.RightParen);
        if (Kind == TokenKind.Arrow)
        {
            SyntaxErrors.NotSupported("return annotation", Current.Span);
        }

        ImmutableArray<Statement> body = ParseBlock(
            $"function definition on line {keyword.Span.Line}",
            new BlockContext(InFunction: true, InClass: false, InLoop: false));
        return new FunctionDefStatement(name.Text, parameters, body, SpanFrom(keyword.Span));
    }

    /// <summary>
    /// Parameters up to (not including) <paramref name="closer"/>: ')' for def, ':' for lambda.
    /// Only positional-or-keyword parameters with optional defaults are in the subset.
    /// </summary>
    private ImmutableArray<Parameter> ParseParameters(TokenKind closer)
    {
        var parameters = ImmutableArray.CreateBuilder<Parameter>();
        bool seenDefault = false;
        while (Kind != closer)
        {
            switch (Kind)
            {
                case TokenKind.Star:
                    SyntaxErrors.NotSupported(PeekKind() == TokenKind.Name ? "'*args' parameter" : "keyword-only parameters ('*')", Current.Span);
                    break;
                case TokenKind.DoubleStar:
                    SyntaxErrors.NotSupported("'**kwargs' parameter", Current.Span);
                    break;
                case TokenKind.Slash:
                    SyntaxErrors.NotSupported("positional-only parameters ('/')", Current.Span);
                    break;
            }

            Token name = ExpectName();
            if (closer == TokenKind.RightParen && Kind == TokenKind.Colon)
            {
                SyntaxErrors.NotSupported("parameter annotation", Current.Span);
            }

            Expression? defaultValue = null;
            if (Accept(TokenKind.Equal))
            {
                defaultValue = ParseExpression();
                seenDefault = true;
            }
            else if (seenDefault)
            {
                SyntaxErrors.Throw("non-default argument follows default argument", name.Span);
            }

            foreach (Parameter previous in parameters)
            {
                if (previous.Name == name.Text)
                {
                    SyntaxErrors.Throw($"duplicate argument '{name.Text}' in function definition", name.Span);
                }
            }

            parameters.Add(new Parameter(name.Text, defaultValue, name.Span));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        return parameters.ToImmutable();
    }

    /// <summary><c>def f[T]</c> and <c>class C[T]</c> (PEP 695, Python 3.12+).</summary>
    private void RefuseTypeParameters()
    {
        if (Kind == TokenKind.LeftBracket)
        {
            SyntaxErrors.NotSupported("type parameter list", Current.Span);
        }
    }

    private Statement ParseClassDef()
    {
        Token keyword = Advance();
        Token name = ExpectName();
        RefuseTypeParameters();
        var bases = ImmutableArray.CreateBuilder<Expression>();
        if (Accept(TokenKind.LeftParen))
        {
            while (Kind != TokenKind.RightParen)
            {
                if (Kind is TokenKind.Star or TokenKind.DoubleStar)
                {
                    SyntaxErrors.NotSupported("unpacking in a class's bases", Current.Span);
                }

                if (Kind == TokenKind.Name && PeekKind() == TokenKind.Equal)
                {
                    SyntaxErrors.NotSupported($"class keyword argument '{Current.Text}='", Current.Span);
                }

                bases.Add(ParseExpression());
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }
            }

            Expect(TokenKind.RightParen);
        }

        ImmutableArray<Statement> body = ParseBlock(
            $"class definition on line {keyword.Span.Line}",
            new BlockContext(InFunction: false, InClass: true, InLoop: false));
        return new ClassDefStatement(name.Text, bases.ToImmutable(), body, SpanFrom(keyword.Span));
    }
}
