using PyHeapSim.Profiles;

namespace PyHeapSim.Memory;

/// <summary>
/// pymalloc (<c>Objects/obmalloc.c</c>): blocks of 16-byte size classes carved from pools, pools
/// carved from arenas. This first model hands out addresses and counts blocks per size class; pool and
/// arena bookkeeping is layered on it.
/// </summary>
internal sealed class PymallocAllocator
{
    private readonly AllocatorGeometry _g;
    private readonly Stack<long>[] _freeBlocks;
    private readonly long[] _inUsePerClass;
    private long _next = 0x7f00_0000_0000;

    public PymallocAllocator(AllocatorGeometry geometry)
    {
        _g = geometry;
        int classes = geometry.SmallRequestThreshold / geometry.Alignment;
        _freeBlocks = new Stack<long>[classes];
        _inUsePerClass = new long[classes];
        for (int i = 0; i < classes; i++) _freeBlocks[i] = new Stack<long>();
    }

    public long BlocksInUse { get; private set; }

    public static long RoundUp(int bytes, int alignment) => ((bytes + alignment - 1) / alignment) * alignment;

    /// <summary>Size class index of a request (<c>(nbytes - 1) &gt;&gt; ALIGNMENT_SHIFT</c>).</summary>
    public int SizeClass(int bytes) => (bytes - 1) / _g.Alignment;

    public long Allocate(int bytes)
    {
        int c = SizeClass(bytes);
        BlocksInUse++;
        _inUsePerClass[c]++;
        if (_freeBlocks[c].Count > 0) return _freeBlocks[c].Pop();
        long a = _next;
        _next += (c + 1) * _g.Alignment;
        return a;
    }

    public void Free(long address, int bytes)
    {
        int c = SizeClass(bytes);
        BlocksInUse--;
        _inUsePerClass[c]--;
        _freeBlocks[c].Push(address);
    }

    public long InUse(int sizeClass) => _inUsePerClass[sizeClass];
}
