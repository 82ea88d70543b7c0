using System.Collections.Immutable;

namespace PyHeapSim.Memory.Pymalloc;

/// <summary>The census behind <c>sys._debugmallocstats()</c> (<c>_PyObject_DebugMallocStats</c>).</summary>
internal sealed partial class PymallocAllocator
{
    private readonly HashSet<long> _arenaMapMidNodes = [];
    private readonly HashSet<long> _arenaMapBotNodes = [];

    /// <summary>
    /// <c>_PyObject_DebugMallocStats</c>: walks every carved pool of every mapped arena (full pools are on
    /// no list, so the walk is the only way to see them). O(arenas × 64).
    /// </summary>
    public MallocStats Census()
    {
        int classes = _usedPools.Length;
        var pools = new long[classes];
        var blocks = new long[classes];
        var free = new long[classes];
        long unusedPools = 0, arenaAlignment = 0;
        int narenas = 0;
        for (int a = 0; a < _arenas.Length; a++)
        {
            ref Arena arena = ref _arenas[a];
            if (arena.Address == 0) continue;
            narenas++;
            unusedPools += arena.NFreePools;
            if (arena.FirstPool != arena.Address) arenaAlignment += _g.PoolSize;
            int carved = (int)((arena.PoolAddress - arena.FirstPool) >> _poolShift);
            for (int i = 0; i < carved; i++)
            {
                ref Pool pool = ref _pools[a * _maxPoolsInArena + i];
                if (pool.RefCount == 0) continue;
                int c = pool.SizeIndex;
                pools[c]++;
                blocks[c] += pool.RefCount;
                free[c] += SizeClass.BlocksPerPool(_g, c) - pool.RefCount;
            }
        }

        var rows = ImmutableArray.CreateBuilder<SizeClassStats>();
        long allocatedBytes = 0, availableBytes = 0, headerBytes = 0, quantization = 0;
        for (int c = 0; c < classes; c++)
        {
            if (pools[c] == 0) continue;
            int size = SizeClass.BlockSize(c);
            rows.Add(new SizeClassStats(c, size, pools[c], blocks[c], free[c]));
            allocatedBytes += blocks[c] * size;
            availableBytes += free[c] * size;
            headerBytes += pools[c] * _g.PoolHeaderSize;
            quantization += pools[c] * SizeClass.Quantization(_g, c);
        }

        return new MallocStats
        {
            SmallRequestThreshold = _g.SmallRequestThreshold,
            SizeClassCount = classes,
            PoolSize = _g.PoolSize,
            ArenaSize = _g.ArenaSize,
            ArenasAllocatedTotal = ArenasAllocatedTotal,
            ArenasReclaimed = ArenasAllocatedTotal - narenas,
            ArenasHighwater = ArenasHighwater,
            ArenasCurrent = narenas,
            SizeClasses = rows.ToImmutable(),
            BytesInAllocatedBlocks = allocatedBytes,
            BytesInAvailableBlocks = availableBytes,
            UnusedPools = unusedPools,
            BytesLostToPoolHeaders = headerBytes,
            BytesLostToQuantization = quantization,
            BytesLostToArenaAlignment = arenaAlignment,
            ArenaMap = ArenaMapCensus(),
        };
    }

    /// <summary>
    /// 3.10+ <c>arena_map_mark_used</c>: a mapped arena creates (once, never freed) the radix-tree mid
    /// and bottom nodes covering its base, and, when the base is not arena-aligned, its end too.
    /// </summary>
    private void MarkArenaMapUsed(long arenaBase)
    {
        if (_g.ArenaMapAddressBits == 0) return;
        MarkArenaMapNode(arenaBase);
        if ((arenaBase & (_g.ArenaSize - 1)) != 0) MarkArenaMapNode(arenaBase + _g.ArenaSize);
    }

    private void MarkArenaMapNode(long address)
    {
        (int interiorBits, int botBits) = ArenaMapBits();
        long bot = address >>> (_arenaShift + botBits);
        _arenaMapBotNodes.Add(bot);
        _arenaMapMidNodes.Add(bot >>> interiorBits);
    }

    /// <summary>obmalloc.c: <c>MAP_TOP_BITS = MAP_MID_BITS = (ADDRESS_BITS - ARENA_BITS + 2) / 3</c>, the rest for the bottom level.</summary>
    private (int InteriorBits, int BotBits) ArenaMapBits()
    {
        int interior = (_g.ArenaMapAddressBits - _arenaShift + 2) / 3;
        return (interior, _g.ArenaMapAddressBits - _arenaShift - 2 * interior);
    }

    private ArenaMapStats? ArenaMapCensus()
    {
        if (_g.ArenaMapAddressBits == 0) return null;
        (int interiorBits, int botBits) = ArenaMapBits();
        // Root and mid nodes hold 2^interiorBits pointers; a bottom node 2^botBits arena_coverage_t (2 × int32).
        return new ArenaMapStats(_arenaMapMidNodes.Count, _arenaMapBotNodes.Count,
            8L << interiorBits, 8L << interiorBits, 8L << botBits);
    }
}
