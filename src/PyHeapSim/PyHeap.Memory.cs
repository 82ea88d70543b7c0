using PyHeapSim.Memory;

namespace PyHeapSim;

/// <summary>
/// The allocator's accounting views: <c>tracemalloc</c>, <c>sys.getallocatedblocks()</c>,
/// <c>sys._debugmallocstats()</c> and a footprint estimate. All sizes are simulated bytes (what the real
/// interpreter would report), never host bytes. docs/allocator.md explains each view.
/// </summary>
public sealed partial class PyHeap
{
    /// <summary>
    /// <c>tracemalloc.start()</c>: from now on, blocks allocated (or reallocated) are traced with their
    /// requested size. Blocks that already exist stay untraced, so freeing them later subtracts nothing.
    /// A no-op when already tracing. O(1).
    /// </summary>
    public void TracemallocStart() => Memory.StartTracing();

    /// <summary><c>tracemalloc.stop()</c>: stops tracing and forgets every trace; current and peak read 0. O(arenas).</summary>
    public void TracemallocStop() => Memory.StopTracing();

    /// <summary><c>tracemalloc.is_tracing()</c>. Default false: a new heap does not trace.</summary>
    public bool TracemallocIsTracing => Memory.IsTracing;

    /// <summary>
    /// <c>tracemalloc.get_traced_memory()</c>: the requested bytes of the traced blocks alive now, and the
    /// most there were at once since tracing started (or since <see cref="TracemallocResetPeak"/>);
    /// (0, 0) when not tracing. Requested bytes are before pymalloc's 16-byte rounding: a 1-digit int is
    /// 28 (32 from 3.11 when made by arithmetic), a 10-character ASCII str 59 (51 from 3.12). Blocks
    /// parked on free lists stay traced. O(1).
    /// </summary>
    /// <remarks>Unlike CPython, reading does not allocate: the script layer builds the 2-tuple and its ints.</remarks>
    public (long Current, long Peak) TracemallocGetTracedMemory() => (Memory.TracedCurrent, Memory.TracedPeak);

    /// <summary><c>tracemalloc.reset_peak()</c> (CPython 3.9+; the heap offers it on every profile): the peak
    /// restarts at the current size. O(1).</summary>
    public void TracemallocResetPeak() => Memory.ResetPeak();

    /// <summary><c>tracemalloc.clear_traces()</c>: forgets every trace but keeps tracing; current and peak read 0. O(arenas).</summary>
    public void TracemallocClearTraces() => Memory.ClearTraces();

    /// <summary>
    /// <c>sys.getallocatedblocks()</c>: blocks allocated through pymalloc's API and not freed — pymalloc
    /// blocks plus the 0-byte and &gt; 512-byte requests pymalloc forwards to the system allocator
    /// (<c>[None] * 1000</c> is 2 blocks: the list and its 8000-byte array). Blocks parked on free
    /// lists count; raw-domain buffers (NumPy's data) do not. Counts blocks, not bytes. O(1).
    /// </summary>
    public long AllocatedBlocks => Memory.AllocatedBlocks;

    /// <summary>
    /// A snapshot of the allocator as <c>sys._debugmallocstats()</c> reports it: arenas, per-class pools
    /// and blocks, where the mapped bytes go, the free lists, plus <see cref="AllocatedBlocks"/> and the
    /// footprint. O(arenas); the snapshot does not change afterwards.
    /// </summary>
    public MallocStats GetMallocStats() => Memory.Census() with { FreeLists = FreeLists.Census(Profile.Layout) };

    /// <summary>
    /// The text <c>sys._debugmallocstats()</c> writes to stderr, for this heap (see <see cref="MallocStats.ToText"/>).
    /// O(arenas).
    /// </summary>
    public string DebugMallocStats() => GetMallocStats().ToText();

    /// <summary>
    /// Estimated address space and resident memory of the arenas and system blocks (see
    /// <see cref="PyHeapSim.Memory.MemoryFootprint"/> for the rules). O(1).
    /// </summary>
    public MemoryFootprint MemoryFootprint => Memory.Footprint;

    private readonly List<IParkedBlocks> _extensionCaches = [];

    /// <summary>Registers an extension's block cache, whose parked blocks stay allocated (see <see cref="IParkedBlocks"/>).</summary>
    internal void RegisterParkedBlocks(IParkedBlocks cache) => _extensionCaches.Add(cache);

    /// <summary>The allocator's invariants, for <see cref="Verify"/>.</summary>
    private void VerifyMemory(List<string> problems)
    {
        Memory.Pymalloc.Verify(problems);
        long parkedBlocks = FreeLists.Count;
        if (parkedBlocks > Memory.AllocatedBlocks) problems.Add($"allocator: {parkedBlocks} blocks parked on free lists but only {Memory.AllocatedBlocks} allocated");
    }
}
