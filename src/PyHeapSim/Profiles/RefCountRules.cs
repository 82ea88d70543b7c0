namespace PyHeapSim.Profiles;

/// <summary>Reference-count conventions (cpython-facts §4).</summary>
public sealed record RefCountRules
{
    /// <summary>How static singletons behave.</summary>
    public ImmortalityModel Immortality { get; init; } = ImmortalityModel.None;

    /// <summary>What <c>sys.getrefcount</c> reports for an immortal object (3.12, 3.13: <c>UINT_MAX</c>).</summary>
    public long ImmortalRefCount { get; init; } = 4294967295L;

    /// <summary>3.11: initial count of statically allocated objects (<c>_PyObject_IMMORTAL_INIT</c>).</summary>
    public long StaticInitialRefCount { get; init; } = 999_999_999L;

    /// <summary>Initial count of None/True/False/Ellipsis where they are ordinary objects (startup-dependent in CPython).</summary>
    public long SingletonInitialRefCount { get; init; } = 4000;

    /// <summary>3.12 only: every interned string is immortal.</summary>
    public bool InternedStringsImmortal { get; init; }

    /// <summary>Smallest cached small int (<c>-NSMALLNEGINTS</c>).</summary>
    public int SmallIntMin { get; init; } = -5;

    /// <summary>Largest cached small int (<c>NSMALLPOSINTS - 1</c>).</summary>
    public int SmallIntMax { get; init; } = 256;

    /// <summary>3.11+: call arguments are moved into the callee frame rather than copied, so
    /// <c>getrefcount(arg)</c> inside a function is one lower than in 3.8–3.10.</summary>
    public bool ArgumentsMovedIntoFrame { get; init; }

    /// <summary>
    /// 3.11+: the remainder <c>x_divrem</c> computes (divisor of two or more digits) is replaced by a cached small
    /// int when it is one (<c>maybe_small_long</c>); up to 3.10 it stays a fresh object of the divisor's size
    /// (measured: <c>2**70 % 2**30</c> is a new 32-byte zero on 3.8–3.10, the cached 0 on 3.11–3.13).
    /// </summary>
    public bool DivisionRemainderUsesSmallInts { get; init; }
}
