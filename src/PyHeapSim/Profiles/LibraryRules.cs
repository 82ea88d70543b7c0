namespace PyHeapSim.Profiles;

/// <summary>Which standard-library functions a version has, where scripts can observe the difference.</summary>
public sealed record LibraryRules
{
    /// <summary><c>tracemalloc.reset_peak()</c> exists (added in 3.9; AttributeError on 3.8).</summary>
    public bool HasTracemallocResetPeak { get; init; }
}
