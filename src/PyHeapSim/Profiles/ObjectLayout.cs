namespace PyHeapSim.Profiles;

/// <summary>
/// Byte sizes of object headers and bodies as one CPython version lays them out (x86-64, release
/// build). Every figure is simulated bytes. Sources: cpython-facts §1.
/// </summary>
/// <remarks>
/// Memory of a GC object, low address first:
/// <code>
///   [managed pre-header 0|16][PyGC_Head 16][PyObject header 16 | var header 24][body ...][inline values]
/// </code>
/// </remarks>
public sealed record ObjectLayout
{
    /// <summary><c>sizeof(PyGC_Head)</c>: placed before every object of a GC type.</summary>
    public int GcHeaderSize { get; init; } = 16;

    /// <summary><c>sizeof(PyObject)</c>: refcount word + type pointer.</summary>
    public int ObjectHeaderSize { get; init; } = 16;

    /// <summary><c>sizeof(PyVarObject)</c>: object header + <c>ob_size</c>.</summary>
    public int VarHeaderSize { get; init; } = 24;

    /// <summary>Where instances keep attributes; drives instance sizes and the dict model.</summary>
    public InstanceDictLayout InstanceDicts { get; init; } = InstanceDictLayout.DictInBody;

    /// <summary>int: 3.11+ count at least one 30-bit digit, so <c>0</c> is 28 rather than 24 bytes.</summary>
    public bool IntZeroHasOneDigit { get; init; }

    /// <summary>
    /// int: bytes requested for a value below 2^30 in magnitude made by <c>PyLong_FromLong</c> or compact
    /// arithmetic: 3.11+ <c>_PyLong_FromMedium</c> allocates <c>sizeof(PyLongObject)</c> = 32 (getsizeof
    /// still says 28); 0 = the digit formula, 24 + 4 × digits, as up to 3.10 and for <c>_PyLong_New</c>
    /// callers (<c>int('300')</c>, <c>len()</c>). Measured: data/alloc-probes <c>int_1000_x50</c>.
    /// </summary>
    public int IntMediumBlockBytes { get; init; }

    /// <summary>str: compact-ASCII header (<c>PyASCIIObject</c>): 48 up to 3.11, 40 from 3.12 (wstr removed).</summary>
    public int StrAsciiHeader { get; init; } = 48;

    /// <summary>str: compact non-ASCII header (<c>PyCompactUnicodeObject</c>): 72 up to 3.11, 56 from 3.12.</summary>
    public int StrCompactHeader { get; init; } = 72;

    /// <summary>
    /// 3.12+: the statically allocated one-character latin-1 strings (<c>_Py_SINGLETON(strings).latin1</c>)
    /// are initialised with their UTF-8 copy (<c>_PyUnicode_LATIN1_INIT</c>), which <c>__sizeof__</c>
    /// counts: <c>getsizeof('\xe9')</c> is 56 + 2 + 3 = 61 (cpython-facts §1.5).
    /// </summary>
    public bool Latin1SingletonsHaveUtf8 { get; init; }

    /// <summary>bytes: <c>PyBytesObject</c> basicsize: var header + cached hash + trailing NUL.</summary>
    public int BytesBasicSize { get; init; } = 33;

    /// <summary>tuple: basicsize (var header); items add 8 each.</summary>
    public int TupleBasicSize { get; init; } = 24;

    /// <summary>list: var header + <c>ob_item</c> + <c>allocated</c>.</summary>
    public int ListBasicSize { get; init; } = 40;

    /// <summary>dict: <c>PyDictObject</c> (header, ma_used, version tag, ma_keys, ma_values).</summary>
    public int DictBasicSize { get; init; } = 48;

    /// <summary>dict keys object header (<c>PyDictKeysObject</c> without tables): 40 up to 3.10, 32 from 3.11.</summary>
    public int DictKeysHeaderSize { get; init; } = 40;

    /// <summary>3.11+: tables whose keys are all exact str use 16-byte entries (no stored hash).</summary>
    public bool DictUnicodeEntries { get; init; }

    /// <summary>set/frozenset: <c>PySetObject</c> including its 8-entry inline small table.</summary>
    public int SetBasicSize { get; init; } = 200;

    /// <summary>float: header + double.</summary>
    public int FloatSize { get; init; } = 24;

    /// <summary>complex: header + two doubles.</summary>
    public int ComplexSize { get; init; } = 32;

    /// <summary><c>weakref.ref</c> basicsize without GC head: 56 up to 3.10, 64 from 3.11 (vectorcall).</summary>
    public int WeakRefBasicSize { get; init; } = 56;

    /// <summary>Python function object basicsize without GC head (136/136/144/152/160/160 with it).</summary>
    public int FunctionBasicSize { get; init; } = 120;

    /// <summary>Bound method object basicsize without GC head.</summary>
    public int MethodBasicSize { get; init; } = 48;

    /// <summary>
    /// <c>sizeof(PyHeapTypeObject)</c>, without GC head: the class object's own block. <c>type.__sizeof__</c>
    /// adds the class's cached shared keys (<c>ht_cached_keys</c>) at call time, so <c>getsizeof(cls)</c>
    /// follows key-sharing (3.8: 880 + 16 + 168 = 1064 for a fresh <c>class E: pass</c>; 896 with
    /// <c>__slots__</c> or once sharing is off).
    /// </summary>
    public int HeapTypeBasicSize { get; init; } = 880;

    /// <summary>
    /// 3.11+: a generator embeds its frame (<c>make_gen</c>: <c>PyObject_GC_NewVar(PyGenObject, type, slots)</c> with
    /// <c>slots = co_nlocalsplus + co_stacksize</c>), so its block is this size (GC header included, no slots)
    /// plus 8 bytes per slot: 168 in 3.11, 160 from 3.12 (measured: <c>getsizeof(x for x in L)</c> is 200 / 192
    /// with 2 locals and a stack of 2). 0 = fixed-size generators whose frame is a separate object (≤3.10).
    /// </summary>
    public int GeneratorBaseSizeWithFrame { get; init; }

    /// <summary>
    /// ≤3.10: <c>sizeof(PyFrameObject)</c> without GC header (368 in 3.8 and 3.9, 360 in 3.10, as
    /// <c>sys._debugmallocstats()</c> lists free frames); a new frame adds 8 bytes per slot
    /// (<c>co_stacksize + co_nlocals + cells + frees</c>, <c>_PyFrame_New_NoTrack</c>).
    /// </summary>
    public int FrameBasicSize { get; init; } = 368;

    /// <summary>
    /// 3.11+: the block of a frame object made on demand (<c>_PyFrame_GetFrameObject</c> →
    /// <c>_PyFrame_New_NoTrack</c>: <c>PyObject_GC_NewVar(PyFrameObject, &amp;PyFrame_Type, slots)</c>, GC header
    /// included, no slots); it adds 8 bytes per slot (<c>co_nlocalsplus + co_stacksize</c>). 136 on 3.11 and
    /// 3.12, 152 on 3.13 (measured: <c>getsizeof(tb.tb_frame)</c> is 168 / 184 for a function with 2 locals and a
    /// stack of 2). 0 = frames are objects from the start (≤3.10, <see cref="FrameBasicSize"/>).
    /// </summary>
    public int MaterializedFrameBaseSize { get; init; }

    /// <summary>range object size (not a GC type).</summary>
    public int RangeSize { get; init; } = 48;

    /// <summary>Iterator objects (list/tuple iterators: header + index + sequence) basicsize without GC head.</summary>
    public int SeqIteratorBasicSize { get; init; } = 32;

    /// <summary>Cell object basicsize without GC head.</summary>
    public int CellBasicSize { get; init; } = 24;

    /// <summary>
    /// <c>sys.getsizeof</c> of a fresh instance of each other built-in type the script runtime models
    /// (GC header included), by type name. Recorded from the real interpreters.
    /// </summary>
    public IReadOnlyDictionary<string, int> BuiltinSizes { get; init; } = new Dictionary<string, int>
    {
        ["list_iterator"] = 48,
        ["tuple_iterator"] = 48,
        ["range_iterator"] = 48,
        ["str_iterator"] = 48,
        ["dict_keyiterator"] = 72,
        ["dict_valueiterator"] = 72,
        ["dict_itemiterator"] = 72,
        ["set_iterator"] = 72,
        ["enumerate"] = 64,
        ["zip"] = 56,
        ["generator"] = 112,
        ["method"] = 64,
        ["builtin_function_or_method"] = 72,
        ["range"] = 48,
        ["cell"] = 40,
        ["bytearray"] = 56,
        ["complex"] = 32,
        ["static_type"] = 416,
        ["BaseException"] = 80,
        ["slice"] = 56,
        ["module"] = 72,
    };
}
