using PyHeapSim.Profiles;

namespace PyHeapSim.Memory;

/// <summary>
/// The system allocator (glibc <c>malloc</c>) behind pymalloc: requests of 0 or more than 512 bytes made
/// through <c>PyObject_Malloc</c>/<c>PyMem_Malloc</c> (counted by <c>sys.getallocatedblocks()</c>), and
/// raw-domain buffers (<c>PyMem_RawMalloc</c>, NumPy's data) that are not.
/// </summary>
/// <remarks>
/// <para>Chunks follow glibc's shape, enough for deterministic addresses and a footprint estimate:
/// below the mmap threshold a chunk is the request + 8 header bytes rounded up to 16 (at least 32),
/// carved from a heap at <see cref="HeapBase"/> and, once freed, kept by malloc and reused LIFO for a
/// request of the same chunk size (so <c>id()</c> of a big string made twice in a row repeats, as in
/// CPython); at or above it, a page-rounded mapping of its own at <see cref="MmapBase"/>, unmapped
/// on free. The user pointer is the chunk address + 16.</para>
/// <para>Blocks are rows of a column table found through one dictionary keyed by address; a row keeps
/// its address for life, so the dictionary never shrinks or churns. Not on pymalloc's hot path.</para>
/// </remarks>
internal sealed class RawAllocator
{
    /// <summary>Simulated base of the <c>brk</c> heap.</summary>
    public const long HeapBase = 0x5600_0000_0000;

    /// <summary>Simulated base of the mapping area for big blocks.</summary>
    public const long MmapBase = 0x7e00_0000_0000;

    private const byte Live = 1, Counted = 2, Lazy = 4, Mapped = 8;
    private const int Null = -1;

    private readonly int _pageSize;
    private readonly int _mmapThreshold;
    private readonly Dictionary<long, int> _slotByAddress = [];
    private readonly Dictionary<long, int> _freeByChunk = [];   // chunk size → last freed heap row

    // Columns, one row per chunk ever carved (bytes per row: 8 + 8 + 8 + 1 + 4 + 8 + 8).
    private long[] _address = new long[16];
    private long[] _chunk = new long[16];
    private long[] _bytes = new long[16];
    private byte[] _flags = new byte[16];
    private int[] _nextFree = new int[16];
    private long[] _touchedPages = new long[16];
    private ulong[]?[] _pageBits = new ulong[]?[16];
    private int _rows;
    private long _heapTop = HeapBase;
    private long _mmapTop = MmapBase;

    public RawAllocator(AllocatorGeometry geometry)
    {
        _pageSize = geometry.PageSize;
        _mmapThreshold = geometry.MmapThreshold;
    }

    /// <summary>Live blocks of every domain.</summary>
    public long BlocksInUse { get; private set; }

    /// <summary>Live blocks requested through pymalloc's API (the system part of <c>sys.getallocatedblocks()</c>).</summary>
    public long CountedBlocks { get; private set; }

    /// <summary>Requested bytes of the live blocks.</summary>
    public long BytesInUse { get; private set; }

    /// <summary>Address space held: the whole heap (malloc keeps freed chunks) + live mappings.</summary>
    public long MappedBytes => (_heapTop - HeapBase) + _mappedChunkBytes;

    /// <summary>Resident estimate: the whole heap + eager mappings + touched pages of lazy ones.</summary>
    public long ResidentBytes => (_heapTop - HeapBase) + _residentMappedBytes;

    private long _mappedChunkBytes;
    private long _residentMappedBytes;

    /// <summary>
    /// <c>malloc</c>/<c>calloc</c>. <paramref name="counted"/>: requested through pymalloc's API.
    /// <paramref name="lazy"/>: the content is not written now (zero-filled or uninitialised buffer), so a
    /// mapping's pages become resident only through <see cref="Touch"/>.
    /// </summary>
    public long Allocate(long bytes, bool counted, bool lazy)
    {
        long chunk = ChunkSize(bytes);
        bool mapped = bytes >= _mmapThreshold;
        int row = Null;
        if (_freeByChunk.TryGetValue(chunk, out int head) && head != Null)
        {
            row = head;
            _freeByChunk[chunk] = _nextFree[row];
        }
        if (row == Null) row = NewRow(chunk, mapped);
        _bytes[row] = bytes;
        _flags[row] = (byte)(Live | (counted ? Counted : 0) | (mapped ? Mapped : 0) | (mapped && lazy ? Lazy : 0));
        if (mapped)
        {
            _mappedChunkBytes += chunk;
            if (lazy)
            {
                // Only the page holding the chunk header is written.
                _pageBits[row] ??= new ulong[(int)((chunk / _pageSize + 63) >> 6)];
                _pageBits[row]![0] |= 1;
                _touchedPages[row] = 1;
                _residentMappedBytes += _pageSize;
            }
            else
            {
                _residentMappedBytes += chunk;
            }
        }
        BlocksInUse++;
        if (counted) CountedBlocks++;
        BytesInUse += bytes;
        return _address[row];
    }

    /// <summary><c>free</c>: a heap chunk goes to malloc's free chunks; a mapping is unmapped.</summary>
    public void Free(long address)
    {
        int row = RowOf(address);
        byte flags = _flags[row];
        BlocksInUse--;
        if ((flags & Counted) != 0) CountedBlocks--;
        BytesInUse -= _bytes[row];
        if ((flags & Mapped) != 0)
        {
            _mappedChunkBytes -= _chunk[row];
            _residentMappedBytes -= (flags & Lazy) != 0 ? _touchedPages[row] * _pageSize : _chunk[row];
            if (_pageBits[row] is { } bits) Array.Clear(bits);
            _touchedPages[row] = 0;
        }
        _flags[row] = 0;
        _bytes[row] = 0;
        _nextFree[row] = _freeByChunk.TryGetValue(_chunk[row], out int head) ? head : Null;
        _freeByChunk[_chunk[row]] = row;
    }

    /// <summary>
    /// <c>realloc</c>: in place when the new request still fits the chunk (pages keep their state),
    /// else a new block with the same counting, fully written (realloc copies), and the old one freed.
    /// </summary>
    public long Reallocate(long address, long newBytes)
    {
        int row = RowOf(address);
        byte flags = _flags[row];
        if (ChunkSize(newBytes) <= _chunk[row] && (newBytes >= _mmapThreshold) == ((flags & Mapped) != 0))
        {
            BytesInUse += newBytes - _bytes[row];
            _bytes[row] = newBytes;
            return address;
        }
        long fresh = Allocate(newBytes, (flags & Counted) != 0, lazy: false);
        Free(address);
        return fresh;
    }

    /// <summary>
    /// Marks <paramref name="length"/> bytes at <paramref name="offset"/> into the block at
    /// <paramref name="address"/> as written: their pages become resident. No effect on blocks that are
    /// resident already. O(pages touched).
    /// </summary>
    public void Touch(long address, long offset, long length)
    {
        int row = RowOf(address);
        if ((_flags[row] & Lazy) == 0 || length <= 0) return;
        long start = Math.Max(0, offset) + 16;
        long end = Math.Min(_bytes[row], offset + length) + 16;
        if (end <= start) return;
        ulong[] bits = _pageBits[row]!;
        for (long page = start / _pageSize; page <= (end - 1) / _pageSize; page++)
        {
            ulong mask = 1UL << (int)(page & 63);
            if ((bits[page >> 6] & mask) != 0) continue;
            bits[page >> 6] |= mask;
            _touchedPages[row]++;
            _residentMappedBytes += _pageSize;
        }
    }

    /// <summary>True when <paramref name="address"/> is a live block counted by <c>sys.getallocatedblocks()</c>.</summary>
    public bool IsCounted(long address) => (_flags[RowOf(address)] & Counted) != 0;

    /// <summary>True when <paramref name="address"/> is a live block of this allocator.</summary>
    public bool IsLive(long address) => _slotByAddress.TryGetValue(address, out int row) && (_flags[row] & Live) != 0;

    private long ChunkSize(long bytes) =>
        bytes >= _mmapThreshold
            ? (bytes + 16 + _pageSize - 1) / _pageSize * _pageSize
            : Math.Max(32, (bytes + 8 + 15) & ~15L);

    private int RowOf(long address)
    {
        if (!_slotByAddress.TryGetValue(address, out int row) || (_flags[row] & Live) == 0)
        {
            throw new InvalidOperationException($"0x{address:x} is not a live system-allocator block");
        }
        return row;
    }

    private int NewRow(long chunk, bool mapped)
    {
        if (_rows == _address.Length)
        {
            int n = _rows * 2;
            Array.Resize(ref _address, n);
            Array.Resize(ref _chunk, n);
            Array.Resize(ref _bytes, n);
            Array.Resize(ref _flags, n);
            Array.Resize(ref _nextFree, n);
            Array.Resize(ref _touchedPages, n);
            Array.Resize(ref _pageBits, n);
        }
        int row = _rows++;
        long address;
        if (mapped)
        {
            address = _mmapTop + 16;
            _mmapTop += chunk;
        }
        else
        {
            address = _heapTop + 16;
            _heapTop += chunk;
        }
        _address[row] = address;
        _chunk[row] = chunk;
        _slotByAddress[address] = row;
        return row;
    }
}
