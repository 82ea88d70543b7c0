namespace PyHeapSim.Memory.Pymalloc;

/// <summary>
/// A pool header (<c>struct pool_header</c>): one pool of <c>POOL_SIZE</c> bytes holding blocks of a
/// single size class. Pools live in <see cref="PymallocAllocator"/>'s pool table, indexed by
/// <c>arena slot × 64 + pool number in the arena</c>; links are such indices, -1 for none.
/// Block positions are offsets from the pool's address in 16-byte units ("units"; the 48-byte
/// header is units 0–2, so unit 0 never names a block and serves as the null link).
/// </summary>
/// <remarks>
/// <para>Layout of one pool (class of s bytes):</para>
/// <code>
///   Address                                             Address + PoolSize
///   | header 48 | block 0 | block 1 | ... | block n-1 | quantization |
///                 unit 3    unit 3+s/16
/// </code>
/// <para>States: <b>used</b> (0 &lt; RefCount &lt; capacity; linked in <c>usedpools[class]</c>),
/// <b>full</b> (RefCount = capacity; in no list, <see cref="FreeBlock"/> = 0), <b>empty</b>
/// (RefCount = 0; on its arena's free-pool list, <see cref="NextPool"/> links it there).</para>
/// <para>The default value is a never-carved pool: address 0, class <see cref="DummySizeIndex"/>.</para>
/// </remarks>
internal struct Pool
{
    /// <summary><c>DUMMY_SIZE_IDX</c>: the class of a freshly carved pool, so its first use initialises it.</summary>
    public const byte DummySizeIndex = 0xff;

    /// <summary>Simulated address of the pool header (8 bytes).</summary>
    public long Address;

    /// <summary><c>ref.count</c>: blocks handed out (4 bytes).</summary>
    public int RefCount;

    /// <summary><c>nextpool</c>: next pool in <c>usedpools[class]</c> or in the arena's free pools (4 bytes).</summary>
    public int NextPool;

    /// <summary><c>prevpool</c>: previous pool in <c>usedpools[class]</c> (4 bytes).</summary>
    public int PrevPool;

    /// <summary><c>freeblock</c>: unit of the first free block, 0 = none (the pool is full) (2 bytes).</summary>
    public ushort FreeBlock;

    /// <summary><c>nextoffset</c>: unit of the next never-used block (2 bytes).</summary>
    public ushort NextOffset;

    /// <summary><c>maxnextoffset</c>: largest unit a never-used block may start at (2 bytes).</summary>
    public ushort MaxNextOffset;

    /// <summary><c>szidx</c>: the size class, or <see cref="DummySizeIndex"/> (1 byte).</summary>
    public byte SizeIndex;
}
