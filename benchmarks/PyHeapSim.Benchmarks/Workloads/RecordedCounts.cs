namespace PyHeapSim.Benchmarks.Workloads;

/// <summary>
/// Automatic-collection counts (g0/g1/g2) that CPython reported for the <c>auto_collect</c> workload
/// (n empty lists appended to a root list, GC enabled), recorded with
/// <c>benchmarks/cpython/record_counts.py</c> on 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1 and 3.13.0.
/// They are exact and were identical in every run; the simulator must reproduce them.
/// </summary>
internal static class RecordedCounts
{
    // 3.8 – 3.12: thresholds (700, 10, 10). 3.13.0: (2000, 10, 10).
    private static readonly Dictionary<int, long[]> Threshold700 = new()
    {
        [1_000] = [1, 0, 0],
        [10_000] = [13, 1, 0],
        [100_000] = [130, 11, 1],
        [1_000_000] = [1300, 118, 8],
    };

    private static readonly Dictionary<int, long[]> Threshold2000 = new()
    {
        [1_000] = [0, 0, 0],
        [10_000] = [5, 0, 0],
        [100_000] = [45, 4, 0],
        [1_000_000] = [455, 41, 3],
    };

    /// <summary>The recorded counts for a heap whose generation-0 threshold is <paramref name="threshold0"/>
    /// (700 or 2000) at size <paramref name="n"/>, or null when not recorded.</summary>
    public static long[]? AutoCollect(int threshold0, int n)
    {
        Dictionary<int, long[]>? table = threshold0 switch
        {
            700 => Threshold700,
            2000 => Threshold2000,
            _ => null,
        };
        return table is not null && table.TryGetValue(n, out long[]? c) ? c : null;
    }

    /// <summary>Sizes with a recording.</summary>
    public static readonly int[] Recorded = [1_000, 10_000, 100_000, 1_000_000];
}

/// <summary>
/// <c>sys.getsizeof(data)</c> after n appends (append loop and list comprehension agree), recorded on
/// 3.8.18, 3.9.18, 3.11.7 and 3.13.0 (3.9+ share the growth rule).
/// </summary>
internal static class RecordedListSizes
{
    private static readonly Dictionary<int, long> Py38 = new()
    {
        [1_000] = 9016, [2_000] = 16552, [1_000_000] = 8697456, [10_000_000] = 81528048,
    };

    private static readonly Dictionary<int, long> Py39Plus = new()
    {
        [1_000] = 8856, [2_000] = 16184, [1_000_000] = 8448728, [10_000_000] = 89095160,
    };

    /// <summary>The recorded size, or null when n was not recorded.</summary>
    public static long? AfterAppends(string python, int n) =>
        (python == "3.8" ? Py38 : Py39Plus).TryGetValue(n, out long s) ? s : null;
}
