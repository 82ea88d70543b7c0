namespace PyHeapSim.Benchmarks.Workloads;

/// <summary>A benchmark's fidelity invariant failed: the simulator was fast, or slow, but wrong.
/// Thrown from <c>[GlobalCleanup]</c> (BenchmarkDotNet then reports the row as failed) and by the
/// side-by-side and smoke modes (non-zero exit).</summary>
public sealed class FidelityException(string message) : Exception(message)
{
    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    public static void Check(bool condition, string what)
    {
        if (!condition) throw new FidelityException(what);
    }

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new FidelityException($"{what}: expected {expected}, got {actual}");
        }
    }
}
