using System.Collections.Immutable;

namespace PyHeapSim.Scripting.Syntax.Ast;

/// <summary>An expression evaluated for its effect; the value is discarded (CPython's <c>ast.Expr</c>).</summary>
public sealed record ExpressionStatement(Expression Value, SourceSpan Span) : Statement(Span);

/// <summary>
/// <c>t1 = t2 = value</c> (CPython's <c>ast.Assign</c>): the value is evaluated once and bound to
/// each target left to right. Targets are <see cref="ExpressionContext.Store"/> names,
/// attributes, subscripts, or tuples/lists of those (unpacking).
/// </summary>
public sealed record AssignStatement(ImmutableArray<Expression> Targets, Expression Value, SourceSpan Span) : Statement(Span);

/// <summary><c>target op= value</c> (CPython's <c>ast.AugAssign</c>); the target is a name, attribute or subscript.</summary>
public sealed record AugAssignStatement(Expression Target, BinaryOperator Operator, Expression Value, SourceSpan Span) : Statement(Span);

/// <summary><c>del t1, t2</c>: targets in <see cref="ExpressionContext.Del"/>, deleted left to right.</summary>
public sealed record DeleteStatement(ImmutableArray<Expression> Targets, SourceSpan Span) : Statement(Span);

/// <summary><c>pass</c></summary>
public sealed record PassStatement(SourceSpan Span) : Statement(Span);

/// <summary><c>break</c>; the parser has checked it is inside a loop.</summary>
public sealed record BreakStatement(SourceSpan Span) : Statement(Span);

/// <summary><c>continue</c>; the parser has checked it is inside a loop.</summary>
public sealed record ContinueStatement(SourceSpan Span) : Statement(Span);

/// <summary><c>return [value]</c>; the parser has checked it is inside a function.</summary>
public sealed record ReturnStatement(Expression? Value, SourceSpan Span) : Statement(Span);

/// <summary><c>raise [exception [from cause]]</c>; both null for a bare re-raise.</summary>
public sealed record RaiseStatement(Expression? Exception, Expression? Cause, SourceSpan Span) : Statement(Span);

/// <summary><c>global a, b</c></summary>
public sealed record GlobalStatement(ImmutableArray<string> Names, SourceSpan Span) : Statement(Span);

/// <summary><c>nonlocal a, b</c>; the parser has checked it is not at module level.</summary>
public sealed record NonlocalStatement(ImmutableArray<string> Names, SourceSpan Span) : Statement(Span);

/// <summary><c>assert test[, message]</c></summary>
public sealed record AssertStatement(Expression Test, Expression? Message, SourceSpan Span) : Statement(Span);

/// <summary><c>import a.b as c, d</c></summary>
public sealed record ImportStatement(ImmutableArray<ImportAlias> Names, SourceSpan Span) : Statement(Span);

/// <summary>
/// <c>from module import names</c>. <paramref name="Level"/> counts leading dots (0 for an
/// absolute import); <paramref name="Module"/> is null for <c>from . import x</c>.
/// <c>from m import *</c> has one alias named "*".
/// </summary>
public sealed record ImportFromStatement(string? Module, ImmutableArray<ImportAlias> Names, int Level, SourceSpan Span) : Statement(Span);

/// <summary>
/// One imported name (CPython's <c>ast.alias</c>): <paramref name="Name"/> is dotted
/// ("os.path"); <paramref name="AsName"/> is null without <c>as</c>.
/// </summary>
public sealed record ImportAlias(string Name, string? AsName, SourceSpan Span) : Node(Span);

/// <summary>
/// <c>if</c>/<c>elif</c>/<c>else</c> (CPython's <c>ast.If</c>): an <c>elif</c> is an
/// IfStatement alone in the <paramref name="OrElse"/> of the one before it.
/// </summary>
public sealed record IfStatement(Expression Test, ImmutableArray<Statement> Body, ImmutableArray<Statement> OrElse, SourceSpan Span) : Statement(Span);

/// <summary>
/// <c>while test:</c>. <paramref name="OrElse"/> is the loop's <c>else</c> block (run when the
/// loop ends without <c>break</c>); empty when absent.
/// </summary>
public sealed record WhileStatement(Expression Test, ImmutableArray<Statement> Body, ImmutableArray<Statement> OrElse, SourceSpan Span) : Statement(Span);

/// <summary>
/// <c>for target in iterable:</c>. The target is in <see cref="ExpressionContext.Store"/>;
/// <c>for i, x in …</c> has a TupleExpression target. <paramref name="OrElse"/> as for <see cref="WhileStatement"/>.
/// </summary>
public sealed record ForStatement(Expression Target, Expression Iterable, ImmutableArray<Statement> Body, ImmutableArray<Statement> OrElse, SourceSpan Span) : Statement(Span);

/// <summary>
/// <c>try</c> (CPython's <c>ast.Try</c>): handlers in order (a bare <c>except:</c> only last),
/// an <c>else</c> block only when there are handlers, and an optional <c>finally</c> block.
/// At least one handler or a finally block is present.
/// </summary>
public sealed record TryStatement(ImmutableArray<Statement> Body, ImmutableArray<ExceptHandler> Handlers, ImmutableArray<Statement> OrElse, ImmutableArray<Statement> FinalBody, SourceSpan Span) : Statement(Span);

/// <summary><c>except [type [as name]]:</c>; <paramref name="Type"/> may be a tuple of classes.</summary>
public sealed record ExceptHandler(Expression? Type, string? Name, ImmutableArray<Statement> Body, SourceSpan Span) : Node(Span);

/// <summary>
/// <c>def name(params):</c> (CPython's <c>ast.FunctionDef</c>), with positional-or-keyword
/// parameters only. The span starts at <c>def</c>.
/// </summary>
public sealed record FunctionDefStatement(string Name, ImmutableArray<Parameter> Parameters, ImmutableArray<Statement> Body, SourceSpan Span) : Statement(Span);

/// <summary><c>class Name(bases):</c> (CPython's <c>ast.ClassDef</c>); <c>class A:</c> and <c>class A():</c> have no bases.</summary>
public sealed record ClassDefStatement(string Name, ImmutableArray<Expression> Bases, ImmutableArray<Statement> Body, SourceSpan Span) : Statement(Span);
