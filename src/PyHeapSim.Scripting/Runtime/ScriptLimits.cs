namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// Limits that keep a script from hanging or exhausting the host. Hitting one raises the Python error
/// CPython would raise (<c>RecursionError</c>, <c>MemoryError</c>), or stops the run for the step limit.
/// The defaults suit lesson scripts; a host may tighten or loosen them.
/// </summary>
public sealed record ScriptLimits
{
    /// <summary>Maximum evaluation steps (statements and loop iterations) before the run is stopped; default 2·10^9.</summary>
    public long MaxSteps { get; init; } = 2_000_000_000;

    /// <summary>Python call depth before <c>RecursionError</c> (CPython's default recursion limit 1000).</summary>
    public int MaxCallDepth { get; init; } = 1000;

    /// <summary>Live simulated objects before <c>MemoryError</c>; default 40 million.</summary>
    public int MaxObjects { get; init; } = 40_000_000;
}
