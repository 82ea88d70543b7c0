using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>
/// The ndarray stand-in's constructors, attributes and indexing, each following the NumPy 1.24 C path it
/// names, allocation by allocation (<c>numpy/core/src/multiarray/ctors.c</c>, <c>multiarraymodule.c</c>,
/// <c>mapping.c</c>).
/// </summary>
internal static class NdArrays
{
    private static NpyAllocator Allocator(Interpreter interp) => interp.Numpy ??= new NpyAllocator(interp.Heap);

    private static NdArrayInfo Info(Interpreter interp, int o) => (NdArrayInfo)GenericType.Data(interp.Heap, o).Host!;

    // ---- constructors ----

    /// <summary><c>np.zeros(shape, dtype=None, order='C')</c> (<c>array_zeros</c> → <c>PyArray_Zeros</c>): zeroed data.</summary>
    public static int Zeros(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw) =>
        FromShapeArgument(interp, "zeros", args, kw, NdFill.Zeros, zeroed: true);

    /// <summary><c>np.empty(shape, dtype=None, order='C')</c> (<c>array_empty</c> → <c>PyArray_Empty</c>): data left unwritten.</summary>
    public static int Empty(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw) =>
        FromShapeArgument(interp, "empty", args, kw, NdFill.Empty, zeroed: false);

    /// <summary>
    /// The C creation functions that take a shape: <c>PyArray_IntpConverter</c> copies the shape into a
    /// temporary block from the dimension cache (<c>npy_alloc_cache_dim(len)</c>, one <c>npy_intp</c> for an
    /// int), the array is made, and the temporary goes back to the cache (<c>npy_free_cache_dim_obj</c>) —
    /// where the next array's dimensions may find it.
    /// </summary>
    private static int FromShapeArgument(Interpreter interp, string name, ReadOnlySpan<int> args, KeywordArguments kw, NdFill fill, bool zeroed)
    {
        BuiltinsModule.Arity(interp, name, args, 1, 3);
        long[] shape = ShapeArgument(interp, args[0]);
        bool isInt = DTypeIsInt(interp, args.Length > 1 ? args[1] : kw.Get("dtype"), defaultInt: false);
        NpyAllocator mem = Allocator(interp);
        NpyBlock shapeBlock = mem.AllocDims(shape.Length);
        try
        {
            return NewArray(interp, shape, isInt, fill, zeroed);
        }
        finally
        {
            mem.FreeDims(shapeBlock, shape.Length);
        }
    }

    private static long[] ShapeArgument(Interpreter interp, int shape) =>
        interp.Kind(shape) == TypeKind.Tuple
            ? [.. TupleType.Items(interp.Heap, shape).Select(x => BuiltinsModule.IntArg(interp, x))]
            : [BuiltinsModule.IntArg(interp, shape)];

    private static bool DTypeIsInt(Interpreter interp, int dtype, bool defaultInt)
    {
        if (dtype == 0 || dtype == interp.None) return defaultInt;
        string name = interp.Kind(dtype) == TypeKind.Str ? StrType.Value(interp.Heap, dtype)
            : interp.Kind(dtype) == TypeKind.Type ? Interpreter.ShortTypeName(interp.Heap.T.TypeInfoOfType(dtype)) : "float64";
        return name is "int" or "int64";
    }

    /// <summary>
    /// <c>PyArray_NewFromDescr_int</c> for a new array that owns its data: the object (<c>tp_alloc</c>, 96
    /// bytes), its dimensions/strides block (<c>npy_alloc_cache_dim(2 * nd)</c>), then the data through the
    /// handler — <c>nbytes</c>, or 1 byte for an empty array, zeroed on request (<c>PyArray_Zeros</c>).
    /// </summary>
    private static int NewArray(Interpreter interp, long[] shape, bool isInt, NdFill fill, bool zeroed)
    {
        NpyAllocator mem = Allocator(interp);
        var info = new NdArrayInfo(mem, shape, NdArrayInfo.ContiguousStrides(shape), isInt, fill, 0, []);
        int o = GenericType.New(interp.Heap, interp.Types.NdArray, [], info, track: false);
        if (shape.Length > 0) info.DimsBlock = mem.AllocDims(2L * shape.Length);
        if (shape.Any(d => d < 0))
        {
            interp.DecRef(o);
            interp.Raise("ValueError", "negative dimensions are not allowed");
        }
        long nbytes = Math.Max(info.NBytes, 1);
        info.DataBlock = zeroed ? mem.DataNewZeroed(nbytes) : mem.DataNew(nbytes);
        GenericType.Data(interp.Heap, o).SizeofExtra = info.SizeofExtra;
        return o;
    }

    /// <summary>
    /// <c>np.ones(shape, dtype=None, order='C')</c> is Python code (<c>numpy/core/numeric.py</c>):
    /// <c>a = empty(shape, dtype, order)</c>, then <c>multiarray.copyto(a, 1, casting='unsafe')</c>.
    /// </summary>
    public static int Ones(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "ones", args, 1, 3);
        long[] shape = ShapeArgument(interp, args[0]);
        bool isInt = DTypeIsInt(interp, args.Length > 1 ? args[1] : kw.Get("dtype"), defaultInt: false);
        NpyAllocator mem = Allocator(interp);
        NpyBlock shapeBlock = mem.AllocDims(shape.Length);
        int a;
        try
        {
            a = NewArray(interp, shape, isInt, NdFill.Ones, zeroed: false);
        }
        finally
        {
            mem.FreeDims(shapeBlock, shape.Length);
        }
        try
        {
            NdCopyto.FromPython(interp, a, interp.NewInt(1), "casting", "unsafe");
        }
        catch
        {
            interp.DecRef(a);
            throw;
        }
        return a;
    }

    /// <summary>
    /// <c>np.arange([start,] stop[, step])</c> for ints (<c>array_arange</c> → <c>PyArray_ArangeObj</c>):
    /// <c>_calc_length</c> computes <c>ceil((stop - start) / step)</c> with Python number objects (an int
    /// difference, a float quotient, then <c>next = start + step</c>), then the array (no shape converter:
    /// the length is passed directly) is made, its first two items set and the rest filled.
    /// </summary>
    public static int Arange(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "arange", args, 1, 4);
        foreach (int x in args.Length > 3 ? args[..3] : args) BuiltinsModule.IntArg(interp, x);
        bool isInt = DTypeIsInt(interp, args.Length > 3 ? args[3] : kw.Get("dtype"), defaultInt: true);
        int start, stop, step;
        if (args.Length == 1)
        {
            stop = interp.NewRef(args[0]);
            start = interp.NewInt(0);
        }
        else
        {
            start = interp.NewRef(args[0]);
            stop = interp.NewRef(args[1]);
        }
        step = args.Length > 2 ? interp.NewRef(args[2]) : interp.NewInt(1);
        int next = 0;
        try
        {
            if (IntType.Value(interp.Heap, step).IsZero) interp.Raise("ZeroDivisionError", "division by zero");
            long length = CalcLength(interp, start, stop, step, out next);
            long first = (long)IntType.Value(interp.Heap, start), stride = (long)IntType.Value(interp.Heap, step);
            int range = NewArray(interp, [length], isInt, NdFill.Arange, zeroed: false);
            NdArrayInfo info = Info(interp, range);
            info.ArangeStart = first;
            info.ArangeStep = stride;
            // setitem of the first two items, then fill: every element is written.
            Allocator(interp).Write(info.DataBlock, info.NBytes);
            return range;
        }
        finally
        {
            interp.DecRef(start);
            interp.DecRef(stop);
            interp.DecRef(step);
            if (next != 0) interp.DecRef(next);
        }
    }

    /// <summary><c>_calc_length</c>: <c>len = ceil((stop - start) / step)</c>, at least 0; <paramref name="next"/> =
    /// <c>start + step</c> when the length is positive.</summary>
    private static long CalcLength(Interpreter interp, int start, int stop, int step, out int next)
    {
        int diff = interp.BinaryOp(BinaryOperator.Sub, stop, start);
        int val;
        try
        {
            val = interp.BinaryOp(BinaryOperator.Div, diff, step);
        }
        finally
        {
            interp.DecRef(diff);
        }
        double value = FloatType.Value(interp.Heap, val);
        interp.DecRef(val);
        long len = (long)Math.Ceiling(value);
        next = len > 0 ? interp.BinaryOp(BinaryOperator.Add, start, step) : 0;
        return Math.Max(len, 0);
    }

    /// <summary><c>PyArray_FromAny</c> of a Python int or float (<c>PyArray_Converter</c>): a 0-d array of the
    /// discovered dtype (int64 or float64) holding the value, with its 8 data bytes and no dimensions.</summary>
    internal static int NewScalarArray(Interpreter interp, int value)
    {
        bool isInt = interp.Kind(value) is TypeKind.Int or TypeKind.Bool;
        int o = NewArray(interp, [], isInt, NdFill.Empty, zeroed: false);
        NdArrayInfo info = Info(interp, o);
        info.Overrides[0] = isInt ? (double)IntType.Value(interp.Heap, value) : FloatType.Value(interp.Heap, value);
        Allocator(interp).Write(info.DataBlock, info.NBytes);
        return o;
    }

    /// <summary>Marks every data byte of <paramref name="o"/>'s owner as written (a fill or a copy into it).</summary>
    internal static void FillWritten(Interpreter interp, int o)
    {
        NdArrayInfo a = Info(interp, o);
        int owner = a.OwnsData ? o : GenericType.Data(interp.Heap, o).Refs[0];
        NdArrayInfo data = Info(interp, owner);
        Allocator(interp).Write(data.DataBlock, data.NBytes);
    }

    // ---- views ----

    /// <summary>
    /// <c>PyArray_NewFromDescrAndBase(…, data, …, base=self)</c> as <c>get_view_from_index</c> calls it: a new
    /// array object and dimensions block over <paramref name="source"/>'s data. <c>PyArray_SetBaseObject</c>
    /// collapses the chain of views: the base is the array that owns the data, so a view of a view still
    /// holds (and keeps alive) the owner, not the intermediate view.
    /// </summary>
    private static int NewView(Interpreter interp, int source, long[] shape, long[] strides, long offset)
    {
        NdArrayInfo a = Info(interp, source);
        NpyAllocator mem = Allocator(interp);
        int owner = a.OwnsData ? source : GenericType.Data(interp.Heap, source).Refs[0];
        var view = new NdArrayInfo(mem, shape, strides, a.IsInt, a.Fill, offset, a.Overrides)
        {
            ArangeStart = a.ArangeStart,
            ArangeStep = a.ArangeStep,
        };
        int v = GenericType.New(interp.Heap, interp.Types.NdArray, [], view, track: false);
        if (shape.Length > 0) view.DimsBlock = mem.AllocDims(2L * shape.Length);
        GenericType.Data(interp.Heap, v).Refs = [interp.NewRef(owner)];
        GenericType.Data(interp.Heap, v).SizeofExtra = view.SizeofExtra;
        return v;
    }

    /// <summary><c>array_subscript</c> for an int (an element of a 1-d array, else a view of one row) or a
    /// slice along the first axis (a view: <c>start</c> moves the data pointer, <c>step</c> scales the stride).</summary>
    public static int GetItem(Interpreter interp, int o, int key)
    {
        NdArrayInfo a = Info(interp, o);
        if (a.Shape.Length == 0) throw interp.Raise("IndexError", "too many indices for array: array is 0-dimensional, but 1 were indexed");
        if (interp.IsSlice(key))
        {
            (long start, _, long step, long count) = interp.SliceIndices(key, a.Shape[0]);
            long[] shape = [.. a.Shape];
            long[] strides = [.. a.Strides];
            shape[0] = count;
            strides[0] = a.Strides[0] * step;
            return NewView(interp, o, shape, strides, a.Offset + start * a.Strides[0]);
        }
        if (interp.Kind(key) is not (TypeKind.Int or TypeKind.Bool)) throw interp.Raise("IndexError", "only integers and slices are supported by this stand-in");
        long i = BuiltinsModule.IntArg(interp, key);
        long n = a.Length;
        if (i < 0) i += n;
        if (i < 0 || i >= n) throw interp.Raise("IndexError", $"index {BuiltinsModule.IntArg(interp, key)} is out of bounds for axis 0 with size {n}");
        if (a.Shape.Length == 1) return Scalar(interp, a, i);
        return NewView(interp, o, a.Shape[1..], a.Strides[1..], a.Offset + i * a.Strides[0]);
    }

    public static void SetItem(Interpreter interp, int o, int key, int value)
    {
        NdArrayInfo a = Info(interp, o);
        if (a.Shape.Length != 1) interp.Raise("TypeError", "only 1-D element assignment is supported by this stand-in");
        long i = BuiltinsModule.IntArg(interp, key);
        if (i < 0) i += a.Length;
        if (i < 0 || i >= a.Length) interp.Raise("IndexError", $"index {i} is out of bounds for axis 0 with size {a.Length}");
        double v = interp.Kind(value) == TypeKind.Float ? FloatType.Value(interp.Heap, value) : (double)IntType.Value(interp.Heap, value);
        a.Overrides[a.OwnerIndex(i)] = v;
    }

    private static int Scalar(Interpreter interp, NdArrayInfo a, long flat)
    {
        double v = a.Element(flat);
        return a.IsInt ? interp.NewInt((long)v) : interp.NewFloat(v);
    }

    // ---- attributes and methods ----

    public static int GetAttribute(Interpreter interp, int o, string name)
    {
        NdArrayInfo a = Info(interp, o);
        switch (name)
        {
            case "nbytes": return interp.NewInt(a.NBytes);
            case "size": return interp.NewInt(a.Size);
            case "ndim": return interp.NewInt(a.Shape.Length);
            case "itemsize": return interp.NewInt(a.ItemSize);
            case "dtype": return interp.NewStr(a.DType);
            case "shape": return interp.NewTupleStealing([.. a.Shape.Select(d => interp.NewInt(d))]);
            case "strides": return interp.NewTupleStealing([.. a.Strides.Select(s => interp.NewInt(s * a.ItemSize))]);
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
