using System.Runtime.CompilerServices;
using PyHeapSim.Memory.Pymalloc;
using PyHeapSim.Profiles;

namespace PyHeapSim.Memory;

/// <summary>
/// Where simulated bytes come from (CPython's <c>PyObject_Malloc</c> family with tracemalloc's hooks):
/// every object block, list item array, dict keys table and buffer is requested here with its exact
/// CPython request size. Requests of 1 … 512 bytes go to <see cref="PymallocAllocator"/>, 0-byte and
/// bigger ones to <see cref="RawAllocator"/>; a block is freed by whichever allocator owns its address.
/// </summary>
/// <remarks>
/// <para>Three views are kept, all in simulated bytes:</para>
/// <list type="bullet">
/// <item><see cref="RequestedBytes"/>: every live request, traced or not (what <c>PyHeap.Verify</c> balances).</item>
/// <item>tracemalloc: <see cref="TracedCurrent"/>/<see cref="TracedPeak"/>, the requested sizes of the live
/// blocks allocated or reallocated since <see cref="StartTracing"/> (cpython-facts §6.2).</item>
/// <item><see cref="AllocatedBlocks"/>: <c>sys.getallocatedblocks()</c>.</item>
/// </list>
/// <para>The object-domain calls (<see cref="Malloc"/>, <see cref="Calloc"/>, <see cref="Realloc"/>,
/// <see cref="Free"/>) are O(1) and allocation-free for pymalloc-sized blocks.</para>
/// </remarks>
internal sealed class MemoryManager
{
    private readonly int _smallThreshold;
    private readonly TraceTable _traces;
    private bool _tracing;

    public MemoryManager(AllocatorGeometry geometry)
    {
        Geometry = geometry;
        _smallThreshold = geometry.SmallRequestThreshold;
        Pymalloc = new PymallocAllocator(geometry);
        Raw = new RawAllocator(geometry);
        _traces = new TraceTable(System.Numerics.BitOperations.Log2((uint)geometry.ArenaSize));
    }

    public AllocatorGeometry Geometry { get; }
    public PymallocAllocator Pymalloc { get; }
    public RawAllocator Raw { get; }

    /// <summary><c>sys.getallocatedblocks()</c>: pymalloc blocks in use + live system blocks requested
    /// through pymalloc (0-byte and &gt; 512-byte requests). Raw-domain buffers are not counted.</summary>
    public long AllocatedBlocks => Pymalloc.BlocksInUse + Raw.CountedBlocks;

    /// <summary>Requested bytes of every live block, all domains, traced or not.</summary>
    public long RequestedBytes { get; private set; }

    /// <summary>The highest <see cref="RequestedBytes"/> reached (simulated bytes), tracing or not.</summary>
    public long PeakRequestedBytes { get; private set; }

    public bool IsTracing => _tracing;
    public long TracedCurrent { get; private set; }
    public long TracedPeak { get; private set; }

    /// <summary>
    /// <c>PyObject_Malloc(bytes)</c> (also <c>PyMem_Malloc</c>): 1 … 512 bytes from pymalloc, 0 or more
    /// from the system allocator (still counted as an allocated block, as <c>_PyObject_Malloc</c> does).
    /// Returns the block's simulated address.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Malloc(long bytes)
    {
        long address;
        bool small = (ulong)(bytes - 1) < (ulong)_smallThreshold;
        if (small) address = Pymalloc.Allocate((int)bytes);
        else address = Raw.Allocate(bytes, counted: true, lazy: false);
        RequestedBytes += bytes;
        if (RequestedBytes > PeakRequestedBytes) PeakRequestedBytes = RequestedBytes;
        if (_tracing) Trace(address, bytes, small);
        return address;
    }

    /// <summary>
    /// <c>PyObject_Calloc</c>: as <see cref="Malloc"/>, zero-filled. A big block is a fresh zero mapping
    /// whose pages become resident only when <see cref="Touch"/>ed (e.g. <c>bytes(10**8)</c>).
    /// </summary>
    public long Calloc(long bytes)
    {
        bool small = (ulong)(bytes - 1) < (ulong)_smallThreshold;
        long address = small ? Pymalloc.Allocate((int)bytes) : Raw.Allocate(bytes, counted: true, lazy: true);
        RequestedBytes += bytes;
        if (RequestedBytes > PeakRequestedBytes) PeakRequestedBytes = RequestedBytes;
        if (_tracing) Trace(address, bytes, small);
        return address;
    }

    /// <summary>
    /// <c>PyMem_RawMalloc</c>/<c>PyMem_RawCalloc</c>, or a buffer an extension tracks with
    /// <c>PyTraceMalloc_Track</c> (NumPy's data): always the system allocator, traced, not counted by
    /// <c>sys.getallocatedblocks()</c>. The content counts as unwritten until <see cref="Touch"/>ed
    /// (both <c>np.empty</c> and <c>np.zeros</c> leave a big buffer's pages untouched).
    /// </summary>
    public long RawMalloc(long bytes)
    {
        long address = Raw.Allocate(bytes, counted: false, lazy: true);
        RequestedBytes += bytes;
        if (RequestedBytes > PeakRequestedBytes) PeakRequestedBytes = RequestedBytes;
        if (_tracing) Trace(address, bytes, pymalloc: false);
        return address;
    }

    /// <summary>
    /// An extension's own <c>malloc</c>/<c>calloc</c> (NumPy's default data allocator): the system allocator,
    /// not hooked by tracemalloc (the extension reports the block with <see cref="Track"/>), not counted by
    /// <c>sys.getallocatedblocks()</c>. The content counts as unwritten until <see cref="Touch"/>ed.
    /// </summary>
    public long SystemMalloc(long bytes)
    {
        long address = Raw.Allocate(bytes, counted: false, lazy: true);
        RequestedBytes += bytes;
        if (RequestedBytes > PeakRequestedBytes) PeakRequestedBytes = RequestedBytes;
        return address;
    }

    /// <summary>The extension's <c>free</c> of a <see cref="SystemMalloc"/> block (untrack it first).</summary>
    public void SystemFree(long address, long bytes)
    {
        Raw.Free(address);
        RequestedBytes -= bytes;
    }

    /// <summary><c>PyTraceMalloc_Track(domain, ptr, size)</c>: traces a block the extension allocated itself
    /// (tracemalloc's current size sums every domain). Nothing when not tracing.</summary>
    public void Track(long address, long bytes)
    {
        if (!_tracing || !_traces.Add(address, pymalloc: false)) return;
        TracedCurrent += bytes;
        if (TracedCurrent > TracedPeak) TracedPeak = TracedCurrent;
    }

    /// <summary><c>PyTraceMalloc_Untrack(domain, ptr)</c>: forgets the block's trace, if it has one.</summary>
    public void Untrack(long address, long bytes)
    {
        if (_tracing) Untrace(address, bytes, pymalloc: false);
    }

    /// <summary>Marks part of a system block as written (its pages become resident). See <see cref="RawAllocator.Touch"/>.</summary>
    public void Touch(long address, long offset, long length)
    {
        if (address != 0 && !Pymalloc.Owns(address)) Raw.Touch(address, offset, length);
    }

    /// <summary>Frees a block returned by this manager; <paramref name="bytes"/> is the size it was requested with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Free(long address, long bytes)
    {
        if (address == 0) return;
        bool small = Pymalloc.Owns(address);
        if (small) Pymalloc.Free(address);
        else Raw.Free(address);
        RequestedBytes -= bytes;
        if (_tracing) Untrace(address, bytes, small);
    }

    /// <summary>
    /// <c>PyMem_Realloc</c> (<c>_PyObject_Realloc</c>): returns the block's new address (<paramref name="address"/>
    /// 0 allocates). A pymalloc block stays in place when the new size fits its class and is more than
    /// 3/4 of it; otherwise it moves (to the system allocator if the new size is 0 or &gt; 512). A system
    /// block stays with the system allocator whatever the new size (<c>PyMem_RawRealloc</c>).
    /// tracemalloc re-traces the result, even in place and even if the old block was untraced.
    /// </summary>
    public long Realloc(long address, long oldBytes, long newBytes)
    {
        if (address == 0) return Malloc(newBytes);
        long result;
        bool small = Pymalloc.Owns(address);
        if (small)
        {
            // pymalloc_realloc: keep the block when it is the same or shrinks by less than a quarter.
            long blockSize = Pymalloc.BlockSizeAt(address);
            if (newBytes <= blockSize && 4 * newBytes > 3 * blockSize)
            {
                result = address;
            }
            else
            {
                bool newSmall = (ulong)(newBytes - 1) < (ulong)_smallThreshold;
                result = newSmall ? Pymalloc.Allocate((int)newBytes) : Raw.Allocate(newBytes, counted: true, lazy: false);
                Pymalloc.Free(address);
            }
        }
        else
        {
            result = Raw.Reallocate(address, newBytes);
        }
        RequestedBytes += newBytes - oldBytes;
        if (_tracing)
        {
            Untrace(address, oldBytes, small);
            Trace(result, newBytes, Pymalloc.Owns(result));
        }
        return result;
    }

    /// <summary><c>tracemalloc.start()</c>: a no-op when already tracing.</summary>
    public void StartTracing() => _tracing = true;

    /// <summary><c>tracemalloc.stop()</c>: forgets every trace; current and peak read 0.</summary>
    public void StopTracing()
    {
        _tracing = false;
        ClearTraces();
    }

    /// <summary><c>tracemalloc.clear_traces()</c>: forgets every trace, keeps tracing.</summary>
    public void ClearTraces()
    {
        _traces.Clear();
        TracedCurrent = 0;
        TracedPeak = 0;
    }

    /// <summary><c>tracemalloc.reset_peak()</c>: the peak restarts at the current size.</summary>
    public void ResetPeak() => TracedPeak = TracedCurrent;

    /// <summary>A footprint estimate (O(1)).</summary>
    public MemoryFootprint Footprint => new(
        (long)Pymalloc.ArenasCurrentlyAllocated * Geometry.ArenaSize,
        Pymalloc.CarvedPools * Geometry.PoolSize,
        Raw.MappedBytes,
        Raw.ResidentBytes);

    /// <summary>The allocator's part of <c>sys._debugmallocstats()</c>; free lists are added by the heap.</summary>
    public MallocStats Census() => Pymalloc.Census() with
    {
        AllocatedBlocks = AllocatedBlocks,
        SystemBlocks = Raw.BlocksInUse,
        SystemBytes = Raw.BytesInUse,
        Footprint = Footprint,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Trace(long address, long bytes, bool pymalloc)
    {
        // tracemalloc_add_trace: a block traced already (in-place realloc) just changes size; callers untrace first.
        _traces.Add(address, pymalloc);
        TracedCurrent += bytes;
        if (TracedCurrent > TracedPeak) TracedPeak = TracedCurrent;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Untrace(long address, long bytes, bool pymalloc)
    {
        if (_traces.Remove(address, pymalloc)) TracedCurrent -= bytes;
    }
}
