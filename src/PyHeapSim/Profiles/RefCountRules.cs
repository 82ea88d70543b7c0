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

    /// <summary>
    /// Up to 3.11: the count each cached small int (-5 … 256, index = value + 5) has when a script starts — the
    /// references start-up objects hold, probed by <c>generate-startup-ints.py</c> (3.11: on top of the
    /// deep-frozen 999 999 999). Null: <see cref="SingletonInitialRefCount"/> for all.
    /// </summary>
    public IReadOnlyList<long>? StartupSmallIntCounts { get; init; }

    /// <summary>3.12 only: every interned string is immortal.</summary>
    public bool InternedStringsImmortal { get; init; }

    /// <summary>
    /// 3.11+: the identifiers C code names with <c>_Py_ID(name)</c> are statically allocated strings
    /// (<c>pycore_global_strings.h</c>), e.g. the <c>"Py_Repr"</c> key of <c>Py_ReprEnter</c>. Up to 3.10 the
    /// same names are <c>_Py_IDENTIFIER</c>s, which <c>_PyUnicode_FromId</c> makes and interns on first use (one block).
    /// </summary>
    public bool StaticIdentifiers { get; init; }

    /// <summary>
    /// 3.12+: the statically allocated strings that start-up interns (<c>_PyUnicode_InitStaticStrings</c>:
    /// the <c>_Py_ID</c> identifiers, from 3.13 also the <c>_Py_STR</c> literals; generated from each
    /// version's headers into <see cref="StaticStrings"/>). Interning an equal string returns the static,
    /// immortal object (3.12 <c>_PyUnicode_InternInPlace</c>, 3.13 <c>intern_common</c>). <c>''</c> and
    /// the one-character latin-1 strings are static in every version and not listed here.
    /// </summary>
    public IReadOnlySet<string> StaticInternedStrings { get; init; } = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <summary>
    /// 3.12+: the other strings already interned immortal when a script starts — names in the code of the
    /// modules imported at start-up (site, os, io, codecs, …) and names of built-in types' methods and
    /// members (3.13 <c>_PyUnicode_InternImmortal</c> / <c>PyUnicode_InternFromString</c>; 3.12 immortalizes
    /// every interned string). Probed from each interpreter into <see cref="StartupStrings"/>; interning an
    /// equal string returns that immortal string, as for <see cref="StaticInternedStrings"/>.
    /// </summary>
    public IReadOnlySet<string> StartupInternedStrings { get; init; } = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <summary>
    /// 3.13: strings interned mortal at start-up (constants of start-up modules, names interned by C code),
    /// with the references start-up objects hold to each (probed into <see cref="StartupStrings"/>).
    /// Interning an equal string returns that string; a script's references add to those holders.
    /// </summary>
    public IReadOnlyDictionary<string, int> StartupMortalStrings { get; init; } = System.Collections.Frozen.FrozenDictionary<string, int>.Empty;

    /// <summary>
    /// 3.13: names a code object holds (<c>co_names</c>, <c>co_localsplusnames</c>) are interned immortal
    /// (<c>intern_strings</c> → <c>_PyUnicode_InternImmortal</c>); string constants and <c>sys.intern</c>
    /// stay mortal (<c>_PyUnicode_InternMortal</c>) unless they meet an immortal equal.
    /// </summary>
    public bool CodeNamesInternedImmortal { get; init; }

    /// <summary>Smallest cached small int (<c>-NSMALLNEGINTS</c>).</summary>
    public int SmallIntMin { get; init; } = -5;

    /// <summary>Largest cached small int (<c>NSMALLPOSINTS - 1</c>).</summary>
    public int SmallIntMax { get; init; } = 256;

    /// <summary>3.11+: call arguments are moved into the callee frame rather than copied, so
    /// <c>getrefcount(arg)</c> inside a function is one lower than in 3.8–3.10.</summary>
    public bool ArgumentsMovedIntoFrame { get; init; }

    /// <summary>3.11+: a Python frame owns its function (<c>_PyInterpreterFrame.f_func</c>, taken by
    /// <c>_PyEval_Vector</c> and released after the locals in <c>_PyFrame_Clear</c>), so a function called from C
    /// (a weakref or gc callback, a <c>key=</c> function, a slot such as <c>__del__</c>)
    /// counts one reference more while it runs. From the eval loop the stack's reference moves into the frame.</summary>
    public bool FrameOwnsFunction { get; init; }

    /// <summary>
    /// 3.11+: the remainder <c>x_divrem</c> computes (divisor of two or more digits) is replaced by a cached small
    /// int when it is one (<c>maybe_small_long</c>); up to 3.10 it stays a fresh object of the divisor's size
    /// (measured: <c>2**70 % 2**30</c> is a new 32-byte zero on 3.8–3.10, the cached 0 on 3.11–3.13).
    /// </summary>
    public bool DivisionRemainderUsesSmallInts { get; init; }
}
