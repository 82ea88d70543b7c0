using PyHeapSim.Profiles;

namespace PyHeapSim.Memory;

/// <summary>
/// Where simulated bytes come from: every object block, list item array, dict keys table and buffer is
/// requested here with its exact CPython request size, so the accounting views (tracemalloc-style
/// traced bytes, <c>sys.getallocatedblocks()</c>) follow CPython's. Requests of at most
/// <see cref="AllocatorGeometry.SmallRequestThreshold"/> bytes go to <see cref="PymallocAllocator"/>;
/// larger ones to <see cref="RawAllocator"/>.
/// </summary>
internal sealed class MemoryManager
{
    private readonly int _smallThreshold;
    private Dictionary<long, long>? _traced;

    public MemoryManager(AllocatorGeometry geometry)
    {
        Geometry = geometry;
        _smallThreshold = geometry.SmallRequestThreshold;
        Pymalloc = new PymallocAllocator(geometry);
        Raw = new RawAllocator();
    }

    public AllocatorGeometry Geometry { get; }
    public PymallocAllocator Pymalloc { get; }
    public RawAllocator Raw { get; }

    /// <summary>Blocks handed out and not yet freed, pymalloc and raw (<c>sys.getallocatedblocks()</c>).</summary>
    public long AllocatedBlocks => Pymalloc.BlocksInUse + Raw.BlocksInUse;

    /// <summary>Requested bytes of every live block (simulated bytes, before rounding).</summary>
    public long RequestedBytes { get; private set; }

    public bool IsTracing => _traced is not null;
    public long TracedCurrent { get; private set; }
    public long TracedPeak { get; private set; }

    /// <summary>Allocates <paramref name="bytes"/> (≥ 0; 0 goes to the system allocator, as in
    /// <c>_PyObject_Malloc</c>) and returns the block's simulated address.</summary>
    public long Malloc(long bytes)
    {
        long address = bytes <= _smallThreshold && bytes > 0 ? Pymalloc.Allocate((int)bytes) : Raw.Allocate(bytes);
        RequestedBytes += bytes;
        if (_traced is not null) Trace(address, bytes);
        return address;
    }

    /// <summary>Frees a block returned by <see cref="Malloc"/> with the same size.</summary>
    public void Free(long address, long bytes)
    {
        if (address == 0) return;
        if (bytes <= _smallThreshold && bytes > 0) Pymalloc.Free(address, (int)bytes);
        else Raw.Free(address, bytes);
        RequestedBytes -= bytes;
        if (_traced is not null) Untrace(address);
    }

    /// <summary><c>PyMem_Realloc</c>: a new block of <paramref name="newBytes"/>; 0 frees. Returns the new address.</summary>
    public long Realloc(long address, long oldBytes, long newBytes)
    {
        if (newBytes == oldBytes && address != 0) return address;
        if (address == 0) return Malloc(newBytes);
        // pymalloc's realloc keeps a small block when the new size still fits its size class and is
        // not much smaller (pymalloc_realloc: "fits and is at least 75% of the block").
        if (oldBytes <= _smallThreshold && newBytes <= _smallThreshold && newBytes > 0)
        {
            long blockSize = PymallocAllocator.RoundUp((int)oldBytes, Geometry.Alignment);
            if (newBytes <= blockSize && 4 * newBytes > 3 * blockSize)
            {
                RequestedBytes += newBytes - oldBytes;
                if (_traced is not null) { Untrace(address); Trace(address, newBytes); }
                return address;
            }
        }
        // A shrink to 0 still returns a block (pymalloc forwards a 0-byte request to malloc), so a list
        // popped to empty keeps a non-NULL ob_item, unlike a cleared one.
        long fresh = Malloc(newBytes);
        Free(address, oldBytes);
        return fresh;
    }

    public void StartTracing()
    {
        _traced ??= new Dictionary<long, long>();
    }

    public void StopTracing()
    {
        _traced = null;
        TracedCurrent = 0;
        TracedPeak = 0;
    }

    public void ResetPeak() => TracedPeak = TracedCurrent;

    private void Trace(long address, long bytes)
    {
        _traced![address] = bytes;
        TracedCurrent += bytes;
        if (TracedCurrent > TracedPeak) TracedPeak = TracedCurrent;
    }

    private void Untrace(long address)
    {
        if (_traced!.Remove(address, out long bytes)) TracedCurrent -= bytes;
    }
}
