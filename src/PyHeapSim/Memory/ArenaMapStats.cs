namespace PyHeapSim.Memory;

/// <summary>
/// The "arena map counts" section of <c>sys._debugmallocstats()</c> (3.10+): the radix tree pymalloc uses
/// to tell its own addresses from the system allocator's. Nodes are created when an arena is first
/// mapped under them and never freed. Byte figures are simulated bytes (host-independent constants of
/// the version's tree shape).
/// </summary>
/// <param name="MidNodes">Interior nodes below the root (<c># arena map mid nodes</c>).</param>
/// <param name="BotNodes">Leaf nodes (<c># arena map bot nodes</c>).</param>
/// <param name="RootNodeBytes">The statically allocated root (<c># bytes lost to arena map root</c>).</param>
/// <param name="MidNodeBytes">Bytes per interior node.</param>
/// <param name="BotNodeBytes">Bytes per leaf node.</param>
public readonly record struct ArenaMapStats(int MidNodes, int BotNodes, long RootNodeBytes, long MidNodeBytes, long BotNodeBytes)
{
    /// <summary>Bytes of all nodes: root + mid nodes + bot nodes (the section's <c>Total</c>).</summary>
    public long TotalBytes => RootNodeBytes + MidNodes * MidNodeBytes + BotNodes * BotNodeBytes;
}
