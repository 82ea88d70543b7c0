using System.Runtime.CompilerServices;

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
internal sealed class PayloadColumn
{
    public const int ChunkShift = 12;
    public const int ChunkSlots = 1 << ChunkShift;
    private const int ChunkMask = ChunkSlots - 1;

    private object?[]?[] _chunks = new object?[]?[4];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public object? Get(int o)
    {
        object?[]?[] chunks = _chunks;
        int c = o >> ChunkShift;
        if ((uint)c >= (uint)chunks.Length) return null;
        object?[]? chunk = chunks[c];
        return chunk is null ? null : chunk[o & ChunkMask];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(int o, object? value)
    {
        object?[]?[] chunks = _chunks;
        int c = o >> ChunkShift;
        if ((uint)c < (uint)chunks.Length && chunks[c] is { } chunk)
        {
            chunk[o & ChunkMask] = value;
            return;
        }
        if (value is not null) SetInNewChunk(o, value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetInNewChunk(int o, object value)
    {
        int c = o >> ChunkShift;
        if (c >= _chunks.Length) Array.Resize(ref _chunks, Math.Max(c + 1, _chunks.Length * 2));
        object?[] chunk = _chunks[c] ??= new object?[ChunkSlots];
        chunk[o & ChunkMask] = value;
    }
}
