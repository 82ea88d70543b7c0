using System.Collections.Immutable;

namespace PyHeapSim.Scripting.Syntax.Ast;

/// <summary>
/// A node of the syntax tree the <see cref="Parser"/> builds: CPython's <c>ast</c> module, with
/// the same node structure and field meanings, in sealed records named <c>…Expression</c> and
/// <c>…Statement</c>.
/// </summary>
/// <remarks>
/// Trees are immutable. Record equality compares child lists (<see cref="System.Collections.Immutable.ImmutableArray{T}"/>)
/// by reference, not by content; compare trees through <see cref="AstPrinter.Print(Node)"/>.
/// Nothing is folded: <c>-1</c> is a unary minus applied to <c>1</c>, and <c>(1, 2)</c> a tuple
/// display of two constants, exactly as written.
/// </remarks>
/// <param name="Span">Where the node is. For a parenthesised tuple or generator expression the parentheses are included, as in CPython 3.8+.</param>
public abstract record Node(SourceSpan Span);

/// <summary>An expression (CPython's <c>ast.expr</c>).</summary>
public abstract record Expression(SourceSpan Span) : Node(Span);

/// <summary>A statement (CPython's <c>ast.stmt</c>).</summary>
public abstract record Statement(SourceSpan Span) : Node(Span);

/// <summary>A whole script (CPython's <c>ast.Module</c>); its span covers the file.</summary>
public sealed record ScriptModule(ImmutableArray<Statement> Body, SourceSpan Span) : Node(Span);

/// <summary>Whether an expression is read, bound or deleted (CPython's <c>Load</c>, <c>Store</c>, <c>Del</c>).</summary>
/// <remarks>
/// Set on names, attributes, subscripts, tuples and lists. Targets of assignment, augmented
/// assignment, <c>for</c> and comprehension clauses are <see cref="Store"/>; targets of
/// <c>del</c> are <see cref="Del"/>; everything else, including the default, is <see cref="Load"/>.
/// </remarks>
public enum ExpressionContext
{
    /// <summary>The value is read.</summary>
    Load = 0,

    /// <summary>The expression is bound (assigned to).</summary>
    Store,

    /// <summary>The expression is deleted.</summary>
    Del,
}
