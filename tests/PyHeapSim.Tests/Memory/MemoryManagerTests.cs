using PyHeapSim.Memory;
using PyHeapSim.Memory.Pymalloc;

namespace PyHeapSim.Tests.Memory;

/// <summary>
/// Routing between pymalloc and the system allocator, <c>realloc</c>, and the three counters:
/// requested bytes, tracemalloc, <c>sys.getallocatedblocks()</c>.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class MemoryManagerTests(PythonVersion version)
{
    private MemoryManager _m = null!;

    [SetUp]
    public void SetUp() => _m = new MemoryManager(PythonProfiles.For(version).Allocator);

    [TearDown]
    public void TearDown()
    {
        var problems = new List<string>();
        _m.Pymalloc.Verify(problems);
        problems.Should().BeEmpty();
    }

    [Test]
    public void SmallRequest_IsAPymallocBlock_CountedOnce()
    {
        long a = _m.Malloc(512);
        _m.Pymalloc.Owns(a).Should().BeTrue();
        _m.AllocatedBlocks.Should().Be(1);
        _m.Free(a, 512);
        _m.AllocatedBlocks.Should().Be(0);
    }

    [Test]
    public void ZeroByteAndBigRequests_GoToTheSystemAllocator_AndStillCount([Values(0, 513, 8_000_000)] long bytes)
    {
        long a = _m.Malloc(bytes);
        _m.Pymalloc.Owns(a).Should().BeFalse();
        _m.AllocatedBlocks.Should().Be(1, "_PyObject_Malloc counts what it forwards to malloc");
        _m.RequestedBytes.Should().Be(bytes);
        _m.Free(a, bytes);
        _m.AllocatedBlocks.Should().Be(0);
        _m.RequestedBytes.Should().Be(0);
    }

    [Test]
    public void RawDomainBuffer_IsTracedButNotCounted()
    {
        _m.StartTracing();
        long a = _m.RawMalloc(4096);
        _m.AllocatedBlocks.Should().Be(0);
        _m.TracedCurrent.Should().Be(4096);
        _m.Free(a, 4096);
        _m.TracedCurrent.Should().Be(0);
    }

    [Test]
    public void Realloc_WithinThreeQuartersOfTheBlock_StaysInPlace()
    {
        long a = _m.Malloc(64);
        _m.Realloc(a, 64, 49).Should().Be(a, "49 > 3/4 of 64");
        long b = _m.Realloc(a, 49, 48);
        b.Should().NotBe(a, "48 is not more than 3/4 of 64: copied to a 48-byte block");
        _m.Pymalloc.BlockSizeAt(b).Should().Be(48);
        long c = _m.Realloc(b, 48, 600);
        _m.Pymalloc.Owns(c).Should().BeFalse("above 512 bytes");
        _m.AllocatedBlocks.Should().Be(1);
        _m.Free(c, 600);
    }

    [Test]
    public void Realloc_OfASystemBlock_StaysWithTheSystemAllocator_EvenWhenSmall()
    {
        // _PyObject_Realloc: pymalloc_realloc refuses foreign blocks, PyMem_RawRealloc keeps them.
        long a = _m.Malloc(0);
        long b = _m.Realloc(a, 0, 32);
        _m.Pymalloc.Owns(b).Should().BeFalse();
        _m.AllocatedBlocks.Should().Be(1);
        _m.RequestedBytes.Should().Be(32);
        _m.Free(b, 32);
    }

    [Test]
    public void Realloc_FromPymallocToZero_MovesToTheSystemAllocator()
    {
        long a = _m.Malloc(8);
        long b = _m.Realloc(a, 8, 0);
        _m.Pymalloc.Owns(b).Should().BeFalse("a 0-byte request is never a pymalloc block");
        _m.AllocatedBlocks.Should().Be(1);
        _m.Free(b, 0);
    }

    [Test]
    public void Tracing_BlocksFromBeforeStart_AreNeverSubtracted()
    {
        long old = _m.Malloc(100);
        _m.StartTracing();
        long fresh = _m.Malloc(40);
        _m.TracedCurrent.Should().Be(40);
        _m.Free(old, 100);
        _m.TracedCurrent.Should().Be(40);
        _m.TracedPeak.Should().Be(40);
        _m.Free(fresh, 40);
        _m.TracedCurrent.Should().Be(0);
        _m.TracedPeak.Should().Be(40);
    }

    [Test]
    public void Tracing_ReallocOfAnUntracedBlock_TracesTheResult()
    {
        long a = _m.Malloc(64);
        _m.StartTracing();
        long b = _m.Realloc(a, 64, 60);
        b.Should().Be(a);
        _m.TracedCurrent.Should().Be(60, "tracemalloc adds a trace for the realloc'd block, in place or not");
        _m.Free(b, 60);
        _m.TracedCurrent.Should().Be(0);
    }

    [Test]
    public void Tracing_PeakNeverCountsOldAndNewBlockOfARealloc()
    {
        _m.StartTracing();
        long a = _m.Malloc(400);
        long b = _m.Realloc(a, 400, 4000);
        _m.TracedCurrent.Should().Be(4000);
        _m.TracedPeak.Should().Be(4000);
        _m.Free(b, 4000);
    }

    [Test]
    public void Tracing_StartTwice_IsANoOp_StopForgetsEverything()
    {
        _m.StartTracing();
        long a = _m.Malloc(24);
        _m.StartTracing();
        _m.TracedCurrent.Should().Be(24);
        _m.StopTracing();
        _m.IsTracing.Should().BeFalse();
        (_m.TracedCurrent, _m.TracedPeak).Should().Be((0L, 0L));
        _m.StartTracing();
        _m.Free(a, 24);
        _m.TracedCurrent.Should().Be(0, "the block was traced by the previous session only");
    }

    [Test]
    public void Tracing_ResetPeak_AndClearTraces()
    {
        _m.StartTracing();
        long a = _m.Malloc(1000);
        long b = _m.Malloc(24);
        _m.Free(a, 1000);
        _m.TracedPeak.Should().Be(1024);
        _m.ResetPeak();
        _m.TracedPeak.Should().Be(24);
        _m.ClearTraces();
        (_m.TracedCurrent, _m.TracedPeak).Should().Be((0L, 0L));
        _m.IsTracing.Should().BeTrue();
        _m.Free(b, 24);
        _m.TracedCurrent.Should().Be(0);
    }

    [Test]
    public void Calloc_BigBuffer_IsResidentOnlyWhereTouched()
    {
        MemoryFootprint before = _m.Footprint;
        long a = _m.Calloc(10_000_000);
        MemoryFootprint after = _m.Footprint;
        (after.SystemMapped - before.SystemMapped).Should().BeGreaterThanOrEqualTo(10_000_000);
        (after.SystemResident - before.SystemResident).Should().Be(4096, "only the page holding malloc's chunk header");
        _m.Touch(a, 0, 1_000_000);
        (_m.Footprint.SystemResident - before.SystemResident).Should().Be(4096L * ((1_000_000 + 16 + 4095) / 4096));
        _m.Touch(a, 0, 1_000_000);
        (_m.Footprint.SystemResident - before.SystemResident).Should().Be(4096L * ((1_000_000 + 16 + 4095) / 4096), "touching twice counts once");
        _m.Free(a, 10_000_000);
        _m.Footprint.Should().Be(before, "a big block is its own mapping, unmapped on free");
    }

    [Test]
    public void Malloc_BigBuffer_IsResidentAtOnce()
    {
        MemoryFootprint before = _m.Footprint;
        long a = _m.Malloc(8_000_000);
        (_m.Footprint.SystemResident - before.SystemResident).Should().BeGreaterThanOrEqualTo(8_000_000);
        _m.Free(a, 8_000_000);
    }

    [Test]
    public void SmallSystemChunks_StayWithMalloc_AndAreReusedAtTheSameAddress()
    {
        long a = _m.Malloc(600);
        long mapped = _m.Footprint.SystemMapped;
        _m.Free(a, 600);
        _m.Footprint.SystemMapped.Should().Be(mapped, "glibc keeps freed heap chunks");
        _m.Malloc(600).Should().Be(a, "a same-size chunk is reused: id() of a big str repeats");
        _m.Free(a, 600);
    }

    [Test]
    public void Arenas_AreMappedWholeAndResidentPoolByPool()
    {
        long a = _m.Malloc(16);
        MemoryFootprint f = _m.Footprint;
        f.ArenaMapped.Should().Be(_m.Geometry.ArenaSize);
        f.ArenaResident.Should().Be(_m.Geometry.PoolSize);
        _m.Free(a, 16);
        bool keepsOne = PythonProfiles.For(version).Allocator.KeepsOneEmptyArena;
        _m.Footprint.ArenaMapped.Should().Be(keepsOne ? _m.Geometry.ArenaSize : 0);
    }

    [Test]
    public void Addresses_OfPymallocAndSystemBlocks_NeverOverlap()
    {
        long small = _m.Malloc(16);
        long big = _m.Malloc(100_000);
        long huge = _m.Malloc(1 << 20);
        small.Should().BeGreaterThanOrEqualTo(PymallocAllocator.RegionBase);
        big.Should().BeInRange(RawAllocator.HeapBase, RawAllocator.MmapBase - 1);
        huge.Should().BeInRange(RawAllocator.MmapBase, PymallocAllocator.RegionBase - 1);
        _m.Free(small, 16);
        _m.Free(big, 100_000);
        _m.Free(huge, 1 << 20);
    }
}
