using System.Runtime.CompilerServices;
using PyHeapSim.Memory.Pymalloc;

namespace PyHeapSim.Memory;

/// <summary>
/// tracemalloc's trace set (<c>Python/tracemalloc.c</c>, <c>tracemalloc_traces</c>): which live blocks
/// were allocated (or reallocated) while tracing, so freeing a block allocated before
/// <c>tracemalloc.start()</c> subtracts nothing. The traced size of a block is the size its owner
/// frees it with, so only membership is stored: one bit per 16-byte unit of each arena for pymalloc
/// blocks (allocated per arena slot, 8 KiB per 1 MiB arena), a hash set for system blocks.
/// </summary>
/// <remarks>Add and remove are O(1) and allocation-free once the bitmaps and the set have grown.</remarks>
internal sealed class TraceTable
{
    private readonly int _unitsPerArenaShift;   // log2(ArenaSize / 16)
    private ulong[]?[] _arenaBits = [];
    private readonly HashSet<long> _system = [];

    public TraceTable(int arenaShift) => _unitsPerArenaShift = arenaShift - 4;

    /// <summary>Starts tracing the block at <paramref name="address"/>; false if it was traced already.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(long address, bool pymalloc)
    {
        if (!pymalloc) return _system.Add(address);
        long unit = (address - PymallocAllocator.RegionBase) >> 4;
        int slot = (int)(unit >> _unitsPerArenaShift);
        ulong[] bits = slot < _arenaBits.Length && _arenaBits[slot] is { } b ? b : Bits(slot);
        int i = (int)(unit & ((1L << _unitsPerArenaShift) - 1));
        ref ulong word = ref bits[i >> 6];
        ulong mask = 1UL << (i & 63);
        if ((word & mask) != 0) return false;
        word |= mask;
        return true;
    }

    /// <summary>Stops tracing the block at <paramref name="address"/>; false if it was not traced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Remove(long address, bool pymalloc)
    {
        if (!pymalloc) return _system.Remove(address);
        long unit = (address - PymallocAllocator.RegionBase) >> 4;
        int slot = (int)(unit >> _unitsPerArenaShift);
        if (slot >= _arenaBits.Length || _arenaBits[slot] is not { } bits) return false;
        int i = (int)(unit & ((1L << _unitsPerArenaShift) - 1));
        ref ulong word = ref bits[i >> 6];
        ulong mask = 1UL << (i & 63);
        if ((word & mask) == 0) return false;
        word &= ~mask;
        return true;
    }

    /// <summary>Forgets every trace (<c>tracemalloc.stop()</c>, <c>clear_traces()</c>). O(arenas).</summary>
    public void Clear()
    {
        foreach (ulong[]? bits in _arenaBits) if (bits is not null) Array.Clear(bits);
        _system.Clear();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private ulong[] Bits(int slot)
    {
        if (slot >= _arenaBits.Length) Array.Resize(ref _arenaBits, Math.Max(slot + 1, _arenaBits.Length * 2));
        return _arenaBits[slot] = new ulong[(1 << _unitsPerArenaShift) >> 6];
    }
}
