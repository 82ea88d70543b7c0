using System.Numerics;
using System.Text;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Compilation;

/// <summary>
/// The constants of one module compilation, merged across code objects by type and value (CPython's
/// <c>merge_consts_recursive</c>). The pool's own reference to each constant stands for the parser's
/// AST arena, which keeps one reference to a literal until the module has finished running
/// (cpython-facts §4.3); each code object's <c>co_consts</c> tuple adds its own.
/// </summary>
internal sealed class ConstantPool(Interpreter interp)
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _keyOf = new();
    private readonly List<int> _astRefs = [];

    /// <summary>The constant for <paramref name="key"/>, created by <paramref name="create"/> (a new reference) on first use.</summary>
    public int Get(string key, Func<int> create)
    {
        if (_byKey.TryGetValue(key, out int slot)) return slot;
        slot = create();
        _byKey[key] = slot;
        _keyOf.TryAdd(slot, key);
        _astRefs.Add(slot);
        return slot;
    }

    public int Int(BigInteger v) => Get("i:" + v.ToString(System.Globalization.CultureInfo.InvariantCulture), () => interp.NewInt(v));

    public int Float(double v) => Get("f:" + BitConverter.DoubleToInt64Bits(v), () => interp.NewFloat(v));

    /// <summary>
    /// A str constant; identifier-like strings are interned by the compiler (<c>intern_string_constants</c>;
    /// immortal in 3.12). When an equal string was interned before (a name, a start-up string), the
    /// constant is that string and the arena's reference stays on the parsed literal, which dies with it.
    /// </summary>
    public int Str(string s)
    {
        string key = "s:" + s;
        if (_byKey.TryGetValue(key, out int slot)) return slot;
        int literal = interp.NewStr(s);
        _astRefs.Add(literal);
        int constant = literal;
        if (IsIdentifierLike(s))
        {
            constant = interp.Heap.InternExisting(interp.NewRef(literal));
            // Our reference: the literal's second one, or one to an interned string that others keep alive.
            interp.DecRef(constant);
        }
        _byKey[key] = constant;
        _keyOf.TryAdd(constant, key);
        return constant;
    }

    public int Bytes(byte[] b) => Get("b:" + Convert.ToBase64String(b), () => BytesType.New(interp.Heap, b));

    public int Tuple(int[] items) => Get("t:" + KeyOf(items), () => interp.NewTuple(items));

    public int FrozenSet(int[] items) => Get("z:" + KeyOf(items), () =>
    {
        int s = SetType.New(interp.Heap, frozen: true);
        foreach (int x in items) SetType.Add(interp.Heap, s, x);
        return s;
    });

    private string KeyOf(int[] items)
    {
        var sb = new StringBuilder("(");
        foreach (int x in items)
        {
            sb.Append(_keyOf.TryGetValue(x, out string? k) ? k : "#" + x).Append(',');
        }
        return sb.Append(')').ToString();
    }

    /// <summary>Identifier-like (<c>all_name_chars</c>): only ASCII letters, digits and underscores.</summary>
    public static bool IsIdentifierLike(string s)
    {
        if (s.Length == 0) return false;
        foreach (char c in s)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')) return false;
        }
        return true;
    }

    /// <summary>Drops the AST arena's references (after the module ran, <c>pyrun_file</c> frees the arena).</summary>
    public void ReleaseAst()
    {
        foreach (int o in _astRefs) interp.DecRef(o);
        _astRefs.Clear();
        _byKey.Clear();
        _keyOf.Clear();
    }
}
