namespace PyHeapSim.Memory.Pymalloc;

/// <summary>Arena management: mapping new arenas, returning empty ones, keeping <c>usable_arenas</c> sorted.</summary>
internal sealed partial class PymallocAllocator
{
    /// <summary>Arenas mapped now (<c>narenas_currently_allocated</c>).</summary>
    public int ArenasCurrentlyAllocated { get; private set; }

    /// <summary>Arenas ever mapped (<c>ntimes_arena_allocated</c>).</summary>
    public long ArenasAllocatedTotal { get; private set; }

    /// <summary>Most arenas mapped at once (<c>narenas_highwater</c>).</summary>
    public int ArenasHighwater { get; private set; }

    /// <summary>Length of the arena descriptor vector (<c>maxarenas</c>): 0, then 16, doubling.</summary>
    public int MaxArenas => _arenas.Length;

    /// <summary>
    /// <c>new_arena</c>: takes a descriptor from <c>unused_arena_objects</c> (doubling the vector when
    /// none is left) and maps its arena. Exit: the arena is mapped, has no carved pool and is on no list.
    /// </summary>
    private int NewArena()
    {
        if (_unusedArenaObjects == Null)
        {
            int max = _arenas.Length;
            int count = max == 0 ? _g.InitialArenaObjects : max * 2;
            Array.Resize(ref _arenas, count);
            Array.Resize(ref _pools, count * _maxPoolsInArena);
            Array.Resize(ref _links, count * _maxPoolsInArena);
            for (int i = max; i < count; i++)
            {
                _arenas[i] = default;
                _arenas[i].NextArena = i < count - 1 ? i + 1 : Null;
            }
            _unusedArenaObjects = max;
        }
        int a = _unusedArenaObjects;
        ref Arena arena = ref _arenas[a];
        _unusedArenaObjects = arena.NextArena;

        arena.Address = _arenaZero + ((long)a << _arenaShift);
        ArenasCurrentlyAllocated++;
        ArenasAllocatedTotal++;
        if (ArenasCurrentlyAllocated > ArenasHighwater) ArenasHighwater = ArenasCurrentlyAllocated;
        arena.FreePools = Null;
        // pool_address: the first pool-aligned address; a misaligned mapping loses one pool.
        arena.FirstPool = _poolZero + ((long)a << _arenaShift);
        arena.NFreePools = arena.FirstPool == arena.Address ? _maxPoolsInArena : _maxPoolsInArena - 1;
        arena.NTotalPools = arena.NFreePools;
        arena.PoolAddress = arena.FirstPool;
        arena.NextArena = Null;
        arena.PrevArena = Null;
        MarkArenaMapUsed(arena.Address);
        return a;
    }

    /// <summary>
    /// <c>insert_to_freepool</c>: pool <paramref name="p"/> just became empty. Entry: it is linked in
    /// <c>usedpools</c>. Exit: it is on its arena's free pools, and the arena is, by case,
    /// (1) unmapped, when all its pools are empty — on 3.8 always, on 3.9+ only if it is not the last
    /// arena of <c>usable_arenas</c> (bpo-37257 keeps one wholly free arena against mmap thrashing);
    /// (2) put at the head of <c>usable_arenas</c>, when this is its only free pool;
    /// (3) slid right past the arenas with fewer free pools, to keep the list sorted;
    /// (4) left where it is.
    /// </summary>
    private void InsertToFreePool(int p)
    {
        UnlinkUsedPool(p, _pools[p].SizeIndex);
        int a = p / _maxPoolsInArena;
        ref Arena ao = ref _arenas[a];
        _pools[p].NextPool = ao.FreePools;
        ao.FreePools = p;

        int nf = ao.NFreePools;
        // If ao is the rightmost arena with nf free pools, that mark moves to its left neighbour (or away).
        int lastnf = _nfp2lasta[nf];
        if (lastnf == a)
        {
            int prev = ao.PrevArena;
            _nfp2lasta[nf] = prev != Null && _arenas[prev].NFreePools == nf ? prev : Null;
        }
        ao.NFreePools = ++nf;

        if (nf == ao.NTotalPools && (!_g.KeepsOneEmptyArena || ao.NextArena != Null))
        {
            // Case 1: unlink from usable_arenas and unmap.
            if (ao.PrevArena == Null) _usableArenas = ao.NextArena;
            else _arenas[ao.PrevArena].NextArena = ao.NextArena;
            if (ao.NextArena != Null) _arenas[ao.NextArena].PrevArena = ao.PrevArena;
            ReleaseArena(a);
            return;
        }

        if (nf == 1)
        {
            // Case 2: it was full, so it is on no list; it is now the fullest usable arena.
            ao.NextArena = _usableArenas;
            ao.PrevArena = Null;
            if (_usableArenas != Null) _arenas[_usableArenas].PrevArena = a;
            _usableArenas = a;
            if (_nfp2lasta[1] == Null) _nfp2lasta[1] = a;
            return;
        }

        if (_nfp2lasta[nf] == Null) _nfp2lasta[nf] = a;
        // Case 4: it was the rightmost with the old count, so the order still holds.
        if (a == lastnf) return;

        // Case 3: move it right, to just after lastnf (the last arena with the old count).
        if (ao.PrevArena != Null) _arenas[ao.PrevArena].NextArena = ao.NextArena;
        else _usableArenas = ao.NextArena;
        _arenas[ao.NextArena].PrevArena = ao.PrevArena;
        ao.PrevArena = lastnf;
        ao.NextArena = _arenas[lastnf].NextArena;
        if (ao.NextArena != Null) _arenas[ao.NextArena].PrevArena = a;
        _arenas[lastnf].NextArena = a;
    }

    /// <summary>Unmaps arena <paramref name="a"/> (already off <c>usable_arenas</c>) and files its descriptor on <c>unused_arena_objects</c>.</summary>
    private void ReleaseArena(int a)
    {
        ref Arena ao = ref _arenas[a];
        CarvedPools -= (ao.PoolAddress - ao.FirstPool) >> _poolShift;
        int first = a * _maxPoolsInArena;
        for (int i = 0; i < _maxPoolsInArena; i++)
        {
            // The mapping is gone: its pools are never-carved again (links arrays stay for reuse).
            _pools[first + i].Address = 0;
            _pools[first + i].SizeIndex = Pool.DummySizeIndex;
            _pools[first + i].NextPool = Null;
            _pools[first + i].PrevPool = Null;
        }
        ao.NextArena = _unusedArenaObjects;
        ao.PrevArena = Null;
        _unusedArenaObjects = a;
        ao.Address = 0;
        ao.FreePools = Null;
        ArenasCurrentlyAllocated--;
    }
}
