using System.Collections.Immutable;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// Expressions, from loosest to tightest binding (python.gram):
/// <code>
///   star_expressions   a, b          (tuple without parentheses)
///   expression         lambda; x if c else y
///   disjunction        or
///   conjunction        and
///   inversion          not
///   comparison         == != &lt; &lt;= &gt; &gt;= in, not in, is, is not   (chained)
///   bitwise_or         |
///   bitwise_xor        ^
///   bitwise_and        &amp;
///   shift_expr         &lt;&lt; &gt;&gt;
///   sum                + -
///   term               * / // % @
///   factor             unary + - ~
///   power              **   (right-associative; binds tighter than a unary on its left: -2**2 == -(2**2))
///   primary            .name  (args)  [slices]
///   atom               names, literals, displays, comprehensions, (…)
/// </code>
/// </summary>
public sealed partial class Parser
{
    /// <summary>True for a token that can begin an expression (a '*' included, so starred items get a clear refusal).</summary>
    private static bool StartsExpression(TokenKind kind) => kind is TokenKind.Name or TokenKind.Integer
        or TokenKind.Float or TokenKind.Imaginary or TokenKind.String or TokenKind.None or TokenKind.True
        or TokenKind.False or TokenKind.Ellipsis or TokenKind.LeftParen or TokenKind.LeftBracket
        or TokenKind.LeftBrace or TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde or TokenKind.Not
        or TokenKind.Lambda or TokenKind.Await or TokenKind.Yield or TokenKind.Star;

    /// <summary><c>star_expressions</c>: one expression, or a tuple without parentheses (<c>1, 2</c>, <c>x,</c>).</summary>
    private Expression ParseStarExpressions()
    {
        SourceSpan start = Current.Span;
        Expression first = ParseStarOrExpression();
        if (Kind != TokenKind.Comma)
        {
            return first;
        }

        var elements = ImmutableArray.CreateBuilder<Expression>();
        elements.Add(first);
        while (Accept(TokenKind.Comma) && StartsExpression(Kind))
        {
            elements.Add(ParseStarOrExpression());
        }

        return new TupleExpression(elements.ToImmutable(), ExpressionContext.Load, SpanFrom(start));
    }

    private Expression ParseStarOrExpression()
    {
        if (Kind == TokenKind.Star)
        {
            SyntaxErrors.NotSupported("starred expression ('*x')", Current.Span);
        }

        return ParseExpression();
    }

    /// <summary><c>expression</c>: a lambda, a conditional expression, or a disjunction.</summary>
    private Expression ParseExpression()
    {
        EnsureStack();
        if (Kind == TokenKind.Lambda)
        {
            return ParseLambda();
        }

        Expression body = ParseDisjunction();
        if (Kind == TokenKind.If)
        {
            Advance();
            Expression test = ParseDisjunction();
            if (!Accept(TokenKind.Else))
            {
                SyntaxErrors.Throw("expected 'else' after 'if' expression", SpanFrom(body.Span));
            }

            Expression orElse = ParseExpression();
            body = new ConditionalExpression(test, body, orElse, body.Span.Through(orElse.Span));
        }

        if (Kind == TokenKind.ColonEqual)
        {
            SyntaxErrors.NotSupported("assignment expression (':=')", Current.Span);
        }

        return body;
    }

    private Expression ParseLambda()
    {
        Token keyword = Advance();
        ImmutableArray<Parameter> parameters = ParseParameters(TokenKind.Colon);
        Expect(TokenKind.Colon);
        Expression body = ParseExpression();
        return new LambdaExpression(parameters, body, keyword.Span.Through(body.Span));
    }

    private Expression ParseDisjunction() => ParseBooleanChain(TokenKind.Or, BooleanOperator.Or);

    private Expression ParseConjunction() => ParseBooleanChain(TokenKind.And, BooleanOperator.And);

    /// <summary>A run of one boolean operator becomes one node with all operands, as in CPython.</summary>
    private Expression ParseBooleanChain(TokenKind token, BooleanOperator op)
    {
        Expression first = op == BooleanOperator.Or ? ParseConjunction() : ParseInversion();
        if (Kind != token)
        {
            return first;
        }

        var values = ImmutableArray.CreateBuilder<Expression>();
        values.Add(first);
        while (Accept(token))
        {
            values.Add(op == BooleanOperator.Or ? ParseConjunction() : ParseInversion());
        }

        return new BooleanExpression(op, values.ToImmutable(), first.Span.Through(values[^1].Span));
    }

    private Expression ParseInversion()
    {
        if (Kind != TokenKind.Not)
        {
            return ParseComparison();
        }

        EnsureStack();
        Token not = Advance();
        Expression operand = ParseInversion();
        return new UnaryExpression(UnaryOperator.Not, operand, not.Span.Through(operand.Span));
    }

    private Expression ParseComparison()
    {
        Expression left = ParseBitwiseOr();
        if (ComparisonOperator() is null)
        {
            return left;
        }

        var operators = ImmutableArray.CreateBuilder<CompareOperator>();
        var comparators = ImmutableArray.CreateBuilder<Expression>();
        while (ComparisonOperator() is (CompareOperator op, int tokens))
        {
            for (int i = 0; i < tokens; i++)
            {
                Advance();
            }

            operators.Add(op);
            comparators.Add(ParseBitwiseOr());
        }

        return new CompareExpression(left, operators.ToImmutable(), comparators.ToImmutable(), left.Span.Through(comparators[^1].Span));
    }

    /// <summary>The comparison operator at the current token and how many tokens it spans (<c>not in</c>, <c>is not</c>: two).</summary>
    private (CompareOperator Operator, int Tokens)? ComparisonOperator() => Kind switch
    {
        TokenKind.EqualEqual => (CompareOperator.Eq, 1),
        TokenKind.NotEqual => (CompareOperator.NotEq, 1),
        TokenKind.Less => (CompareOperator.Lt, 1),
        TokenKind.LessEqual => (CompareOperator.LtE, 1),
        TokenKind.Greater => (CompareOperator.Gt, 1),
        TokenKind.GreaterEqual => (CompareOperator.GtE, 1),
        TokenKind.In => (CompareOperator.In, 1),
        TokenKind.Not when PeekKind() == TokenKind.In => (CompareOperator.NotIn, 2),
        TokenKind.Is when PeekKind() == TokenKind.Not => (CompareOperator.IsNot, 2),
        TokenKind.Is => (CompareOperator.Is, 1),
        _ => null,
    };

    private Expression ParseBitwiseOr()
    {
        Expression left = ParseBitwiseXor();
        while (Accept(TokenKind.VerticalBar))
        {
            left = Binary(left, BinaryOperator.BitOr, ParseBitwiseXor());
        }

        return left;
    }

    private Expression ParseBitwiseXor()
    {
        Expression left = ParseBitwiseAnd();
        while (Accept(TokenKind.Circumflex))
        {
            left = Binary(left, BinaryOperator.BitXor, ParseBitwiseAnd());
        }

        return left;
    }

    private Expression ParseBitwiseAnd()
    {
        Expression left = ParseShift();
        while (Accept(TokenKind.Ampersand))
        {
            left = Binary(left, BinaryOperator.BitAnd, ParseShift());
        }

        return left;
    }

    private Expression ParseShift()
    {
        Expression left = ParseSum();
        while (Kind is TokenKind.LeftShift or TokenKind.RightShift)
        {
            BinaryOperator op = Advance().Kind == TokenKind.LeftShift ? BinaryOperator.LShift : BinaryOperator.RShift;
            left = Binary(left, op, ParseSum());
        }

        return left;
    }

    private Expression ParseSum()
    {
        Expression left = ParseTerm();
        while (Kind is TokenKind.Plus or TokenKind.Minus)
        {
            BinaryOperator op = Advance().Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Sub;
            left = Binary(left, op, ParseTerm());
        }

        return left;
    }

    private Expression ParseTerm()
    {
        Expression left = ParseFactor();
        while (true)
        {
            BinaryOperator? op = Kind switch
            {
                TokenKind.Star => BinaryOperator.Mult,
                TokenKind.Slash => BinaryOperator.Div,
                TokenKind.DoubleSlash => BinaryOperator.FloorDiv,
                TokenKind.Percent => BinaryOperator.Mod,
                TokenKind.At => BinaryOperator.MatMult,
                _ => null,
            };
            if (op is not BinaryOperator binary)
            {
                return left;
            }

            Advance();
            left = Binary(left, binary, ParseFactor());
        }
    }

    private Expression ParseFactor()
    {
        UnaryOperator? op = Kind switch
        {
            TokenKind.Minus => UnaryOperator.USub,
            TokenKind.Plus => UnaryOperator.UAdd,
            TokenKind.Tilde => UnaryOperator.Invert,
            _ => null,
        };
        if (op is not UnaryOperator unary)
        {
            return ParsePower();
        }

        EnsureStack();
        Token token = Advance();
        Expression operand = ParseFactor();
        return new UnaryExpression(unary, operand, token.Span.Through(operand.Span));
    }

    /// <summary><c>power: primary ['**' factor]</c>: right-associative, and the exponent may carry a sign.</summary>
    private Expression ParsePower()
    {
        if (Kind == TokenKind.Await)
        {
            SyntaxErrors.NotSupported("'await' expression", Current.Span);
        }

        Expression left = ParsePrimary();
        return Accept(TokenKind.DoubleStar) ? Binary(left, BinaryOperator.Pow, ParseFactor()) : left;
    }

    private static BinaryExpression Binary(Expression left, BinaryOperator op, Expression right) =>
        new(left, op, right, left.Span.Through(right.Span));

    private Expression ParsePrimary()
    {
        Expression expression = ParseAtom();
        while (true)
        {
            switch (Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    Token name = ExpectName();
                    expression = new AttributeExpression(expression, name.Text, ExpressionContext.Load, expression.Span.Through(name.Span));
                    break;
                case TokenKind.LeftParen:
                    expression = ParseCall(expression);
                    break;
                case TokenKind.LeftBracket:
                    Advance();
                    Expression index = ParseSlices();
                    Token close = Expect(TokenKind.RightBracket);
                    expression = new SubscriptExpression(expression, index, ExpressionContext.Load, expression.Span.Through(close.Span));
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>
    /// <c>(args)</c> after a primary: positional arguments, then keyword arguments; a
    /// generator expression is allowed unparenthesised only as the sole argument.
    /// </summary>
    private Expression ParseCall(Expression function)
    {
        Token open = Advance();
        var arguments = ImmutableArray.CreateBuilder<Expression>();
        var keywords = ImmutableArray.CreateBuilder<KeywordArgument>();
        while (Kind != TokenKind.RightParen)
        {
            if (Kind is TokenKind.Star or TokenKind.DoubleStar)
            {
                SyntaxErrors.NotSupported($"argument unpacking ('{Current.Text}') in a call", Current.Span);
            }

            if (Kind == TokenKind.Name && PeekKind() == TokenKind.Equal)
            {
                Token name = Advance();
                Advance();
                Expression value = ParseExpression();
                foreach (KeywordArgument previous in keywords)
                {
                    if (previous.Name == name.Text)
                    {
                        SyntaxErrors.Throw($"keyword argument repeated: {name.Text}", name.Span.Through(value.Span));
                    }
                }

                keywords.Add(new KeywordArgument(name.Text, value, name.Span.Through(value.Span)));
            }
            else
            {
                Expression argument = ParseExpression();
                if (Kind == TokenKind.Equal)
                {
                    string message = argument is BoolConstant or NoneConstant
                        ? $"cannot assign to {ExpressionKindName(argument)}"
                        : "expression cannot contain assignment, perhaps you meant \"==\"?";
                    SyntaxErrors.Throw(message, argument.Span);
                }

                if (StartsComprehension())
                {
                    ImmutableArray<ComprehensionClause> generators = ParseComprehensionClauses();
                    if (arguments.Count > 0 || keywords.Count > 0 || Kind != TokenKind.RightParen)
                    {
                        SyntaxErrors.Throw("Generator expression must be parenthesized", SpanFrom(argument.Span));
                    }

                    // CPython gives the generator expression the span of the call's parentheses.
                    var parenthesized = open.Span.Through(Current.Span);
                    argument = new GeneratorExpression(argument, generators, parenthesized);
                }
                else if (keywords.Count > 0)
                {
                    SyntaxErrors.Throw("positional argument follows keyword argument", argument.Span);
                }

                arguments.Add(argument);
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Token close = Expect(TokenKind.RightParen);
        return new CallExpression(function, arguments.ToImmutable(), keywords.ToImmutable(), function.Span.Through(close.Span));
    }

    /// <summary>The inside of <c>[…]</c> after a primary: one index or slice, or a tuple of them.</summary>
    private Expression ParseSlices()
    {
        SourceSpan start = Current.Span;
        Expression first = ParseSlice();
        if (Kind != TokenKind.Comma)
        {
            return first;
        }

        var elements = ImmutableArray.CreateBuilder<Expression>();
        elements.Add(first);
        while (Accept(TokenKind.Comma) && Kind != TokenKind.RightBracket)
        {
            elements.Add(ParseSlice());
        }

        return new TupleExpression(elements.ToImmutable(), ExpressionContext.Load, SpanFrom(start));
    }

    private Expression ParseSlice()
    {
        SourceSpan start = Current.Span;
        Expression? lower = null;
        if (Kind != TokenKind.Colon)
        {
            lower = ParseStarOrExpression();
            if (Kind != TokenKind.Colon)
            {
                return lower;
            }
        }

        Advance();
        Expression? upper = Kind is TokenKind.Colon or TokenKind.Comma or TokenKind.RightBracket ? null : ParseExpression();
        Expression? step = null;
        if (Accept(TokenKind.Colon) && Kind is not (TokenKind.Comma or TokenKind.RightBracket))
        {
            step = ParseExpression();
        }

        return new SliceExpression(lower, upper, step, SpanFrom(start));
    }

    private Expression ParseAtom()
    {
        Token token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name:
                Advance();
                return new NameExpression(token.Text, ExpressionContext.Load, token.Span);
            case TokenKind.True or TokenKind.False:
                Advance();
                return new BoolConstant(token.Kind == TokenKind.True, token.Span);
            case TokenKind.None:
                Advance();
                return new NoneConstant(token.Span);
            case TokenKind.Ellipsis:
                Advance();
                return new EllipsisConstant(token.Span);
            case TokenKind.Integer:
                Advance();
                return new IntConstant(ParseIntegerLiteral(token.Text), token.Span);
            case TokenKind.Float:
                Advance();
                return new FloatConstant(ParseFloatLiteral(token.Text), token.Span);
            case TokenKind.Imaginary:
                SyntaxErrors.NotSupported("complex literal", token.Span);
                break;
            case TokenKind.String:
                return ParseStrings();
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return ParseListDisplay();
            case TokenKind.LeftBrace:
                return ParseBraceDisplay();
            case TokenKind.Yield:
                SyntaxErrors.NotSupported("'yield' expression", token.Span);
                break;
            case TokenKind.Star:
                SyntaxErrors.NotSupported("starred expression ('*x')", token.Span);
                break;
        }

        throw InvalidSyntaxError();
    }

    /// <summary><c>()</c>, <c>(x)</c>, <c>(x,)</c>, <c>(a, b)</c> or <c>(x for …)</c>.</summary>
    private Expression ParseParenthesized()
    {
        Token open = Advance();
        if (Kind == TokenKind.RightParen)
        {
            Token empty = Advance();
            return new TupleExpression([], ExpressionContext.Load, open.Span.Through(empty.Span));
        }

        if (Kind == TokenKind.Yield)
        {
            SyntaxErrors.NotSupported("'yield' expression", Current.Span);
        }

        Expression first = ParseStarOrExpression();
        if (StartsComprehension())
        {
            ImmutableArray<ComprehensionClause> generators = ParseComprehensionClauses();
            Token closeGenerator = Expect(TokenKind.RightParen);
            return new GeneratorExpression(first, generators, open.Span.Through(closeGenerator.Span));
        }

        if (Accept(TokenKind.RightParen))
        {
            return first; // A parenthesised expression keeps its own node and span, as in CPython.
        }

        if (Kind != TokenKind.Comma)
        {
            InvalidSyntax();
        }

        var elements = ImmutableArray.CreateBuilder<Expression>();
        elements.Add(first);
        while (Accept(TokenKind.Comma) && Kind != TokenKind.RightParen)
        {
            elements.Add(ParseStarOrExpression());
        }

        Token close = Expect(TokenKind.RightParen);
        return new TupleExpression(elements.ToImmutable(), ExpressionContext.Load, open.Span.Through(close.Span));
    }

    private Expression ParseListDisplay()
    {
        Token open = Advance();
        var elements = ImmutableArray.CreateBuilder<Expression>();
        if (Kind != TokenKind.RightBracket)
        {
            Expression first = ParseStarOrExpression();
            if (StartsComprehension())
            {
                ImmutableArray<ComprehensionClause> generators = ParseComprehensionClauses();
                Token closeComprehension = Expect(TokenKind.RightBracket);
                return new ListComprehension(first, generators, open.Span.Through(closeComprehension.Span));
            }

            elements.Add(first);
            while (Accept(TokenKind.Comma) && Kind != TokenKind.RightBracket)
            {
                elements.Add(ParseStarOrExpression());
            }
        }

        Token close = Expect(TokenKind.RightBracket);
        return new ListExpression(elements.ToImmutable(), ExpressionContext.Load, open.Span.Through(close.Span));
    }

    /// <summary><c>{}</c> (an empty dict), a dict or set display, or a dict or set comprehension.</summary>
    private Expression ParseBraceDisplay()
    {
        Token open = Advance();
        if (Kind == TokenKind.RightBrace)
        {
            Token empty = Advance();
            return new DictExpression([], [], open.Span.Through(empty.Span));
        }

        RefuseDictUnpacking();
        Expression first = ParseStarOrExpression();
        if (Accept(TokenKind.Colon))
        {
            Expression firstValue = ParseExpression();
            if (StartsComprehension())
            {
                ImmutableArray<ComprehensionClause> generators = ParseComprehensionClauses();
                Token closeComprehension = Expect(TokenKind.RightBrace);
                return new DictComprehension(first, firstValue, generators, open.Span.Through(closeComprehension.Span));
            }

            var keys = ImmutableArray.CreateBuilder<Expression>();
            var values = ImmutableArray.CreateBuilder<Expression>();
            keys.Add(first);
            values.Add(firstValue);
            while (Accept(TokenKind.Comma) && Kind != TokenKind.RightBrace)
            {
                RefuseDictUnpacking();
                Expression key = ParseExpression();
                if (!Accept(TokenKind.Colon))
                {
                    SyntaxErrors.Throw("':' expected after dictionary key", key.Span);
                }

                keys.Add(key);
                values.Add(ParseExpression());
            }

            Token closeDict = Expect(TokenKind.RightBrace);
            return new DictExpression(keys.ToImmutable(), values.ToImmutable(), open.Span.Through(closeDict.Span));
        }

        if (StartsComprehension())
        {
            ImmutableArray<ComprehensionClause> generators = ParseComprehensionClauses();
            Token closeComprehension = Expect(TokenKind.RightBrace);
            return new SetComprehension(first, generators, open.Span.Through(closeComprehension.Span));
        }

        var elements = ImmutableArray.CreateBuilder<Expression>();
        elements.Add(first);
        while (Accept(TokenKind.Comma) && Kind != TokenKind.RightBrace)
        {
            elements.Add(ParseStarOrExpression());
        }

        Token close = Expect(TokenKind.RightBrace);
        return new SetExpression(elements.ToImmutable(), open.Span.Through(close.Span));
    }

    /// <summary>True at <c>for</c>, or at <c>async for</c> (refused in <see cref="ParseComprehensionClauses"/>).</summary>
    private bool StartsComprehension() =>
        Kind == TokenKind.For || (Kind == TokenKind.Async && PeekKind() == TokenKind.For);

    private void RefuseDictUnpacking()
    {
        if (Kind == TokenKind.DoubleStar)
        {
            SyntaxErrors.NotSupported("dict unpacking ('**') in a display", Current.Span);
        }
    }

    /// <summary>
    /// One or more <c>for target in iterable [if condition]…</c> clauses. The iterable and the
    /// conditions are disjunctions: an unparenthesised conditional expression or lambda is not
    /// allowed there (python.gram's <c>for_if_clause</c>).
    /// </summary>
    private ImmutableArray<ComprehensionClause> ParseComprehensionClauses()
    {
        var clauses = ImmutableArray.CreateBuilder<ComprehensionClause>();
        while (StartsComprehension())
        {
            if (Kind == TokenKind.Async)
            {
                SyntaxErrors.NotSupported("'async for' in a comprehension", Current.Span);
            }

            Token keyword = Advance();
            Expression target = ParseTargetList();
            Expect(TokenKind.In);
            Expression iterable = ParseDisjunction();
            var conditions = ImmutableArray.CreateBuilder<Expression>();
            while (Accept(TokenKind.If))
            {
                conditions.Add(ParseDisjunction());
            }

            clauses.Add(new ComprehensionClause(target, iterable, conditions.ToImmutable(), SpanFrom(keyword.Span)));
        }

        return clauses.ToImmutable();
    }
}
