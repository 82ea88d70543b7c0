using System.Collections.Immutable;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// Assignment, <c>for</c> and <c>del</c> targets: an expression parsed as a value is checked and
/// rewritten with <see cref="ExpressionContext.Store"/> or <see cref="ExpressionContext.Del"/>,
/// with CPython's "cannot assign to …" messages for anything that is not a target.
/// </summary>
public sealed partial class Parser
{
    /// <summary>Which statement a target belongs to; it picks CPython's wording.</summary>
    private enum TargetUse
    {
        /// <summary><c>t = value</c> with one '=': CPython adds "here. Maybe you meant '==' instead of '='?".</summary>
        SingleAssign,

        /// <summary>Chained assignment, or a target nested in a tuple or list.</summary>
        Assign,

        /// <summary>A <c>for</c> loop or comprehension clause target.</summary>
        For,

        /// <summary>A <c>del</c> target.</summary>
        Delete,
    }

    /// <summary>
    /// <c>star_targets</c> of a <c>for</c> or comprehension: one target or a tuple of them,
    /// parsed below the comparisons so that <c>in</c> ends it.
    /// </summary>
    private Expression ParseTargetList()
    {
        SourceSpan start = Current.Span;
        Expression first = ParseTargetElement();
        if (Kind == TokenKind.Comma)
        {
            var elements = ImmutableArray.CreateBuilder<Expression>();
            elements.Add(first);
            while (Accept(TokenKind.Comma) && Kind != TokenKind.In)
            {
                elements.Add(ParseTargetElement());
            }

            first = new TupleExpression(elements.ToImmutable(), ExpressionContext.Load, SpanFrom(start));
        }

        return ToTarget(first, ExpressionContext.Store, TargetUse.For);
    }

    private Expression ParseTargetElement()
    {
        if (Kind == TokenKind.Star)
        {
            SyntaxErrors.NotSupported("starred assignment target ('*x')", Current.Span);
        }

        return ParseBitwiseOr();
    }

    /// <summary>Checks that <paramref name="expression"/> can be bound or deleted and returns it in <paramref name="context"/>.</summary>
    private static Expression ToTarget(Expression expression, ExpressionContext context, TargetUse use)
    {
        TargetUse nested = use == TargetUse.SingleAssign ? TargetUse.Assign : use;
        switch (expression)
        {
            case NameExpression name:
                return name with { Context = context };
            case AttributeExpression attribute:
                return attribute with { Context = context };
            case SubscriptExpression subscript:
                return subscript with { Context = context };
            case TupleExpression tuple:
                return tuple with { Elements = ToTargets(tuple.Elements, context, nested), Context = context };
            case ListExpression list:
                return list with { Elements = ToTargets(list.Elements, context, nested), Context = context };
        }

        string kind = ExpressionKindName(expression);
        string message = use switch
        {
            TargetUse.Delete => $"cannot delete {kind}",
            TargetUse.SingleAssign when expression is not (BoolConstant or NoneConstant) =>
                $"cannot assign to {kind} here. Maybe you meant '==' instead of '='?",
            _ => $"cannot assign to {kind}",
        };
        SyntaxErrors.Throw(message, expression.Span);
        return expression;
    }

    private static ImmutableArray<Expression> ToTargets(ImmutableArray<Expression> elements, ExpressionContext context, TargetUse use)
    {
        var targets = ImmutableArray.CreateBuilder<Expression>(elements.Length);
        foreach (Expression element in elements)
        {
            targets.Add(ToTarget(element, context, use));
        }

        return targets.MoveToImmutable();
    }

    /// <summary>An augmented assignment binds exactly one name, attribute or subscript.</summary>
    private static Expression ToAugmentedTarget(Expression expression)
    {
        if (expression is not (NameExpression or AttributeExpression or SubscriptExpression))
        {
            SyntaxErrors.Throw($"'{ExpressionKindName(expression)}' is an illegal expression for augmented assignment", expression.Span);
        }

        return ToTarget(expression, ExpressionContext.Store, TargetUse.Assign);
    }

    /// <summary>How CPython names an expression in target errors (pegen.c _PyPegen_get_expr_name).</summary>
    private static string ExpressionKindName(Expression expression) => expression switch
    {
        AttributeExpression => "attribute",
        SubscriptExpression => "subscript",
        NameExpression => "name",
        ListExpression => "list",
        TupleExpression => "tuple",
        LambdaExpression => "lambda",
        CallExpression => "function call",
        BooleanExpression or BinaryExpression or UnaryExpression => "expression",
        GeneratorExpression => "generator expression",
        ListComprehension => "list comprehension",
        SetComprehension => "set comprehension",
        DictComprehension => "dict comprehension",
        DictExpression => "dict literal",
        SetExpression => "set display",
        JoinedStrExpression or FormattedValueExpression => "f-string expression",
        NoneConstant => "None",
        BoolConstant { Value: true } => "True",
        BoolConstant => "False",
        EllipsisConstant => "ellipsis",
        ConstantExpression => "literal",
        CompareExpression => "comparison",
        ConditionalExpression => "conditional expression",
        _ => "expression",
    };
}
