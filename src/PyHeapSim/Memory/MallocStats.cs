using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PyHeapSim.Memory;

/// <summary>
/// A snapshot of the allocator, shaped like CPython's <c>sys._debugmallocstats()</c> report
/// (<c>_PyObject_DebugMallocStats</c> + the free-list lines), plus the two counters Python code sees
/// (<c>sys.getallocatedblocks()</c>) and a footprint estimate. Taken by <c>PyHeap.GetMallocStats()</c>
/// in O(arenas); immutable afterwards. All byte figures are simulated bytes.
/// </summary>
/// <remarks>
/// The pymalloc part adds up like CPython's: <c>BytesInAllocatedBlocks + BytesInAvailableBlocks +
/// BytesInUnusedPools + BytesLostToPoolHeaders + BytesLostToQuantization + BytesLostToArenaAlignment
/// = ArenasCurrent × ArenaSize</c> (<see cref="Total"/>).
/// </remarks>
public sealed record MallocStats
{
    /// <summary>Largest request pymalloc serves (512).</summary>
    public int SmallRequestThreshold { get; init; }

    /// <summary>Number of size classes (32).</summary>
    public int SizeClassCount { get; init; }

    /// <summary>Pool size, bytes.</summary>
    public int PoolSize { get; init; }

    /// <summary>Arena size, bytes.</summary>
    public int ArenaSize { get; init; }

    /// <summary>Arenas ever mapped (<c># arenas allocated total</c>).</summary>
    public long ArenasAllocatedTotal { get; init; }

    /// <summary>Arenas mapped and since given back (<c># arenas reclaimed</c>).</summary>
    public long ArenasReclaimed { get; init; }

    /// <summary>Most arenas mapped at once (<c># arenas highwater mark</c>).</summary>
    public int ArenasHighwater { get; init; }

    /// <summary>Arenas mapped now (<c># arenas allocated current</c>).</summary>
    public int ArenasCurrent { get; init; }

    /// <summary>Rows for the size classes that have pools in use, by class index.</summary>
    public ImmutableArray<SizeClassStats> SizeClasses { get; init; } = [];

    /// <summary>Σ blocks in use × block size (<c># bytes in allocated blocks</c>); rounding included, unlike tracemalloc.</summary>
    public long BytesInAllocatedBlocks { get; init; }

    /// <summary>Σ available blocks × block size in used pools (<c># bytes in available blocks</c>).</summary>
    public long BytesInAvailableBlocks { get; init; }

    /// <summary>Empty pools plus pools not carved yet, over all mapped arenas.</summary>
    public long UnusedPools { get; init; }

    /// <summary><c>UnusedPools × PoolSize</c> (<c>K unused pools * P bytes</c>).</summary>
    public long BytesInUnusedPools => UnusedPools * PoolSize;

    /// <summary>48 bytes per used pool (<c># bytes lost to pool headers</c>).</summary>
    public long BytesLostToPoolHeaders { get; init; }

    /// <summary>Tails of used pools too small for a block (<c># bytes lost to quantization</c>).</summary>
    public long BytesLostToQuantization { get; init; }

    /// <summary>One pool per arena whose mapping is not pool-aligned (<c># bytes lost to arena alignment</c>).</summary>
    public long BytesLostToArenaAlignment { get; init; }

    /// <summary>The pymalloc total: equals <c>ArenasCurrent × ArenaSize</c>.</summary>
    public long Total => BytesInAllocatedBlocks + BytesInAvailableBlocks + BytesInUnusedPools
        + BytesLostToPoolHeaders + BytesLostToQuantization + BytesLostToArenaAlignment;

    /// <summary>The 3.10+ arena-map section; null on 3.8–3.9 (no radix tree).</summary>
    public ArenaMapStats? ArenaMap { get; init; }

    /// <summary>The free-list lines the version prints, in its order (dict, [dict keys,] float, list, tuples by length).</summary>
    public ImmutableArray<FreeListStats> FreeLists { get; init; } = [];

    /// <summary><c>sys.getallocatedblocks()</c>: pymalloc blocks in use + system blocks requested through pymalloc.</summary>
    public long AllocatedBlocks { get; init; }

    /// <summary>Live system-allocator blocks of every domain (those counted in <see cref="AllocatedBlocks"/> and raw-domain buffers).</summary>
    public long SystemBlocks { get; init; }

    /// <summary>Requested bytes of the live system-allocator blocks.</summary>
    public long SystemBytes { get; init; }

    /// <summary>Mapped and resident memory estimate.</summary>
    public MemoryFootprint Footprint { get; init; }

    /// <summary>
    /// The report as <c>sys._debugmallocstats()</c> writes it to stderr: same lines, labels, alignment
    /// and thousands separators; free lists CPython has and the simulator does not model (3.8's
    /// C-function, method and frame lists; 3.8–3.10 frames) are left out.
    /// </summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append("Small block threshold = ").Append(SmallRequestThreshold.ToString(CultureInfo.InvariantCulture))
          .Append(", in ").Append(SizeClassCount.ToString(CultureInfo.InvariantCulture)).Append(" size classes.\n\n");
        sb.Append("class   size   num pools   blocks in use  avail blocks\n");
        sb.Append("-----   ----   ---------   -------------  ------------\n");
        foreach (SizeClassStats r in SizeClasses)
        {
            sb.Append(Pad(r.Index, 5)).Append(' ').Append(Pad(r.BlockSize, 6)).Append(' ')
              .Append(Pad(r.Pools, 11)).Append(' ').Append(Pad(r.BlocksInUse, 15)).Append(' ')
              .Append(Pad(r.AvailableBlocks, 13)).Append('\n');
        }
        sb.Append('\n');
        PrintOne(sb, "# arenas allocated total", ArenasAllocatedTotal);
        PrintOne(sb, "# arenas reclaimed", ArenasReclaimed);
        PrintOne(sb, "# arenas highwater mark", ArenasHighwater);
        PrintOne(sb, "# arenas allocated current", ArenasCurrent);
        PrintOne(sb, Invariant($"{ArenasCurrent} arenas * {ArenaSize} bytes/arena"), (long)ArenasCurrent * ArenaSize);
        sb.Append('\n');
        PrintOne(sb, "# bytes in allocated blocks", BytesInAllocatedBlocks);
        PrintOne(sb, "# bytes in available blocks", BytesInAvailableBlocks);
        PrintOne(sb, Invariant($"{UnusedPools} unused pools * {PoolSize} bytes"), BytesInUnusedPools);
        PrintOne(sb, "# bytes lost to pool headers", BytesLostToPoolHeaders);
        PrintOne(sb, "# bytes lost to quantization", BytesLostToQuantization);
        PrintOne(sb, "# bytes lost to arena alignment", BytesLostToArenaAlignment);
        PrintOne(sb, "Total", Total);
        if (ArenaMap is { } map)
        {
            sb.Append("\narena map counts\n");
            PrintOne(sb, "# arena map mid nodes", map.MidNodes);
            PrintOne(sb, "# arena map bot nodes", map.BotNodes);
            sb.Append('\n');
            PrintOne(sb, "# bytes lost to arena map root", map.RootNodeBytes);
            PrintOne(sb, "# bytes lost to arena map mid", map.MidNodes * map.MidNodeBytes);
            PrintOne(sb, "# bytes lost to arena map bot", map.BotNodes * map.BotNodeBytes);
            PrintOne(sb, "Total", map.TotalBytes);
        }
        sb.Append('\n');
        foreach (FreeListStats f in FreeLists)
        {
            // _PyDebugAllocatorStats: "%d %ss * %zd bytes each", right-aligned in 48 columns, then a space.
            string line = Invariant($"{f.Count} {f.Name}s * {f.BytesEach} bytes each");
            PrintOne(sb, line.PadLeft(48) + " ", f.TotalBytes);
        }
        return sb.ToString();
    }

    /// <summary>obmalloc.c <c>printone</c>: the label padded to 35 columns, '=', the value with thousands
    /// separators right-aligned in 21 columns.</summary>
    private static void PrintOne(StringBuilder sb, string label, long value)
    {
        sb.Append(label);
        if (label.Length < 35) sb.Append(' ', 35 - label.Length);
        sb.Append('=');
        sb.Append(value.ToString("#,0", CultureInfo.InvariantCulture).PadLeft(21)).Append('\n');
    }

    private static string Pad(long value, int width) => value.ToString(CultureInfo.InvariantCulture).PadLeft(width);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
