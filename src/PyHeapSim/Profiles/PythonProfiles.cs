namespace PyHeapSim.Profiles;

/// <summary>
/// The built-in profiles, one per supported CPython version, each derived from the previous one by
/// the fields that changed. Each changed field names the CPython change and the cpython-facts
/// section that documents it.
/// </summary>
public static class PythonProfiles
{
    /// <summary>CPython 3.8.</summary>
    public static PythonProfile Py38 { get; } = new()
    {
        Version = PythonVersion.Py38,
        Name = "3.8",
        Layout = new ObjectLayout
        {
            FunctionBasicSize = 120,
            HeapTypeBasicSize = 1048,
            MethodBasicSize = 48,
        },
        RefCounts = new RefCountRules(),
        Collector = new CollectorRules(),
    };

    /// <summary>CPython 3.9.</summary>
    public static PythonProfile Py39 { get; } = Py38 with
    {
        Version = PythonVersion.Py39,
        Name = "3.9",
        // bpo-38373: new list_resize formula, rounded to 4 (§2.1).
        Growth = Py38.Growth with { ListGrowth = ListGrowth.RoundedToFour },
        Collector = Py38.Collector with
        {
            // bpo-38379: handle_resurrected_objects (§5.5 step 12).
            Resurrection = ResurrectionRule.OnlyResurrectedSurvive,
            // gc.is_finalized added in 3.9 (§5.6).
            HasIsFinalized = true,
        },
        // bpo-37257: keep one empty arena (§6.2).
        Allocator = Py38.Allocator with { KeepsOneEmptyArena = true },
    };

    /// <summary>CPython 3.10.</summary>
    public static PythonProfile Py310 { get; } = Py39 with
    {
        Version = PythonVersion.Py310,
        Name = "3.10",
        Growth = Py39.Growth with
        {
            // bpo-43493 list_preallocate_exact rounds up to even (§2.4).
            ListPreallocateRoundsToEven = true,
            ListExtendEmptyPreallocates = true,
            // calculate_keysize bit trick (§3.3).
            DictSizeFunction = DictSizeFunction.BitLengthTrick,
            // dict() shares the empty keys (§3.3).
            DictConstructorAllocatesTable = false,
        },
        Layout = Py39.Layout with
        {
            FunctionBasicSize = 128,
            HeapTypeBasicSize = 1056,
            // zip gained a strict flag (PEP 618); generators lost a field (recorded, sizes/3.10.json).
            BuiltinSizes = With(Py39.Layout.BuiltinSizes, ("zip", 64), ("generator", 104), ("static_type", 408)),
        },
        // USE_LARGE_ARENAS / USE_LARGE_POOLS with the radix tree (§6.1).
        Allocator = Py39.Allocator with { PoolSize = 16 * 1024, ArenaSize = 1024 * 1024 },
    };

    /// <summary>CPython 3.11.</summary>
    public static PythonProfile Py311 { get; } = Py310 with
    {
        Version = PythonVersion.Py311,
        Name = "3.11",
        Layout = Py310.Layout with
        {
            // Managed dict pre-header (§1.3).
            InstanceDicts = InstanceDictLayout.PreHeaderValues,
            // int___sizeof__ counts one digit for 0 (§1.5).
            IntZeroHasOneDigit = true,
            // Compact dict keys header and all-str entries (§3.1).
            DictKeysHeaderSize = 32,
            DictUnicodeEntries = true,
            // vectorcall slot in weakref objects (§1.5).
            WeakRefBasicSize = 64,
            FunctionBasicSize = 136,
            HeapTypeBasicSize = 1672,
            // Recorded (sizes/3.11.json): generator frames embedded, enumerate got a field.
            BuiltinSizes = With(Py310.Layout.BuiltinSizes, ("generator", 176), ("enumerate", 72), ("static_type", 424)),
        },
        Growth = Py310.Growth with { SharedKeysLog2Size = 6, SharedKeysMaxSize = 30 },
        RefCounts = Py310.RefCounts with
        {
            Immortality = ImmortalityModel.StaticHighCount,
            // Frames own their arguments (§4.3).
            ArgumentsMovedIntoFrame = true,
        },
        FreeLists = Py310.FreeLists with { TupleMaxLength = 20, DictKeysUnicodeOnly = true },
    };

    /// <summary>CPython 3.12.</summary>
    public static PythonProfile Py312 { get; } = Py311 with
    {
        Version = PythonVersion.Py312,
        Name = "3.12",
        Layout = Py311.Layout with
        {
            InstanceDicts = InstanceDictLayout.PreHeaderDictAndWeakref,
            // PEP 623: wstr fields removed (§1.5).
            StrAsciiHeader = 40,
            StrCompactHeader = 56,
            FunctionBasicSize = 144,
            HeapTypeBasicSize = 1688,
            // Recorded (sizes/3.12.json): range iterators lost their start field.
            BuiltinSizes = With(Py311.Layout.BuiltinSizes, ("range_iterator", 40), ("static_type", 432)),
        },
        // PEP 683 immortal objects; 3.12 makes every interned string immortal (§4.2).
        RefCounts = Py311.RefCounts with { Immortality = ImmortalityModel.Immortal, InternedStringsImmortal = true },
        // gh-97922: collections run at the eval breaker (§5.4).
        Collector = Py311.Collector with { Trigger = CollectionTriggerPoint.EvalBreaker },
    };

    /// <summary>CPython 3.13.</summary>
    public static PythonProfile Py313 { get; } = Py312 with
    {
        Version = PythonVersion.Py313,
        Name = "3.13",
        Layout = Py312.Layout with
        {
            InstanceDicts = InstanceDictLayout.InlineValues,
            HeapTypeBasicSize = 1696,
            BuiltinSizes = With(Py312.Layout.BuiltinSizes, ("static_type", 416)),
        },
        // Runtime-interned strings are mortal again (§4.2).
        RefCounts = Py312.RefCounts with { InternedStringsImmortal = false },
        // gh-124567: threshold0 2000 kept after the incremental GC was reverted (§5.2).
        Collector = Py312.Collector with { Threshold0 = 2000 },
    };

    private static Dictionary<string, int> With(IReadOnlyDictionary<string, int> previous, params (string Name, int Size)[] changes)
    {
        var d = new Dictionary<string, int>(previous);
        foreach ((string name, int size) in changes) d[name] = size;
        return d;
    }

    /// <summary>All profiles, oldest first.</summary>
    public static IReadOnlyList<PythonProfile> All { get; } = [Py38, Py39, Py310, Py311, Py312, Py313];

    /// <summary>The profile for <paramref name="version"/>.</summary>
    public static PythonProfile For(PythonVersion version) => All[(int)version];

    /// <summary>Finds a profile by name (<c>"3.8"</c> … <c>"3.13"</c>, also <c>"38"</c>, <c>"py313"</c>).</summary>
    /// <exception cref="ArgumentException">The name is not a supported version.</exception>
    public static PythonProfile Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string n = name.Trim().ToLowerInvariant();
        if (n.StartsWith("py", StringComparison.Ordinal)) n = n[2..];
        if (n.StartsWith("python", StringComparison.Ordinal)) n = n[6..];
        n = n.Replace(".", "", StringComparison.Ordinal);
        foreach (PythonProfile p in All)
        {
            if (p.Name.Replace(".", "", StringComparison.Ordinal) == n) return p;
        }
        throw new ArgumentException(
            $"Unsupported Python version '{name}'. Supported: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));
    }
}
