using System.Collections.Immutable;

namespace PyHeapSim.Scripting.Syntax.Ast;

/// <summary>A name (CPython's <c>ast.Name</c>); <paramref name="Id"/> is NFKC-normalised.</summary>
public sealed record NameExpression(string Id, ExpressionContext Context, SourceSpan Span) : Expression(Span);

/// <summary><c>value.attr</c> (CPython's <c>ast.Attribute</c>).</summary>
public sealed record AttributeExpression(Expression Value, string Attr, ExpressionContext Context, SourceSpan Span) : Expression(Span);

/// <summary>
/// <c>value[index]</c> (CPython's <c>ast.Subscript</c>). <paramref name="Index"/> is a
/// <see cref="SliceExpression"/> for <c>a[1:2]</c>, and a <see cref="TupleExpression"/> for
/// <c>a[1, 2:3]</c>.
/// </summary>
public sealed record SubscriptExpression(Expression Value, Expression Index, ExpressionContext Context, SourceSpan Span) : Expression(Span);

/// <summary><c>lower:upper:step</c> inside a subscript; omitted parts are null.</summary>
public sealed record SliceExpression(Expression? Lower, Expression? Upper, Expression? Step, SourceSpan Span) : Expression(Span);

/// <summary><c>left op right</c> (CPython's <c>ast.BinOp</c>).</summary>
public sealed record BinaryExpression(Expression Left, BinaryOperator Operator, Expression Right, SourceSpan Span) : Expression(Span);

/// <summary><c>op operand</c> (CPython's <c>ast.UnaryOp</c>); <c>-1</c> is this applied to the constant 1.</summary>
public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, SourceSpan Span) : Expression(Span);

/// <summary>
/// <c>a and b and c</c> (CPython's <c>ast.BoolOp</c>): a run of the same operator is one node
/// with two or more values; <c>a or b and c</c> nests an <c>and</c> node inside an <c>or</c> node.
/// </summary>
public sealed record BooleanExpression(BooleanOperator Operator, ImmutableArray<Expression> Values, SourceSpan Span) : Expression(Span);

/// <summary>
/// A comparison chain (CPython's <c>ast.Compare</c>): <c>a &lt; b &lt;= c</c> has
/// <paramref name="Left"/> a, operators [Lt, LtE], comparators [b, c]; the two lists have equal length ≥ 1.
/// </summary>
public sealed record CompareExpression(Expression Left, ImmutableArray<CompareOperator> Operators, ImmutableArray<Expression> Comparators, SourceSpan Span) : Expression(Span);

/// <summary>
/// A call (CPython's <c>ast.Call</c>). Positional arguments in order, then keyword arguments in
/// order; a generator expression given as the sole argument (<c>sum(x for x in y)</c>) is the
/// one positional argument, its span covering the call's parentheses.
/// </summary>
public sealed record CallExpression(Expression Function, ImmutableArray<Expression> Arguments, ImmutableArray<KeywordArgument> Keywords, SourceSpan Span) : Expression(Span);

/// <summary><c>name=value</c> in a call (CPython's <c>ast.keyword</c>).</summary>
public sealed record KeywordArgument(string Name, Expression Value, SourceSpan Span) : Node(Span);

/// <summary><c>body if test else orElse</c> (CPython's <c>ast.IfExp</c>).</summary>
public sealed record ConditionalExpression(Expression Test, Expression Body, Expression OrElse, SourceSpan Span) : Expression(Span);

/// <summary><c>lambda params: body</c> (CPython's <c>ast.Lambda</c>).</summary>
public sealed record LambdaExpression(ImmutableArray<Parameter> Parameters, Expression Body, SourceSpan Span) : Expression(Span);

/// <summary>
/// A positional-or-keyword parameter of a <c>def</c> or <c>lambda</c>. Defaults are evaluated
/// once, when the function is defined; once one parameter has a default, all later ones do.
/// </summary>
public sealed record Parameter(string Name, Expression? Default, SourceSpan Span) : Node(Span);

/// <summary>A tuple display, with or without parentheses; <c>()</c> has no elements.</summary>
public sealed record TupleExpression(ImmutableArray<Expression> Elements, ExpressionContext Context, SourceSpan Span) : Expression(Span);

/// <summary>A list display <c>[a, b]</c>.</summary>
public sealed record ListExpression(ImmutableArray<Expression> Elements, ExpressionContext Context, SourceSpan Span) : Expression(Span);

/// <summary>A set display <c>{a, b}</c> (never empty: <c>{}</c> is a dict).</summary>
public sealed record SetExpression(ImmutableArray<Expression> Elements, SourceSpan Span) : Expression(Span);

/// <summary>A dict display; <paramref name="Keys"/>[i] maps to <paramref name="Values"/>[i], in source order.</summary>
public sealed record DictExpression(ImmutableArray<Expression> Keys, ImmutableArray<Expression> Values, SourceSpan Span) : Expression(Span);

/// <summary>
/// One <c>for target in iterable if c1 if c2</c> clause of a comprehension (CPython's
/// <c>ast.comprehension</c>). The first clause's iterable is evaluated in the enclosing scope;
/// the rest run inside the comprehension's own function scope.
/// </summary>
public sealed record ComprehensionClause(Expression Target, Expression Iterable, ImmutableArray<Expression> Conditions, SourceSpan Span) : Node(Span);

/// <summary><c>[element for …]</c></summary>
public sealed record ListComprehension(Expression Element, ImmutableArray<ComprehensionClause> Generators, SourceSpan Span) : Expression(Span);

/// <summary><c>{element for …}</c></summary>
public sealed record SetComprehension(Expression Element, ImmutableArray<ComprehensionClause> Generators, SourceSpan Span) : Expression(Span);

/// <summary><c>{key: value for …}</c></summary>
public sealed record DictComprehension(Expression Key, Expression Value, ImmutableArray<ComprehensionClause> Generators, SourceSpan Span) : Expression(Span);

/// <summary><c>(element for …)</c>, parenthesised or as the sole argument of a call.</summary>
public sealed record GeneratorExpression(Expression Element, ImmutableArray<ComprehensionClause> Generators, SourceSpan Span) : Expression(Span);

/// <summary>
/// An f-string, or an implicit concatenation that contains one (CPython's <c>ast.JoinedStr</c>).
/// <paramref name="Values"/> alternates <see cref="StrConstant"/> literal parts (adjacent ones
/// merged, empty ones dropped) and <see cref="FormattedValueExpression"/> fields. <c>f""</c>
/// has no values. Also used for a field's format spec.
/// </summary>
public sealed record JoinedStrExpression(ImmutableArray<Expression> Values, SourceSpan Span) : Expression(Span);

/// <summary>
/// A replacement field <c>{value!conversion:spec}</c> (CPython's <c>ast.FormattedValue</c>).
/// <paramref name="FormatSpec"/> is null when there is no <c>:</c>, and an empty JoinedStr for
/// <c>{x:}</c>. A self-documenting <c>{x=}</c> becomes the literal "x=" followed by this node
/// with <see cref="FormatConversion.Repr"/> unless a conversion or spec was given.
/// </summary>
public sealed record FormattedValueExpression(Expression Value, FormatConversion Conversion, JoinedStrExpression? FormatSpec, SourceSpan Span) : Expression(Span);
