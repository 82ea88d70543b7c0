namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// A function implemented in C# (CPython's C functions: <c>len</c>, <c>list.append</c>, <c>gc.collect</c>…).
/// <paramref name="args"/> are borrowed (the caller owns them and releases them after the call, as
/// CPython's value stack does); the result is a new reference the caller owns. Raise Python errors with
/// <see cref="Interpreter.Raise(string, string)"/>.
/// </summary>
/// <param name="interp">The running interpreter (heap, output, services).</param>
/// <param name="args">Positional arguments, borrowed. For methods, <c>args[0]</c> is <c>self</c>.</param>
/// <param name="kwargs">Keyword arguments (borrowed values), or empty.</param>
public delegate int BuiltinFunction(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kwargs);

/// <summary>Keyword arguments of a call: parallel arrays of names and borrowed value slots.</summary>
public readonly struct KeywordArguments
{
    private readonly string[]? _names;
    private readonly int[]? _values;

    internal KeywordArguments(string[] names, int[] values)
    {
        _names = names;
        _values = values;
    }

    /// <summary>No keyword arguments.</summary>
    public static KeywordArguments None => default;

    /// <summary>Number of keyword arguments.</summary>
    public int Count => _names?.Length ?? 0;

    /// <summary>Name of keyword <paramref name="i"/>.</summary>
    public string Name(int i) => _names![i];

    /// <summary>Value slot (borrowed) of keyword <paramref name="i"/>.</summary>
    public int Value(int i) => _values![i];

    /// <summary>The value slot for <paramref name="name"/>, or 0.</summary>
    public int Get(string name)
    {
        for (int i = 0; i < Count; i++) if (_names![i] == name) return _values![i];
        return 0;
    }
}
