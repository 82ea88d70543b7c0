using System.Collections.Immutable;
using System.Numerics;

namespace PyHeapSim.Scripting.Syntax.Ast;

/// <summary>
/// A literal constant (CPython's <c>ast.Constant</c>), split by type so a consumer switches on
/// the record type. Adjacent string literals are already concatenated (<c>"a" "b"</c> is one
/// <see cref="StrConstant"/>), as CPython's parser does; nothing else is folded.
/// </summary>
public abstract record ConstantExpression(SourceSpan Span) : Expression(Span);

/// <summary>An integer literal in any base, at arbitrary precision.</summary>
public sealed record IntConstant(BigInteger Value, SourceSpan Span) : ConstantExpression(Span)
{
    /// <summary>True when <see cref="Value"/> fits in a <see cref="long"/> (the fast path).</summary>
    public bool FitsInInt64 => Value >= long.MinValue && Value <= long.MaxValue;
}

/// <summary>A float literal, parsed with IEEE round-to-nearest like CPython (<c>1e400</c> is infinity).</summary>
public sealed record FloatConstant(double Value, SourceSpan Span) : ConstantExpression(Span);

/// <summary>
/// A str literal after escape processing. Code points above U+FFFF are surrogate pairs; a lone
/// surrogate written as an escape (<c>"\ud800"</c>) stays a lone UTF-16 unit.
/// </summary>
public sealed record StrConstant(string Value, SourceSpan Span) : ConstantExpression(Span);

/// <summary>A bytes literal after escape processing.</summary>
public sealed record BytesConstant(ImmutableArray<byte> Value, SourceSpan Span) : ConstantExpression(Span);

/// <summary><c>True</c> or <c>False</c>.</summary>
public sealed record BoolConstant(bool Value, SourceSpan Span) : ConstantExpression(Span);

/// <summary><c>None</c>.</summary>
public sealed record NoneConstant(SourceSpan Span) : ConstantExpression(Span);

/// <summary><c>...</c></summary>
public sealed record EllipsisConstant(SourceSpan Span) : ConstantExpression(Span);
