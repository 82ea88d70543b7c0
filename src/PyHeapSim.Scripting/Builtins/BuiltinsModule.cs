using System.Globalization;
using System.Numerics;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;
using PyHeapSim.Scripting.Runtime;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>The <c>builtins</c> module (<c>Python/bltinmodule.c</c>) and the built-in types' constructors.</summary>
internal static class BuiltinsModule
{
    public static void Register(Interpreter interp)
    {
        BuiltinTypes t = interp.Heap.Types;
        DefineType(interp, "list", t.List);
        DefineType(interp, "tuple", t.Tuple);
        DefineType(interp, "dict", t.Dict);
        DefineType(interp, "set", t.Set);
        DefineType(interp, "frozenset", t.FrozenSet);
        DefineType(interp, "str", t.Str);
        DefineType(interp, "int", t.Int);
        DefineType(interp, "float", t.Float);
        DefineType(interp, "bool", t.Bool);
        DefineType(interp, "bytes", t.Bytes);
        DefineType(interp, "object", t.Object);
        DefineType(interp, "type", t.Type);
        DefineType(interp, "range", interp.Types.Range);
        DefineType(interp, "enumerate", interp.Types.Enumerate);
        DefineType(interp, "zip", interp.Types.Zip);
        DefineType(interp, "slice", interp.Types.Slice);
        DefineType(interp, "reversed", interp.Types.Reversed);
        foreach (string name in interp.Types.ExceptionNames.ToList())
        {
            DefineType(interp, name, interp.Types.ExceptionType(name));
        }
        interp.DefineBuiltinStealing("None", interp.NewNone());
        interp.DefineBuiltinStealing("Ellipsis", interp.NewRef(interp.Heap.EllipsisObj));
        interp.DefineBuiltinStealing("NotImplemented", interp.NewRef(interp.Heap.NotImplementedObj));

        Def(interp, "print", Print);
        Def(interp, "len", Len);
        Def(interp, "repr", (i, a, _) => i.ReprObject(One(i, "repr", a)));
        Def(interp, "isinstance", IsInstance);
        Def(interp, "sum", BuiltinSum.Sum);
        Def(interp, "min", (i, a, k) => MinMax(i, a, k, "min", CompareOperator.Lt));
        Def(interp, "max", (i, a, k) => MinMax(i, a, k, "max", CompareOperator.Gt));
        Def(interp, "sorted", Sorted);
        Def(interp, "id", (i, a, _) => i.NewInt(i.Heap.T.Address(One(i, "id", a))));
        Def(interp, "iter", (i, a, _) => i.GetIter(One(i, "iter", a)));
        Def(interp, "next", Next);
        Def(interp, "abs", Abs);
        Def(interp, "round", Round);
        Def(interp, "hash", (i, a, _) => i.NewInt(i.Hash(One(i, "hash", a))));
        Def(interp, "chr", Chr);
        Def(interp, "ord", Ord);
        Def(interp, "getattr", GetAttr);
        Def(interp, "setattr", (i, a, _) =>
        {
            Arity(i, "setattr", a, 3, 3);
            i.SetAttr(a[0], AttrName(i, a[1]), a[2]);
            return i.NewNone();
        });
        Def(interp, "hasattr", HasAttr);
        Def(interp, "divmod", DivMod);
        Def(interp, "any", (i, a, _) => AnyAll(i, One(i, "any", a), any: true));
        Def(interp, "all", (i, a, _) => AnyAll(i, One(i, "all", a), any: false));
        Def(interp, "callable", (i, a, _) => i.NewBool(IsCallable(i, One(i, "callable", a))));
        Def(interp, "hex", (i, a, _) => i.NewStr(Radix(i, One(i, "hex", a), 16, "0x")));
        Def(interp, "oct", (i, a, _) => i.NewStr(Radix(i, One(i, "oct", a), 8, "0o")));
        Def(interp, "bin", (i, a, _) => i.NewStr(Radix(i, One(i, "bin", a), 2, "0b")));
        Def(interp, "pow", (i, a, _) =>
        {
            Arity(i, "pow", a, 2, 2);
            return i.BinaryOp(BinaryOperator.Pow, a[0], a[1]);
        });
        Def(interp, "format", (i, a, _) =>
        {
            Arity(i, "format", a, 1, 2);
            return i.FormatObject(a[0], a.Length > 1 ? StrArg(i, a[1], "format") : "");
        });
    }

    private static void DefineType(Interpreter interp, string name, int type) =>
        interp.DefineBuiltinStealing(name, interp.NewRef(type));

    private static void Def(Interpreter interp, string name, BuiltinFunction f) =>
        interp.DefineBuiltinStealing(name, interp.NewBuiltinFunction(name, f));

    // ---- argument helpers ----

    /// <summary>TypeError unless <paramref name="min"/> ≤ count ≤ <paramref name="max"/> (CPython's wording).</summary>
    public static void Arity(Interpreter interp, string name, ReadOnlySpan<int> args, int min, int max)
    {
        int n = args.Length;
        if (n >= min && n <= max) return;
        if (min == max && min == 1) interp.Raise("TypeError", $"{name}() takes exactly one argument ({n} given)");
        if (min == max && min == 0) interp.Raise("TypeError", $"{name}() takes no arguments ({n} given)");
        if (min == max) interp.Raise("TypeError", $"{name} expected {min} arguments, got {n}");
        if (n < min) interp.Raise("TypeError", $"{name} expected at least {min} argument{(min == 1 ? "" : "s")}, got {n}");
        interp.Raise("TypeError", $"{name} expected at most {max} argument{(max == 1 ? "" : "s")}, got {n}");
    }

    /// <summary>
    /// A <c>METH_O</c> function of <paramref name="owner"/> (a module or type name): exactly one argument, or
    /// the TypeError naming it as each version does (<see cref="Profiles.MessageRules.QualifiedFunctionNames"/>).
    /// </summary>
    public static int One(Interpreter interp, string owner, string name, ReadOnlySpan<int> args)
    {
        if (args.Length != 1) throw ExactlyOne(interp, owner, name, args.Length);
        return args[0];
    }

    /// <summary>"owner.name() takes exactly one argument (n given)" (3.8: without the owner).</summary>
    public static PyException ExactlyOne(Interpreter interp, string owner, string name, int given)
    {
        string qualified = interp.Profile.Messages.QualifiedFunctionNames ? owner + "." + name : name;
        return interp.Raise("TypeError", $"{qualified}() takes exactly one argument ({given} given)");
    }

    public static int One(Interpreter interp, string name, ReadOnlySpan<int> args)
    {
        Arity(interp, name, args, 1, 1);
        return args[0];
    }

    public static void NoKeywords(Interpreter interp, string name, KeywordArguments kw)
    {
        if (kw.Count > 0) interp.Raise("TypeError", $"{name}() takes no keyword arguments");
    }

    public static string StrArg(Interpreter interp, int o, string function)
    {
        if (interp.Kind(o) != TypeKind.Str) interp.Raise("TypeError", $"{function}() argument must be str, not {interp.TypeName(o)}");
        return StrType.Value(interp.Heap, o);
    }

    public static long IntArg(Interpreter interp, int o)
    {
        if (interp.Kind(o) is not (TypeKind.Int or TypeKind.Bool)) interp.Raise("TypeError", $"'{interp.TypeName(o)}' object cannot be interpreted as an integer");
        BigInteger v = IntType.Value(interp.Heap, o);
        if (v > long.MaxValue || v < long.MinValue) interp.Raise("OverflowError", "Python int too large to convert to C ssize_t");
        return (long)v;
    }

    private static string AttrName(Interpreter interp, int o)
    {
        if (interp.Kind(o) != TypeKind.Str) interp.Raise("TypeError", $"attribute name must be string, not '{interp.TypeName(o)}'");
        return StrType.Value(interp.Heap, o);
    }

    // ---- functions ----

    /// <summary>
    /// <c>builtin_print</c> (<c>Python/bltinmodule.c</c>): each argument, separator and the end string is
    /// a separate <c>PyFile_WriteObject</c>/<c>PyFile_WriteString</c> call on <c>sys.stdout</c>
    /// (<see cref="BufferedStdout"/>). Around them, what each version's calling convention costs:
    /// the parser's keyword tuple made once (<see cref="StdioRules.PrintKeywordTuple"/>) and, from 3.11,
    /// the <c>*args</c> tuple.
    /// </summary>
    private static int Print(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        StdioRules rules = interp.Profile.Stdio;
        bool parses = rules.PrintKeywordTuple switch
        {
            KeywordParserInit.FirstCall => true,
            KeywordParserInit.FirstKeywordCall => kw.Count > 0,
            _ => false,
        };
        if (parses) interp.EnsureKeywordParser("print", PrintKeywords);
        int packed = rules.PrintPacksArguments && args.Length > 0 ? interp.NewTuple(args) : 0;
        try
        {
            int sep = 0, end = 0;
            bool flush = false;
            for (int k = 0; k < kw.Count; k++)
            {
                int v = kw.Value(k);
                switch (kw.Name(k))
                {
                    case "sep":
                        if (v != interp.None) sep = StrOrNone(interp, v, "sep");
                        break;
                    case "end":
                        if (v != interp.None) end = StrOrNone(interp, v, "end");
                        break;
                    case "flush":
                        flush = interp.IsTrue(v);
                        break;
                    case "file":
                        break;
                    default:
                        interp.Raise("TypeError", $"'{kw.Name(k)}' is an invalid keyword argument for print()");
                        break;
                }
            }
            BufferedStdout stdout = interp.StdoutStream;
            for (int i = 0; i < args.Length; i++)
            {
                if (i > 0)
                {
                    if (sep == 0) stdout.WriteString(" ");
                    else stdout.WriteObject(sep);
                }
                stdout.WriteObject(args[i]);
            }
            if (end == 0) stdout.WriteString("\n");
            else stdout.WriteObject(end);
            if (flush) stdout.Flush();
            return interp.NewNone();
        }
        finally
        {
            if (packed != 0) interp.DecRef(packed);
        }
    }

    private static readonly string[] PrintKeywords = ["sep", "end", "file", "flush"];

    /// <summary>The sep/end argument (borrowed) after CPython's type check.</summary>
    private static int StrOrNone(Interpreter interp, int v, string name)
    {
        if (interp.Kind(v) != TypeKind.Str) interp.Raise("TypeError", $"{name} must be None or a string, not {interp.TypeName(v)}");
        return v;
    }

    private static int Len(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw) =>
        interp.NewSizeInt(interp.Length(One(interp, "len", args)));

    private static int IsInstance(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        Arity(interp, "isinstance", args, 2, 2);
        return interp.NewBool(InstanceOf(interp, args[0], args[1]));
    }

    /// <summary><c>isinstance(o, cls)</c> for a class or a tuple of classes (bool counts as an int).</summary>
    public static bool InstanceOf(Interpreter interp, int o, int cls)
    {
        if (interp.Kind(cls) == TypeKind.Tuple)
        {
            foreach (int c in TupleType.Items(interp.Heap, cls)) if (InstanceOf(interp, o, c)) return true;
            return false;
        }
        if (interp.Kind(cls) != TypeKind.Type) interp.Raise("TypeError", "isinstance() arg 2 must be a type or tuple of types");
        return IsSubtype(interp, interp.Heap.T.TypeOf(o), cls);
    }

    public static bool IsSubtype(Interpreter interp, int type, int cls)
    {
        BuiltinTypes t = interp.Heap.Types;
        if (cls == t.Object) return true;
        if (type == t.Bool && cls == t.Int) return true;
        for (int x = type; x != 0; x = interp.Heap.T.TypeInfoOfType(x).Base)
        {
            if (x == cls) return true;
        }
        return false;
    }

    /// <summary>
    /// <c>min_max</c> (<c>Python/bltinmodule.c</c>): one item at a time from the iterator, each with its key
    /// (<c>PyObject_CallOneArg</c>), keeping only the best item and key and dropping the others at once, so a
    /// <c>max(range(10**6), key=f)</c> never holds more than a few ints (a tracemalloc peak shows it). Several
    /// positional arguments are the items themselves.
    /// </summary>
    private static int MinMax(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw, string name, CompareOperator better)
    {
        if (args.Length == 0) interp.Raise("TypeError", $"{name} expected at least 1 argument, got 0");
        int key = kw.Get("key");
        if (key == interp.None) key = 0;
        int dflt = kw.Get("default");
        if (args.Length > 1 && dflt != 0) interp.Raise("TypeError", $"Cannot specify a default for {name}() with multiple positional arguments");
        bool varargs = interp.Profile.Library.MinMaxTakesVarargs;
        int packed = varargs ? interp.NewTuple(args) : 0;
        int kwdict = varargs && kw.Count > 0 ? interp.KeywordDict(kw) : 0;
        int it = 0, bestItem = 0, bestKey = 0, index = 0;
        try
        {
            if (args.Length == 1) it = interp.GetIter(args[0]);
            while (true)
            {
                int item;
                if (it != 0)
                {
                    item = interp.IterNext(it);
                    if (item == 0) break;
                }
                else
                {
                    if (index == args.Length) break;
                    item = interp.NewRef(args[index++]);
                }
                int k;
                try
                {
                    k = key == 0 ? interp.NewRef(item) : interp.Call(key, [item], KeywordArguments.None);
                }
                catch
                {
                    interp.DecRef(item);
                    throw;
                }
                bool improves;
                try
                {
                    improves = bestKey == 0 || interp.RichCompareBool(k, bestKey, better);
                }
                catch
                {
                    interp.DecRef(item);
                    interp.DecRef(k);
                    throw;
                }
                if (improves)
                {
                    if (bestKey != 0)
                    {
                        interp.DecRef(bestKey);
                        interp.DecRef(bestItem);
                    }
                    bestItem = item;
                    bestKey = k;
                }
                else
                {
                    interp.DecRef(item);
                    interp.DecRef(k);
                }
            }
            if (bestKey == 0)
            {
                if (dflt != 0) return interp.NewRef(dflt);
                interp.Raise("ValueError", string.Format(CultureInfo.InvariantCulture, interp.Profile.Messages.MinMaxEmpty, name));
            }
            interp.DecRef(bestKey);
            bestKey = 0;
            int result = bestItem;
            bestItem = 0;
            return result;
        }
        finally
        {
            if (bestKey != 0) interp.DecRef(bestKey);
            if (bestItem != 0) interp.DecRef(bestItem);
            if (it != 0) interp.DecRef(it);
            if (packed != 0) interp.DecRef(packed);
            if (kwdict != 0) interp.DecRef(kwdict);
        }
    }

    private static int Sorted(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length != 1) interp.Raise("TypeError", $"sorted expected 1 argument, got {args.Length}");
        // PySequence_List: an empty list extended by the iterable, then list.sort().
        int list = ListMethods.SequenceList(interp, args[0]);
        try
        {
            // builtin_sorted calls newlist.sort through a bound method (PyObject_GetAttr; 3.8 parks it).
            int sort = interp.NewBuiltinFunction("sort", static (i, _, _) => i.NewNone(), list);
            try
            {
                ListMethods.Sort(interp, list, kw);
            }
            finally
            {
                interp.DecRef(sort);
            }
        }
        catch
        {
            interp.DecRef(list);
            throw;
        }
        return list;
    }

    private static int Next(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        Arity(interp, "next", args, 1, 2);
        int it = args[0];
        if (interp.Kind(it) != TypeKind.Instance && !IsIterator(interp, it))
        {
            interp.Raise("TypeError", $"'{interp.TypeName(it)}' object is not an iterator");
        }
        int x = interp.IterNext(it);
        if (x != 0) return x;
        if (args.Length > 1) return interp.NewRef(args[1]);
        throw interp.Raise("StopIteration", "");
    }

    private static bool IsIterator(Interpreter interp, int o)
    {
        if (interp.Kind(o) != TypeKind.Generic) return false;
        try
        {
            int it = interp.GetIter(o);
            interp.DecRef(it);
            return it == o;
        }
        catch (PyException e)
        {
            interp.XDecRef(e.ExceptionObject);
            e.ExceptionObject = 0;
            return false;
        }
    }

    private static int Abs(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        int o = One(interp, "abs", args);
        switch (interp.Kind(o))
        {
            case TypeKind.Int:
            {
                BigInteger v = IntType.Value(interp.Heap, o);
                return v.Sign >= 0 ? interp.NewRef(o) : interp.NewInt(-v);
            }
            case TypeKind.Bool:
                return interp.NewInt(interp.Heap.T.Scalar(o));
            case TypeKind.Float:
                return interp.NewFloat(Math.Abs(FloatType.Value(interp.Heap, o)));
        }
        int method = interp.Kind(o) == TypeKind.Instance ? interp.LookupSpecial(o, "__abs__") : 0;
        if (method != 0)
        {
            try
            {
                return interp.CallMethod(method, o, []);
            }
            finally
            {
                interp.DecRef(method);
            }
        }
        throw interp.Raise("TypeError", $"bad operand type for abs(): '{interp.TypeName(o)}'");
    }

    private static int Round(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        Arity(interp, "round", args, 1, 2);
        int o = args[0];
        int nd = args.Length > 1 ? args[1] : kw.Get("ndigits");
        bool hasDigits = nd != 0 && nd != interp.None;
        switch (interp.Kind(o))
        {
            case TypeKind.Int:
            case TypeKind.Bool:
            {
                if (!hasDigits) return interp.Kind(o) == TypeKind.Int ? interp.NewRef(o) : interp.NewInt(interp.Heap.T.Scalar(o));
                long n = IntArg(interp, nd);
                if (n >= 0) return interp.Kind(o) == TypeKind.Int ? interp.NewRef(o) : interp.NewInt(interp.Heap.T.Scalar(o));
                BigInteger v = IntType.Value(interp.Heap, o);
                BigInteger p = BigInteger.Pow(10, (int)Math.Min(-n, 400));
                return interp.NewInt(ExactDecimal.RoundHalfEven(v, p) * p);
            }
            case TypeKind.Float:
            {
                double d = FloatType.Value(interp.Heap, o);
                if (!hasDigits)
                {
                    if (double.IsNaN(d)) interp.Raise("ValueError", "cannot convert float NaN to integer");
                    if (double.IsInfinity(d)) interp.Raise("OverflowError", "cannot convert float infinity to integer");
                    return interp.NewInt(new BigInteger(Math.Round(d, MidpointRounding.ToEven)));
                }
                long n = IntArg(interp, nd);
                if (double.IsNaN(d) || double.IsInfinity(d) || d == 0) return interp.NewFloat(d);
                return interp.NewFloat(ExactDecimal.Round(d, (int)Math.Clamp(n, -400, 400)));
            }
        }
        throw interp.Raise("TypeError", $"type {interp.TypeName(o)} doesn't define __round__ method");
    }

    private static int Chr(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        long c = IntArg(interp, One(interp, "chr", args));
        if (c < 0 || c > 0x10FFFF) interp.Raise("ValueError", "chr() arg not in range(0x110000)");
        return interp.NewStr(c is >= 0xD800 and <= 0xDFFF ? ((char)c).ToString() : char.ConvertFromUtf32((int)c));
    }

    private static int Ord(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        int o = One(interp, "ord", args);
        if (interp.Kind(o) == TypeKind.Str)
        {
            string s = StrType.Value(interp.Heap, o);
            int n = StrType.Length(interp.Heap, o);
            if (n != 1) interp.Raise("TypeError", $"ord() expected a character, but string of length {n} found");
            return interp.NewInt(char.IsHighSurrogate(s[0]) ? char.ConvertToUtf32(s, 0) : s[0]);
        }
        if (interp.Kind(o) == TypeKind.Bytes)
        {
            byte[] b = BytesType.Value(interp.Heap, o);
            if (b.Length != 1) interp.Raise("TypeError", $"ord() expected a character, but string of length {b.Length} found");
            return interp.NewInt(b[0]);
        }
        throw interp.Raise("TypeError", $"ord() expected string of length 1, but {interp.TypeName(o)} found");
    }

    private static int GetAttr(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        Arity(interp, "getattr", args, 2, 3);
        string name = AttrName(interp, args[1]);
        if (args.Length == 2) return interp.GetAttr(args[0], name);
        try
        {
            return interp.GetAttr(args[0], name);
        }
        catch (PyException e) when (e.TypeName == "AttributeError")
        {
            interp.XDecRef(e.ExceptionObject);
            e.ExceptionObject = 0;
            return interp.NewRef(args[2]);
        }
    }

    private static int HasAttr(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        Arity(interp, "hasattr", args, 2, 2);
        string name = AttrName(interp, args[1]);
        try
        {
            interp.DecRef(interp.GetAttr(args[0], name));
            return interp.NewBool(true);
        }
        catch (PyException e) when (e.TypeName == "AttributeError")
        {
            interp.XDecRef(e.ExceptionObject);
            e.ExceptionObject = 0;
            return interp.NewBool(false);
        }
    }

    private static int DivMod(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        Arity(interp, "divmod", args, 2, 2);
        int a = args[0], b = args[1];
        TypeKind ka = interp.Kind(a), kb = interp.Kind(b);
        if (ka is TypeKind.Int or TypeKind.Bool && kb is TypeKind.Int or TypeKind.Bool)
        {
            BigInteger y = IntType.Value(interp.Heap, b);
            if (y.IsZero) interp.Raise("ZeroDivisionError", "integer division or modulo by zero");
            int q = interp.BinaryOp(BinaryOperator.FloorDiv, a, b);
            int r = interp.BinaryOp(BinaryOperator.Mod, a, b);
            return interp.NewTupleStealing([q, r]);
        }
        if (ka is TypeKind.Int or TypeKind.Bool or TypeKind.Float && kb is TypeKind.Int or TypeKind.Bool or TypeKind.Float)
        {
            double x = ka == TypeKind.Float ? FloatType.Value(interp.Heap, a) : (double)IntType.Value(interp.Heap, a);
            double y = kb == TypeKind.Float ? FloatType.Value(interp.Heap, b) : (double)IntType.Value(interp.Heap, b);
            if (y == 0) interp.Raise("ZeroDivisionError", "float divmod()");
            (double d, double m) = Interpreter.FloatDivMod(x, y);
            return interp.NewTupleStealing([interp.NewFloat(d), interp.NewFloat(m)]);
        }
        throw interp.Raise("TypeError", $"unsupported operand type(s) for divmod(): '{interp.TypeName(a)}' and '{interp.TypeName(b)}'");
    }

    private static int AnyAll(Interpreter interp, int iterable, bool any)
    {
        int it = interp.GetIter(iterable);
        try
        {
            while (true)
            {
                int x = interp.IterNext(it);
                if (x == 0) return interp.NewBool(!any);
                bool truth;
                try
                {
                    truth = interp.IsTrue(x);
                }
                finally
                {
                    interp.DecRef(x);
                }
                if (truth == any) return interp.NewBool(any);
            }
        }
        finally
        {
            interp.DecRef(it);
        }
    }

    private static bool IsCallable(Interpreter interp, int o)
    {
        switch (interp.Kind(o))
        {
            case TypeKind.Type:
            case TypeKind.WeakRef:
                return true;
            case TypeKind.Instance:
            {
                int m = interp.LookupSpecial(o, "__call__");
                interp.XDecRef(m);
                return m != 0;
            }
            case TypeKind.Generic:
            {
                int type = interp.Heap.T.TypeOf(o);
                return type == interp.Types.Function || type == interp.Types.BuiltinFunction || type == interp.Types.Method || type == interp.Types.Finalize;
            }
            default:
                return false;
        }
    }

    private static string Radix(Interpreter interp, int o, int radix, string prefix)
    {
        if (interp.Kind(o) is not (TypeKind.Int or TypeKind.Bool)) interp.Raise("TypeError", $"'{interp.TypeName(o)}' object cannot be interpreted as an integer");
        BigInteger v = IntType.Value(interp.Heap, o);
        return (v.Sign < 0 ? "-" : "") + prefix + PyFormat.ToBase(BigInteger.Abs(v), radix);
    }
}

/// <summary>Exact decimal rounding of binary doubles (<c>round()</c>, <c>'%.2f'</c>): ties to even on the exact value.</summary>
internal static class ExactDecimal
{
    /// <summary>v / p rounded half to even.</summary>
    public static BigInteger RoundHalfEven(BigInteger v, BigInteger p)
    {
        BigInteger q = BigInteger.DivRem(v, p, out BigInteger r);
        if (r.Sign < 0)
        {
            q -= 1;
            r += p;
        }
        int c = (r * 2).CompareTo(p);
        if (c > 0 || (c == 0 && !q.IsEven)) q += 1;
        return q;
    }

    /// <summary>The exact value of <paramref name="d"/> as numerator / 2^shift.</summary>
    private static (BigInteger Num, int Shift) Exact(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        bool negative = bits < 0;
        int exp = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0) exp = 1;
        else mant |= 1L << 52;
        exp -= 1075;
        BigInteger num = mant;
        if (negative) num = -num;
        if (exp >= 0) return (num << exp, 0);
        return (num, -exp);
    }

    /// <summary>Digits of round(|d| × 10^ndigits) half-even, as a BigInteger with d's sign.</summary>
    public static BigInteger ScaledRounded(double d, int ndigits)
    {
        (BigInteger num, int shift) = Exact(d);
        BigInteger p10 = BigInteger.Pow(10, Math.Abs(ndigits));
        BigInteger numer = ndigits >= 0 ? num * p10 : num;
        BigInteger denom = (BigInteger.One << shift) * (ndigits >= 0 ? BigInteger.One : p10);
        return RoundHalfEven(numer, denom);
    }

    /// <summary><c>round(d, ndigits)</c>: correctly rounded, converted back to the nearest double.</summary>
    public static double Round(double d, int ndigits)
    {
        BigInteger q = ScaledRounded(d, ndigits);
        string text = q.ToString(CultureInfo.InvariantCulture) + "e" + (-ndigits).ToString(CultureInfo.InvariantCulture);
        double r = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (r == 0 && double.IsNegative(d)) return -0.0;
        return r;
    }

    /// <summary><c>'%.{prec}f' % |d|</c>, correctly rounded (no sign).</summary>
    public static string Fixed(double d, int prec)
    {
        BigInteger q = BigInteger.Abs(ScaledRounded(Math.Abs(d), prec));
        string s = q.ToString(CultureInfo.InvariantCulture);
        if (prec == 0) return s;
        if (s.Length <= prec) s = new string('0', prec - s.Length + 1) + s;
        return s[..^prec] + "." + s[^prec..];
    }
}
