namespace PyHeapSim.Memory.Pymalloc;

/// <summary>pymalloc's invariants, checked in full (O(blocks)): for tests and <c>PyHeap.Verify</c>.</summary>
internal sealed partial class PymallocAllocator
{
    /// <summary>
    /// Checks: every pool's blocks in use + free-list blocks + never-used blocks = its capacity; free
    /// lists stay inside the carved part and on block boundaries; <c>usedpools[c]</c> holds exactly the
    /// partially used pools of class c; each arena's free-pool list and count agree;
    /// <c>usable_arenas</c> holds exactly the arenas with a free pool, sorted by ascending free pools,
    /// and <c>nfp2lasta</c> marks the last arena of each count; the counters match the tables.
    /// </summary>
    public void Verify(List<string> problems)
    {
        long blocks = 0, carvedTotal = 0;
        int mapped = 0;
        var inUsedList = new HashSet<int>();
        for (int c = 0; c < _usedPools.Length; c++)
        {
            int prev = Null;
            int steps = 0;
            for (int p = _usedPools[c]; p != Null; p = _pools[p].NextPool)
            {
                if (++steps > _pools.Length) { problems.Add($"pymalloc: usedpools[{c}] does not end"); break; }
                if (_pools[p].PrevPool != prev) problems.Add($"pymalloc: pool {p} prevpool is wrong in usedpools[{c}]");
                if (_pools[p].SizeIndex != c) problems.Add($"pymalloc: pool {p} of class {_pools[p].SizeIndex} is in usedpools[{c}]");
                if (_pools[p].RefCount <= 0 || _pools[p].FreeBlock == 0) problems.Add($"pymalloc: pool {p} in usedpools[{c}] is empty or full");
                inUsedList.Add(p);
                prev = p;
            }
        }

        for (int a = 0; a < _arenas.Length; a++)
        {
            ref Arena arena = ref _arenas[a];
            if (arena.Address == 0) continue;
            mapped++;
            int carved = (int)((arena.PoolAddress - arena.FirstPool) >> _poolShift);
            carvedTotal += carved;
            if (carved > arena.NTotalPools) problems.Add($"pymalloc: arena {a} carved {carved} of {arena.NTotalPools} pools");
            int emptyPools = 0;
            for (int p = arena.FreePools, steps = 0; p != Null; p = _pools[p].NextPool)
            {
                if (++steps > _maxPoolsInArena) { problems.Add($"pymalloc: arena {a} free pools do not end"); break; }
                if (p / _maxPoolsInArena != a) problems.Add($"pymalloc: pool {p} is on the free pools of arena {a}");
                if (_pools[p].RefCount != 0) problems.Add($"pymalloc: pool {p} on a free-pool list has {_pools[p].RefCount} blocks");
                emptyPools++;
            }
            if (arena.NFreePools != emptyPools + arena.NTotalPools - carved)
            {
                problems.Add($"pymalloc: arena {a} counts {arena.NFreePools} free pools, has {emptyPools} empty + {arena.NTotalPools - carved} uncarved");
            }
            for (int i = 0; i < carved; i++)
            {
                int p = a * _maxPoolsInArena + i;
                ref Pool pool = ref _pools[p];
                blocks += pool.RefCount;
                if (pool.RefCount == 0) continue;
                VerifyPool(p, inUsedList.Contains(p), problems);
            }
        }

        VerifyUsableArenas(problems);
        if (mapped != ArenasCurrentlyAllocated) problems.Add($"pymalloc: {mapped} arenas mapped, counter says {ArenasCurrentlyAllocated}");
        if (blocks != BlocksInUse) problems.Add($"pymalloc: pools hold {blocks} blocks, counter says {BlocksInUse}");
        if (carvedTotal != CarvedPools) problems.Add($"pymalloc: {carvedTotal} pools carved, counter says {CarvedPools}");
    }

    private void VerifyPool(int p, bool listed, List<string> problems)
    {
        ref Pool pool = ref _pools[p];
        int c = pool.SizeIndex;
        int blockUnits = SizeClass.BlockSize(c) >> SizeClass.AlignmentShift;
        int capacity = SizeClass.BlocksPerPool(_g, c);
        int free = 0;
        ushort[] links = _links[p]!;
        for (int u = pool.FreeBlock; u != 0; u = links[u])
        {
            if (u < _headerUnits || u >= pool.NextOffset || (u - _headerUnits) % blockUnits != 0)
            {
                problems.Add($"pymalloc: pool {p} free list points at unit {u}");
                return;
            }
            if (++free > capacity)
            {
                problems.Add($"pymalloc: pool {p} free list does not end");
                return;
            }
        }
        int neverUsed = pool.NextOffset <= pool.MaxNextOffset ? (pool.MaxNextOffset - pool.NextOffset) / blockUnits + 1 : 0;
        if (pool.RefCount + free + neverUsed != capacity)
        {
            problems.Add($"pymalloc: pool {p} (class {c}): {pool.RefCount} in use + {free} free + {neverUsed} never used != {capacity}");
        }
        bool full = pool.RefCount == capacity;
        if (full == listed) problems.Add($"pymalloc: pool {p} is {(full ? "full" : "partly used")} but {(listed ? "" : "not ")}in usedpools");
    }

    private void VerifyUsableArenas(List<string> problems)
    {
        var listed = new HashSet<int>();
        int prev = Null;
        for (int a = _usableArenas; a != Null; a = _arenas[a].NextArena)
        {
            if (!listed.Add(a)) { problems.Add("pymalloc: usable_arenas has a cycle"); return; }
            ref Arena arena = ref _arenas[a];
            if (arena.Address == 0) problems.Add($"pymalloc: unmapped arena {a} is usable");
            if (arena.PrevArena != prev) problems.Add($"pymalloc: arena {a} prevarena is wrong");
            if (arena.NFreePools == 0) problems.Add($"pymalloc: full arena {a} is usable");
            if (prev != Null && _arenas[prev].NFreePools > arena.NFreePools) problems.Add($"pymalloc: usable_arenas not sorted at arena {a}");
            int next = arena.NextArena;
            bool lastOfCount = next == Null || _arenas[next].NFreePools != arena.NFreePools;
            if (lastOfCount != (_nfp2lasta[arena.NFreePools] == a)) problems.Add($"pymalloc: nfp2lasta[{arena.NFreePools}] is wrong");
            prev = a;
        }
        for (int a = 0; a < _arenas.Length; a++)
        {
            if (_arenas[a].Address != 0 && _arenas[a].NFreePools > 0 && !listed.Contains(a)) problems.Add($"pymalloc: arena {a} has free pools but is not usable");
        }
        for (int n = 0; n < _nfp2lasta.Length; n++)
        {
            int a = _nfp2lasta[n];
            if (a != Null && (!listed.Contains(a) || _arenas[a].NFreePools != n)) problems.Add($"pymalloc: nfp2lasta[{n}] names arena {a}");
        }
    }
}
