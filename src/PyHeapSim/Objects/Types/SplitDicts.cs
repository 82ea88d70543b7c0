using PyHeapSim.Objects.Stores;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// Key-sharing dicts (PEP 412; cpython-facts §3.4): instance dicts whose keys live in the class's
/// cached keys object and whose values live in a per-dict (≤3.10) or per-instance (3.11+) array.
/// </summary>
internal static class SplitDicts
{
    /// <summary>≤3.10 <c>new_dict_with_shared_keys</c>: a split dict over <paramref name="keys"/> with a values
    /// array of <c>USABLE_FRACTION(size)</c> slots.</summary>
    public static int NewWithSharedKeys(PyHeap heap, DictKeys keys)
    {
        int o = DictType.New(heap);
        DictData d = DictType.Data(heap, o);
        keys.RefCount++;
        d.Keys = keys;
        int capacity = DictType.UsableFraction(keys.Size);
        AttachValues(heap, d, new int[Math.Max(capacity, keys.EntryCapacity)], capacity, separateBlock: true);
        return o;
    }

    /// <summary>
    /// <c>PyDict_Copy</c> of a split dict: another split dict over the same shared keys with its own values
    /// array — <c>USABLE_FRACTION(keys size)</c> slots up to 3.10, <c>shared_keys_usable_size(keys)</c>
    /// (entries + usable, now) from 3.11 — holding new references to the values; tracked when the source is.
    /// </summary>
    public static int Copy(PyHeap heap, int source)
    {
        DictData src = DictType.Data(heap, source);
        DictKeys keys = src.Keys!;
        bool modern = heap.Profile.Growth.SharedKeysMaxSize > 0;
        int capacity = modern ? keys.NEntries + keys.Usable : DictType.UsableFraction(keys.Size);
        int o = DictType.New(heap);
        DictData d = DictType.Data(heap, o);
        keys.RefCount++;
        d.Keys = keys;
        var values = new int[modern ? capacity : Math.Max(capacity, keys.EntryCapacity)];
        int[] from = src.SplitValues!;
        for (int i = 0; i < Math.Min(from.Length, values.Length); i++) values[i] = from[i];
        foreach (int v in values) heap.XIncRef(v);
        AttachValues(heap, d, values, capacity, separateBlock: true);
        d.Order = src.Order is null ? null : [.. src.Order];
        d.Used = src.Used;
        if (heap.T.IsTracked(source)) heap.Gc.Track(o);
        return o;
    }

    /// <summary>Gives a split dict its values array; <paramref name="separateBlock"/> allocates it through the allocator.</summary>
    public static void AttachValues(PyHeap heap, DictData d, int[] values, int capacity, bool separateBlock)
    {
        d.SplitValues = values;
        d.ValuesCapacity = capacity;
        if (separateBlock)
        {
            d.ValuesBytes = ValuesBytes(heap, capacity);
            d.ValuesAddress = heap.Memory.Malloc(d.ValuesBytes);
        }
    }

    /// <summary>Bytes of a values array: ≤3.10 plain pointers; 3.11/3.12 <c>new_values</c> adds an order prefix
    /// (capacity + 2 bytes, rounded to 8); 3.13 <c>values_size_from_count</c> puts a one-word header
    /// before the values and the order after them ((capacity + 1) words + capacity rounded to 8).</summary>
    public static int ValuesBytes(PyHeap heap, int capacity)
    {
        if (heap.Profile.Growth.SharedKeysMaxSize == 0) return 8 * capacity;
        if (heap.Profile.Layout.InstanceDicts == Profiles.InstanceDictLayout.InlineValues) return 8 * (capacity + 1) + ((capacity + 7) & ~7);
        return ((capacity + 2 + 7) & ~7) + 8 * capacity;
    }

    public static void ReleaseValuesArray(PyHeap heap, DictData d)
    {
        if (d.ValuesAddress != 0) heap.Memory.Free(d.ValuesAddress, d.ValuesBytes);
        d.ValuesAddress = 0;
        d.ValuesBytes = 0;
        d.ValuesCapacity = 0;
    }

    /// <summary>Drops one holder of a shared keys object; the last one releases the key strings and the block.</summary>
    public static void DropSharedKeys(PyHeap heap, DictKeys k)
    {
        if (--k.RefCount > 0) return;
        int[] keys = k.Keys;
        int n = k.NEntries;
        DictType.FreeKeysBlock(heap, k);
        for (int i = 0; i < n; i++) heap.XDecRef(keys[i]);
    }

    /// <summary>
    /// <c>insertdict</c> on a split table. Returns false when the dict must become combined first (key
    /// out of order ≤3.10, non-str key, shared keys exhausted, or past this values array).
    /// </summary>
    public static bool TrySetItem(PyHeap heap, int o, DictData d, int key, long hash, int value)
    {
        DictKeys k = d.Keys!;
        bool modern = heap.Profile.Growth.SharedKeysMaxSize > 0;
        if (heap.T.Kind(key) != TypeKind.Str) return false;
        int ix = DictType.Lookup(heap, k, key, hash);
        int[] values = d.SplitValues!;
        if (ix >= 0)
        {
            int old = ix < values.Length ? values[ix] : 0;
            if (old != 0)
            {
                values[ix] = heap.NewRef(value);
                heap.DecRef(old);
                return true;
            }
            if (!modern && d.Used != ix) return false;
            if (ix >= d.ValuesCapacity) return false;
            values[ix] = heap.NewRef(value);
            d.Used++;
            d.Order?.Add(ix);
            return true;
        }
        if (!modern && d.Used != k.NEntries) return false;
        if (k.Usable <= 0 || k.NEntries >= d.ValuesCapacity || k.NEntries >= k.EntryCapacity) return false;
        int entry = k.NEntries++;
        k.Usable--;
        k.Keys[entry] = heap.NewRef(key);
        k.Hashes[entry] = hash;
        DictType.InsertIndex(k, hash, entry);
        values[entry] = heap.NewRef(value);
        d.Used++;
        d.Order?.Add(entry);
        return true;
    }

    /// <summary>Deletes entry <paramref name="ix"/> of a split dict; returns the value (owned) and a new reference to the key.</summary>
    public static int Delete(PyHeap heap, int o, DictData d, int ix, out int storedKey)
    {
        int value = d.SplitValues![ix];
        if (value == 0)
        {
            storedKey = 0;
            return 0;
        }
        d.SplitValues[ix] = 0;
        d.Used--;
        d.Order?.Remove(ix);
        storedKey = heap.NewRef(d.Keys!.Keys[ix]);
        return value;
    }
}
