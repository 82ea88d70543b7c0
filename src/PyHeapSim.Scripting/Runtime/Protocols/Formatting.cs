using System.Globalization;
using System.Numerics;
using System.Text;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Builtins;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// <c>repr</c>, <c>str</c> and <c>format</c> (<c>Objects/object.c</c> <c>PyObject_Repr</c>/<c>PyObject_Str</c>,
/// each type's <c>tp_repr</c>, <c>Python/formatter_unicode.c</c>). Text is built host-side: the
/// intermediate str objects CPython makes while printing are transient and never observable here.
/// <c>Repr</c>, <c>Str</c> and their object forms begin, as <c>PyObject_Repr</c>/<c>PyObject_Str</c> do, with
/// <see cref="CheckSignals"/>.
/// </summary>
public sealed partial class Interpreter
{

    internal partial string Repr(int o)
    {
        CheckSignals();
        switch (Kind(o))
        {
            case TypeKind.None: return "None";
            case TypeKind.Bool: return T.Scalar(o) != 0 ? "True" : "False";
            case TypeKind.Int: return IntType.Value(Heap, o).ToString(CultureInfo.InvariantCulture);
            case TypeKind.Float: return PyFormat.FloatRepr(FloatType.Value(Heap, o));
            case TypeKind.Str: return PyFormat.StrRepr(StrType.Value(Heap, o));
            case TypeKind.Bytes: return PyFormat.BytesRepr(BytesType.Value(Heap, o));
            case TypeKind.Tuple: return ReprTuple(o);
            case TypeKind.List: return ReprSequence(o, "[", "]", "[...]", ListType.Items(Heap, o).ToArray());
            case TypeKind.Dict: return ReprDict(o);
            case TypeKind.Set: return ReprSet(o, "set");
            case TypeKind.FrozenSet: return ReprSet(o, "frozenset");
            case TypeKind.Type: return ReprType(o);
            case TypeKind.WeakRef: return ReprWeakRef(o);
            case TypeKind.Object: return DefaultRepr(o);
            case TypeKind.Instance: return ReprInstance(o);
            default: return ReprGeneric(o);
        }
    }

    internal partial string Str(int o)
    {
        CheckSignals();
        switch (Kind(o))
        {
            case TypeKind.Str:
                return StrType.Value(Heap, o);
            case TypeKind.Instance:
            {
                int method = LookupSpecial(o, "__str__");
                if (method != 0) return CallTextMethod(method, o, "__str__");
                if (IsException(o)) return ExceptionStr(o);
                return Repr(o);
            }
            default:
                return Repr(o);
        }
    }

    /// <summary><c>PyObject_Str</c> as an object: a new reference. An int's text is always a new str
    /// (<c>long_to_decimal_string</c> bypasses the one-character cache); other texts go through <see cref="NewStr"/>.</summary>
    internal int StrObject(int o)
    {
        CheckSignals();
        return Kind(o) switch
        {
            TypeKind.Str => NewRef(o),
            TypeKind.Int => IntType.ToDecimalStr(Heap, o),
            TypeKind.Float => FloatReprObject(o),
            TypeKind.List or TypeKind.Tuple or TypeKind.Dict => ContainerReprObject(o),
            _ => NewStr(Str(o)),
        };
    }

    /// <summary>
    /// <c>float_repr</c>: <c>PyOS_double_to_string</c> formats into a <c>PyMem_Malloc</c>'ed char buffer, which is
    /// still alive while the str is made from it (a tracemalloc peak across <c>str(2.5)</c> is 5 bytes higher).
    /// </summary>
    private int FloatReprObject(int o)
    {
        string text = PyFormat.FloatRepr(FloatType.Value(Heap, o));
        int bytes = DoubleToStringBufferBytes(text);
        long buffer = Heap.Memory.Malloc(bytes);
        int s = NewStr(text);
        Heap.Memory.Free(buffer, bytes);
        return s;
    }

    /// <summary>
    /// <c>PyObject_Format(v, spec)</c> as an object (a new reference): an exact str with an empty spec is itself,
    /// an exact int with an empty spec is <c>PyObject_Str</c>; anything else goes through
    /// <c>type(v).__format__</c>, bound to v for the call (<c>_PyObject_LookupSpecial</c>), and
    /// <c>float.__format__</c> with an empty spec returns <c>str(v)</c> itself (a readonly writer).
    /// </summary>
    internal int FormatObject(int v, string spec)
    {
        TypeKind kind = Kind(v);
        if (spec.Length == 0 && kind == TypeKind.Str) return NewRef(v);
        if (spec.Length == 0 && kind == TypeKind.Int) return StrObject(v);
        if (kind == TypeKind.Instance) return NewStr(Format(v, spec));
        int method = NewBuiltinFunction("__format__", static (i, _, _) => i.NewNone(), v);
        try
        {
            if (kind != TypeKind.Float) return NewStr(Format(v, spec));
            if (spec.Length == 0) return StrObject(v);
            string text = FormatFloat(v, spec, out long buffer, out int bytes);
            int result = NewStr(text);
            Heap.Memory.Free(buffer, bytes);
            return result;
        }
        finally
        {
            DecRef(method);
        }
    }

    /// <summary>
    /// A float formatted with a spec (<c>format_float_internal</c>): the text, and <c>PyOS_double_to_string</c>'s
    /// char buffer for it, allocated here; the caller frees it (<paramref name="bufferBytes"/>) once the result
    /// exists. Padding, grouping and the percent sign are added around the buffer's digits, not in it.
    /// </summary>
    internal string FormatFloat(int value, string spec, out long buffer, out int bufferBytes)
    {
        string text = Format(value, spec);
        bufferBytes = DoubleToStringBufferBytes(text.Trim());
        buffer = Heap.Memory.Malloc(bufferBytes);
        return text;
    }

    /// <summary>
    /// <c>format_float_short</c>'s buffer for a number it printed as <paramref name="text"/>: sign, decimal point
    /// and NUL, every digit written (zero padding included), and 5 for an exponent ("e+100"); 5 for inf and nan.
    /// </summary>
    internal static int DoubleToStringBufferBytes(string text)
    {
        int digits = 0;
        bool exponent = false;
        foreach (char c in text)
        {
            if (c is 'e' or 'E')
            {
                exponent = true;
                break;
            }
            if (c is >= '0' and <= '9') digits++;
        }
        if (digits == 0) return 5; // inf, nan
        return 3 + digits + (exponent ? 5 : 0);
    }

    /// <summary><c>PyObject_Repr</c> as an object: a new reference (an int's text is a new str, as for <see cref="StrObject"/>).</summary>
    internal int ReprObject(int o)
    {
        CheckSignals();
        return Kind(o) switch
        {
            TypeKind.Int => IntType.ToDecimalStr(Heap, o),
            TypeKind.Float => FloatReprObject(o),
            TypeKind.List or TypeKind.Tuple or TypeKind.Dict => ContainerReprObject(o),
            _ => NewStr(Repr(o)),
        };
    }

    internal partial string Format(int value, string spec)
    {
        if (Kind(value) == TypeKind.Instance)
        {
            int method = LookupSpecial(value, "__format__");
            if (method != 0)
            {
                int s = NewStr(spec);
                try
                {
                    int r = CallMethod(method, value, [s]);
                    try
                    {
                        if (Kind(r) != TypeKind.Str) Raise("TypeError", $"__format__ must return a str, not {TypeName(r)}");
                        return StrType.Value(Heap, r);
                    }
                    finally
                    {
                        DecRef(r);
                    }
                }
                finally
                {
                    DecRef(s);
                    DecRef(method);
                }
            }
        }
        if (spec.Length == 0) return Str(value);
        switch (Kind(value))
        {
            case TypeKind.Int:
            case TypeKind.Bool:
                return PyFormat.FormatInt(this, IntType.Value(Heap, value), spec);
            case TypeKind.Float:
                return PyFormat.FormatFloat(this, FloatType.Value(Heap, value), spec);
            case TypeKind.Str:
                return PyFormat.FormatStr(this, StrType.Value(Heap, value), spec);
            default:
                throw Raise("TypeError", $"unsupported format string passed to {TypeName(value)}.__format__");
        }
    }

    /// <summary>The simulated address as CPython's <c>%p</c> prints it.</summary>
    internal string AddressText(int o) => "0x" + T.Address(o).ToString("x", CultureInfo.InvariantCulture);

    /// <summary><c>object.__repr__</c>: <c>&lt;module.Name object at 0x…&gt;</c>.</summary>
    internal string DefaultRepr(int o) => $"<{QualifiedTypeName(T.TypeOf(o))} object at {AddressText(o)}>";

    /// <summary><c>type.__module__ + '.' + __qualname__</c>, with the module omitted for builtins.</summary>
    internal string QualifiedTypeName(int type)
    {
        TypeInfo ti = T.TypeInfoOfType(type);
        return ti.IsHeapType ? "__main__." + ti.Name : ti.Name;
    }

    /// <summary><c>type.__name__</c>: the part of <c>tp_name</c> after the last dot.</summary>
    internal static string ShortTypeName(TypeInfo ti)
    {
        int dot = ti.Name.LastIndexOf('.');
        return dot < 0 ? ti.Name : ti.Name[(dot + 1)..];
    }

    private string ReprType(int o) => $"<class '{QualifiedTypeName(o)}'>";

    private string ReprWeakRef(int o)
    {
        int target = WeakRefType.Referent(Heap, o);
        if (target == 0) return $"<weakref at {AddressText(o)}; dead>";
        return $"<weakref at {AddressText(o)}; to '{QualifiedTypeName(T.TypeOf(target))}' at {AddressText(target)}>";
    }

    private string ReprTuple(int o)
    {
        int[] items = TupleType.Items(Heap, o);
        if (items.Length == 1)
        {
            if (!ReprEnter(o)) return "(...)";
            try
            {
                return "(" + Repr(items[0]) + ",)";
            }
            finally
            {
                ReprLeave(o);
            }
        }
        return ReprSequence(o, "(", ")", "(...)", items);
    }

    private string ReprSequence(int o, string open, string close, string recursive, int[] items)
    {
        if (items.Length == 0) return open + close;
        if (!ReprEnter(o)) return recursive;
        var sb = new StringBuilder(open);
        try
        {
            // Items are held while their repr runs (list_repr takes no reference in ≤3.11, but a
            // __repr__ that mutates the list is out of the subset).
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Repr(items[i]));
            }
        }
        finally
        {
            ReprLeave(o);
        }
        return sb.Append(close).ToString();
    }

    private string ReprDict(int o)
    {
        // dict_repr enters before its empty shortcut.
        if (!ReprEnter(o)) return "{...}";
        if (DictType.Count(Heap, o) == 0)
        {
            ReprLeave(o);
            return "{}";
        }
        var sb = new StringBuilder("{");
        try
        {
            bool first = true;
            foreach ((int k, int v) in DictType.Entries(Heap, o))
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(Repr(k)).Append(": ").Append(Repr(v));
            }
        }
        finally
        {
            ReprLeave(o);
        }
        return sb.Append('}').ToString();
    }

    /// <summary>
    /// <c>set_repr</c>: enters before its empty shortcut, then reprs a list of the members
    /// (<c>PySequence_List</c>: a GC object each time) and drops that list's brackets.
    /// </summary>
    private string ReprSet(int o, string name)
    {
        if (!ReprEnter(o)) return name + "(...)";
        string body;
        try
        {
            if (SetType.Count(Heap, o) == 0) return name + "()";
            int keys = PyHeapSim.Scripting.Builtins.ListMethods.SequenceList(this, o);
            string listRepr;
            try
            {
                listRepr = Repr(keys);
            }
            finally
            {
                DecRef(keys);
            }
            body = "{" + listRepr[1..^1] + "}";
        }
        finally
        {
            ReprLeave(o);
        }
        return name == "set" ? body : name + "(" + body + ")";
    }

    private string ReprInstance(int o)
    {
        int method = LookupSpecial(o, "__repr__");
        if (method != 0) return CallTextMethod(method, o, "__repr__");
        if (IsException(o)) return ExceptionRepr(o);
        return DefaultRepr(o);
    }

    private string CallTextMethod(int method, int self, string name)
    {
        try
        {
            int r = CallMethod(method, self, []);
            try
            {
                if (Kind(r) != TypeKind.Str) Raise("TypeError", $"{name} returned non-string (type {TypeName(r)})");
                return StrType.Value(Heap, r);
            }
            finally
            {
                DecRef(r);
            }
        }
        finally
        {
            DecRef(method);
        }
    }

    /// <summary>True for instances of <c>BaseException</c> and its subclasses.</summary>
    internal bool IsException(int o) =>
        Kind(o) == TypeKind.Instance && Exceptions.IsSubclass(this, T.TypeOf(o), Types.ExceptionType("BaseException"));

    // BaseException_str: '' for no args, str(arg) for one, str(args) otherwise; KeyError uses repr of its one arg.
    private string ExceptionStr(int o)
    {
        int args = Exceptions.Args(this, o);
        if (args == 0 || Kind(args) != TypeKind.Tuple) return "";
        int[] items = TupleType.Items(Heap, args);
        if (items.Length == 0) return "";
        if (items.Length == 1)
        {
            bool keyError = Exceptions.IsSubclass(this, T.TypeOf(o), Types.ExceptionType("KeyError"));
            return keyError ? Repr(items[0]) : Str(items[0]);
        }
        return Repr(args);
    }

    // BaseException_repr: Name(args…); one argument prints without the trailing comma.
    private string ExceptionRepr(int o)
    {
        string name = ShortTypeName(T.TypeInfoOf(o));
        int args = Exceptions.Args(this, o);
        if (args == 0 || Kind(args) != TypeKind.Tuple) return name + "()";
        int[] items = TupleType.Items(Heap, args);
        if (items.Length == 1) return name + "(" + Repr(items[0]) + ")";
        return name + Repr(args);
    }

    private string ReprGeneric(int o)
    {
        int type = T.TypeOf(o);
        GenericData data = GenericType.Data(Heap, o);
        if (type == Types.Range)
        {
            var r = (RangeInfo)data.Host!;
            return r.Step == 1 ? $"range({r.Start}, {r.Stop})" : $"range({r.Start}, {r.Stop}, {r.Step})";
        }
        if (type == Types.Slice)
        {
            return $"slice({Repr(data.Refs[0])}, {Repr(data.Refs[1])}, {Repr(data.Refs[2])})";
        }
        if (type == Types.BuiltinFunction && data.Host is NativeFunction nf)
        {
            if (data.Refs.Length > 0 && data.Refs[0] != 0 && Kind(data.Refs[0]) != TypeKind.Generic)
            {
                int self = data.Refs[0];
                return $"<built-in method {nf.Name} of {ShortTypeName(T.TypeInfoOf(self))} object at {AddressText(self)}>";
            }
            return $"<built-in function {nf.Name}>";
        }
        if (type == Types.Module && data.Host is ModuleInfo mi)
        {
            return $"<module '{mi.Name}' (built-in)>";
        }
        if (type == Heap.Types.Ellipsis) return "Ellipsis";
        if (type == Heap.Types.NotImplementedType) return "NotImplemented";
        if (data.Host is IHostRepr hr) return hr.Repr(this, o);
        return DefaultRepr(o);
    }
}

/// <summary>Lets a host payload (function, method, generator …) print its own CPython-style repr.</summary>
internal interface IHostRepr
{
    string Repr(Interpreter interp, int self);
}

/// <summary>Text formatting rules shared by <c>repr</c>, <c>str</c> and <c>format</c>.</summary>
internal static class PyFormat
{
    /// <summary>
    /// <c>float_repr</c> (<c>PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0)</c>): the shortest digits
    /// that round-trip; exponent form when the decimal point position is below -3 or above 16.
    /// </summary>
    public static string FloatRepr(double v)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsPositiveInfinity(v)) return "inf";
        if (double.IsNegativeInfinity(v)) return "-inf";
        if (v == 0) return double.IsNegative(v) ? "-0.0" : "0.0";
        (string digits, int decpt, bool negative) = ShortestDigits(v);
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (decpt <= -4 || decpt > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            int exp = decpt - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
            return sb.ToString();
        }
        if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }
        return sb.ToString();
    }

    /// <summary>Shortest round-trip decimal digits of |v| and the decimal point position (value = 0.DIGITS × 10^decpt).</summary>
    public static (string Digits, int DecPt, bool Negative) ShortestDigits(double v)
    {
        // .NET's "R" is the shortest round-trip form; take its digits and exponent.
        string shortest = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        string mantissa;
        int exp;
        int e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exp = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else
        {
            mantissa = shortest;
            exp = 0;
        }
        int dot = mantissa.IndexOf('.');
        string intPart = dot < 0 ? mantissa : mantissa[..dot];
        string frac = dot < 0 ? "" : mantissa[(dot + 1)..];
        string all = intPart + frac;
        int decpt = intPart.Length + exp;
        int lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
            decpt--;
        }
        all = all[lead..].TrimEnd('0');
        if (all.Length == 0) all = "0";
        return (all, decpt, double.IsNegative(v));
    }

    /// <summary><c>unicode_repr</c>: single quotes unless the text has one and no double quote.</summary>
    public static string StrRepr(string s)
    {
        char quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            if (cp == quote || cp == '\\') sb.Append('\\').Append((char)cp);
            else if (cp == '\t') sb.Append("\\t");
            else if (cp == '\n') sb.Append("\\n");
            else if (cp == '\r') sb.Append("\\r");
            else if (cp < 0x20 || cp == 0x7f) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            else if (cp < 0x7f) sb.Append((char)cp);
            else if (IsPrintable(cp)) sb.Append(char.ConvertFromUtf32(cp));
            else if (cp <= 0xff) sb.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
            else if (cp <= 0xffff) sb.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
        }
        sb.Append(quote);
        return sb.ToString();
    }

    // Py_UNICODE_ISPRINTABLE: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (except the space).
    private static bool IsPrintable(int cp)
    {
        if (cp is >= 0xD800 and <= 0xDFFF) return false;
        UnicodeCategory c = CharUnicodeInfo.GetUnicodeCategory(cp);
        return c switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
            UnicodeCategory.SpaceSeparator => cp == ' ',
            _ => true,
        };
    }

    /// <summary><c>bytes_repr</c>.</summary>
    public static string BytesRepr(byte[] b)
    {
        char quote = Array.IndexOf(b, (byte)'\'') >= 0 && Array.IndexOf(b, (byte)'"') < 0 ? '"' : '\'';
        var sb = new StringBuilder("b");
        sb.Append(quote);
        foreach (byte x in b)
        {
            if (x == quote || x == '\\') sb.Append('\\').Append((char)x);
            else if (x == '\t') sb.Append("\\t");
            else if (x == '\n') sb.Append("\\n");
            else if (x == '\r') sb.Append("\\r");
            else if (x < 0x20 || x >= 0x7f) sb.Append("\\x").Append(x.ToString("x2", CultureInfo.InvariantCulture));
            else sb.Append((char)x);
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>A parsed format spec: <c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>.</summary>
    private sealed record Spec(char Fill, char Align, char Sign, bool Alternate, int Width, char Grouping, int Precision, char Type);

    private static Spec Parse(Interpreter interp, string s, char defaultAlign)
    {
        int i = 0;
        char fill = ' ', align = '\0';
        if (s.Length >= 2 && s[1] is '<' or '>' or '^' or '=')
        {
            fill = s[0];
            align = s[1];
            i = 2;
        }
        else if (s.Length >= 1 && s[0] is '<' or '>' or '^' or '=')
        {
            align = s[0];
            i = 1;
        }
        char sign = '\0';
        if (i < s.Length && s[i] is '+' or '-' or ' ') sign = s[i++];
        if (i < s.Length && s[i] == 'z') i++;
        bool alt = false;
        if (i < s.Length && s[i] == '#')
        {
            alt = true;
            i++;
        }
        if (i < s.Length && s[i] == '0')
        {
            if (align == '\0')
            {
                fill = '0';
                align = '=';
            }
            i++;
        }
        int width = -1;
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i > start) width = int.Parse(s[start..i], CultureInfo.InvariantCulture);
        else if (start > 0 && s[start - 1] == '0' && fill == '0') width = -1;
        char grouping = '\0';
        if (i < s.Length && s[i] is ',' or '_') grouping = s[i++];
        int precision = -1;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) interp.Raise("ValueError", "Format specifier missing precision");
            precision = int.Parse(s[start..i], CultureInfo.InvariantCulture);
        }
        char type = '\0';
        if (i < s.Length) type = s[i++];
        if (i < s.Length) interp.Raise("ValueError", "Invalid format specifier");
        return new Spec(fill, align == '\0' ? defaultAlign : align, sign, alt, width, grouping, precision, type);
    }

    private static string Pad(string sign, string body, Spec spec)
    {
        int len = sign.Length + body.Length;
        if (spec.Width <= len) return sign + body;
        int pad = spec.Width - len;
        string fill(int n) => new(spec.Fill, n);
        return spec.Align switch
        {
            '<' => sign + body + fill(pad),
            '^' => fill(pad / 2) + sign + body + fill(pad - pad / 2),
            '=' => sign + fill(pad) + body,
            _ => fill(pad) + sign + body,
        };
    }

    private static string Group(string digits, char sep, int every = 3)
    {
        if (sep == '\0') return digits;
        var sb = new StringBuilder();
        int first = digits.Length % every;
        if (first == 0) first = every;
        sb.Append(digits, 0, Math.Min(first, digits.Length));
        for (int i = first; i < digits.Length; i += every) sb.Append(sep).Append(digits, i, every);
        return sb.ToString();
    }

    private static string SignText(bool negative, char sign) => negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";

    public static string FormatInt(Interpreter interp, BigInteger v, string specText)
    {
        Spec spec = Parse(interp, specText, '>');
        if (spec.Type is 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%')
        {
            return FormatFloat(interp, (double)v, specText);
        }
        if (spec.Precision >= 0) interp.Raise("ValueError", "Precision not allowed in integer format specifier");
        BigInteger a = BigInteger.Abs(v);
        string body = spec.Type switch
        {
            '\0' or 'd' or 'n' => Group(a.ToString(CultureInfo.InvariantCulture), spec.Grouping),
            'x' => (spec.Alternate ? "0x" : "") + Group(ToBase(a, 16), spec.Grouping, 4),
            'X' => (spec.Alternate ? "0X" : "") + Group(ToBase(a, 16).ToUpperInvariant(), spec.Grouping, 4),
            'o' => (spec.Alternate ? "0o" : "") + Group(ToBase(a, 8), spec.Grouping, 4),
            'b' => (spec.Alternate ? "0b" : "") + Group(ToBase(a, 2), spec.Grouping, 4),
            'c' => char.ConvertFromUtf32((int)v),
            _ => throw interp.Raise("ValueError", $"Unknown format code '{spec.Type}' for object of type 'int'"),
        };
        return Pad(SignText(v.Sign < 0, spec.Sign), body, spec);
    }

    /// <summary>Digits of a non-negative integer in base 2, 8 or 16 (lowercase).</summary>
    public static string ToBase(BigInteger a, int radix)
    {
        if (a.IsZero) return "0";
        var sb = new StringBuilder();
        while (!a.IsZero)
        {
            int d = (int)(a % radix);
            sb.Insert(0, "0123456789abcdef"[d]);
            a /= radix;
        }
        return sb.ToString();
    }

    public static string FormatFloat(Interpreter interp, double v, string specText)
    {
        Spec spec = Parse(interp, specText, '>');
        bool negative = double.IsNegative(v) && !double.IsNaN(v);
        double a = Math.Abs(v);
        string body;
        char type = spec.Type;
        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            body = double.IsNaN(v) ? "nan" : "inf";
            if (type is 'E' or 'F' or 'G') body = body.ToUpperInvariant();
            if (type == '%') body += "%";
            return Pad(SignText(negative, spec.Sign), body, spec);
        }
        int prec = spec.Precision;
        switch (type)
        {
            case 'f':
            case 'F':
                body = Fixed(a, prec < 0 ? 6 : prec);
                break;
            case '%':
                body = Fixed(a * 100, prec < 0 ? 6 : prec) + "%";
                break;
            case 'e':
            case 'E':
                body = Exponent(a, prec < 0 ? 6 : prec, type);
                break;
            case 'g':
            case 'G':
            case 'n':
                body = General(a, prec < 0 ? 6 : prec == 0 ? 1 : prec, spec.Alternate, type == 'G' ? 'E' : 'e');
                break;
            case '\0':
                if (prec < 0)
                {
                    body = FloatRepr(a);
                }
                else
                {
                    body = General(a, prec == 0 ? 1 : prec, spec.Alternate, 'e');
                    if (!body.Contains('.') && !body.Contains('e')) body += ".0";
                }
                break;
            default:
                throw interp.Raise("ValueError", $"Unknown format code '{type}' for object of type 'float'");
        }
        if (spec.Grouping != '\0')
        {
            int end = body.IndexOfAny(['.', 'e', 'E', '%']);
            string intPart = end < 0 ? body : body[..end];
            body = Group(intPart, spec.Grouping) + (end < 0 ? "" : body[end..]);
        }
        return Pad(SignText(negative, spec.Sign), body, spec);
    }

    private static string Fixed(double a, int prec) => Builtins.ExactDecimal.Fixed(a, prec);

    private static string Exponent(double a, int prec, char e)
    {
        string s = a.ToString((e == 'E' ? "E" : "e") + prec, CultureInfo.InvariantCulture);
        // .NET writes e+006; Python writes e+06.
        int k = s.IndexOf(e);
        string mant = s[..k];
        int exp = int.Parse(s[(k + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return mant + e + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string General(double a, int prec, bool alternate, char e)
    {
        if (a == 0) return alternate ? "0." + new string('0', prec - 1) : "0";
        string es = Exponent(a, prec - 1, e);
        int exp = int.Parse(es[(es.IndexOf(e) + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string result;
        if (exp >= -4 && exp < prec)
        {
            result = Fixed(a, Math.Max(prec - 1 - exp, 0));
            if (!alternate && result.Contains('.')) result = result.TrimEnd('0').TrimEnd('.');
        }
        else
        {
            result = es;
            if (!alternate)
            {
                int k = result.IndexOf(e);
                string mant = result[..k];
                if (mant.Contains('.')) mant = mant.TrimEnd('0').TrimEnd('.');
                result = mant + result[k..];
            }
        }
        return result;
    }

    public static string FormatStr(Interpreter interp, string s, string specText)
    {
        Spec spec = Parse(interp, specText, '<');
        if (spec.Type is not ('\0' or 's')) interp.Raise("ValueError", $"Unknown format code '{spec.Type}' for object of type 'str'");
        if (spec.Sign != '\0') interp.Raise("ValueError", "Sign not allowed in string format specifier");
        if (spec.Align == '=') interp.Raise("ValueError", "'=' alignment not allowed in string format specifier");
        if (spec.Precision >= 0 && s.Length > spec.Precision) s = s[..spec.Precision];
        return Pad("", s, spec);
    }
}
