namespace PyHeapSim.Scripting;

/// <summary>The outcome of running a script.</summary>
/// <param name="ExitCode">What the process would exit with: 0, 1 after an uncaught Python exception (or a
/// SyntaxError), 2 when the script is outside the supported subset, 3 when a host limit stopped it.</param>
/// <param name="Heap">The simulated heap after the run (finalization done), for statistics and checks.</param>
/// <param name="Statistics">Counters gathered during the run.</param>
public sealed record ScriptResult(int ExitCode, PyHeap Heap, ScriptStatistics Statistics);

/// <summary>What a run did to the heap, for <c>pyheapsim run --stats</c>.</summary>
public sealed record ScriptStatistics
{
    /// <summary>Simulated bytes still requested from the allocator at the end (after finalization).</summary>
    public long BytesAtEnd { get; init; }

    /// <summary>Objects allocated during the run (after the interpreter's startup).</summary>
    public long ObjectsAllocated { get; init; }

    /// <summary>Objects freed during the run.</summary>
    public long ObjectsFreed { get; init; }

    /// <summary>Highest simulated bytes held by the allocator during the run.</summary>
    public long PeakBytes { get; init; }

    /// <summary>pymalloc arenas mapped at the end.</summary>
    public int ArenasAtEnd { get; init; }

    /// <summary>The most pymalloc arenas mapped at once.</summary>
    public int ArenasHighWater { get; init; }

    /// <summary>Live simulated objects at the end (singletons and types included).</summary>
    public int LiveObjectsAtEnd { get; init; }

    /// <summary>Collections per generation (0, 1, 2) during the run, the final shutdown collections included.</summary>
    public long[] Collections { get; init; } = new long[3];

    /// <summary>Objects collected per generation.</summary>
    public long[] Collected { get; init; } = new long[3];

    /// <summary><c>sys.getallocatedblocks()</c> at the end.</summary>
    public long AllocatedBlocksAtEnd { get; init; }

    /// <summary>Evaluation steps taken.</summary>
    public long Steps { get; init; }
}
