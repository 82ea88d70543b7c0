namespace PyHeapSim.Scripting.Syntax;

/// <summary>Python's hard keywords (keyword.kwlist); soft keywords stay names.</summary>
internal static class Keywords
{
    /// <summary>The keyword's kind, or <see cref="TokenKind.Name"/> for any other identifier.</summary>
    /// <remarks>A string switch, not a frozen dictionary: the compiler turns it into length and character
    /// tests that are precompiled with the assembly, where <c>FrozenDictionary&lt;string, TokenKind&gt;</c>
    /// had to be JIT-compiled and analysed at every start (a few ms of each run's start-up).</remarks>
    public static TokenKind Lookup(string identifier) => identifier switch
    {
        "False" => TokenKind.False,
        "None" => TokenKind.None,
        "True" => TokenKind.True,
        "and" => TokenKind.And,
        "as" => TokenKind.As,
        "assert" => TokenKind.Assert,
        "async" => TokenKind.Async,
        "await" => TokenKind.Await,
        "break" => TokenKind.Break,
        "class" => TokenKind.Class,
        "continue" => TokenKind.Continue,
        "def" => TokenKind.Def,
        "del" => TokenKind.Del,
        "elif" => TokenKind.Elif,
        "else" => TokenKind.Else,
        "except" => TokenKind.Except,
        "finally" => TokenKind.Finally,
        "for" => TokenKind.For,
        "from" => TokenKind.From,
        "global" => TokenKind.Global,
        "if" => TokenKind.If,
        "import" => TokenKind.Import,
        "in" => TokenKind.In,
        "is" => TokenKind.Is,
        "lambda" => TokenKind.Lambda,
        "nonlocal" => TokenKind.Nonlocal,
        "not" => TokenKind.Not,
        "or" => TokenKind.Or,
        "pass" => TokenKind.Pass,
        "raise" => TokenKind.Raise,
        "return" => TokenKind.Return,
        "try" => TokenKind.Try,
        "while" => TokenKind.While,
        "with" => TokenKind.With,
        "yield" => TokenKind.Yield,
        _ => TokenKind.Name,
    };

    /// <summary>True for a token kind that is a keyword.</summary>
    public static bool IsKeyword(TokenKind kind) => kind >= TokenKind.False;
}
