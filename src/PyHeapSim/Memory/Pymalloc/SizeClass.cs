using System.Runtime.CompilerServices;
using PyHeapSim.Profiles;

namespace PyHeapSim.Memory.Pymalloc;

/// <summary>
/// pymalloc's size classes (<c>Objects/obmalloc.c</c>, header comment). A request of n bytes
/// (1 ≤ n ≤ 512) is served from class <c>(n - 1) &gt;&gt; 4</c>, whose blocks are
/// <c>(class + 1) × 16</c> bytes; every pool holds blocks of one class only, packed after the
/// 48-byte pool header, and the tail that no whole block fits in is lost ("quantization").
/// <code>
///   request bytes  class  block   blocks per pool        quantization per pool
///                                 4 KiB     16 KiB       4 KiB    16 KiB
///   ------------------------------------------------------------------------
///      1 –  16       0      16     253      1021            0        0
///     17 –  32       1      32     126       510           16       16
///     33 –  48       2      48      84       340           16       16
///     49 –  64       3      64      63       255           16       16
///     65 –  80       4      80      50       204           48       16
///     81 –  96       5      96      42       170           16       16
///     97 – 112       6     112      36       145           16       96
///    113 – 128       7     128      31       127           80       80
///    129 – 144       8     144      28       113           16       64
///    ...            ...    ...     ...       ...          ...      ...
///    481 – 496      30     496       8        32           80      464
///    497 – 512      31     512       7        31          464      464
///    0, or &gt; 512     → the system allocator (RawAllocator), not a size class
/// </code>
/// "blocks per pool" is <c>NUMBLOCKS(class) = (POOL_SIZE - POOL_OVERHEAD) / block</c>.
/// </summary>
internal static class SizeClass
{
    /// <summary><c>ALIGNMENT_SHIFT</c>: log2 of the 16-byte class step.</summary>
    public const int AlignmentShift = 4;

    /// <summary>Number of classes for <paramref name="g"/> (32 for a 512-byte threshold).</summary>
    public static int Count(AllocatorGeometry g) => g.SmallRequestThreshold >> AlignmentShift;

    /// <summary>The class serving a request of 1 … 512 bytes (<c>(nbytes - 1) &gt;&gt; ALIGNMENT_SHIFT</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(int bytes) => (bytes - 1) >> AlignmentShift;

    /// <summary><c>INDEX2SIZE</c>: the block size of class <paramref name="index"/>, bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BlockSize(int index) => (index + 1) << AlignmentShift;

    /// <summary><c>NUMBLOCKS</c>: blocks of class <paramref name="index"/> in one pool.</summary>
    public static int BlocksPerPool(AllocatorGeometry g, int index) => (g.PoolSize - g.PoolHeaderSize) / BlockSize(index);

    /// <summary>Bytes at the end of a pool of class <paramref name="index"/> that no block uses.</summary>
    public static int Quantization(AllocatorGeometry g, int index) => (g.PoolSize - g.PoolHeaderSize) % BlockSize(index);
}
