using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PyHeapSim.Profiles;

namespace PyHeapSim.Memory;

/// <summary>
/// CPython's per-type free lists (cpython-facts §4.6): memory blocks of dead objects kept for reuse.
/// A parked block stays allocated: taking from or giving to a free list changes neither the GC
/// allocation count, nor tracemalloc, nor <c>sys.getallocatedblocks()</c>. A full collection empties
/// them (<c>_PyGC_ClearAllFreeLists</c>). Capacities per version: <see cref="FreeListRules"/>.
/// </summary>
internal sealed class FreeLists
{
    private readonly FreeListRules _rules;
    private readonly BlockStack _lists;
    private readonly BlockStack _dicts;
    private readonly BlockStack _dictKeys;
    private readonly BlockStack _floats;
    private readonly BlockStack[] _tuples;
    private readonly BlockStack? _methods;
    private readonly BlockStack? _builtinMethods;

    public FreeLists(FreeListRules rules)
    {
        _rules = rules;
        _lists = new BlockStack(rules.Lists);
        _dicts = new BlockStack(rules.Dicts);
        _dictKeys = new BlockStack(rules.DictKeys);
        _floats = new BlockStack(rules.Floats);
        _tuples = new BlockStack[rules.TupleMaxLength + 1];
        for (int i = 1; i < _tuples.Length; i++) _tuples[i] = new BlockStack(rules.TuplesPerLength);
        if (rules.Methods > 0) _methods = new BlockStack(rules.Methods);
        if (rules.BuiltinMethods > 0) _builtinMethods = new BlockStack(rules.BuiltinMethods);
    }

    public FreeListRules Rules => _rules;
    public BlockStack Lists => _lists;
    public BlockStack Dicts => _dicts;
    public BlockStack DictKeys => _dictKeys;
    public BlockStack Floats => _floats;

    /// <summary>Bound method objects (<c>PyMethodObject</c>), or null when the version has no such list (3.9+).</summary>
    public BlockStack? Methods => _methods;

    /// <summary>Built-in function/method objects (<c>PyCFunctionObject</c>), or null when the version has none (3.9+).</summary>
    public BlockStack? BuiltinMethods => _builtinMethods;

    /// <summary>The free list for tuples of <paramref name="length"/>, or null when that length has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public BlockStack? Tuples(int length) => (uint)(length - 1) < (uint)(_tuples.Length - 1) ? _tuples[length] : null;

    /// <summary>
    /// Frees every parked block (<c>_PyGC_ClearAllFreeLists</c>; 3.8 <c>clear_freelists</c>), run by full
    /// collections. CPython's order, which decides the order blocks land on pymalloc's free lists:
    /// (3.8: bound methods, built-in methods,) tuples by ascending length, floats, lists, dicts, dict keys;
    /// each list most recent first.
    /// </summary>
    public void ClearAll(MemoryManager memory)
    {
        _methods?.Drain(memory);
        _builtinMethods?.Drain(memory);
        for (int i = 1; i < _tuples.Length; i++) _tuples[i].Drain(memory);
        _floats.Drain(memory);
        _lists.Drain(memory);
        _dicts.Drain(memory);
        _dictKeys.Drain(memory);
    }

    /// <summary>Requested bytes of every parked block. O(tuple lengths).</summary>
    public long ParkedBytes
    {
        get
        {
            long n = _lists.Bytes + _dicts.Bytes + _dictKeys.Bytes + _floats.Bytes + (_methods?.Bytes ?? 0) + (_builtinMethods?.Bytes ?? 0);
            for (int i = 1; i < _tuples.Length; i++) n += _tuples[i].Bytes;
            return n;
        }
    }

    /// <summary>Blocks parked on all free lists.</summary>
    public int Count
    {
        get
        {
            int n = _lists.Count + _dicts.Count + _dictKeys.Count + _floats.Count + (_methods?.Count ?? 0) + (_builtinMethods?.Count ?? 0);
            for (int i = 1; i < _tuples.Length; i++) n += _tuples[i].Count;
            return n;
        }
    }

    /// <summary>
    /// The free-list lines of <c>sys._debugmallocstats()</c> in CPython's order (dict, [dict keys,] float,
    /// list, tuples by length), with the struct sizes CPython prints (no GC header).
    /// </summary>
    public ImmutableArray<FreeListStats> Census(ObjectLayout layout)
    {
        var rows = ImmutableArray.CreateBuilder<FreeListStats>();
        rows.Add(new FreeListStats("free PyDictObject", _dicts.Count, layout.DictBasicSize));
        if (_rules.DictKeysInStats) rows.Add(new FreeListStats("free PyDictKeysObject", _dictKeys.Count, layout.DictKeysHeaderSize));
        rows.Add(new FreeListStats("free PyFloatObject", _floats.Count, layout.FloatSize));
        rows.Add(new FreeListStats("free PyListObject", _lists.Count, layout.ListBasicSize));
        for (int n = 1; n <= _rules.TupleStatsLengths; n++)
        {
            int count = Tuples(n)?.Count ?? 0;
            rows.Add(new FreeListStats($"free {n}-sized PyTupleObject", count, layout.TupleBasicSize + 8 * n));
        }
        return rows.ToImmutable();
    }

    /// <summary>A bounded LIFO of parked (address, requested bytes) blocks.</summary>
    internal sealed class BlockStack
    {
        private readonly long[] _addresses;
        private readonly int[] _bytes;

        public BlockStack(int capacity)
        {
            _addresses = new long[capacity];
            _bytes = new int[capacity];
        }

        /// <summary>Blocks parked now.</summary>
        public int Count { get; private set; }

        /// <summary>Most blocks this list keeps.</summary>
        public int Capacity => _addresses.Length;

        /// <summary>Requested bytes of the parked blocks. O(1).</summary>
        public long Bytes { get; private set; }

        /// <summary>Parks a block; false (nothing changes) when the list is full.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryPush(long address, int bytes)
        {
            int n = Count;
            if ((uint)n >= (uint)_addresses.Length) return false;
            _addresses[n] = address;
            _bytes[n] = bytes;
            Bytes += bytes;
            Count = n + 1;
            return true;
        }

        /// <summary>Takes the most recently parked block; false when the list is empty.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryPop(out long address)
        {
            int n = Count - 1;
            if (n < 0)
            {
                address = 0;
                return false;
            }
            address = _addresses[n];
            Bytes -= _bytes[n];
            Count = n;
            return true;
        }

        /// <summary>Frees every parked block, most recent first.</summary>
        public void Drain(MemoryManager memory)
        {
            while (Count > 0)
            {
                int n = --Count;
                Bytes -= _bytes[n];
                memory.Free(_addresses[n], _bytes[n]);
            }
        }
    }
}
