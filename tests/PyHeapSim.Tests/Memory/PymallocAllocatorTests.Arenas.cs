using PyHeapSim.Memory.Pymalloc;

namespace PyHeapSim.Tests.Memory;

/// <summary>When arenas are given back: only when every pool is empty; 3.8 at once, 3.9+ keeping one.</summary>
public sealed partial class PymallocAllocatorTests
{
    private bool KeepsOneEmptyArena => version != PythonVersion.Py38;

    [Test]
    public void EmptyArena_TheOnlyUsableOne_IsUnmappedOn38_KeptFrom39()
    {
        long[] blocks = AllocateMany(PerPool(16) * 2, 16);
        foreach (long b in blocks) _a.Free(b);
        _a.ArenasCurrentlyAllocated.Should().Be(KeepsOneEmptyArena ? 1 : 0);
        _a.ArenasAllocatedTotal.Should().Be(1);
    }

    [Test]
    public void TwoEmptyArenas_From39_OnlyTheLastUsableIsKept()
    {
        long[] arena0 = AllocateMany(PerPool(16) * PoolsPerArena, 16);
        long[] arena1 = AllocateMany(PerPool(16), 16);
        _a.ArenasCurrentlyAllocated.Should().Be(2);
        foreach (long b in arena1) _a.Free(b);
        _a.ArenasCurrentlyAllocated.Should().Be(KeepsOneEmptyArena ? 2 : 1, "arena 1 is the last usable arena");
        foreach (long b in arena0) _a.Free(b);
        _a.ArenasCurrentlyAllocated.Should().Be(KeepsOneEmptyArena ? 1 : 0, "arena 0 is followed by arena 1 in usable_arenas");
        _a.ArenasHighwater.Should().Be(2);
    }

    [Test]
    public void ReleasedArenaSlots_AreMappedAgain_AtTheirOldAddresses()
    {
        // Descriptors of unmapped arenas are reused (unused_arena_objects) and a slot always maps at the
        // same address, so refilling after a full release needs no new address range.
        int n = PerPool(16) * PoolsPerArena * 2 + 5;
        long[] first = AllocateMany(n, 16);
        foreach (long b in first) _a.Free(b);
        _a.ArenasCurrentlyAllocated.Should().Be(KeepsOneEmptyArena ? 1 : 0);
        long[] second = AllocateMany(n, 16);
        _a.ArenasCurrentlyAllocated.Should().Be(3);
        _a.MaxArenas.Should().Be(_a.Geometry.InitialArenaObjects);
        second.Max().Should().BeLessThan(PymallocAllocator.RegionBase + 3L * _a.Geometry.ArenaSize);
        _a.ArenasAllocatedTotal.Should().Be(KeepsOneEmptyArena ? 5 : 6);
        foreach (long b in second) _a.Free(b);
    }

    [Test]
    public void Fragmentation_OneLive16ByteBlockPerPool_KeepsEveryArena_UntilItDies()
    {
        int per = PerPool(16);
        long[] blocks = AllocateMany(per * PoolsPerArena * 3, 16);
        _a.ArenasCurrentlyAllocated.Should().Be(3);
        for (int i = 0; i < blocks.Length; i++) if (i % per != 0) _a.Free(blocks[i]);

        _a.ArenasCurrentlyAllocated.Should().Be(3, "every pool still holds one block");
        var stats = _a.Census();
        stats.SizeClasses.Should().ContainSingle().Which.Should().Be(
            new PyHeapSim.Memory.SizeClassStats(0, 16, PoolsPerArena * 3, PoolsPerArena * 3, (per - 1L) * PoolsPerArena * 3));
        stats.BytesInAllocatedBlocks.Should().Be(16L * PoolsPerArena * 3);

        for (int i = 0; i < blocks.Length; i += per) _a.Free(blocks[i]);
        _a.ArenasCurrentlyAllocated.Should().Be(KeepsOneEmptyArena ? 1 : 0);
        _a.Census().ArenasReclaimed.Should().Be(KeepsOneEmptyArena ? 2 : 3);
    }

    [Test]
    public void MisalignedArenas_HoldOnePoolLess_AndReportTheLoss()
    {
        var g = PythonProfiles.For(version).Allocator with { ArenaMisalignment = 4096 };
        _a = new PymallocAllocator(g);
        bool aligned = g.PoolSize <= 4096;
        long first = _a.Allocate(16);
        first.Should().Be(PymallocAllocator.RegionBase + (aligned ? 4096 : g.PoolSize) + 48);
        int pools = aligned ? PoolsPerArena : PoolsPerArena - 1;
        long[] rest = AllocateMany(PerPool(16) * pools - 1, 16);
        _a.ArenasCurrentlyAllocated.Should().Be(1);
        _a.Allocate(16);
        _a.ArenasCurrentlyAllocated.Should().Be(2);
        var stats = _a.Census();
        stats.BytesLostToArenaAlignment.Should().Be(aligned ? 0 : 2L * g.PoolSize);
        stats.Total.Should().Be(2L * g.ArenaSize);
        foreach (long b in rest) _a.Free(b);
        _a.Free(first);
    }
}
