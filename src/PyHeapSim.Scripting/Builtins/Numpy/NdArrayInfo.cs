using PyHeapSim.Objects;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>How an array's elements were initialised (values are computed, not stored).</summary>
internal enum NdFill
{
    Zeros,
    Ones,
    Empty,
    Arange,
}

/// <summary>
/// Host data of an ndarray (<c>PyArrayObject_fields</c>): shape and strides (counted in elements), the
/// offset of element 0 in the owner's data, dtype and fill, element overrides shared with every view of
/// the same data, and the blocks the array owns — its dimensions/strides block always (for <c>nd</c> &gt; 0),
/// its data block only when it owns the data (<c>NPY_ARRAY_OWNDATA</c>); a view references its base
/// (the object's first reference) instead.
/// </summary>
internal sealed class NdArrayInfo(NpyAllocator allocator, long[] shape, long[] strides, bool isInt, NdFill fill, long offset, Dictionary<long, double> overrides)
    : IHostBuffers
{
    public long[] Shape { get; } = shape;
    public long[] Strides { get; } = strides;
    public bool IsInt { get; } = isInt;
    public NdFill Fill { get; } = fill;
    public long Offset { get; } = offset;
    public Dictionary<long, double> Overrides { get; } = overrides;

    /// <summary><c>np.arange</c>'s first value and step: the owner's element <c>i</c> is <c>start + i × step</c>.</summary>
    public double ArangeStart { get; set; }
    public double ArangeStep { get; set; } = 1;

    /// <summary><c>fa->dimensions</c> (dimensions then strides); null for a 0-d array.</summary>
    public NpyBlock DimsBlock { get; set; }

    /// <summary><c>fa->data</c> when the array owns it.</summary>
    public NpyBlock DataBlock { get; set; }

    public bool OwnsData => !DataBlock.IsNull;
    public long Size => Shape.Aggregate(1L, (a, b) => a * b);
    public long Length => Shape.Length == 0 ? 1 : Shape[0];
    public long NBytes => Size * ItemSize;
    public int ItemSize => 8;
    public string DType => IsInt ? "int64" : "float64";

    /// <summary>C-order strides (in elements) of a fresh array of <paramref name="shape"/>.</summary>
    public static long[] ContiguousStrides(long[] shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    /// <summary>The owner's element index of this array's element number <paramref name="flat"/> (C order).</summary>
    public long OwnerIndex(long flat)
    {
        long index = Offset;
        for (int i = Shape.Length - 1; i >= 0; i--)
        {
            long d = Shape[i];
            index += flat % d * Strides[i];
            flat /= d;
        }
        return index;
    }

    public double Element(long flat)
    {
        long i = OwnerIndex(flat);
        return Overrides.TryGetValue(i, out double v) ? v : Fill switch { NdFill.Ones => 1, NdFill.Arange => ArangeStart + i * ArangeStep, _ => 0 };
    }

    /// <summary><c>array_sizeof</c>: the object's basic size + 2 × nd <c>npy_intp</c>s + the data it owns.</summary>
    public long SizeofExtra => 16L * Shape.Length + (OwnsData ? NBytes : 0);

    public long OwnedBytes => DimsBlock.Bytes + DataBlock.Bytes;

    /// <summary>
    /// The end of <c>array_dealloc</c>, after <c>base</c> was dropped: the data goes back through the handler
    /// (<c>PyDataMem_UserFREE</c> with <c>nbytes</c>, 1 for an empty array), then the dimensions to the cache
    /// (<c>npy_free_cache_dim(fa->dimensions, 2 * fa->nd)</c>).
    /// </summary>
    public void FreeBuffers(PyHeap heap)
    {
        if (OwnsData) allocator.DataFree(DataBlock, Math.Max(NBytes, 1));
        DataBlock = default;
        allocator.FreeDims(DimsBlock, 2L * Shape.Length);
        DimsBlock = default;
    }
}
