using System.Numerics;
using PyHeapSim.Objects;

namespace PyHeapSim.Tests.Objects;

/// <summary>
/// The object table's storage: native columns that read as zero until written and keep their contents when
/// they grow (on the C heap, across the switch to a mapping, and as a mapping), the chunked payload column,
/// and a heap that grows through all of it with every object intact.
/// </summary>
public sealed unsafe class ObjectTableStorageTests
{
    [TestCase(16)]
    [TestCase(4096)]
    [TestCase(ZeroPages.MappingThreshold)]
    [TestCase(4 * ZeroPages.MappingThreshold)]
    public void Allocate_ReadsAsZero(long bytes)
    {
        byte* p = (byte*)ZeroPages.Allocate((nuint)bytes);
        try
        {
            new ReadOnlySpan<byte>(p, (int)bytes).IndexOfAnyExcept((byte)0).Should().Be(-1);
        }
        finally
        {
            ZeroPages.Free(p, (nuint)bytes);
        }
    }

    [TestCase(1024, 2048)]                                                     // C heap to C heap
    [TestCase(ZeroPages.MappingThreshold / 2, ZeroPages.MappingThreshold)]     // into a mapping
    [TestCase(ZeroPages.MappingThreshold, 8 * ZeroPages.MappingThreshold)]     // mapping to mapping
    public void Grow_KeepsContentsAndZeroesTheNewPart(long oldBytes, long newBytes)
    {
        byte* p = (byte*)ZeroPages.Allocate((nuint)oldBytes);
        for (long i = 0; i < oldBytes; i++) p[i] = (byte)(i * 7 + 1);
        byte* q = (byte*)ZeroPages.Grow(p, (nuint)oldBytes, (nuint)newBytes);
        try
        {
            for (long i = 0; i < oldBytes; i++)
            {
                if (q[i] != (byte)(i * 7 + 1)) Assert.Fail($"byte {i} changed: {q[i]}");
            }
            new ReadOnlySpan<byte>(q + oldBytes, (int)(newBytes - oldBytes)).IndexOfAnyExcept((byte)0).Should().Be(-1);
        }
        finally
        {
            ZeroPages.Free(q, (nuint)newBytes);
        }
    }

    [Test]
    public void IsMapped_OnlyLargeBlocksOnLinux()
    {
        ZeroPages.IsMapped((nuint)ZeroPages.MappingThreshold - 1).Should().BeFalse();
        ZeroPages.IsMapped((nuint)ZeroPages.MappingThreshold).Should().Be(OperatingSystem.IsLinux());
    }

    [Test]
    public void PayloadColumn_UnwrittenSlotsReadNullAndNullWritesMakeNoChunk()
    {
        var column = new PayloadColumn();
        column.EnsureCapacity(16 * PayloadColumn.ChunkSlots);
        column.Get(0).Should().BeNull();
        column.Get(10 * PayloadColumn.ChunkSlots + 5).Should().BeNull();
        column.Set(3 * PayloadColumn.ChunkSlots, null);
        column.Get(3 * PayloadColumn.ChunkSlots).Should().BeNull();
    }

    [Test]
    public void PayloadColumn_ValuesSurviveAcrossChunksAndDirectoryGrowth()
    {
        var column = new PayloadColumn();
        column.EnsureCapacity(2 * PayloadColumn.ChunkSlots);
        column.Set(PayloadColumn.ChunkSlots, "early");
        column.EnsureCapacity(40 * PayloadColumn.ChunkSlots); // the directory grows; made chunks stay
        column.Get(PayloadColumn.ChunkSlots).Should().Be("early");
        int[] slots = [1, PayloadColumn.ChunkSlots - 1, PayloadColumn.ChunkSlots, 37 * PayloadColumn.ChunkSlots + 11];
        foreach (int o in slots) column.Set(o, $"v{o}");
        foreach (int o in slots) column.Get(o).Should().Be($"v{o}");
        column.Get(PayloadColumn.ChunkSlots + 1).Should().BeNull(); // same chunk, never written
        column.Set(PayloadColumn.ChunkSlots, null);
        column.Get(PayloadColumn.ChunkSlots).Should().BeNull();
        column.Get(PayloadColumn.ChunkSlots - 1).Should().Be($"v{PayloadColumn.ChunkSlots - 1}");
    }

    [Test]
    public void HeapGrowingPastEveryMappingThreshold_KeepsEveryObject()
    {
        // 3·10^5 objects: every native column moves from the C heap into a mapping and doubles several times.
        var heap = new PyHeap(PythonProfiles.Parse("3.13"));
        const int n = 300_000;
        PyRef list = heap.NewList();
        for (int i = 0; i < n; i++)
        {
            PyRef x = i % 3 == 0 ? heap.NewList() : heap.NewInt(1000 + (long)i);
            heap.ListAppend(list, x);
            heap.DecRef(x);
        }
        heap.ListLength(list).Should().Be(n);
        for (int i = 0; i < n; i += 997)
        {
            PyRef x = heap.ListGetItem(list, i); // borrowed
            if (i % 3 == 0)
            {
                heap.TypeName(x).Should().Be("list");
                heap.IsTracked(x).Should().BeTrue();
            }
            else
            {
                heap.IntValue(x).Should().Be(new BigInteger(1000 + i));
            }
            heap.RefCount(x).Should().Be(1); // the list's reference
        }
        heap.Verify();
        heap.DecRef(list);
        heap.Verify();
    }

    [Test]
    public void HandlePastTheHighWaterMark_IsStaleNotGarbage()
    {
        var heap = new PyHeap(PythonProfiles.Parse("3.13"));
        PyRef x = heap.NewList();
        var beyond = new PyRef(x.Index + 10, 1);
        heap.IsAlive(beyond).Should().BeFalse();
        FluentActions.Invoking(() => heap.IncRef(beyond)).Should().Throw<StaleReferenceException>();
        heap.Verify();
    }
}
