using System.Text;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary><c>str</c> methods (<c>Objects/unicodeobject.c</c>); <c>args[0]</c> is the string.</summary>
internal static class StrMethods
{
    public static BuiltinFunction? Find(string name) => name switch
    {
        "join" => Join,
        "upper" => (i, a, k) => Map(i, a, s => s.ToUpperInvariant()),
        "lower" => (i, a, k) => Map(i, a, s => s.ToLowerInvariant()),
        "strip" => (i, a, k) => Strip(i, a, 0),
        "lstrip" => (i, a, k) => Strip(i, a, 1),
        "rstrip" => (i, a, k) => Strip(i, a, 2),
        "split" => Split,
        "format" => Format,
        "encode" => (i, a, k) => BytesType.New(i.Heap, Encoding.UTF8.GetBytes(Value(i, a[0]))),
        "startswith" => (i, a, k) => i.NewBool(Value(i, a[0]).StartsWith(BuiltinsModule.StrArg(i, a[1], "startswith"), StringComparison.Ordinal)),
        "endswith" => (i, a, k) => i.NewBool(Value(i, a[0]).EndsWith(BuiltinsModule.StrArg(i, a[1], "endswith"), StringComparison.Ordinal)),
        "replace" => (i, a, k) =>
        {
            BuiltinsModule.Arity(i, "replace", a, 3, 3);
            string s = Value(i, a[0]), old = BuiltinsModule.StrArg(i, a[1], "replace"), neu = BuiltinsModule.StrArg(i, a[2], "replace");
            if (old.Length == 0 || !s.Contains(old, StringComparison.Ordinal)) return i.NewRef(a[0]);
            return i.NewStr(s.Replace(old, neu, StringComparison.Ordinal));
        },
        "count" => (i, a, k) =>
        {
            string s = Value(i, a[0]), sub = BuiltinsModule.StrArg(i, a[1], "count");
            if (sub.Length == 0) return i.NewInt(StrType.Length(i.Heap, a[0]) + 1);
            int n = 0;
            for (int p = s.IndexOf(sub, StringComparison.Ordinal); p >= 0; p = s.IndexOf(sub, p + sub.Length, StringComparison.Ordinal)) n++;
            return i.NewInt(n);
        },
        "find" => (i, a, k) => i.NewInt(Value(i, a[0]).IndexOf(BuiltinsModule.StrArg(i, a[1], "find"), StringComparison.Ordinal)),
        "isdigit" => (i, a, k) => i.NewBool(Value(i, a[0]).Length > 0 && Value(i, a[0]).All(char.IsDigit)),
        "isalpha" => (i, a, k) => i.NewBool(Value(i, a[0]).Length > 0 && Value(i, a[0]).All(char.IsLetter)),
        _ => null,
    };

    private static string Value(Interpreter interp, int o) => StrType.Value(interp.Heap, o);

    private static char[] Chars(Interpreter interp, int o) => o == interp.None ? [' ', '\t', '\n', '\r', '\v', '\f'] : BuiltinsModule.StrArg(interp, o, "strip").ToCharArray();

    private static int Strip(Interpreter interp, ReadOnlySpan<int> args, int side)
    {
        char[] chars = args.Length > 1 ? Chars(interp, args[1]) : [' ', '\t', '\n', '\r', '\v', '\f'];
        return Map(interp, args, s => side == 0 ? s.Trim(chars) : side == 1 ? s.TrimStart(chars) : s.TrimEnd(chars));
    }

    // A method returning the same string object when nothing changes (CPython returns self for exact str).
    private static int Map(Interpreter interp, ReadOnlySpan<int> args, Func<string, string> f)
    {
        string s = Value(interp, args[0]);
        string r = f(s);
        return r == s && StrType.Length(interp.Heap, args[0]) > 0 && interp.Kind(args[0]) == TypeKind.Str ? interp.NewRef(args[0]) : interp.NewStr(r);
    }

    private static int Join(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length != 2) throw BuiltinsModule.ExactlyOne(interp, "str", "join", args.Length - 1);
        // PyUnicode_Join takes PySequence_Fast(iterable): a list or tuple as it is, anything else copied into a
        // new list (PySequence_List), held until the result string exists.
        int seq = interp.Kind(args[1]) is TypeKind.List or TypeKind.Tuple ? 0 : ListMethods.SequenceList(interp, args[1]);
        List<int> items;
        try
        {
            items = interp.Collect(seq == 0 ? args[1] : seq);
        }
        catch
        {
            interp.XDecRef(seq);
            throw;
        }
        try
        {
            // PyUnicode_Join: a one-item sequence of an exact str returns that str.
            if (items.Count == 1 && interp.Kind(items[0]) == TypeKind.Str) return interp.NewRef(items[0]);
            var sb = new StringBuilder();
            string sep = Value(interp, args[0]);
            for (int n = 0; n < items.Count; n++)
            {
                if (interp.Kind(items[n]) != TypeKind.Str)
                {
                    interp.Raise("TypeError", $"sequence item {n}: expected str instance, {interp.TypeName(items[n])} found");
                }
                if (n > 0) sb.Append(sep);
                sb.Append(Value(interp, items[n]));
            }
            return interp.NewStr(sb.ToString());
        }
        finally
        {
            interp.DecRefAll(items);
            interp.XDecRef(seq);
        }
    }

    private static int Split(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "split", args, 1, 3);
        string s = Value(interp, args[0]);
        int sepObj = args.Length > 1 ? args[1] : kw.Get("sep");
        int maxObj = args.Length > 2 ? args[2] : kw.Get("maxsplit");
        long max = maxObj == 0 ? -1 : BuiltinsModule.IntArg(interp, maxObj);
        var parts = new List<string>();
        if (sepObj == 0 || sepObj == interp.None)
        {
            int p = 0;
            while (true)
            {
                while (p < s.Length && char.IsWhiteSpace(s[p])) p++;
                if (p >= s.Length) break;
                if (max >= 0 && parts.Count == max)
                {
                    parts.Add(s[p..].TrimEnd());
                    break;
                }
                int e = p;
                while (e < s.Length && !char.IsWhiteSpace(s[e])) e++;
                parts.Add(s[p..e]);
                p = e;
            }
        }
        else
        {
            string sep = BuiltinsModule.StrArg(interp, sepObj, "split");
            if (sep.Length == 0) interp.Raise("ValueError", "empty separator");
            int p = 0;
            while (true)
            {
                int e = max >= 0 && parts.Count == max ? -1 : s.IndexOf(sep, p, StringComparison.Ordinal);
                if (e < 0)
                {
                    parts.Add(s[p..]);
                    break;
                }
                parts.Add(s[p..e]);
                p = e + sep.Length;
            }
        }
        int list = ListType.NewPreallocated(interp.Heap, SplitPrealloc(interp, s.Length, sepObj == 0 || sepObj == interp.None ? 0 : StrType.Length(interp.Heap, sepObj), max));
        foreach (string part in parts)
        {
            int x = part == s && parts.Count == 1 ? interp.NewRef(args[0]) : interp.NewStr(part);
            // SPLIT_ADD: the first MAX_PREALLOC parts go into the preallocated slots, later ones are appended.
            int count = ListType.Size(interp.Heap, list);
            if (count < SplitMaxPrealloc && count < ListType.Allocated(interp.Heap, list)) ListType.StorePreallocated(interp.Heap, list, x);
            else ListType.Append(interp.Heap, list, x);
            interp.DecRef(x);
        }
        return list;
    }

    /// <summary>
    /// The slots <c>str.split</c>'s list starts with (<c>Objects/stringlib/split.h</c>: <c>PyList_New(PREALLOC_SIZE(maxcount))</c>,
    /// <c>PREALLOC_SIZE(n) = n >= 12 ? 12 : n + 1</c>; the first 12 parts are stored in place, later ones appended).
    /// A string shorter than its separator is returned in a one-slot list (<c>split</c> in unicodeobject.c).
    /// </summary>
    private static int SplitPrealloc(Interpreter interp, int length, int sepLength, long maxsplit)
    {
        if (sepLength > 0 && length < sepLength) return 1;
        long maxcount = maxsplit;
        if (maxcount < 0)
        {
            maxcount = !interp.Profile.Library.SplitPresizesFromLength ? long.MaxValue
                : sepLength == 0 ? length / 2 + 1 : length / sepLength + 1;
        }
        return maxcount >= SplitMaxPrealloc ? SplitMaxPrealloc : (int)maxcount + 1;
    }

    /// <summary><c>MAX_PREALLOC</c> of <c>Objects/stringlib/split.h</c>.</summary>
    private const int SplitMaxPrealloc = 12;

    /// <summary>
    /// <c>str.format</c> (<c>do_string_format</c>, <c>Objects/stringlib/unicode_format.h</c>). It is
    /// <c>METH_VARARGS | METH_KEYWORDS</c>: the positional arguments come as a tuple and the keywords as a dict
    /// (<c>method_vectorcall_VARARGS_KEYWORDS</c>), both alive for the call. <c>build_string</c> writes into a
    /// <see cref="UnicodeWriter"/> over-allocating, with <c>min_length = len(format) + 100</c>, and stops
    /// over-allocating for the last part. <c>render_field</c> writes an exact str as it is, an exact int's digits
    /// straight into the buffer (<c>_PyLong_FormatWriter</c>: only the scratch int is allocated), and
    /// formats anything else to a temporary str first. A named field's key is a new substring of the format.
    /// </summary>
    private static int Format(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        string fmt = Value(interp, args[0]);
        int packed = interp.NewTuple(args[1..]);
        int kwdict = kw.Count > 0 ? interp.KeywordDict(kw) : 0;
        var writer = new UnicodeWriter(interp) { Overallocate = true, MinLength = StrType.Classify(fmt).Length + 100 };
        try
        {
            var literal = new StringBuilder();
            int auto = 0;
            for (int p = 0; p < fmt.Length; p++)
            {
                char c = fmt[p];
                if (c == '{' && p + 1 < fmt.Length && fmt[p + 1] == '{') { literal.Append('{'); p++; continue; }
                if (c == '}' && p + 1 < fmt.Length && fmt[p + 1] == '}') { literal.Append('}'); p++; continue; }
                if (c != '{')
                {
                    if (c == '}') interp.Raise("ValueError", "Single '}' encountered in format string");
                    literal.Append(c);
                    continue;
                }
                int end = fmt.IndexOf('}', p);
                if (end < 0) interp.Raise("ValueError", "Single '{' encountered in format string");
                if (literal.Length > 0)
                {
                    writer.Write(literal.ToString());
                    literal.Clear();
                }
                string field = fmt[(p + 1)..end];
                p = end;
                // do_markup: the last field of the format is written without over-allocation.
                if (p == fmt.Length - 1) writer.Overallocate = false;
                string spec = "";
                char conv = '\0';
                int colon = field.IndexOf(':');
                if (colon >= 0)
                {
                    spec = field[(colon + 1)..];
                    field = field[..colon];
                }
                int bang = field.IndexOf('!');
                if (bang >= 0)
                {
                    conv = field[bang + 1];
                    field = field[..bang];
                }
                int value;
                if (field.Length == 0) value = Positional(interp, args, auto++);
                else if (int.TryParse(field, out int index)) value = Positional(interp, args, index);
                else value = Keyword(interp, kw, field);
                RenderField(interp, writer, value, conv, spec);
            }
            if (literal.Length > 0)
            {
                writer.Overallocate = false;
                writer.Write(literal.ToString());
            }
            return writer.Finish();
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        finally
        {
            interp.DecRef(packed);
            if (kwdict != 0) interp.DecRef(kwdict);
        }
    }

    /// <summary><c>get_field_object</c> for a name: the key is a new str cut from the format (<c>SubString_new_object</c>).</summary>
    private static int Keyword(Interpreter interp, KeywordArguments kw, string name)
    {
        int key = interp.NewStr(name);
        try
        {
            int value = kw.Get(name);
            if (value == 0) throw interp.KeyError(interp.NewRef(key));
            return value;
        }
        finally
        {
            interp.DecRef(key);
        }
    }

    /// <summary><c>output_markup</c>: the conversion (a temporary str), then <c>render_field</c>.</summary>
    private static void RenderField(Interpreter interp, UnicodeWriter writer, int value, char conv, string spec)
    {
        int converted = conv switch
        {
            'r' => interp.ReprObject(value),
            's' => interp.StrObject(value),
            _ => 0,
        };
        int v = converted != 0 ? converted : value;
        try
        {
            TypeKind kind = interp.Kind(v);
            if (kind == TypeKind.Str && spec.Length == 0)
            {
                writer.WriteStr(v);
            }
            else if (kind == TypeKind.Int && spec.Length == 0)
            {
                long scratch = IntType.AllocateDecimalScratch(interp.Heap, v, out int bytes);
                writer.WriteDigits(interp.Repr(v));
                interp.Heap.Memory.Free(scratch, bytes);
            }
            else if (kind == TypeKind.Float && spec.Length > 0)
            {
                string text = interp.FormatFloat(v, spec, out long buffer, out int bytes);
                writer.Write(text); // format_float_internal writes the buffer's digits into the writer
                interp.Heap.Memory.Free(buffer, bytes);
            }
            else if (kind is TypeKind.Str or TypeKind.Int && spec.Length > 0)
            {
                writer.Write(interp.Format(v, spec)); // the type's formatter writes into the buffer
            }
            else
            {
                int text = kind == TypeKind.Float ? interp.StrObject(v) : interp.NewStr(interp.Format(v, spec));
                try
                {
                    writer.WriteStr(text);
                }
                finally
                {
                    interp.DecRef(text);
                }
            }
        }
        finally
        {
            if (converted != 0) interp.DecRef(converted);
        }
    }

    private static int Positional(Interpreter interp, ReadOnlySpan<int> args, int index)
    {
        if (index + 1 >= args.Length) interp.Raise("IndexError", $"Replacement index {index} out of range for positional args tuple");
        return args[index + 1];
    }
}

/// <summary>
/// <c>str % args</c> (<c>PyUnicode_Format</c>) for %s %r %d %i %f %e %g %x %o %c %%. The result is built in a
/// <see cref="UnicodeWriter"/> like <c>str.format</c>'s (<c>min_length = len(format) + 100</c>, over-allocating
/// until the last part); a plain <c>%s</c> of an exact str writes that str (a lone <c>"%s" % s</c> returns
/// <c>s</c>), a plain <c>%d</c> of an exact int writes its digits straight in (with the scratch int), a plain
/// <c>%f</c>-style float writes <c>PyOS_double_to_string</c>'s buffer in; everything else is formatted to a
/// temporary str first (<c>unicode_format_arg_format</c>), then copied with its padding.
/// </summary>
internal static class PercentFormat
{
    public static int Apply(Interpreter interp, int format, int args)
    {
        string fmt = StrType.Value(interp.Heap, format);
        int[] values = interp.Kind(args) == TypeKind.Tuple ? TupleType.Items(interp.Heap, args) : [args];
        int next = 0;
        var writer = new UnicodeWriter(interp) { Overallocate = true, MinLength = StrType.Classify(fmt).Length + 100 };
        try
        {
            for (int p = 0; p < fmt.Length; p++)
            {
                if (fmt[p] != '%')
                {
                    int literal = fmt.IndexOf('%', p);
                    if (literal < 0)
                    {
                        literal = fmt.Length;
                        writer.Overallocate = false;
                    }
                    writer.Write(fmt[p..literal]);
                    p = literal - 1;
                    continue;
                }
                int start = ++p;
                while (p < fmt.Length && "-+ #0123456789.".Contains(fmt[p])) p++;
                if (p >= fmt.Length) interp.Raise("ValueError", "incomplete format");
                string flags = fmt[start..p];
                char conv = fmt[p];
                if (p == fmt.Length - 1) writer.Overallocate = false;
                if (conv == '%')
                {
                    writer.Write("%");
                    continue;
                }
                if (next >= values.Length) interp.Raise("TypeError", "not enough arguments for format string");
                FormatArgument(interp, writer, values[next++], conv, flags, p);
            }
            if (next < values.Length && interp.Kind(args) == TypeKind.Tuple) interp.Raise("TypeError", "not all arguments converted during string formatting");
            return writer.Finish();
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    private static void FormatArgument(Interpreter interp, UnicodeWriter writer, int v, char conv, string flags, int position)
    {
        string spec = flags.Replace("-", "<", StringComparison.Ordinal);
        switch (conv)
        {
            case 's':
            case 'r':
            case 'a':
            {
                int text = conv == 's' ? interp.StrObject(v) : interp.ReprObject(v);
                try
                {
                    if (flags.Length == 0) writer.WriteStr(text);
                    else writer.Write(Align(interp, StrType.Value(interp.Heap, text), flags));
                }
                finally
                {
                    interp.DecRef(text);
                }
                return;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o':
            case 'f':
            case 'F':
            case 'e':
            case 'E':
            case 'g':
            case 'G':
            {
                if (interp.Kind(v) is not (TypeKind.Int or TypeKind.Bool or TypeKind.Float))
                {
                    interp.Raise("TypeError", string.Format(System.Globalization.CultureInfo.InvariantCulture,
                        interp.Profile.Messages.PercentFormatNumberRequired, conv, interp.TypeName(v)));
                }
                bool intConv = conv is 'd' or 'i' or 'u' or 'x' or 'X' or 'o';
                if (flags.Length == 0 && intConv && conv != 'X' && interp.Kind(v) == TypeKind.Int)
                {
                    // mainformatlong's fast path: _PyLong_FormatWriter writes the digits into the writer.
                    string c = conv is 'i' or 'u' ? "d" : conv.ToString();
                    if (c == "d")
                    {
                        long scratch = IntType.AllocateDecimalScratch(interp.Heap, v, out int bytes);
                        writer.WriteDigits(interp.Repr(v));
                        interp.Heap.Memory.Free(scratch, bytes);
                    }
                    else
                    {
                        writer.WriteDigits(interp.Format(v, c));
                    }
                    return;
                }
                int number = v;
                if (intConv && interp.Kind(v) == TypeKind.Float)
                {
                    number = interp.NewInt(new System.Numerics.BigInteger(Math.Truncate(FloatType.Value(interp.Heap, v))));
                }
                try
                {
                    string c = conv is 'i' or 'u' ? "d" : conv.ToString();
                    string align = spec.StartsWith('<') ? "<" : "";
                    string rest = align.Length > 0 ? spec[1..] : spec;
                    if (!intConv && !rest.Contains('.')) rest += ".6";
                    string body = interp.Format(number, align + rest + c);
                    if (!intConv && interp.Kind(number) == TypeKind.Float)
                    {
                        // formatfloat: the digits come from PyOS_double_to_string's buffer; with no width,
                        // precision or sign flag they go straight into the writer, else into a temporary str.
                        int bytes = Interpreter.DoubleToStringBufferBytes(body.Trim());
                        long buffer = interp.Heap.Memory.Malloc(bytes);
                        if (flags.Length == 0)
                        {
                            writer.Write(body);
                            interp.Heap.Memory.Free(buffer, bytes);
                            return;
                        }
                        int text = StrType.New(interp.Heap, body.Trim());
                        interp.Heap.Memory.Free(buffer, bytes);
                        writer.Write(body);
                        interp.DecRef(text);
                        return;
                    }
                    if (c == "d" && interp.Kind(number) == TypeKind.Int)
                    {
                        // _PyUnicode_FormatLong: the digits as a temporary str (long_to_decimal_string, with its
                        // scratch int), padded into the writer, then dropped.
                        int digits = IntType.ToDecimalStr(interp.Heap, number);
                        writer.Write(body);
                        interp.DecRef(digits);
                        return;
                    }
                    writer.Write(body);
                }
                finally
                {
                    if (number != v) interp.DecRef(number);
                }
                return;
            }
            case 'c':
                writer.Write(interp.Kind(v) == TypeKind.Str ? interp.Str(v) : char.ConvertFromUtf32((int)BuiltinsModule.IntArg(interp, v)));
                return;
            default:
                throw interp.Raise("ValueError", $"unsupported format character '{conv}' (0x{(int)conv:x}) at index {position}");
        }
    }

    private static string Align(Interpreter interp, string s, string flags)
    {
        bool left = flags.Contains('-');
        string digits = new(flags.Where(char.IsAsciiDigit).TakeWhile(_ => true).ToArray());
        int dot = flags.IndexOf('.');
        if (dot >= 0)
        {
            string prec = new(flags[(dot + 1)..].Where(char.IsAsciiDigit).ToArray());
            if (prec.Length > 0 && int.Parse(prec, System.Globalization.CultureInfo.InvariantCulture) < s.Length) s = s[..int.Parse(prec, System.Globalization.CultureInfo.InvariantCulture)];
            digits = new(flags[..dot].Where(char.IsAsciiDigit).ToArray());
        }
        _ = interp;
        if (digits.Length == 0) return s;
        int width = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        return left ? s.PadRight(width) : s.PadLeft(width);
    }
}
