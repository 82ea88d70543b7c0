using PyHeapSim.Memory.Pymalloc;

namespace PyHeapSim.Tests.Memory;

/// <summary>
/// pymalloc's algorithm (obmalloc.c, cpython-facts §6.2) on the allocator alone: block order in a pool,
/// <c>usedpools</c> front insertion, pool reuse across size classes, arena order and release.
/// Every test ends with the allocator's own invariant check.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed partial class PymallocAllocatorTests(PythonVersion version)
{
    private PymallocAllocator _a = null!;
    private int PoolSize => _a.Geometry.PoolSize;
    private int PoolsPerArena => _a.Geometry.PoolsPerArena;

    [SetUp]
    public void SetUp() => _a = new PymallocAllocator(PythonProfiles.For(version).Allocator);

    [TearDown]
    public void TearDown() => Problems().Should().BeEmpty();

    private List<string> Problems()
    {
        var problems = new List<string>();
        _a.Verify(problems);
        return problems;
    }

    /// <summary>Blocks of one class per pool for this geometry.</summary>
    private int PerPool(int bytes) => SizeClass.BlocksPerPool(_a.Geometry, SizeClass.Of(bytes));

    private long[] AllocateMany(int count, int bytes)
    {
        var blocks = new long[count];
        for (int i = 0; i < count; i++) blocks[i] = _a.Allocate(bytes);
        return blocks;
    }

    [Test]
    public void FirstBlock_IsAfterThePoolHeaderOfArenaSlotZero()
    {
        _a.Allocate(16).Should().Be(PymallocAllocator.RegionBase + 48);
        _a.Allocate(16).Should().Be(PymallocAllocator.RegionBase + 64);
        _a.Allocate(17).Should().Be(PymallocAllocator.RegionBase + PoolSize + 48, "class 1 gets the next pool");
    }

    [Test]
    public void Addresses_AreTheSameOnEveryRun()
    {
        var other = new PymallocAllocator(PythonProfiles.For(version).Allocator);
        int[] sizes = [8, 100, 512, 33, 16, 16, 300, 48];
        long[] first = sizes.Select(_a.Allocate).ToArray();
        long[] second = sizes.Select(other.Allocate).ToArray();
        second.Should().Equal(first);
    }

    [Test]
    public void Blocks_InANewPool_AreHandedOutFrontToBack()
    {
        long[] blocks = AllocateMany(PerPool(80), 80);
        for (int i = 0; i < blocks.Length; i++) blocks[i].Should().Be(PymallocAllocator.RegionBase + 48 + 80 * i);
        _a.Allocate(80).Should().Be(PymallocAllocator.RegionBase + PoolSize + 48, "the pool is full, a new one is carved");
    }

    [Test]
    public void Free_ThenAllocate_SameClass_ReusesTheLastFreedBlockFirst()
    {
        long[] blocks = AllocateMany(10, 32);
        _a.Free(blocks[3]);
        _a.Free(blocks[7]);
        _a.Allocate(32).Should().Be(blocks[7]);
        _a.Allocate(32).Should().Be(blocks[3]);
        _a.Allocate(32).Should().Be(blocks[9] + 32, "then the never-used blocks");
    }

    [Test]
    public void Free_FromAFullPool_PutsItAtTheFrontOfUsedPools()
    {
        int per = PerPool(64);
        long[] first = AllocateMany(per, 64);       // pool A, now full
        long[] second = AllocateMany(3, 64);        // pool B, partly used: the only used pool
        _a.Free(first[10]);                         // A is linked in front of B
        _a.Allocate(64).Should().Be(first[10]);
        _a.Allocate(64).Should().Be(second[2] + 64, "A is full again; B is next");
    }

    [Test]
    public void EmptyPool_IsReusedByAnotherSizeClass()
    {
        long[] blocks = AllocateMany(5, 16);
        foreach (long b in blocks) _a.Free(b);
        long pool = blocks[0] - 48;
        _a.Allocate(200).Should().Be(pool + 48, "the empty pool went back to its arena and is reinitialised for 208-byte blocks");
        _a.Allocate(200).Should().Be(pool + 48 + 208);
    }

    [Test]
    public void EmptyPool_ReusedBySameSizeClass_KeepsItsFreeList()
    {
        long anchor = _a.Allocate(100);             // keeps the arena mapped (3.8 unmaps an empty one)
        long[] blocks = AllocateMany(5, 16);
        _a.Free(blocks[1]);
        _a.Free(blocks[4]);
        _a.Free(blocks[0]);
        _a.Free(blocks[3]);
        _a.Free(blocks[2]);                         // pool empty: goes to the arena's free pools
        _a.Allocate(16).Should().Be(blocks[2], "the header and free list were kept: LIFO order survives");
        _a.Allocate(16).Should().Be(blocks[3]);
        _a.Free(anchor);
    }

    [Test]
    public void MostRecentlyEmptiedPool_IsReusedFirst()
    {
        long[] a = AllocateMany(1, 16);
        long[] b = AllocateMany(1, 32);
        long[] c = AllocateMany(1, 48);
        _a.Free(a[0]);
        _a.Free(c[0]);
        _a.Allocate(64).Should().Be(c[0], "freepools is LIFO");
        _a.Allocate(80).Should().Be(a[0]);
        _a.Free(b[0]);
    }

    [Test]
    public void NewArena_IsMappedOnlyWhenNoArenaHasAFreePool()
    {
        int per = PerPool(512);
        AllocateMany(per * PoolsPerArena, 512);
        _a.ArenasCurrentlyAllocated.Should().Be(1);
        long next = _a.Allocate(512);
        _a.ArenasCurrentlyAllocated.Should().Be(2);
        next.Should().Be(PymallocAllocator.RegionBase + _a.Geometry.ArenaSize + 48, "arena slot 1 is mapped right after slot 0");
    }

    [Test]
    public void UsableArenas_TheFullestArenaServesNewPools()
    {
        int per = PerPool(512);
        long[] arena0 = AllocateMany(per * PoolsPerArena, 512);
        long[] arena1 = AllocateMany(per * 3, 512);                 // 3 pools of arena 1
        // Empty 2 pools of arena 0 and 1 pool of arena 1: arena 0 has 2 free pools, arena 1 has 62.
        for (int i = 0; i < per; i++) _a.Free(arena0[i]);
        for (int i = per * 5; i < per * 6; i++) _a.Free(arena0[i]);
        for (int i = 0; i < per; i++) _a.Free(arena1[i]);
        long fresh = _a.Allocate(16);
        (fresh - PymallocAllocator.RegionBase).Should().BeLessThan(_a.Geometry.ArenaSize, "arena 0, with fewer free pools, is used first");
        fresh.Should().Be(arena0[per * 5], "its most recently emptied pool, reinitialised for 16-byte blocks");
    }

    [Test]
    public void Census_AddsUpToTheArenasMapped()
    {
        var rng = new Random(1234);
        var live = new List<long>();
        for (int i = 0; i < 20000; i++)
        {
            if (live.Count > 0 && rng.Next(3) == 0)
            {
                int k = rng.Next(live.Count);
                _a.Free(live[k]);
                live[k] = live[^1];
                live.RemoveAt(live.Count - 1);
            }
            else
            {
                live.Add(_a.Allocate(rng.Next(1, 513)));
            }
        }
        var stats = _a.Census();
        stats.Total.Should().Be((long)stats.ArenasCurrent * stats.ArenaSize);
        stats.SizeClasses.Sum(c => c.BlocksInUse).Should().Be(live.Count);
        _a.BlocksInUse.Should().Be(live.Count);
        Problems().Should().BeEmpty();
        foreach (long b in live) _a.Free(b);
    }
}
