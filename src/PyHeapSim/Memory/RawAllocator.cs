namespace PyHeapSim.Memory;

/// <summary>The system allocator (<c>malloc</c>) for requests pymalloc does not serve (0 or &gt; 512 bytes).</summary>
internal sealed class RawAllocator
{
    private long _next = 0x5500_0000_0000;

    public long BlocksInUse { get; private set; }
    public long BytesInUse { get; private set; }

    public long Allocate(long bytes)
    {
        BlocksInUse++;
        BytesInUse += bytes;
        long a = _next;
        _next += (bytes + 31) & ~15L;
        return a;
    }

    public void Free(long address, long bytes)
    {
        BlocksInUse--;
        BytesInUse -= bytes;
    }
}
