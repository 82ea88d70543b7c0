using System.Numerics;
using System.Runtime.CompilerServices;
using PyHeapSim.Profiles;

namespace PyHeapSim.Memory.Pymalloc;

/// <summary>
/// pymalloc (<c>Objects/obmalloc.c</c>, cpython-facts §6.2): blocks of 16-byte size classes carved
/// from pools, pools carved from arenas. Allocation and free are O(1) and allocate nothing on the
/// host once the tables have grown: pools, arenas and free-block links are arrays indexed by
/// integers, and an address finds its pool by arithmetic.
/// </summary>
/// <remarks>
/// <para><b>Simulated addresses.</b> Arena slot k (the index of its descriptor in the <c>arenas</c>
/// vector) is always mapped at <c>RegionBase + k × ArenaSize + ArenaMisalignment</c>, as if
/// <c>mmap</c> handed back the same address every time a slot is reused. A block's address is
/// therefore a pure function of (slot, pool, block), so <c>id()</c> values are the same on every
/// run, and the pool of an address is <c>(address − pool 0 of slot 0) &gt;&gt; log2(PoolSize)</c>:
/// no lookup table, no hashing.</para>
/// <para><b>Contracts.</b> <see cref="Allocate"/> takes 1 … <see cref="AllocatorGeometry.SmallRequestThreshold"/>
/// bytes; <see cref="Free"/> and <see cref="BlockSizeAt"/> take an address this allocator returned and
/// did not free yet (<see cref="Owns"/> tells whether an address is in a live arena).</para>
/// </remarks>
internal sealed partial class PymallocAllocator
{
    /// <summary>Simulated address of arena slot 0 (1 TiB below the top of the user address space).</summary>
    public const long RegionBase = 0x7f00_0000_0000;

    private const int Null = -1;
    private const int HeaderUnits = 3; // POOL_OVERHEAD / 16

    private readonly AllocatorGeometry _g;
    private readonly int _poolShift;
    private readonly int _arenaShift;
    private readonly int _maxPoolsInArena;
    private readonly int _unitsPerPool;
    private readonly int _headerUnits;
    private readonly long _arenaZero;   // address of arena slot 0
    private readonly long _poolZero;    // address of pool 0 in arena slot 0
    private readonly int[] _usedPools;  // usedpools[class]: first partially used pool, or Null
    private readonly int[] _nfp2lasta;  // nfp2lasta[n]: last arena in usable_arenas with n free pools, or Null

    private Arena[] _arenas = [];       // the arenas vector (maxarenas entries)
    private Pool[] _pools = [];         // maxarenas × MAX_POOLS_IN_ARENA pool headers
    private ushort[]?[] _links = [];    // per pool: next-free unit of each free block (the word CPython keeps in the block)
    private int _unusedArenaObjects = Null;
    private int _usableArenas = Null;

    public PymallocAllocator(AllocatorGeometry geometry)
    {
        _g = geometry;
        if (!BitOperations.IsPow2(geometry.PoolSize) || !BitOperations.IsPow2(geometry.ArenaSize)
            || geometry.PoolsPerArena is < 1 or > 64 || geometry.Alignment != 16
            || geometry.PoolHeaderSize % 16 != 0 || geometry.PoolSize / 16 > ushort.MaxValue
            || geometry.SmallRequestThreshold is < 16 or > 4096 || geometry.SmallRequestThreshold % 16 != 0
            || geometry.ArenaMisalignment < 0 || geometry.ArenaMisalignment >= geometry.ArenaSize)
        {
            throw new ArgumentException($"Unsupported allocator geometry: {geometry}", nameof(geometry));
        }
        _poolShift = BitOperations.Log2((uint)geometry.PoolSize);
        _arenaShift = BitOperations.Log2((uint)geometry.ArenaSize);
        _maxPoolsInArena = geometry.PoolsPerArena;
        _unitsPerPool = geometry.PoolSize >> SizeClass.AlignmentShift;
        _headerUnits = geometry.PoolHeaderSize >> SizeClass.AlignmentShift;
        _arenaZero = RegionBase + geometry.ArenaMisalignment;
        int excess = geometry.ArenaMisalignment & (geometry.PoolSize - 1);
        _poolZero = _arenaZero + (excess == 0 ? 0 : geometry.PoolSize - excess);
        _usedPools = new int[SizeClass.Count(geometry)];
        Array.Fill(_usedPools, Null);
        _nfp2lasta = new int[_maxPoolsInArena + 1];
        Array.Fill(_nfp2lasta, Null);
    }

    /// <summary>The geometry this allocator was built with.</summary>
    public AllocatorGeometry Geometry => _g;

    /// <summary>Blocks handed out and not freed (the pymalloc part of <c>sys.getallocatedblocks()</c>).</summary>
    public long BlocksInUse { get; private set; }

    /// <summary>Pools ever carved in the arenas still mapped (their pages have been touched).</summary>
    public long CarvedPools { get; private set; }

    /// <summary>
    /// <c>pymalloc_alloc</c>: a block of the class serving <paramref name="bytes"/> (1 … 512). Takes the
    /// head of the first used pool's free list, else a pool from the fullest usable arena, else a new
    /// arena. Returns the block's simulated address.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Allocate(int bytes)
    {
        int c = SizeClass.Of(bytes);
        int p = _usedPools[c];
        if (p == Null) return AllocateFromNewPool(c);
        ref Pool pool = ref _pools[p];
        pool.RefCount++;
        int unit = pool.FreeBlock;
        int next = _links[p]![unit];
        pool.FreeBlock = (ushort)next;
        long address = pool.Address + (unit << SizeClass.AlignmentShift);
        if (next == 0) ExtendPool(p, c);
        BlocksInUse++;
        return address;
    }

    /// <summary>
    /// <c>pymalloc_free</c>: pushes the block on its pool's free list (LIFO). A pool that was full goes
    /// back to the front of <c>usedpools</c>; a pool that becomes empty goes to its arena's free pools
    /// (and the arena may be released, <see cref="InsertToFreePool"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Free(long address)
    {
        int p = PoolIndexOf(address);
        ref Pool pool = ref _pools[p];
        int unit = (int)(address - pool.Address) >> SizeClass.AlignmentShift;
        int lastFree = pool.FreeBlock;
        _links[p]![unit] = (ushort)lastFree;
        pool.FreeBlock = (ushort)unit;
        pool.RefCount--;
        BlocksInUse--;
        if (lastFree == 0) InsertToUsedPool(p);
        else if (pool.RefCount == 0) InsertToFreePool(p);
    }

    /// <summary>
    /// <c>address_in_range</c>: true when <paramref name="address"/> lies in an arena this allocator
    /// has mapped (so it is a pymalloc block, not a system-allocator one). O(1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Owns(long address)
    {
        ulong slot = (ulong)(address - _arenaZero) >> _arenaShift;
        return slot < (ulong)_arenas.Length && _arenas[slot].Address != 0;
    }

    /// <summary>The size of the block at <paramref name="address"/> (its pool's class), bytes.</summary>
    public int BlockSizeAt(long address) => SizeClass.BlockSize(_pools[PoolIndexOf(address)].SizeIndex);

    /// <summary>Index in the pool table of the pool holding <paramref name="address"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int PoolIndexOf(long address) => (int)((address - _poolZero) >> _poolShift);

    /// <summary>
    /// <c>pymalloc_pool_extend</c>: the free list just ran dry; carve the next never-used block, or, if
    /// none is left, unlink the now full pool from <c>usedpools</c>.
    /// </summary>
    private void ExtendPool(int p, int c)
    {
        ref Pool pool = ref _pools[p];
        if (pool.NextOffset <= pool.MaxNextOffset)
        {
            int unit = pool.NextOffset;
            pool.FreeBlock = (ushort)unit;
            pool.NextOffset = (ushort)(unit + (SizeClass.BlockSize(c) >> SizeClass.AlignmentShift));
            _links[p]![unit] = 0;
            return;
        }
        UnlinkUsedPool(p, c);
    }

    /// <summary><c>insert_to_usedpool</c>: links pool <paramref name="p"/> at the front of its class's list.</summary>
    private void InsertToUsedPool(int p)
    {
        int c = _pools[p].SizeIndex;
        int head = _usedPools[c];
        _pools[p].NextPool = head;
        _pools[p].PrevPool = Null;
        if (head != Null) _pools[head].PrevPool = p;
        _usedPools[c] = p;
    }

    private void UnlinkUsedPool(int p, int c)
    {
        int next = _pools[p].NextPool;
        int prev = _pools[p].PrevPool;
        if (prev == Null) _usedPools[c] = next;
        else _pools[prev].NextPool = next;
        if (next != Null) _pools[next].PrevPool = prev;
        _pools[p].NextPool = Null;
        _pools[p].PrevPool = Null;
    }

    /// <summary>
    /// <c>allocate_from_new_pool</c>: no used pool of class <paramref name="c"/> exists. Takes a pool
    /// from the head of <c>usable_arenas</c> (the fullest arena; a new arena if there is none): a cached
    /// empty pool, or a newly carved one; links it at the front of <c>usedpools[c]</c> and returns its
    /// first block. A cached pool that last held class <paramref name="c"/> keeps its free list.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long AllocateFromNewPool(int c)
    {
        if (_usableArenas == Null)
        {
            // No arena has a free pool: allocate a new arena.
            int fresh = NewArena();
            _usableArenas = fresh;
            _arenas[fresh].NextArena = Null;
            _arenas[fresh].PrevArena = Null;
            _nfp2lasta[_arenas[fresh].NFreePools] = fresh;
        }
        int a = _usableArenas;
        ref Arena arena = ref _arenas[a];

        // The head arena has the smallest nfreepools, so taking a pool keeps the order; only the
        // "last arena with n free pools" entries move.
        if (_nfp2lasta[arena.NFreePools] == a) _nfp2lasta[arena.NFreePools] = Null;
        if (arena.NFreePools > 1) _nfp2lasta[arena.NFreePools - 1] = a;

        int p = arena.FreePools;
        if (p != Null)
        {
            arena.FreePools = _pools[p].NextPool;
        }
        else
        {
            // Carve off a new pool.
            p = a * _maxPoolsInArena + (int)((arena.PoolAddress - arena.FirstPool) >> _poolShift);
            _pools[p].Address = arena.PoolAddress;
            _pools[p].SizeIndex = Pool.DummySizeIndex;
            _links[p] ??= new ushort[_unitsPerPool];
            arena.PoolAddress += _g.PoolSize;
            CarvedPools++;
        }
        arena.NFreePools--;
        if (arena.NFreePools == 0)
        {
            // Wholly allocated: unlink from usable_arenas.
            _usableArenas = arena.NextArena;
            if (_usableArenas != Null) _arenas[_usableArenas].PrevArena = Null;
            arena.NextArena = Null;
        }

        BlocksInUse++;
        ref Pool pool = ref _pools[p];
        pool.RefCount = 1;
        if (pool.SizeIndex == c)
        {
            // This pool last held blocks of the same class: its header and free list are ready.
            InsertToUsedPool(p);
            int unit = pool.FreeBlock;
            pool.FreeBlock = _links[p]![unit];
            return pool.Address + (unit << SizeClass.AlignmentShift);
        }
        // Initialise the header: hand out the first block, put the second on the free list.
        int blockUnits = SizeClass.BlockSize(c) >> SizeClass.AlignmentShift;
        pool.SizeIndex = (byte)c;
        pool.NextOffset = (ushort)(_headerUnits + 2 * blockUnits);
        pool.MaxNextOffset = (ushort)(_unitsPerPool - blockUnits);
        pool.FreeBlock = (ushort)(_headerUnits + blockUnits);
        _links[p]![_headerUnits + blockUnits] = 0;
        InsertToUsedPool(p);
        return pool.Address + (_headerUnits << SizeClass.AlignmentShift);
    }
}
