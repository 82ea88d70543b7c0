using PyHeapSim.Memory;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>A block NumPy allocated: its address and the size it was requested with.</summary>
internal readonly record struct NpyBlock(long Address, long Bytes)
{
    public bool IsNull => Address == 0;
}

/// <summary>
/// NumPy's "very simplistic small memory block cache" (<c>numpy/core/src/multiarray/alloc.c</c>, 1.24:
/// <c>_npy_alloc_cache</c>/<c>_npy_free_cache</c>): one bucket per request size below a limit, each keeping
/// up to <see cref="PerBucket"/> (<c>NCACHE</c>) freed blocks that the next request of that size takes back,
/// last freed first. A freed block goes to the bucket its caller names, which is not always the bucket it
/// was taken from, so a bucket can hold blocks of another size: each entry keeps its real size.
/// </summary>
/// <remarks>
/// <para>The two instances: the dimensions/strides cache (<c>dimcache</c>, 16 buckets of <c>npy_intp</c>
/// counts, blocks from <c>PyMem_RawMalloc</c>, so traced by tracemalloc while parked) and the data cache
/// (<c>datacache</c>, 1024 buckets of byte counts, blocks from <c>malloc</c>, untracked while parked).</para>
/// <para>Parked blocks stay allocated (<see cref="IParkedBlocks"/>).</para>
/// </remarks>
internal sealed class NpyBlockCache(int buckets) : IParkedBlocks
{
    /// <summary><c>NCACHE</c>: cache entries per bucket.</summary>
    public const int PerBucket = 7;

    private readonly NpyBlock[]?[] _buckets = new NpyBlock[]?[buckets];
    private readonly int[] _available = new int[buckets];

    /// <summary>Number of buckets (<c>NBUCKETS</c>, <c>NBUCKETS_DIM</c>): sizes 0 … buckets − 1 are cached.</summary>
    public int Buckets => _buckets.Length;

    public long ParkedBytes { get; private set; }

    /// <summary>Blocks parked in bucket <paramref name="nelem"/> (0 past the last bucket).</summary>
    public int Available(long nelem) => nelem < _buckets.Length ? _available[nelem] : 0;

    /// <summary>The allocation side: the most recently parked block of bucket <paramref name="nelem"/>, if any.</summary>
    public bool TryTake(long nelem, out NpyBlock block)
    {
        if (nelem < _buckets.Length && _available[nelem] > 0)
        {
            block = _buckets[nelem]![--_available[nelem]];
            ParkedBytes -= block.Bytes;
            return true;
        }
        block = default;
        return false;
    }

    /// <summary>The free side: parks <paramref name="block"/> in bucket <paramref name="nelem"/> unless it is past
    /// the last bucket or the bucket is full (then the caller frees it).</summary>
    public bool TryPark(long nelem, NpyBlock block)
    {
        if (block.IsNull || nelem >= _buckets.Length || _available[nelem] >= PerBucket) return false;
        NpyBlock[] bucket = _buckets[nelem] ??= new NpyBlock[PerBucket];
        bucket[_available[nelem]++] = block;
        ParkedBytes += block.Bytes;
        return true;
    }
}
