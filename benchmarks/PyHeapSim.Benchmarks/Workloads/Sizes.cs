namespace PyHeapSim.Benchmarks.Workloads;

/// <summary>
/// Workload sizes, and the switch that shrinks them for <c>--smoke</c>. The benchmark names carry the
/// nominal size (<c>full_collect_live_3e6</c>); <see cref="Scale"/> is the size actually built.
/// </summary>
internal static class Sizes
{
    /// <summary>Set by <c>--smoke</c> before anything runs: every size becomes at most <see cref="SmokeMax"/>.</summary>
    public static bool Smoke { get; set; }

    /// <summary>Largest size a smoke run builds.</summary>
    public const int SmokeMax = 2_000;

    /// <summary>The size to build for nominal size <paramref name="n"/>.</summary>
    public static int Scale(int n) => Smoke ? Math.Min(n, SmokeMax) : n;

    /// <summary><paramref name="n"/>, or <paramref name="smoke"/> in a smoke run (for workloads whose
    /// fidelity check needs a size CPython was recorded at).</summary>
    public static int Scale(int n, int smoke) => Smoke ? smoke : n;

    /// <summary>The id suffix of a size: 10^4 → "1e4", 3·10^6 → "3e6".</summary>
    public static string Tag(int n) => n switch
    {
        10_000 => "1e4",
        100_000 => "1e5",
        1_000_000 => "1e6",
        3_000_000 => "3e6",
        10_000_000 => "1e7",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
