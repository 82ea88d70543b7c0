namespace PyHeapSim.Memory.Pymalloc;

/// <summary>
/// An arena descriptor (<c>struct arena_object</c>): one <c>ARENA_SIZE</c> mapping carved into pools
/// front to back. Descriptors live in <see cref="PymallocAllocator"/>'s arena table (CPython's
/// <c>arenas</c> vector: 16 entries, doubling); an entry whose <see cref="Address"/> is 0 is on the
/// <c>unused_arena_objects</c> list. Links are table indices, -1 for none.
/// </summary>
/// <remarks>
/// <code>
///   Address (+ ArenaMisalignment)                                  Address + ArenaSize
///   | [lost to alignment] | pool 0 | pool 1 | ... | pool k-1 | never carved ... |
///                           ^FirstPool                        ^PoolAddress
/// </code>
/// An arena is on <c>usable_arenas</c> (doubly linked, sorted by ascending <see cref="NFreePools"/>,
/// so the fullest arenas are used first) exactly while it is allocated and has a free pool.
/// The default value is an unassociated descriptor.
/// </remarks>
internal struct Arena
{
    /// <summary><c>address</c>: the mapping's simulated base; 0 = unassociated (8 bytes).</summary>
    public long Address;

    /// <summary>Address of pool 0: <see cref="Address"/> rounded up to a pool boundary (8 bytes).</summary>
    public long FirstPool;

    /// <summary><c>pool_address</c>: where the next never-used pool will be carved (8 bytes).</summary>
    public long PoolAddress;

    /// <summary><c>nfreepools</c>: empty pools plus pools not carved yet (4 bytes).</summary>
    public int NFreePools;

    /// <summary><c>ntotalpools</c>: 64, or 63 when the mapping is not pool-aligned (4 bytes).</summary>
    public int NTotalPools;

    /// <summary><c>freepools</c>: head of the singly linked list of empty pools (4 bytes).</summary>
    public int FreePools;

    /// <summary><c>nextarena</c>: next in <c>usable_arenas</c>, or in <c>unused_arena_objects</c> (4 bytes).</summary>
    public int NextArena;

    /// <summary><c>prevarena</c>: previous in <c>usable_arenas</c> (4 bytes).</summary>
    public int PrevArena;
}
