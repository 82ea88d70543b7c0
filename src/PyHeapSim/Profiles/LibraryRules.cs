namespace PyHeapSim.Profiles;

/// <summary>Which standard-library functions a version has, where scripts can observe the difference.</summary>
public sealed record LibraryRules
{
    /// <summary><c>tracemalloc.reset_peak()</c> exists (added in 3.9; AttributeError on 3.8).</summary>
    public bool HasTracemallocResetPeak { get; init; }

    /// <summary>
    /// 3.12+: Argument Clinic emits the keyword-name tuple of each core built-in's parser as a static object
    /// (<c>_Py_ID</c>); before, <c>parser_init</c> builds it on the parser's first use (see
    /// <see cref="StdioRules.PrintKeywordTuple"/> for print's own rule).
    /// </summary>
    public bool ClinicKeywordTuplesStatic { get; init; }
}
