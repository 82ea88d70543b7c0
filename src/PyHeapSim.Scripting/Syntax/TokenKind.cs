namespace PyHeapSim.Scripting.Syntax;

/// <summary>
/// The kinds of token the <see cref="Lexer"/> produces: CPython's token types, with each
/// keyword given a kind of its own so the parser can switch on it.
/// </summary>
/// <remarks>
/// Soft keywords (<c>match</c>, <c>case</c>, <c>type</c>, <c>_</c>) are <see cref="Name"/>.
/// The default value, <see cref="EndOfFile"/>, is the last token of every stream.
/// </remarks>
public enum TokenKind
{
    /// <summary>End of input; always the last token.</summary>
    EndOfFile = 0,

    /// <summary>End of a logical line (CPython's NEWLINE). Not produced for blank or comment-only lines, nor inside brackets.</summary>
    NewLine,

    /// <summary>The indentation grew at the start of a logical line.</summary>
    Indent,

    /// <summary>The indentation went back one level; one token per level closed.</summary>
    Dedent,

    /// <summary>An identifier (NFKC-normalised, as CPython stores identifiers).</summary>
    Name,

    /// <summary>An integer literal in any base, with its underscores.</summary>
    Integer,

    /// <summary>A float literal (has a '.' or an exponent).</summary>
    Float,

    /// <summary>An imaginary literal (ends in 'j' or 'J').</summary>
    Imaginary,

    /// <summary>One string literal, prefix and quotes included; adjacent literals stay separate tokens.</summary>
    String,

    // Brackets and punctuation.
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Colon,
    Comma,
    Semicolon,
    Dot,
    Ellipsis,
    Arrow,
    At,
    Equal,
    ColonEqual,

    // Operators.
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    Tilde,
    Ampersand,
    VerticalBar,
    Circumflex,
    LeftShift,
    RightShift,
    EqualEqual,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,

    // Augmented assignment.
    PlusEqual,
    MinusEqual,
    StarEqual,
    DoubleStarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    AmpersandEqual,
    VerticalBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,

    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}
