namespace PyHeapSim.Memory;

/// <summary>
/// An estimate of the process memory the simulated heap would hold, in simulated bytes: address space
/// mapped, and resident pages (what <c>ps</c> calls RSS). Interpreter startup, code and the C stack are
/// not included: only pymalloc arenas and system-allocator (<c>malloc</c>) blocks.
/// </summary>
/// <remarks>
/// <para>Arenas are mapped whole (<c>ArenaSize</c> each); a pool's pages become resident when the pool is
/// first carved and stay resident until the arena is unmapped, even if every block is freed.</para>
/// <para>System blocks below the mmap threshold (128 KiB) count their chunk (request + 8-byte header,
/// rounded to 16) as both mapped and resident. Bigger ones are mappings of their own: a block filled at
/// allocation (an object's data) is resident at once; a zero-filled (<c>calloc</c>) or raw-domain buffer
/// (NumPy's data) becomes resident page by page as it is touched.</para>
/// <para>The default value is an empty heap's footprint: all zero.</para>
/// </remarks>
/// <param name="ArenaMapped">Bytes of the arenas mapped now.</param>
/// <param name="ArenaResident">Bytes of the pools ever carved in those arenas.</param>
/// <param name="SystemMapped">Bytes of the live system-allocator chunks and mappings.</param>
/// <param name="SystemResident">Bytes of their pages that have been written.</param>
public readonly record struct MemoryFootprint(long ArenaMapped, long ArenaResident, long SystemMapped, long SystemResident)
{
    /// <summary>Address space: arenas + system blocks.</summary>
    public long Mapped => ArenaMapped + SystemMapped;

    /// <summary>Resident memory estimate: touched arena pools + touched system pages.</summary>
    public long Resident => ArenaResident + SystemResident;
}
