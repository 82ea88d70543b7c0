namespace PyHeapSim.Profiles;

/// <summary>
/// pymalloc geometry and the system allocator's thresholds (cpython-facts §6.1). Every figure is in
/// simulated bytes. Size classes are <see cref="Alignment"/> bytes apart up to
/// <see cref="SmallRequestThreshold"/>; the full table is drawn on <c>Memory.Pymalloc.SizeClass</c>.
/// </summary>
/// <remarks>
/// A what-if geometry is a <c>with</c> away, e.g. 3.12 with 4 KiB pools:
/// <c>PythonProfiles.Py312 with { Allocator = PythonProfiles.Py312.Allocator with { PoolSize = 4096 } }</c>.
/// Constraints (checked when a heap is built): <see cref="PoolSize"/> and <see cref="ArenaSize"/> are
/// powers of two, an arena holds 1 to 64 pools, <see cref="Alignment"/> is 16.
/// </remarks>
public sealed record AllocatorGeometry
{
    /// <summary>Size-class step (<c>ALIGNMENT</c>), bytes. 16 on every 64-bit version (8 only on 32-bit builds).</summary>
    public int Alignment { get; init; } = 16;

    /// <summary>Largest request served by pymalloc (<c>SMALL_REQUEST_THRESHOLD</c>), bytes; larger and 0-byte
    /// requests go to the system allocator.</summary>
    public int SmallRequestThreshold { get; init; } = 512;

    /// <summary>Pool size (<c>POOL_SIZE</c>): 4 KiB in 3.8–3.9, 16 KiB from 3.10.</summary>
    public int PoolSize { get; init; } = 4096;

    /// <summary>Arena size (<c>ARENA_SIZE</c>): 256 KiB in 3.8–3.9, 1 MiB from 3.10. Always 64 pools.</summary>
    public int ArenaSize { get; init; } = 256 * 1024;

    /// <summary><c>POOL_OVERHEAD</c>: the pool header, bytes (48 on every version).</summary>
    public int PoolHeaderSize { get; init; } = 48;

    /// <summary>3.9+ (bpo-37257): keep one completely empty arena instead of unmapping it (the
    /// <c>nextarena != NULL</c> test in <c>insert_to_freepool</c>); 3.8 unmaps every empty arena at once.</summary>
    public bool KeepsOneEmptyArena { get; init; }

    /// <summary>
    /// How far past a pool boundary each simulated arena's <c>mmap</c> address falls, bytes (0 = every
    /// arena is pool-aligned and holds 64 pools). Real 3.10+ arenas are page-aligned only, so some of
    /// them (it varies from run to run) lose their first partial pool and hold 63; set this to e.g.
    /// 4096 to model that every arena does ("bytes lost to arena alignment").
    /// </summary>
    public int ArenaMisalignment { get; init; }

    /// <summary>
    /// Address bits the 3.10+ arena-map radix tree covers (<c>ADDRESS_BITS</c>): 0 = no radix tree
    /// (3.8–3.9 find arenas through the pool header), 48 in 3.10, 64 from 3.11. Drives the
    /// "arena map counts" section of <c>sys._debugmallocstats()</c> (measured: root/mid/bot nodes
    /// of 8192/8192/2048 bytes in 3.10, 262144/262144/131072 from 3.11).
    /// </summary>
    public int ArenaMapAddressBits { get; init; }

    /// <summary>Initial length of the <c>arenas</c> descriptor vector (<c>INITIAL_ARENA_OBJECTS</c>); it doubles when full.</summary>
    public int InitialArenaObjects { get; init; } = 16;

    /// <summary>Page size of the simulated machine, bytes: the unit of resident memory.</summary>
    public int PageSize { get; init; } = 4096;

    /// <summary>
    /// glibc's <c>M_MMAP_THRESHOLD</c> default, bytes: system-allocator blocks at least this big get their
    /// own zero-filled mapping, whose pages become resident only when written (so a <c>calloc</c>'d
    /// buffer costs address space, not memory, until it is touched).
    /// </summary>
    public int MmapThreshold { get; init; } = 128 * 1024;

    /// <summary>Pools per arena (<c>MAX_POOLS_IN_ARENA</c>).</summary>
    public int PoolsPerArena => ArenaSize / PoolSize;
}
