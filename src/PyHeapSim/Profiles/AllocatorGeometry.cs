namespace PyHeapSim.Profiles;

/// <summary>
/// pymalloc geometry (cpython-facts §6.1). Size classes are 16 bytes apart up to
/// <see cref="SmallRequestThreshold"/>:
/// <code>
///   request bytes   class index   block size
///        1 – 16          0            16
///       17 – 32          1            32
///        ...            ...           ...
///      497 – 512        31           512
///      0, &gt; 512       → system malloc
/// </code>
/// </summary>
public sealed record AllocatorGeometry
{
    /// <summary>Size-class step (<c>ALIGNMENT</c>), bytes.</summary>
    public int Alignment { get; init; } = 16;

    /// <summary>Largest request served by pymalloc (<c>SMALL_REQUEST_THRESHOLD</c>), bytes.</summary>
    public int SmallRequestThreshold { get; init; } = 512;

    /// <summary>Pool size: 4 KiB in 3.8–3.9, 16 KiB from 3.10.</summary>
    public int PoolSize { get; init; } = 4096;

    /// <summary>Arena size: 256 KiB in 3.8–3.9, 1 MiB from 3.10.</summary>
    public int ArenaSize { get; init; } = 256 * 1024;

    /// <summary><c>POOL_OVERHEAD</c>: the pool header, bytes.</summary>
    public int PoolHeaderSize { get; init; } = 48;

    /// <summary>3.9+ (bpo-37257): keep one completely empty arena instead of unmapping it.</summary>
    public bool KeepsOneEmptyArena { get; init; }
}
