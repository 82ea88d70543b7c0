namespace PyHeapSim.Profiles;

/// <summary>How containers grow and shrink (cpython-facts §2 and §3).</summary>
public sealed record GrowthRules
{
    /// <summary><c>list_resize</c> capacity formula.</summary>
    public ListGrowth ListGrowth { get; init; } = ListGrowth.Classic;

    /// <summary><c>list_preallocate_exact</c>: 3.10+ round the length up to even.</summary>
    public bool ListPreallocateRoundsToEven { get; init; }

    /// <summary>3.10+: extending an empty list from a sized iterable preallocates exactly (rounded even)
    /// instead of calling <c>list_resize</c>.</summary>
    public bool ListExtendEmptyPreallocates { get; init; }

    /// <summary>
    /// ≤3.12: <c>list(x)</c> preallocates exactly <c>len(x)</c> slots first when <c>x</c> has <c>__len__</c>
    /// (<c>list___init___impl</c>). 3.13 leaves it to the extend paths (gh-112087).
    /// </summary>
    public bool ListInitPreallocatesFromLen { get; init; } = true;

    /// <summary>
    /// 3.13 (gh-116621): extending by a set, frozenset or dict calls <c>list_resize(len + n)</c>
    /// (<c>list_extend_set</c>, <c>list_extend_dict</c>) instead of the generic length-hint path, so
    /// <c>list(set(range(5)))</c> gets 8 slots, not 6.
    /// </summary>
    public bool ListExtendSetOrDictResizes { get; init; }

    /// <summary>Dict index-table sizing from a minimum.</summary>
    public DictSizeFunction DictSizeFunction { get; init; } = DictSizeFunction.PowerOfTwoLoop;

    /// <summary>3.8–3.9: <c>dict()</c> allocates a real 8-slot table at once (232 bytes) instead of sharing the empty keys.</summary>
    public bool DictConstructorAllocatesTable { get; init; } = true;

    /// <summary>
    /// 3.10+ <c>dict_merge</c> into an empty dict clones the other dict's keys table (same size) when that
    /// table is combined, has no deleted entries and looks freshly grown: 8 slots, or
    /// <c>USABLE_FRACTION(size / 2) &lt; used</c>. Before 3.10 the entries are always reinserted.
    /// </summary>
    public bool DictMergeClonesFreshTables { get; init; }

    /// <summary>log2 of the index size of a class's shared keys when first created: 3 up to 3.10, 6 from 3.11.</summary>
    public int SharedKeysLog2Size { get; init; } = 3;

    /// <summary>3.11+: shared keys start with <c>SHARED_KEYS_MAX_SIZE</c> usable entries and each new instance
    /// takes one while more than one is left (<c>init_inline_values</c>); 0 means the ≤3.10 model.</summary>
    public int SharedKeysMaxSize { get; init; }

    /// <summary>Largest set size for which <c>set_add</c> grows ×4 rather than ×2.</summary>
    public int SetFastGrowthLimit { get; init; } = 50000;
}
