namespace PyHeapSim.Scripting.Syntax.Ast;

/// <summary>Binary arithmetic and bitwise operators (CPython's <c>ast.operator</c>); also used by augmented assignment.</summary>
public enum BinaryOperator
{
    /// <summary><c>+</c></summary>
    Add,

    /// <summary><c>-</c></summary>
    Sub,

    /// <summary><c>*</c></summary>
    Mult,

    /// <summary><c>@</c></summary>
    MatMult,

    /// <summary><c>/</c></summary>
    Div,

    /// <summary><c>//</c></summary>
    FloorDiv,

    /// <summary><c>%</c></summary>
    Mod,

    /// <summary><c>**</c></summary>
    Pow,

    /// <summary><c>&lt;&lt;</c></summary>
    LShift,

    /// <summary><c>&gt;&gt;</c></summary>
    RShift,

    /// <summary><c>|</c></summary>
    BitOr,

    /// <summary><c>^</c></summary>
    BitXor,

    /// <summary><c>&amp;</c></summary>
    BitAnd,
}

/// <summary>Unary operators (CPython's <c>ast.unaryop</c>).</summary>
public enum UnaryOperator
{
    /// <summary><c>~</c></summary>
    Invert,

    /// <summary><c>not</c></summary>
    Not,

    /// <summary>Unary <c>+</c>.</summary>
    UAdd,

    /// <summary>Unary <c>-</c>.</summary>
    USub,
}

/// <summary>Short-circuit operators (CPython's <c>ast.boolop</c>).</summary>
public enum BooleanOperator
{
    /// <summary><c>and</c></summary>
    And,

    /// <summary><c>or</c></summary>
    Or,
}

/// <summary>Comparison operators (CPython's <c>ast.cmpop</c>).</summary>
public enum CompareOperator
{
    /// <summary><c>==</c></summary>
    Eq,

    /// <summary><c>!=</c></summary>
    NotEq,

    /// <summary><c>&lt;</c></summary>
    Lt,

    /// <summary><c>&lt;=</c></summary>
    LtE,

    /// <summary><c>&gt;</c></summary>
    Gt,

    /// <summary><c>&gt;=</c></summary>
    GtE,

    /// <summary><c>is</c></summary>
    Is,

    /// <summary><c>is not</c></summary>
    IsNot,

    /// <summary><c>in</c></summary>
    In,

    /// <summary><c>not in</c></summary>
    NotIn,
}

/// <summary>The conversion of an f-string replacement field (CPython's <c>FormattedValue.conversion</c>).</summary>
public enum FormatConversion
{
    /// <summary>No conversion (CPython's -1); the default.</summary>
    None = 0,

    /// <summary><c>!s</c></summary>
    Str,

    /// <summary><c>!r</c>; also implied by a self-documenting <c>{x=}</c> without a format spec.</summary>
    Repr,

    /// <summary><c>!a</c></summary>
    Ascii,
}

/// <summary>Python spellings of the operators, for messages such as "unsupported operand type(s) for +".</summary>
public static class OperatorSymbols
{
    /// <summary>The operator as written in Python, e.g. "//"; append "=" for the augmented form.</summary>
    public static string Symbol(this BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Sub => "-",
        BinaryOperator.Mult => "*",
        BinaryOperator.MatMult => "@",
        BinaryOperator.Div => "/",
        BinaryOperator.FloorDiv => "//",
        BinaryOperator.Mod => "%",
        BinaryOperator.Pow => "**",
        BinaryOperator.LShift => "<<",
        BinaryOperator.RShift => ">>",
        BinaryOperator.BitOr => "|",
        BinaryOperator.BitXor => "^",
        BinaryOperator.BitAnd => "&",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>The operator as written in Python; <see cref="UnaryOperator.Not"/> is "not".</summary>
    public static string Symbol(this UnaryOperator op) => op switch
    {
        UnaryOperator.Invert => "~",
        UnaryOperator.Not => "not",
        UnaryOperator.UAdd => "+",
        UnaryOperator.USub => "-",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary>The operator as written in Python: "and" or "or".</summary>
    public static string Symbol(this BooleanOperator op) => op == BooleanOperator.And ? "and" : "or";

    /// <summary>The operator as written in Python, e.g. "not in".</summary>
    public static string Symbol(this CompareOperator op) => op switch
    {
        CompareOperator.Eq => "==",
        CompareOperator.NotEq => "!=",
        CompareOperator.Lt => "<",
        CompareOperator.LtE => "<=",
        CompareOperator.Gt => ">",
        CompareOperator.GtE => ">=",
        CompareOperator.Is => "is",
        CompareOperator.IsNot => "is not",
        CompareOperator.In => "in",
        CompareOperator.NotIn => "not in",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
