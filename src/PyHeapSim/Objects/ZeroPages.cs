using System.Runtime.InteropServices;

namespace PyHeapSim.Objects;

/// <summary>
/// Memory for the object table's columns that reads as zero until written and grows without copying.
/// </summary>
/// <remarks>
/// A heap of 10^6 objects needs ~40 MB of columns. Managed arrays double by allocating a new array and
/// copying the old one into it: every doubling writes (page-faults) as many bytes again as the table
/// already holds, and the old copy stays resident until the host GC returns it. On this project's VMs
/// a fresh page costs microseconds, so for the seed lesson the copies were ~40 % of all page faults
/// (perf record -e page-faults). Large columns therefore live in anonymous mappings on Linux: the
/// kernel hands out zero pages on first touch (columns a workload never writes, such as the GC links
/// of untracked ints, cost address space only), and <c>mremap</c> grows a mapping by moving page-table
/// entries, not bytes. Small columns — most heaps, and every test heap — use the C heap
/// (<see cref="NativeMemory.AllocZeroed(nuint)"/>), as do other platforms at every size; there growth
/// copies, as arrays did.
/// </remarks>
internal static unsafe partial class ZeroPages
{
    /// <summary>Below this size a column stays on the C heap (a mapping per small test heap costs more than it saves);
    /// above it, the one copy made when a column moves into a mapping stays small.</summary>
    public const long MappingThreshold = 64 << 10;

    private const int ProtRead = 0x1, ProtWrite = 0x2;
    private const int MapPrivate = 0x02, MapAnonymous = 0x20, MapNoReserve = 0x4000;
    private const int MremapMayMove = 1;
    private static readonly nint MapFailed = -1;

    private static readonly bool UseMappings = OperatingSystem.IsLinux();

    /// <summary>Whether a block of <paramref name="bytes"/> is (or would be) an anonymous mapping.</summary>
    public static bool IsMapped(nuint bytes) => UseMappings && bytes >= MappingThreshold;

    /// <summary><paramref name="bytes"/> zeroed bytes.</summary>
    public static void* Allocate(nuint bytes)
    {
        if (!IsMapped(bytes)) return NativeMemory.AllocZeroed(bytes);
        nint p = Mmap(0, bytes, ProtRead | ProtWrite, MapPrivate | MapAnonymous | MapNoReserve, -1, 0);
        if (p == MapFailed) throw new OutOfMemoryException($"mmap of {bytes} bytes for the object table failed (errno {Marshal.GetLastPInvokeError()}).");
        return (void*)p;
    }

    /// <summary>
    /// The block <paramref name="p"/> of <paramref name="oldBytes"/>, grown to <paramref name="newBytes"/>: the
    /// old contents kept, the new part zero. The old pointer is invalid afterwards.
    /// </summary>
    public static void* Grow(void* p, nuint oldBytes, nuint newBytes)
    {
        if (IsMapped(oldBytes))
        {
            nint q = Mremap((nint)p, oldBytes, newBytes, MremapMayMove);
            if (q == MapFailed) throw new OutOfMemoryException($"mremap to {newBytes} bytes for the object table failed (errno {Marshal.GetLastPInvokeError()}).");
            return (void*)q; // the kernel zero-fills pages a mapping gains
        }
        void* grown = Allocate(newBytes);
        Buffer.MemoryCopy(p, grown, newBytes, oldBytes);
        Free(p, oldBytes);
        return grown;
    }

    /// <summary>Gives the block back (to the kernel at once when it is a mapping).</summary>
    public static void Free(void* p, nuint bytes)
    {
        if (p is null) return;
        if (IsMapped(bytes)) Munmap((nint)p, bytes);
        else NativeMemory.Free(p);
    }

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "mremap", SetLastError = true)]
    private static partial nint Mremap(nint oldAddress, nuint oldSize, nuint newSize, int flags);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int Munmap(nint addr, nuint length);
}
