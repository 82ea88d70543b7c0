namespace PyHeapSim.Memory;

/// <summary>
/// One row of the size-class table of <c>sys._debugmallocstats()</c>: the pools of one pymalloc class
/// that hold at least one block. Counts are blocks and pools; <see cref="BlockSize"/> is simulated bytes.
/// </summary>
/// <param name="Index">Class index, 0–31 (<c>class</c>).</param>
/// <param name="BlockSize">Bytes per block: (Index + 1) × 16 (<c>size</c>).</param>
/// <param name="Pools">Pools of this class with blocks in use (<c>num pools</c>); empty pools are not counted.</param>
/// <param name="BlocksInUse">Blocks handed out, free-list objects included (<c>blocks in use</c>).</param>
/// <param name="AvailableBlocks">Free and never-used blocks in those pools (<c>avail blocks</c>).</param>
public readonly record struct SizeClassStats(int Index, int BlockSize, long Pools, long BlocksInUse, long AvailableBlocks);
