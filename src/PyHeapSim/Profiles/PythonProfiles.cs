using System.Collections.Frozen;
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
        // Recorded: sys._debugmallocstats() free-list lines at the top of a 3.8 script (frames: also after import tracemalloc).
        // Recorded: gc.get_count() on the second line of a 27-line script (wr_finalize_exit with `import gc` first).
        Startup = new StartupState { AfterSourceImports = ImportedFreeLists.Py38, SourceImportWalks = ImportWalks.Py38, FreeFrames = 3, FreeFramesAfterSourceImport = 5, FreeLists = 6, FreeDicts = 9, FreeDictKeys = 8, FreeFloats = 3, FreeTuples = [9, 5, 4, 1, 4, 3, 10, 6, 3, 1, 1, 2, 0, 3, 2, 0, 1, 2, 3], FreeMethods = 8, FreeBuiltinMethods = 3, GcCounts = [452, 9, 0] },
        // Recorded: len(gc.get_objects()) after gc.collect() in a fresh 3.8 interpreter.
        InterpreterTrackedObjects = 4482,
        Layout = new ObjectLayout
        {
            FunctionBasicSize = 120,
            // sizeof(PyHeapTypeObject); type.__sizeof__ adds the cached keys (§1.5: 880 + 16 + 168 = 1064).
            HeapTypeBasicSize = 880,
            MethodBasicSize = 48,
        },
        // Strings start-up interned (mortal, held by start-up code objects and namespaces): a script's equal
        // constant, name or keyword is that string, and counts its holders (generate-startup-strings.py).
        RefCounts = new RefCountRules { StartupMortalStrings = StartupStrings.Py38Mortal.ToFrozenDictionary(p => p.Text, p => p.Holders, StringComparer.Ordinal), StartupSmallIntCounts = StartupInts.Py38 },
        Collector = new CollectorRules(),
        // Measured: importing tracemalloc calls list.sort with keywords, so its parser's keyword tuple exists
        // afterwards (gc count of a first sorted(data, reverse=True): 3 after `import gc`, 2 after `import tracemalloc`).
        Library = new LibraryRules
        {
            KeywordParsersUsedByImport = System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableArray<string>>.Empty
                .Add("tracemalloc", ["sort"]),
        },
    };

    /// <summary>CPython 3.9.</summary>
    public static PythonProfile Py39 { get; } = Py38 with
    {
        Version = PythonVersion.Py39,
        Name = "3.9",
        // Recorded: sys._debugmallocstats() free-list lines at the top of a 3.9 script (frames: also after import tracemalloc).
        // Dict keys (not listed by _debugmallocstats before 3.13): measured by tracing {"a": None} displays at the
        // top of a script: the first four take parked 8-slot keys in 3.9, none in 3.8 and 3.10. So a class made
        // early gets untraced cached keys, and freeing them at its first re-share changes nothing (alloc_instance_attrs).
        // Recorded: gc.get_count() on the second line of a 27-line script (wr_finalize_exit with `import gc` first).
        Startup = new StartupState { AfterSourceImports = ImportedFreeLists.Py39, SourceImportWalks = ImportWalks.Py39, FreeFrames = 3, FreeFramesAfterSourceImport = 5, FreeLists = 6, FreeDicts = 10, FreeDictKeys = 8, FreeFloats = 3, FreeTuples = [9, 5, 6, 1, 4, 3, 9, 2, 3, 4, 2, 2, 0, 3, 2, 0, 1, 2, 3], GcCounts = [598, 9, 0] },
        // Recorded: len(gc.get_objects()) after gc.collect() in a fresh 3.9 interpreter.
        InterpreterTrackedObjects = 4595,
        // bpo-38373: new list_resize formula, rounded to 4 (§2.1).
        Growth = Py38.Growth with { ListGrowth = ListGrowth.RoundedToFour },
        // bpo-37250: the deprecated tp_print slot kept at the end of PyTypeObject in 3.8 is gone (416 → 408).
        Layout = Py38.Layout with { BuiltinSizes = With(Py38.Layout.BuiltinSizes, ("static_type", 408)) },
        Collector = Py38.Collector with
        {
            // bpo-38379: handle_resurrected_objects (§5.5 step 12).
            Resurrection = ResurrectionRule.OnlyResurrectedSurvive,
            // gc.is_finalized added in 3.9 (§5.6).
            HasIsFinalized = true,
        },
        // bpo-39320/bpo-39856 compiler: constant list/set displays are built from one constant (§2.4, §3.7).
        Compiler = Py38.Compiler with
        {
            ConstantListDisplayExtends = true,
            ConstantSetDisplayUpdates = true,
            // bpo-37207: vectorcall for the constructors of the containers and range.
            VectorcallTypes = ["list", "tuple", "dict", "set", "frozenset", "range"],
        },
        // bpo-37257: keep one empty arena (§6.2).
        Allocator = Py38.Allocator with { KeepsOneEmptyArena = true },
        // float_floor_div reworded (recorded: 3.8 "float divmod()").
        Messages = Py38.Messages with { FloatFloorDivisionByZero = "float floor division by zero", QualifiedFunctionNames = true },
        // tracemalloc.reset_peak added in 3.9.
        Library = Py38.Library with { HasTracemallocResetPeak = true },
        // bpo-37340: the free lists of bound methods and built-in methods are gone.
        FreeLists = Py38.FreeLists with { Methods = 0, BuiltinMethods = 0 },
        // print's write calls: bpo-37207 / bpo-37483 call methods without binding them (_PyObject_CallMethodIdNoArgs).
        Stdio = Py38.Stdio with { FlushBindsMethods = false },
        RefCounts = Py38.RefCounts with { StartupMortalStrings = StartupStrings.Py39Mortal.ToFrozenDictionary(p => p.Text, p => p.Holders, StringComparer.Ordinal), StartupSmallIntCounts = StartupInts.Py39 },
    };

    /// <summary>CPython 3.10.</summary>
    public static PythonProfile Py310 { get; } = Py39 with
    {
        Version = PythonVersion.Py310,
        Name = "3.10",
        // Recorded: sys._debugmallocstats() free-list lines at the top of a 3.10 script (frames: also after import tracemalloc).
        // Recorded: gc.get_count() on the second line of a 27-line script (wr_finalize_exit with `import gc` first).
        Startup = new StartupState { AfterSourceImports = ImportedFreeLists.Py310, SourceImportWalks = ImportWalks.Py310, FreeFrames = 3, FreeFramesAfterSourceImport = 5, FreeLists = 5, FreeDicts = 8, FreeDictKeys = 7, FreeFloats = 4, FreeTuples = [4, 7, 2, 1, 4, 2, 8, 2, 3, 7, 1, 1, 0, 1, 2, 0, 1, 2, 3], GcCounts = [84, 10, 0] },
        // Recorded: len(gc.get_objects()) after gc.collect() in a fresh 3.10 interpreter.
        InterpreterTrackedObjects = 4718,
        Growth = Py39.Growth with
        {
            // bpo-43493 list_preallocate_exact rounds up to even (§2.4).
            ListPreallocateRoundsToEven = true,
            ListExtendEmptyPreallocates = true,
            // calculate_keysize bit trick (§3.3).
            DictSizeFunction = DictSizeFunction.BitLengthTrick,
            // dict() shares the empty keys (§3.3).
            DictConstructorAllocatesTable = false,
            // bpo-41431: dict_merge clones a fresh combined table into an empty dict (§3.3).
            DictMergeClonesFreshTables = true,
        },
        Layout = Py39.Layout with
        {
            FunctionBasicSize = 128,
            // PyFrameObject lost f_exc_* and gained f_state (sys._debugmallocstats(): 360 bytes each).
            FrameBasicSize = 360,
            // PyAsyncMethods.am_send (bpo-41756).
            HeapTypeBasicSize = 888,
            // zip gained a strict flag (PEP 618); generators lost a field (recorded, sizes/3.10.json).
            BuiltinSizes = With(Py39.Layout.BuiltinSizes, ("zip", 64), ("generator", 104)),
        },
        // STACK_USE_GUIDELINE = 30 (§2.4); bpo-41870/bpo-41873 and others: vectorcall for float, bool,
        // type, reversed (measured).
        Compiler = Py39.Compiler with
        {
            StackUseGuideline = 30,
            VectorcallTypes = Py39.Compiler.VectorcallTypes.Union(["float", "bool", "type", "reversed"]),
        },
        // USE_LARGE_ARENAS / USE_LARGE_POOLS with the radix tree (§6.1).
        // USE_LARGE_ARENAS / USE_LARGE_POOLS with the arena-map radix tree, bpo-37448 (§6.1); the tree
        // covers 48 address bits in 3.10 (node sizes measured with sys._debugmallocstats()).
        Allocator = Py39.Allocator with { PoolSize = 16 * 1024, ArenaSize = 1024 * 1024, ArenaMapAddressBits = 48 },
        // "%d" format: "a real number is required" (recorded).
        // member_get words an unset slot like any missing attribute (recorded).
        Messages = Py39.Messages with { PercentFormatNumberRequired = "%{0} format: a real number is required, not {1}", UnsetSlotRead = "'{0}' object has no attribute '{1}'" },
        RefCounts = Py39.RefCounts with { StartupMortalStrings = StartupStrings.Py310Mortal.ToFrozenDictionary(p => p.Text, p => p.Holders, StringComparer.Ordinal), StartupSmallIntCounts = StartupInts.Py310 },
    };

    /// <summary>CPython 3.11.</summary>
    public static PythonProfile Py311 { get; } = Py310 with
    {
        Version = PythonVersion.Py311,
        Name = "3.11",
        // Recorded: sys._debugmallocstats() free-list lines at the top of a 3.11 script.
        // __main__ and its dict (3.11's startup ends with generation-1 collections: gc.get_count() (…, 0, 2)).
        // Recorded: gc.get_count() on the second line of a 27-line script (wr_finalize_exit with `import gc` first).
        Startup = new StartupState { AfterSourceImports = ImportedFreeLists.Py311, FreeLists = 40, FreeDicts = 8, FreeDictKeys = 72, FreeFloats = 4, FreeTuples = [4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6], MainModuleGeneration = 2, GcCounts = [282, 0, 2] },
        // Recorded: len(gc.get_objects()) after gc.collect() in a fresh 3.11 interpreter.
        InterpreterTrackedObjects = 11091,
        Layout = Py310.Layout with
        {
            // Managed dict pre-header (§1.3).
            InstanceDicts = InstanceDictLayout.PreHeaderValues,
            // int___sizeof__ counts one digit for 0 (§1.5).
            IntZeroHasOneDigit = true,
            // _PyLong_FromMedium allocates the whole 32-byte struct (measured, data/alloc-probes).
            IntMediumBlockBytes = 32,
            // Compact dict keys header and all-str entries (§3.1).
            DictKeysHeaderSize = 32,
            DictUnicodeEntries = true,
            // vectorcall slot in weakref objects (§1.5).
            WeakRefBasicSize = 64,
            FunctionBasicSize = 136,
            // ht_module, _ht_tpname, _spec_cache; recorded (sizes/3.11.json, getsizeof of a __slots__ class).
            HeapTypeBasicSize = 904,
            // make_gen embeds the frame's slots (measured: getsizeof of generator expressions).
            GeneratorBaseSizeWithFrame = 168,
            // Frames are made as objects only on demand (a traceback, f_back), with their slots (measured).
            MaterializedFrameBaseSize = 136,
            // Recorded (sizes/3.11.json): generator frames embedded, enumerate got a field.
            BuiltinSizes = With(Py310.Layout.BuiltinSizes, ("generator", 176), ("enumerate", 72), ("static_type", 424), ("BaseException", 88)),
        },
        Growth = Py310.Growth with { SharedKeysLog2Size = 6, SharedKeysMaxSize = 30 },
        RefCounts = Py310.RefCounts with
        {
            Immortality = ImmortalityModel.StaticHighCount,
            StaticIdentifiers = true,
            // Frames own their arguments (§4.3).
            ArgumentsMovedIntoFrame = true,
            // Frames hold their function (_PyInterpreterFrame.f_func, PEP 659 frame layout).
            FrameOwnsFunction = true,
            // long_rem / long_divrem pass x_divrem's remainder through maybe_small_long (measured).
            DivisionRemainderUsesSmallInts = true,
            // 3.11's statically allocated _Py_ID strings that start-up interned count about 10^9 (listed so).
            StartupMortalStrings = StartupStrings.Py311Mortal.ToFrozenDictionary(p => p.Text, p => p.Holders, StringComparer.Ordinal),
            StartupSmallIntCounts = StartupInts.Py311,
        },
        // print() converted to Argument Clinic with *args: a tuple per call with arguments, and its
        // _PyArg_Parser (keyword tuple built by parser_init) is initialised by the first call of any kind.
        Stdio = Py310.Stdio with { PrintPacksArguments = true, PrintKeywordTuple = KeywordParserInit.FirstCall },
        // Only all-str 8-slot keys are recycled (§3.6); _debugmallocstats lists tuples up to length 20,
        // but 20-tuples are neither parked nor reused before 3.13 (measured, data/alloc-probes).
        FreeLists = Py310.FreeLists with { DictKeysUnicodeOnly = true, TupleStatsLengths = 20 },
        // The arena-map radix tree covers all 64 address bits (measured node sizes).
        Allocator = Py310.Allocator with { ArenaMapAddressBits = 64 },
        // Frames live on a per-thread stack (§4.6); bpo-45292 reworded the unbound-local error.
        Compiler = Py310.Compiler with
        {
            FramesAreHeapObjects = false,
            // bpo-43706: enumerate is called through vectorcall; so is super() (type_new_init_subclass: measured,
            // no argument tuple when a class is created right after a collection).
            VectorcallTypes = Py310.Compiler.VectorcallTypes.Union(["enumerate", "super"]),
            // PUSH_NULL before callables; KW_NAMES instead of a stacked names tuple; qualname from the code (co_stacksize).
            CallPushesNull = true,
            CallKeywordNamesOnStack = false,
            MakeFunctionTakesQualifiedName = false,
            UnboundLocalMessage = "cannot access local variable '{0}' where it is not associated with a value",
        },
        // "integer modulo by zero"; string indices name the index type (recorded).
        Messages = Py310.Messages with
        {
            IntModuloByZero = "integer modulo by zero",
            StrIndicesMustBeIntegers = "string indices must be integers, not '{0}'",
            DeleteMissingInstanceAttribute = "'{0}' object has no attribute '{1}'",
        },
    };

    /// <summary>CPython 3.12.</summary>
    public static PythonProfile Py312 { get; } = Py311 with
    {
        Version = PythonVersion.Py312,
        Name = "3.12",
        // Recorded: sys._debugmallocstats() free-list lines at the top of a 3.12 script.
        // Recorded: gc.get_count() on the second line of a 27-line script (wr_finalize_exit with `import gc` first);
        // compiling it passed threshold 700 and the collection that scheduled has already run.
        Startup = new StartupState { AfterSourceImports = ImportedFreeLists.Py312, SourceImportWalks = ImportWalks.Py312, FreeLists = 9, FreeDicts = 14, FreeDictKeys = 5, FreeFloats = 3, FreeTuples = [5, 8, 3, 1, 1, 1, 0, 0, 2, 0, 1, 0, 1, 1, 0, 0, 1, 2, 0, 0], GcCounts = [20, 5, 0] },
        // Recorded: len(gc.get_objects()) after gc.collect() in a fresh 3.12 interpreter.
        InterpreterTrackedObjects = 4973,
        Layout = Py311.Layout with
        {
            InstanceDicts = InstanceDictLayout.PreHeaderDictAndWeakref,
            // PEP 623: wstr fields removed (§1.5).
            StrAsciiHeader = 40,
            StrCompactHeader = 56,
            FunctionBasicSize = 144,
            HeapTypeBasicSize = 920,
            // _PyUnicode_LATIN1_INIT gives the static one-char strings their UTF-8 copy (§1.5).
            Latin1SingletonsHaveUtf8 = true,
            // _PyInterpreterFrame lost fields (measured: getsizeof(x for x in L) 192 with 4 slots).
            GeneratorBaseSizeWithFrame = 160,
            // Recorded (sizes/3.12.json): range iterators lost their start field.
            BuiltinSizes = With(Py311.Layout.BuiltinSizes, ("range_iterator", 40), ("static_type", 432)),
        },
        // PEP 683 immortal objects; 3.12 makes every interned string immortal (§4.2).
        RefCounts = Py311.RefCounts with
        {
            Immortality = ImmortalityModel.Immortal,
            InternedStringsImmortal = true,
            // _PyUnicode_InitStaticStrings interns the _Py_ID strings into INTERNED_STRINGS (§4.2).
            StaticInternedStrings = StaticStrings.Py312.ToFrozenSet(StringComparer.Ordinal),
            StartupInternedStrings = StartupStrings.Py312.ToFrozenSet(StringComparer.Ordinal),
            StartupMortalStrings = StartupStrings.Py312Mortal.ToFrozenDictionary(p => p.Text, p => p.Holders, StringComparer.Ordinal),
            StartupSmallIntCounts = null,
        },
        // PEP 709: inlined comprehensions.
        // BoolOp compiles to COPY 1 + POP_JUMP_IF_* (co_stacksize).
        Compiler = Py311.Compiler with { ComprehensionsInlined = true, BoolOpCopiesValue = true },
        // gh-97922: collections run at the eval breaker (§5.4).
        Collector = Py311.Collector with
        {
            Trigger = CollectionTriggerPoint.EvalBreaker,
            // _Py_RunGC runs the scheduled collection without checking gcstate->enabled (§5.4;
            // probe collector-probes/automatic.py).
            ScheduledCollectionIgnoresDisable = true,
        },
        // Argument Clinic emits the keyword-name tuples of its parsers as static objects (_Py_ID).
        Stdio = Py311.Stdio with { PrintKeywordTuple = KeywordParserInit.Static },
        // min()/max() of an empty iterable reworded (recorded).
        Messages = Py311.Messages with { MinMaxEmpty = "{0}() iterable argument is empty" },
        // Argument Clinic emits the keyword-name tuples of its parsers as static objects (_Py_ID); builtin_sum's
        // C total is a Py_ssize_t boxed by PyLong_FromSsize_t; float sums are compensated (gh-100425).
        Library = Py311.Library with { ClinicKeywordTuplesStatic = true, SumBoxesResultAsMediumInt = false, SumFloatsCompensated = true, SplitPresizesFromLength = true },
    };

    /// <summary>CPython 3.13.</summary>
    public static PythonProfile Py313 { get; } = Py312 with
    {
        Version = PythonVersion.Py313,
        Name = "3.13",
        // Recorded: sys._debugmallocstats() free-list lines at the top of a 3.13 script.
        // Recorded: gc.get_count() on the second line of a 27-line script (wr_finalize_exit with `import gc` first).
        Startup = new StartupState { AfterSourceImports = ImportedFreeLists.Py313, SourceImportWalks = ImportWalks.Py313, FreeLists = 10, FreeDicts = 12, FreeDictKeys = 5, FreeFloats = 5, FreeTuples = [5, 8, 4, 1, 0, 2, 5, 2, 3, 5, 2, 8, 2, 1, 1, 2, 2, 2, 1, 0], GcCounts = [65, 3, 0] },
        // Recorded: len(gc.get_objects()) after gc.collect() in a fresh 3.13 interpreter.
        InterpreterTrackedObjects = 5089,
        // gh-90350: min()/max() take METH_FASTCALL | METH_KEYWORDS (no keywords dict).
        Library = Py312.Library with { MinMaxTakesVarargs = false },
        Layout = Py312.Layout with
        {
            InstanceDicts = InstanceDictLayout.InlineValues,
            HeapTypeBasicSize = 928,
            // PEP 667 (write-through f_locals proxies) grew PyFrameObject: 16 more bytes (measured getsizeof of a frame object).
            MaterializedFrameBaseSize = 152,
            BuiltinSizes = With(Py312.Layout.BuiltinSizes, ("static_type", 416)),
        },
        // gh-116621 / gh-112087: list(set) and list(dict) go through list_resize, list() no longer presizes (§2.4).
        Growth = Py312.Growth with { ListInitPreallocatesFromLen = false, ListExtendSetOrDictResizes = true },
        // Runtime-interned strings are mortal again, code-object names immortal; start-up also interns
        // the _Py_STR literals (§4.2; gh-113601).
        RefCounts = Py312.RefCounts with
        {
            InternedStringsImmortal = false,
            CodeNamesInternedImmortal = true,
            StaticInternedStrings = StaticStrings.Py313.ToFrozenSet(StringComparer.Ordinal),
            StartupInternedStrings = StartupStrings.Py313.ToFrozenSet(StringComparer.Ordinal),
            StartupMortalStrings = StartupStrings.Py313Mortal.ToFrozenDictionary(p => p.Text, p => p.Holders, StringComparer.Ordinal),
        },
        // gh-124567: threshold0 2000 kept after the incremental GC was reverted (§5.2).
        Collector = Py312.Collector with
        {
            Threshold0 = 2000,
            // _Py_RunGC returns early when gc is disabled (probe collector-probes/automatic.py).
            ScheduledCollectionIgnoresDisable = false,
            // gh-111926: PyObject_ClearWeakRefs made thread-safe; one tuple for every callback.
            WeakRefCallbacksAlwaysInTuple = true,
        },
        // Tuple free lists indexed by length - 1: lengths 1-20 are recycled (measured); the dict-keys
        // free list appears in sys._debugmallocstats() (§4.6, §6.3).
        FreeLists = Py312.FreeLists with { TupleMaxLength = 20, DictKeysInStats = true },
        // str() and int() are called through vectorcall (measured: no argument tuple); CALL_KW takes the keyword
        // names from the stack again (co_stacksize, measured).
        Compiler = Py312.Compiler with { VectorcallTypes = Py312.Compiler.VectorcallTypes.Union(["str", "int"]), CallKeywordNamesOnStack = true },
        // gh-119506: TextIOWrapper.write flushes pending bytes first only for a write of a chunk or more.
        Stdio = Py312.Stdio with { FlushBeforeAppend = PendingFlushRule.WhenWriteFillsChunk },
        // float_rem reworded (recorded).
        Messages = Py312.Messages with
        {
            FloatModuloByZero = "float modulo by zero",
            NoDictForNewAttributes = " and no __dict__ for setting new attributes",
            // gc_set_threshold_impl checks the count itself (recorded).
            SetThresholdArity = "gc.set_threshold requires 1 to 3 arguments",
        },
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
