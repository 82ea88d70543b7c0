using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>
/// A stand-in for <c>numpy</c>: <c>zeros</c>, <c>ones</c>, <c>empty</c>, <c>arange</c> make an <c>ndarray</c>
/// (not a GC object) whose dimensions/strides and data live in a separately allocated buffer; a view
/// (<c>a[0]</c>) owns no data and holds its base. <c>sys.getsizeof</c> = basicsize + 16 × ndim + owned
/// data (cpython-facts §6.4).
/// </summary>
internal static class NumpyModule
{
    public static void Register(Interpreter interp)
    {
        int m = interp.NewModule("numpy", fromSource: true);
        interp.ModuleDef(m, "zeros", (i, a, k) => NdArrays.New(i, a, k, NdFill.Zeros));
        interp.ModuleDef(m, "ones", (i, a, k) => NdArrays.New(i, a, k, NdFill.Ones));
        interp.ModuleDef(m, "empty", (i, a, k) => NdArrays.New(i, a, k, NdFill.Empty));
        interp.ModuleDef(m, "arange", (i, a, k) => NdArrays.New(i, a, k, NdFill.Arange));
        interp.ModuleSet(m, "ndarray", interp.Types.NdArray);
    }
}

/// <summary>How an array's elements were initialised (values are computed, not stored).</summary>
internal enum NdFill
{
    Zeros,
    Ones,
    Empty,
    Arange,
}

/// <summary>Host data of an ndarray: shape, dtype, fill, offset into its base's data, and element overrides.</summary>
internal sealed class NdArrayInfo(long[] shape, bool isInt, NdFill fill, long offset, bool ownsData)
{
    public long[] Shape { get; } = shape;
    public bool IsInt { get; } = isInt;
    public NdFill Fill { get; } = fill;
    public long Offset { get; } = offset;
    public bool OwnsData { get; } = ownsData;
    public Dictionary<long, double> Overrides { get; set; } = [];
    public long Size => Shape.Aggregate(1L, (a, b) => a * b);
    public long Length => Shape.Length == 0 ? 1 : Shape[0];
    public long NBytes => Size * 8;
    public string DType => IsInt ? "int64" : "float64";

    public double Element(long flat) =>
        Overrides.TryGetValue(Offset + flat, out double v) ? v : Fill switch { NdFill.Ones => 1, NdFill.Arange => Offset + flat, _ => 0 };
}

internal static class NdArrays
{
    public static int New(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw, NdFill fill)
    {
        BuiltinsModule.Arity(interp, "numpy", args, 1, 3);
        long[] shape;
        bool isInt = false;
        if (fill == NdFill.Arange)
        {
            long n = BuiltinsModule.IntArg(interp, args[0]);
            shape = [Math.Max(n, 0)];
            isInt = true;
        }
        else if (interp.Kind(args[0]) == TypeKind.Tuple)
        {
            shape = [.. TupleType.Items(interp.Heap, args[0]).Select(x => BuiltinsModule.IntArg(interp, x))];
        }
        else
        {
            shape = [BuiltinsModule.IntArg(interp, args[0])];
        }
        int dtype = args.Length > 1 ? args[1] : kw.Get("dtype");
        if (dtype != 0 && dtype != interp.None)
        {
            string name = interp.Kind(dtype) == TypeKind.Str ? StrType.Value(interp.Heap, dtype) : interp.Kind(dtype) == TypeKind.Type ? Interpreter.ShortTypeName(interp.Heap.T.TypeInfoOfType(dtype)) : "float64";
            isInt = name is "int" or "int64";
        }
        foreach (long d in shape) if (d < 0) interp.Raise("ValueError", "negative dimensions are not allowed");
        var info = new NdArrayInfo(shape, isInt, fill, 0, ownsData: true);
        long extra = 16L * shape.Length + info.NBytes;
        int o = GenericType.New(interp.Heap, interp.Types.NdArray, [], info, track: false, extraBytes: extra);
        GenericType.Data(interp.Heap, o).SizeofExtra = extra;
        return o;
    }

    private static NdArrayInfo Info(Interpreter interp, int o) => (NdArrayInfo)GenericType.Data(interp.Heap, o).Host!;

    public static int GetAttribute(Interpreter interp, int o, string name)
    {
        NdArrayInfo a = Info(interp, o);
        switch (name)
        {
            case "nbytes": return interp.NewInt(a.NBytes);
            case "size": return interp.NewInt(a.Size);
            case "ndim": return interp.NewInt(a.Shape.Length);
            case "itemsize": return interp.NewInt(8);
            case "dtype": return interp.NewStr(a.DType);
            case "shape":
            {
                int[] items = [.. a.Shape.Select(d => interp.NewInt(d))];
                return interp.NewTupleStealing(items);
            }
            case "base":
            {
                int[] refs = GenericType.Data(interp.Heap, o).Refs;
                return refs.Length > 0 && refs[0] != 0 ? interp.NewRef(refs[0]) : interp.NewNone();
            }
            default: return 0;
        }
    }

    public static BuiltinFunction? FindMethod(string name) => name switch
    {
        "sum" => (i, a, k) =>
        {
            NdArrayInfo info = Info(i, a[0]);
            double s = 0;
            for (long n = 0; n < info.Size; n++) s += info.Element(n);
            return info.IsInt ? i.NewInt((long)s) : i.NewFloat(s);
        },
        _ => null,
    };

    private static int Scalar(Interpreter interp, NdArrayInfo a, long flat)
    {
        double v = a.Element(flat);
        return a.IsInt ? interp.NewInt((long)v) : interp.NewFloat(v);
    }

    public static int GetItem(Interpreter interp, int o, int key)
    {
        NdArrayInfo a = Info(interp, o);
        if (interp.Kind(key) is not (TypeKind.Int or TypeKind.Bool)) throw interp.Raise("IndexError", "only integers are supported by this stand-in");
        long i = BuiltinsModule.IntArg(interp, key);
        long n = a.Length;
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw interp.Raise("IndexError", $"index {BuiltinsModule.IntArg(interp, key)} is out of bounds for axis 0 with size {n}");
        if (a.Shape.Length == 1) return Scalar(interp, a, i);
        long[] sub = a.Shape[1..];
        long stride = sub.Aggregate(1L, (x, y) => x * y);
        var view = new NdArrayInfo(sub, a.IsInt, a.Fill, a.Offset + i * stride, ownsData: false) { Overrides = a.Overrides };
        int baseObj = a.OwnsData ? o : GenericType.Data(interp.Heap, o).Refs[0];
        int v = GenericType.New(interp.Heap, interp.Types.NdArray, [baseObj], view, track: false, extraBytes: 16L * sub.Length);
        GenericType.Data(interp.Heap, v).SizeofExtra = 16L * sub.Length;
        return v;
    }

    public static void SetItem(Interpreter interp, int o, int key, int value)
    {
        NdArrayInfo a = Info(interp, o);
        if (a.Shape.Length != 1) interp.Raise("TypeError", "only 1-D element assignment is supported by this stand-in");
        long i = BuiltinsModule.IntArg(interp, key);
        if (i < 0) i += a.Length;
        if (i < 0 || i >= a.Length) interp.Raise("IndexError", $"index {i} is out of bounds for axis 0 with size {a.Length}");
        double v = interp.Kind(value) == TypeKind.Float ? FloatType.Value(interp.Heap, value) : (double)IntType.Value(interp.Heap, value);
        a.Overrides[a.Offset + i] = v;
    }

    public static bool ItemTruth(Interpreter interp, int o) => Info(interp, o).Element(0) != 0;

    public static int Iter(Interpreter interp, int o)
    {
        NdArrayInfo a = Info(interp, o);
        int list = ListType.New(interp.Heap);
        for (long i = 0; i < a.Length; i++)
        {
            int key = interp.NewInt(i);
            int item = GetItem(interp, o, key);
            interp.DecRef(key);
            ListType.Append(interp.Heap, list, item);
            interp.DecRef(item);
        }
        int it = interp.GetIter(list);
        interp.DecRef(list);
        return it;
    }
}
