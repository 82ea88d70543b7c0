using System.Numerics;

namespace PyHeapSim.Scripting.Compilation;

/// <summary>A compile-time constant, before or after folding (CPython's <c>ast_opt.c</c> works on these).</summary>
internal abstract record ConstantValue
{
    public sealed record Int(BigInteger Value) : ConstantValue;
    public sealed record Float(double Value) : ConstantValue;
    public sealed record Str(string Value) : ConstantValue;
    public sealed record Bytes(byte[] Value) : ConstantValue;
    public sealed record Tuple(ConstantValue[] Items) : ConstantValue;
    public sealed record Bool(bool Value) : ConstantValue;
    public sealed record NoneValue : ConstantValue;
    public sealed record EllipsisValue : ConstantValue;
}
