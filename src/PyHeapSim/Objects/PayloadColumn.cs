using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PyHeapSim.Objects;

/// <summary>
/// The object table's payload column (host objects: list item arrays, dict tables, type infos, big
/// ints …), in chunks of <see cref="ChunkSlots"/> slots made on the first write.
/// </summary>
/// <remarks>
/// Most objects of a big heap are scalars with no payload (the seed lesson's 10^6 ints). A flat array
/// would still be 8 bytes a slot, allocated and zeroed by the host GC, copied with write barriers at every
/// doubling and scanned by every host collection; chunks that are never written are never made, and growth
/// copies only the small chunk directory. A read is one extra load and a null test.
/// </remarks>
internal struct PayloadColumn
{
    public const int ChunkShift = 12;
    public const int ChunkSlots = 1 << ChunkShift;
    private const int ChunkMask = ChunkSlots - 1;

    // Always covers the table's capacity (EnsureCapacity), so a trusted slot indexes it without a check.
    private object?[]?[] _chunks;

    /// <summary>Grows the chunk directory to cover <paramref name="slots"/> slots (chunks stay unmade).</summary>
    public void EnsureCapacity(int slots)
    {
        int needed = (slots + ChunkMask) >> ChunkShift;
        _chunks ??= [];
        if (needed > _chunks.Length) Array.Resize(ref _chunks, needed);
    }

    /// <summary>The payload of slot <paramref name="o"/> (&lt; the capacity); null when never written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public object? Get(int o)
    {
        object?[]? chunk = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_chunks), o >> ChunkShift);
        return chunk is null ? null : Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(chunk), o & ChunkMask);
    }

    /// <summary>Sets the payload of slot <paramref name="o"/> (&lt; the capacity); a null write makes no chunk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int o, object? value)
    {
        object?[]? chunk = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_chunks), o >> ChunkShift);
        if (chunk is not null) Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(chunk), o & ChunkMask) = value;
        else if (value is not null) SetInNewChunk(o, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetInNewChunk(int o, object value)
    {
        object?[] chunk = _chunks[o >> ChunkShift] = new object?[ChunkSlots];
        chunk[o & ChunkMask] = value;
    }
}
