namespace PyHeapSim.Cli;

/// <summary>Process exit codes of <c>pyheapsim</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The script ran to completion.</summary>
    public const int Success = 0;

    /// <summary>An uncaught Python exception (or SyntaxError), as CPython exits.</summary>
    public const int PythonError = 1;

    /// <summary>The script uses Python outside the supported subset.</summary>
    public const int NotSupported = 2;

    /// <summary>A host limit (steps, objects) stopped the run.</summary>
    public const int LimitReached = 3;

    /// <summary>Bad command line or unreadable file.</summary>
    public const int UsageError = 64;
}
