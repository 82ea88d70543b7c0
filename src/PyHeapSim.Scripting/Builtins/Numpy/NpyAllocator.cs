using PyHeapSim.Memory;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>
/// Where NumPy 1.24's arrays get their memory (<c>numpy/core/src/multiarray/alloc.c</c>), one instance per
/// interpreter, made at <c>import numpy</c>:
/// <list type="bullet">
/// <item>dimensions and strides: <c>npy_alloc_cache_dim(sz)</c>, <c>sz</c> <c>npy_intp</c>s (at least 2) through
/// the 16-bucket dimension cache, misses from <c>PyMem_RawMalloc</c> — a raw-domain block that tracemalloc
/// traces, parked or not;</item>
/// <item>data: the default <c>PyDataMem_Handler</c> (<c>default_malloc</c>/<c>default_calloc</c>/<c>default_free</c>)
/// behind <c>PyDataMem_UserNEW</c>/<c>_ZEROED</c>/<c>FREE</c>: requests under 1024 bytes through the
/// 1024-bucket data cache, misses from <c>malloc</c> (or <c>calloc</c> for a big zeroed request); the wrapper
/// reports each block to tracemalloc with <c>PyTraceMalloc_Track</c> in NumPy's own domain and untracks it
/// before freeing, so a parked data block is not traced (tracemalloc's total sums all domains).</item>
/// </list>
/// </summary>
internal sealed class NpyAllocator
{
    /// <summary><c>NBUCKETS</c>: data requests under 1024 bytes are cached.</summary>
    public const int DataBuckets = 1024;

    /// <summary><c>NBUCKETS_DIM</c>: dimension requests under 16 <c>npy_intp</c>s are cached.</summary>
    public const int DimBuckets = 16;

    private const int IntpSize = 8;

    private readonly MemoryManager _memory;

    public NpyAllocator(PyHeap heap)
    {
        _memory = heap.Memory;
        heap.RegisterParkedBlocks(Dims);
        heap.RegisterParkedBlocks(Data);
    }

    public NpyBlockCache Dims { get; } = new(DimBuckets);
    public NpyBlockCache Data { get; } = new(DataBuckets);

    /// <summary>
    /// The dimension cache as <c>import numpy</c> leaves it: importing creates and drops many small 1-D
    /// arrays (and shape buffers), enough to fill the 2-<c>npy_intp</c> bucket, whose blocks were allocated
    /// before the script could start tracemalloc. (The recorded 3.11-numpy corpus shows at least three such
    /// untraced blocks in circulation; a full bucket is the steady state of any import that makes more than
    /// seven 1-D arrays.)
    /// </summary>
    public void FillAtImport()
    {
        var blocks = new NpyBlock[NpyBlockCache.PerBucket];
        for (int i = 0; i < blocks.Length; i++) blocks[i] = AllocDims(2);
        foreach (NpyBlock b in blocks) FreeDims(b, 2);
    }

    /// <summary><c>npy_alloc_cache_dim(sz)</c>: room for <paramref name="sz"/> <c>npy_intp</c>s (at least 2, so that
    /// any block can hold one dimension and its stride).</summary>
    public NpyBlock AllocDims(long sz)
    {
        if (sz < 2) sz = 2;
        if (Dims.TryTake(sz, out NpyBlock b)) return b;
        long bytes = sz * IntpSize;
        return new NpyBlock(_memory.RawMalloc(bytes), bytes);
    }

    /// <summary><c>npy_free_cache_dim(p, sz)</c>: parks the block in bucket <paramref name="sz"/> (at least 2) or
    /// frees it (<c>PyMem_RawFree</c>).</summary>
    public void FreeDims(NpyBlock block, long sz)
    {
        if (block.IsNull) return;
        if (sz < 2) sz = 2;
        if (!Dims.TryPark(sz, block)) _memory.Free(block.Address, block.Bytes);
    }

    /// <summary><c>PyDataMem_UserNEW(size)</c> with the default handler: <c>default_malloc</c> (cache, else
    /// <c>malloc</c>), then <c>PyTraceMalloc_Track</c>. The content is left unwritten.</summary>
    public NpyBlock DataNew(long size)
    {
        NpyBlock b = Data.TryTake(size, out NpyBlock cached) ? cached : new NpyBlock(_memory.SystemMalloc(size), size);
        _memory.Track(b.Address, size);
        return b;
    }

    /// <summary><c>PyDataMem_UserNEW_ZEROED(size, 1)</c>: <c>default_calloc</c> takes a request under 1024 bytes
    /// from the cache and <c>memset</c>s it (its pages are written); a bigger one is a fresh <c>calloc</c>, whose
    /// zero pages are not touched until written.</summary>
    public NpyBlock DataNewZeroed(long size)
    {
        NpyBlock b;
        if (size < DataBuckets)
        {
            b = Data.TryTake(size, out NpyBlock cached) ? cached : new NpyBlock(_memory.SystemMalloc(size), size);
            _memory.Touch(b.Address, 0, size);
        }
        else
        {
            b = new NpyBlock(_memory.SystemMalloc(size), size);
        }
        _memory.Track(b.Address, size);
        return b;
    }

    /// <summary><c>PyDataMem_UserFREE(ptr, size)</c>: <c>PyTraceMalloc_Untrack</c>, then <c>default_free</c> parks the
    /// block in bucket <paramref name="size"/> or frees it.</summary>
    public void DataFree(NpyBlock block, long size)
    {
        if (block.IsNull) return;
        _memory.Untrack(block.Address, size);
        if (!Data.TryPark(size, block)) _memory.SystemFree(block.Address, block.Bytes);
    }

    /// <summary>Marks <paramref name="bytes"/> of a data block as written (a fill, a copy).</summary>
    public void Write(NpyBlock block, long bytes) => _memory.Touch(block.Address, 0, bytes);
}
