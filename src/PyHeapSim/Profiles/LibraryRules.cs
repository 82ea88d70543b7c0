namespace PyHeapSim.Profiles;

/// <summary>Which standard-library functions a version has, where scripts can observe the difference.</summary>
public sealed record LibraryRules
{
    /// <summary><c>tracemalloc.reset_peak()</c> exists (added in 3.9; AttributeError on 3.8).</summary>
    public bool HasTracemallocResetPeak { get; init; }

    /// <summary>
    /// Up to 3.12 <c>min</c>/<c>max</c> are <c>METH_VARARGS | METH_KEYWORDS</c>: every call goes through
    /// <c>_PyObject_MakeTpCall</c>, which packs the positional arguments into a tuple and, with <c>key=</c> or
    /// <c>default=</c>, the keywords into a dict (<c>_PyStack_AsDict</c>) for the length of the call; both then go
    /// to the free lists.
    /// 3.13 made them <c>METH_FASTCALL | METH_KEYWORDS</c> (no dict). Measured: after <c>gc.collect()</c> emptied
    /// the free lists, <c>max(data, key=f)</c> leaves 232 more traced bytes on 3.11/3.12 than on 3.13.
    /// </summary>
    public bool MinMaxTakesVarargs { get; init; } = true;

    /// <summary>
    /// 3.12+: Argument Clinic emits the keyword-name tuple of each core built-in's parser as a static object
    /// (<c>_Py_ID</c>); before, <c>parser_init</c> builds it on the parser's first use (see
    /// <see cref="StdioRules.PrintKeywordTuple"/> for print's own rule).
    /// </summary>
    public bool ClinicKeywordTuplesStatic { get; init; }

    /// <summary>
    /// Argument Clinic parsers that the first import of a module written in Python uses with keywords
    /// (module name → built-in names): their <c>parser_init</c> runs inside the import, so the script's first
    /// keyword call of that built-in builds no keyword tuple. Before 3.12 <c>import tracemalloc</c> calls
    /// <c>list.sort</c> with keywords (measured: after it, the first <c>sorted(data, reverse=True)</c> that
    /// follows a collection counts one GC allocation less, and <c>lst.sort(reverse=True)</c> adds 0 traced bytes).
    /// </summary>
    public System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableArray<string>> KeywordParsersUsedByImport { get; init; } =
        System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableArray<string>>.Empty;

    /// <summary>
    /// <c>builtin_sum</c>'s int fast path boxes its C total with <c>PyLong_FromLong</c> (up to 3.11; in 3.11 a
    /// one-digit value takes <c>_PyLong_FromMedium</c>'s 32-byte block); from 3.12 with <c>PyLong_FromSsize_t</c>,
    /// which asks <c>_PyLong_New</c> for the exact digits (28 bytes for one digit). Measured: 3.11 64, 3.12 60
    /// traced bytes for <c>total = sum(range(300))</c> plus the reading.
    /// </summary>
    public bool SumBoxesResultAsMediumInt { get; init; } = true;

    /// <summary>3.12+ (gh-100425): <c>sum()</c> of floats adds with Neumaier compensation (<c>sum([0.1] * 10)</c> is 1.0).</summary>
    public bool SumFloatsCompensated { get; init; }

    /// <summary>
    /// 3.12+: <c>str.split</c> without a maxsplit presizes its list from the string's length
    /// (<c>len / 2 + 1</c> splits on whitespace, <c>len / len(sep) + 1</c> with a separator) instead of for
    /// <c>PY_SSIZE_T_MAX</c> splits; either way <c>PREALLOC_SIZE</c> caps the list at 12 slots (measured).
    /// </summary>
    public bool SplitPresizesFromLength { get; init; }
}
