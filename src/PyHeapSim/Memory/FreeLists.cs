using PyHeapSim.Profiles;

namespace PyHeapSim.Memory;

/// <summary>
/// CPython's per-type free lists (cpython-facts §4.6): memory blocks of dead objects kept for reuse.
/// Taking from or giving to a free list changes neither the GC allocation count, nor tracemalloc, nor
/// <c>sys.getallocatedblocks()</c> — the block stays allocated. A full collection empties them.
/// </summary>
internal sealed class FreeLists
{
    private readonly FreeListRules _rules;
    private readonly BlockStack _lists;
    private readonly BlockStack _dicts;
    private readonly BlockStack _dictKeys;
    private readonly BlockStack _floats;
    private readonly BlockStack[] _tuples;

    public FreeLists(FreeListRules rules)
    {
        _rules = rules;
        _lists = new BlockStack(rules.Lists);
        _dicts = new BlockStack(rules.Dicts);
        _dictKeys = new BlockStack(rules.DictKeys);
        _floats = new BlockStack(rules.Floats);
        _tuples = new BlockStack[rules.TupleMaxLength + 1];
        for (int i = 1; i < _tuples.Length; i++) _tuples[i] = new BlockStack(rules.TuplesPerLength);
    }

    public FreeListRules Rules => _rules;
    public BlockStack Lists => _lists;
    public BlockStack Dicts => _dicts;
    public BlockStack DictKeys => _dictKeys;
    public BlockStack Floats => _floats;

    /// <summary>The free list for tuples of <paramref name="length"/>, or null when that length has none.</summary>
    public BlockStack? Tuples(int length) => length >= 1 && length < _tuples.Length ? _tuples[length] : null;

    /// <summary>Frees every parked block (<c>_PyGC_ClearAllFreeLists</c>, run by full collections).</summary>
    public void ClearAll(MemoryManager memory)
    {
        _lists.Drain(memory);
        _dicts.Drain(memory);
        _dictKeys.Drain(memory);
        _floats.Drain(memory);
        for (int i = 1; i < _tuples.Length; i++) _tuples[i].Drain(memory);
    }

    /// <summary>Requested bytes of every parked block.</summary>
    public long ParkedBytes
    {
        get
        {
            long n = _lists.Bytes + _dicts.Bytes + _dictKeys.Bytes + _floats.Bytes;
            for (int i = 1; i < _tuples.Length; i++) n += _tuples[i].Bytes;
            return n;
        }
    }

    /// <summary>Blocks parked on all free lists.</summary>
    public int Count
    {
        get
        {
            int n = _lists.Count + _dicts.Count + _dictKeys.Count + _floats.Count;
            for (int i = 1; i < _tuples.Length; i++) n += _tuples[i].Count;
            return n;
        }
    }

    /// <summary>A bounded LIFO of (address, bytes) blocks.</summary>
    internal sealed class BlockStack
    {
        private readonly long[] _addresses;
        private readonly int[] _bytes;

        public BlockStack(int capacity)
        {
            _addresses = new long[capacity];
            _bytes = new int[capacity];
        }

        public int Count { get; private set; }
        public int Capacity => _addresses.Length;

        public long Bytes
        {
            get
            {
                long n = 0;
                for (int i = 0; i < Count; i++) n += _bytes[i];
                return n;
            }
        }

        public bool TryPush(long address, int bytes)
        {
            if (Count == _addresses.Length) return false;
            _addresses[Count] = address;
            _bytes[Count] = bytes;
            Count++;
            return true;
        }

        public bool TryPop(out long address)
        {
            if (Count == 0)
            {
                address = 0;
                return false;
            }
            Count--;
            address = _addresses[Count];
            return true;
        }

        public void Drain(MemoryManager memory)
        {
            while (Count > 0)
            {
                Count--;
                memory.Free(_addresses[Count], _bytes[Count]);
            }
        }
    }
}
