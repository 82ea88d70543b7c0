using System.Numerics;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Profiles;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// <c>dict</c> (<c>Objects/dictobject.c</c>): a 48-byte object pointing at a keys object (index table
/// + entries) that is allocated separately; combined tables also hold the values, split tables
/// (instance dicts sharing a class's keys, PEP 412) keep values in a per-dict array.
/// </summary>
internal static class DictType
{
    public const int MinSize = 8; // PyDict_MINSIZE

    public static int HeaderBytes(PyHeap heap) => heap.Profile.Layout.GcHeaderSize + heap.Profile.Layout.DictBasicSize;

    /// <summary><c>USABLE_FRACTION(n)</c> = 2n/3.</summary>
    public static int UsableFraction(int n) => (n << 1) / 3;

    /// <summary><c>ESTIMATE_SIZE(n)</c> = (3n + 1)/2.</summary>
    public static int EstimateSize(int n) => (n * 3 + 1) >> 1;

    /// <summary><c>PyDict_New</c>: an untracked dict on the shared empty keys.</summary>
    /// <remarks><paramref name="typeCall"/>: made by calling the type (<c>dict(...)</c>): <c>tp_alloc</c> does not
    /// take from the free list (measured on every version, data/alloc-probes), though the dealloc feeds it.</remarks>
    public static int New(PyHeap heap, bool typeCall = false)
    {
        int o = heap.Allocate(heap.Types.Dict, TypeKind.Dict, HeaderBytes(heap), isGc: true, typeCall ? null : heap.FreeLists.Dicts);
        heap.T.SetPayload(o, heap.RentDictData());
        return o;
    }

    /// <summary><c>dict()</c> called with no arguments: 3.8–3.9 <c>dict_new</c> allocates an 8-slot table at once.</summary>
    public static int NewFromConstructor(PyHeap heap)
    {
        int o = New(heap, typeCall: true);
        if (heap.Profile.Growth.DictConstructorAllocatesTable)
        {
            DictData d = Data(heap, o);
            d.Keys = NewKeys(heap, 3, unicode: true);
        }
        return o;
    }

    /// <summary>
    /// A dict presized for <paramref name="n"/> items (<c>_PyDict_NewPresized</c> ≤3.10, <c>dict_new_presized</c>
    /// 3.11+): up to 5 items a plain <c>PyDict_New()</c>; otherwise <c>ESTIMATE_SIZE(n)</c> — 3.8/3.9 by a
    /// power-of-two loop starting at 16, 3.10+ through <c>calculate_log2_keysize</c> — capped at 2^17 slots.
    /// </summary>
    public static int NewPresized(PyHeap heap, int n, bool unicode)
    {
        const int log2MaxPresize = 17;
        int o = New(heap);
        if (n <= UsableFraction(MinSize)) return o;
        int log2 = n > UsableFraction(1 << log2MaxPresize) ? log2MaxPresize
            : heap.Profile.Growth.DictSizeFunction == DictSizeFunction.PowerOfTwoLoop
            ? Log2AtLeast(EstimateSize(n), 4)
            : Log2KeySize(heap, EstimateSize(n));
        Data(heap, o).Keys = NewKeys(heap, log2, unicode);
        return o;
    }

    public static DictData Data(PyHeap heap, int o) => (DictData)heap.T.Payload(o)!;

    public static int Count(PyHeap heap, int o) => Data(heap, o).Used;

    /// <summary>The index-table size for a minimum of <paramref name="minSize"/> entries, as log2.</summary>
    public static int Log2KeySize(PyHeap heap, int minSize)
    {
        if (heap.Profile.Growth.DictSizeFunction == DictSizeFunction.PowerOfTwoLoop)
        {
            return Log2AtLeast(minSize, 3);
        }
        // calculate_log2_keysize: bit_length((minsize | PyDict_MINSIZE) - 1)
        return 64 - BitOperations.LeadingZeroCount((ulong)((minSize | MinSize) - 1));
    }

    private static int Log2AtLeast(int minSize, int startLog2)
    {
        int log2 = startLog2;
        while ((1 << log2) < minSize) log2++;
        return log2;
    }

    /// <summary>Index width in bytes (<c>DK_IXSIZE</c>).</summary>
    public static int IndexBytes(int size) => size <= 0xff ? 1 : size <= 0xffff ? 2 : size <= 0x7fffffff ? 4 : 8;

    public static int EntryBytes(PyHeap heap, DictKeys k) => heap.Profile.Layout.DictUnicodeEntries && k.Unicode ? 16 : 24;

    /// <summary>Bytes of a keys object (<c>_PyDict_KeysSize</c>).</summary>
    public static int KeysBytes(PyHeap heap, DictKeys k) =>
        heap.Profile.Layout.DictKeysHeaderSize + k.Size * IndexBytes(k.Size) + k.EntryCapacity * EntryBytes(heap, k);

    /// <summary>Allocates a keys object of 2^<paramref name="log2"/> slots (<c>new_keys_object</c>).</summary>
    public static DictKeys NewKeys(PyHeap heap, int log2, bool unicode)
    {
        var k = new DictKeys(log2, UsableFraction(1 << log2), unicode, shared: false);
        k.AllocatedBytes = KeysBytes(heap, k);
        k.Address = AllocateKeysBlock(heap, log2, unicode, k.AllocatedBytes);
        return k;
    }

    /// <summary><c>new_keys_object</c>'s block: an 8-slot table from the keys free list when one is parked, else malloc.</summary>
    public static long AllocateKeysBlock(PyHeap heap, int log2, bool unicode, int bytes)
    {
        bool unicodeOnly = heap.Profile.FreeLists.DictKeysUnicodeOnly;
        if (log2 == 3 && (unicode || !unicodeOnly) && heap.FreeLists.DictKeys.TryPop(out long reused)) return reused;
        return heap.Memory.Malloc(bytes);
    }

    /// <summary>Frees a keys object's block once nobody holds it, parking 8-slot ones on the free list
    /// (<c>free_keys_object</c>: shared ones too — only their size counts, ≤3.10).</summary>
    public static void FreeKeysBlock(PyHeap heap, DictKeys k)
    {
        if (k.Address == 0) return;
        bool unicodeOnly = heap.Profile.FreeLists.DictKeysUnicodeOnly;
        if (k.Log2Size == 3 && (k.Unicode || !unicodeOnly) && heap.FreeLists.DictKeys.TryPush(k.Address, k.AllocatedBytes))
        {
            k.Address = 0;
            return;
        }
        heap.Memory.Free(k.Address, k.AllocatedBytes);
        k.Address = 0;
    }

    /// <summary><c>dict.__sizeof__</c> without the GC header.</summary>
    public static int ObjectSizeOf(PyHeap heap, int o)
    {
        DictData d = Data(heap, o);
        int size = heap.Profile.Layout.DictBasicSize;
        if (d.Keys is null) return size;
        if (d.IsSplit)
        {
            // Split tables count only their values array. 3.11+: shared_keys_usable_size at call time.
            if (heap.Profile.Growth.SharedKeysMaxSize > 0) return size + 8 * (d.Keys.NEntries + d.Keys.Usable);
            // ≤3.10 dict_sizeof: "the keys portion is accounted-for in the type object" — unless the class has
            // let go of them (_PyObjectDict_SetItem set CACHED_KEYS to NULL) and this dict is their last holder.
            size += 8 * d.ValuesCapacity;
            if (d.Keys.RefCount == 1) size += KeysBytes(heap, d.Keys);
            return size;
        }
        if (d.Keys.RefCount == 1) size += KeysBytes(heap, d.Keys);
        return size;
    }

    // ---- lookup ----

    /// <summary>Entry number holding <paramref name="key"/>, or -1 (<c>lookdict</c>).</summary>
    public static int Lookup(PyHeap heap, DictKeys k, int key, long hash)
    {
        int mask = k.Mask;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        while (true)
        {
            int ix = k.Indices[i];
            if (ix == DictKeys.Empty) return -1;
            if (ix >= 0)
            {
                int ek = k.Keys[ix];
                if (ek == key || (k.Hashes[ix] == hash && ObjectModel.EqualsForHash(heap, ek, key))) return ix;
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
    }

    /// <summary>Puts entry number <paramref name="entry"/> in the first empty index slot of its probe sequence (<c>find_empty_slot</c>).</summary>
    internal static void InsertIndex(DictKeys k, long hash, int entry)
    {
        int mask = k.Mask;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        while (k.Indices[i] >= 0 || k.Indices[i] == DictKeys.Dummy)
        {
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
        k.Indices[i] = entry;
    }

    /// <summary>Borrowed value for <paramref name="key"/>, or 0 when absent.</summary>
    public static int GetItem(PyHeap heap, int o, int key)
    {
        DictData d = Data(heap, o);
        if (d.Keys is null || d.Used == 0) return 0;
        int ix = Lookup(heap, d.Keys, key, ObjectModel.Hash(heap, key));
        if (ix < 0) return 0;
        return d.IsSplit ? d.SplitValues![ix] : d.Keys.Values[ix];
    }

    // ---- insert ----

    /// <summary><c>PyDict_SetItem</c> / <c>insertdict</c>: stores new references to key and value.</summary>
    public static void SetItem(PyHeap heap, int o, int key, int value)
    {
        DictData d = Data(heap, o);
        long hash = ObjectModel.Hash(heap, key);
        bool keyIsStr = heap.T.Kind(key) == TypeKind.Str;
        if (d.IsSplit && !SplitDicts.TrySetItem(heap, o, d, key, hash, value))
        {
            ConvertSplitToCombined(heap, o, d);
        }
        if (!d.IsSplit)
        {
            SetItemCombined(heap, o, d, key, hash, value, keyIsStr);
        }
        MaintainTracking(heap, o, key, value);
    }

    private static void SetItemCombined(PyHeap heap, int o, DictData d, int key, long hash, int value, bool keyIsStr)
    {
        if (d.Keys is null)
        {
            // insert_to_emptydict: a fresh 8-slot table (all-str kind when the key is a str).
            d.Keys = NewKeys(heap, 3, unicode: keyIsStr);
        }
        else
        {
            int ix = Lookup(heap, d.Keys, key, hash);
            if (ix >= 0)
            {
                int old = d.Keys.Values[ix];
                d.Keys.Values[ix] = heap.NewRef(value);
                heap.DecRef(old);
                return;
            }
            if (!keyIsStr && d.Keys.Unicode && heap.Profile.Layout.DictUnicodeEntries)
            {
                // 3.11+: a non-str key turns the table general, always through a resize.
                Resize(heap, d, Log2KeySize(heap, d.Used * 3), unicode: false);
            }
            else if (d.Keys.Usable <= 0)
            {
                // insertion_resize: GROWTH_RATE(d) = used * 3
                Resize(heap, d, Log2KeySize(heap, d.Used * 3), d.Keys.Unicode && keyIsStr);
            }
        }
        DictKeys k = d.Keys;
        if (!keyIsStr) k.Unicode = false;
        int entry = k.NEntries;
        k.Keys[entry] = heap.NewRef(key);
        k.Values[entry] = heap.NewRef(value);
        k.Hashes[entry] = hash;
        InsertIndex(k, hash, entry);
        k.NEntries++;
        k.Usable--;
        d.Used++;
    }

    /// <summary>
    /// <c>dictresize</c>: a new combined table of 2^<paramref name="log2"/> slots holding only the live
    /// entries, in order; the old keys are freed (deleted entries are compacted away).
    /// </summary>
    public static void Resize(PyHeap heap, DictData d, int log2, bool unicode)
    {
        DictKeys? old = d.Keys;
        DictKeys k = NewKeys(heap, log2, unicode);
        if (old is not null)
        {
            for (int i = 0; i < old.NEntries; i++)
            {
                int key = old.Keys[i];
                if (key == 0) continue;
                int value = d.IsSplit ? d.SplitValues![i] : old.Values[i];
                if (d.IsSplit && value == 0) continue;
                int e = k.NEntries++;
                k.Keys[e] = key;
                k.Values[e] = value;
                k.Hashes[e] = old.Hashes[i];
                InsertIndex(k, old.Hashes[i], e);
            }
            k.Usable -= k.NEntries;
            if (d.IsSplit)
            {
                // Keys were borrowed from the shared table: the new combined table owns them now.
                for (int e = 0; e < k.NEntries; e++) heap.IncRef(k.Keys[e]);
                if (d.Order is not null) ReorderEntries(k, d.Order, old);
                if (d.Embedded)
                {
                    // 3.13 dictresize of embedded values: the table takes their references and the
                    // instance's inline values become invalid (values->valid = 0).
                    InstanceType.InvalidateValues(InstanceType.Data(heap, d.EmbeddedOwner));
                    d.Embedded = false;
                    d.EmbeddedOwner = 0;
                }
                SplitDicts.ReleaseValuesArray(heap, d);
                SplitDicts.DropSharedKeys(heap, old);
            }
            else
            {
                FreeKeysBlock(heap, old);
            }
        }
        d.Keys = k;
        d.SplitValues = null;
        d.Order = null;
    }

    /// <summary>Puts the entries of a table converted from a 3.11+ split dict into that dict's own insertion order.</summary>
    private static void ReorderEntries(DictKeys k, List<int> order, DictKeys oldShared)
    {
        var keys = new int[k.NEntries];
        var values = new int[k.NEntries];
        var hashes = new long[k.NEntries];
        int n = 0;
        foreach (int oldEntry in order)
        {
            int key = oldShared.Keys[oldEntry];
            for (int e = 0; e < k.NEntries; e++)
            {
                if (k.Keys[e] == key)
                {
                    keys[n] = k.Keys[e];
                    values[n] = k.Values[e];
                    hashes[n] = k.Hashes[e];
                    n++;
                    break;
                }
            }
        }
        Array.Fill(k.Indices, DictKeys.Empty);
        for (int e = 0; e < n; e++)
        {
            k.Keys[e] = keys[e];
            k.Values[e] = values[e];
            k.Hashes[e] = hashes[e];
            InsertIndex(k, hashes[e], e);
        }
    }

    private static void ConvertSplitToCombined(PyHeap heap, int o, DictData d)
    {
        Resize(heap, d, Log2KeySize(heap, d.Used * 3), unicode: true);
    }

    /// <summary><c>MAINTAIN_TRACKING</c>: an untracked dict becomes tracked when it stores something that may be tracked.</summary>
    public static void MaintainTracking(PyHeap heap, int o, int key, int value)
    {
        if (heap.T.IsTracked(o)) return;
        if (ObjectModel.MayBeTracked(heap, key) || ObjectModel.MayBeTracked(heap, value)) heap.Gc.Track(o);
    }

    // ---- delete ----

    /// <summary><c>PyDict_DelItem</c>: leaves a dummy; never shrinks. Returns false when the key is absent.</summary>
    public static bool DelItem(PyHeap heap, int o, int key)
    {
        int value = PopItem(heap, o, key, out int oldKey);
        if (value == 0) return false;
        heap.DecRef(oldKey);
        heap.DecRef(value);
        return true;
    }

    /// <summary>Removes <paramref name="key"/>; returns the value's reference (owned by the caller) and the
    /// stored key's reference (also owned), or 0 when absent.</summary>
    public static int PopItem(PyHeap heap, int o, int key, out int storedKey)
    {
        storedKey = 0;
        DictData d = Data(heap, o);
        if (d.Keys is null || d.Used == 0) return 0;
        long hash = ObjectModel.Hash(heap, key);
        int ix = Lookup(heap, d.Keys, key, hash);
        if (ix < 0) return 0;
        if (d.IsSplit && heap.Profile.Growth.SharedKeysMaxSize == 0)
        {
            // ≤3.10 _PyDict_DelItem_KnownHash: "Split table doesn't allow deletion. Combine it."
            Resize(heap, d, d.Keys.Log2Size, unicode: true);
            ix = Lookup(heap, d.Keys!, key, hash);
        }
        if (d.IsSplit)
        {
            return SplitDicts.Delete(heap, o, d, ix, out storedKey);
        }
        DictKeys k = d.Keys;
        int value = k.Values[ix];
        storedKey = k.Keys[ix];
        k.Keys[ix] = 0;
        k.Values[ix] = 0;
        MarkIndexDummy(k, hash, ix);
        d.Used--;
        return value;
    }

    public static void MarkIndexDummy(DictKeys k, long hash, int entry)
    {
        int mask = k.Mask;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        while (k.Indices[i] != entry)
        {
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
        k.Indices[i] = DictKeys.Dummy;
    }

    /// <summary><c>dict.clear</c>: back to the shared empty keys; the old entries are released in order.</summary>
    public static void Clear(PyHeap heap, int o)
    {
        DictData d = Data(heap, o);
        if (d.Keys is null) return;
        DictKeys k = d.Keys;
        if (d.IsSplit && d.Embedded)
        {
            // 3.13 clear_embedded_values: the values stay the instance's, emptied in place; keys kept.
            int[] embedded = d.SplitValues!;
            var released = new List<int>();
            foreach (int e in d.Order ?? [])
            {
                if (e < embedded.Length && embedded[e] != 0) released.Add(embedded[e]);
                if (e < embedded.Length) embedded[e] = 0;
            }
            d.Order?.Clear();
            d.Used = 0;
            foreach (int v in released) heap.DecRef(v);
            return;
        }
        if (d.IsSplit)
        {
            int[] values = d.SplitValues!;
            List<int>? order = d.Order;
            int nentries = k.NEntries;
            SplitDicts.ReleaseValuesArray(heap, d);
            d.Keys = null;
            d.SplitValues = null;
            d.Order = null;
            d.Used = 0;
            SplitDicts.DropSharedKeys(heap, k);
            for (int i = 0; i < Math.Min(nentries, values.Length); i++) heap.XDecRef(values[i]);
            return;
        }
        d.Keys = null;
        d.Used = 0;
        int n = k.NEntries;
        int[] keys = k.Keys;
        int[] vals = k.Values;
        FreeKeysBlock(heap, k);
        for (int i = 0; i < n; i++)
        {
            heap.XDecRef(keys[i]);
            heap.XDecRef(vals[i]);
        }
    }

    // ---- iteration ----

    /// <summary>(key, value) pairs in insertion order (borrowed). Allocates: for the runtime and tests, not the hot path.</summary>
    public static List<(int Key, int Value)> Entries(PyHeap heap, int o)
    {
        DictData d = Data(heap, o);
        var result = new List<(int, int)>(d.Used);
        if (d.Keys is null) return result;
        if (d.IsSplit)
        {
            IEnumerable<int> order = d.Order ?? Enumerable.Range(0, d.Keys.NEntries);
            foreach (int e in order)
            {
                if (e < d.SplitValues!.Length && d.SplitValues[e] != 0) result.Add((d.Keys.Keys[e], d.SplitValues[e]));
            }
            return result;
        }
        for (int i = 0; i < d.Keys.NEntries; i++)
        {
            if (d.Keys.Keys[i] != 0) result.Add((d.Keys.Keys[i], d.Keys.Values[i]));
        }
        return result;
    }

    // ---- copies and merges ----

    /// <summary>
    /// <c>PyDict_Copy</c> (<c>dict.copy()</c>, cpython-facts §3.3): an empty dict gives <c>PyDict_New()</c>
    /// (64 bytes, even where <c>dict()</c> allocates); a split dict gives another split dict over the same
    /// shared keys; a combined table with at most a third of its entries deleted
    /// (<c>used ≥ 2/3 × nentries</c>) is cloned at its size; otherwise the entries are merged into a new dict.
    /// </summary>
    public static int Copy(PyHeap heap, int o)
    {
        DictData src = Data(heap, o);
        if (src.Used == 0) return New(heap);
        if (src.IsSplit) return SplitDicts.Copy(heap, o);
        if (src.Used >= (src.Keys!.NEntries * 2) / 3)
        {
            int c = New(heap);
            CloneCombinedKeys(heap, Data(heap, c), src);
            if (heap.T.IsTracked(o)) heap.Gc.Track(c);
            return c;
        }
        int copy = New(heap);
        Merge(heap, copy, o);
        return copy;
    }

    /// <summary><c>clone_combined_dict_keys</c>: <paramref name="target"/> (empty) gets a copy of the source's
    /// keys table at the same size, deleted slots and all, with new references to keys and values. The copy
    /// is a fresh <c>PyObject_Malloc</c> of the table's size (a <c>memcpy</c>), never a block from the keys
    /// free list, though it is parked there when freed: every <c>d.copy()</c> or <c>f(**kwargs)</c> of a
    /// small dict grows the free list by one until it is full (+120 traced bytes a call on 3.11).</summary>
    private static void CloneCombinedKeys(PyHeap heap, DictData target, DictData src)
    {
        DictKeys from = src.Keys!;
        var k = new DictKeys(from.Log2Size, UsableFraction(1 << from.Log2Size), from.Unicode, shared: false);
        k.AllocatedBytes = KeysBytes(heap, k);
        k.Address = heap.Memory.Malloc(k.AllocatedBytes);
        for (int i = 0; i < from.NEntries; i++)
        {
            k.Keys[i] = from.Keys[i];
            k.Values[i] = from.Values[i];
            k.Hashes[i] = from.Hashes[i];
            heap.XIncRef(k.Keys[i]);
            heap.XIncRef(k.Values[i]);
        }
        Array.Copy(from.Indices, k.Indices, k.Indices.Length);
        k.NEntries = from.NEntries;
        k.Usable = from.Usable;
        if (target.Keys is not null) FreeKeysBlock(heap, target.Keys);
        target.Keys = k;
        target.Used = src.Used;
    }

    /// <summary>
    /// <c>dict_merge</c> of dict <paramref name="other"/> into <paramref name="target"/> (<c>d.update(other)</c>,
    /// <c>dict(other)</c>, <c>{**other}</c>), cpython-facts §3.3:
    /// <list type="number">
    /// <item>nothing to do when <paramref name="other"/> is empty;</item>
    /// <item>3.10+ (bpo-41431): an empty target clones a combined, compact, freshly grown table
    /// (8 slots, or <c>USABLE_FRACTION(size / 2) &lt; used</c>) at its size;</item>
    /// <item>otherwise one presizing resize when <c>USABLE_FRACTION(target size) &lt; other.used</c> — the
    /// shared empty keys count as size 1, so merging into <c>{}</c> always resizes — to
    /// <c>ESTIMATE_SIZE(used + other.used)</c> through the size function (3.11+: all-str kind when the
    /// other table is), then each entry is inserted in order.</item>
    /// </list>
    /// </summary>
    public static void Merge(PyHeap heap, int target, int other)
    {
        if (target == other) return;
        DictData t = Data(heap, target);
        DictData s = Data(heap, other);
        if (s.Used == 0) return;
        if (t.Used == 0 && !t.IsSplit && !s.IsSplit && heap.Profile.Growth.DictMergeClonesFreshTables)
        {
            DictKeys ok = s.Keys!;
            if (s.Used == ok.NEntries && (ok.Log2Size == 3 || UsableFraction(ok.Size / 2) < s.Used))
            {
                CloneCombinedKeys(heap, t, s);
                if (heap.T.IsTracked(other)) heap.Gc.Track(target);
                return;
            }
        }
        int targetSize = t.Keys?.Size ?? 1;
        if (!t.IsSplit && UsableFraction(targetSize) < s.Used)
        {
            // dictresize keeps the general kind once the target has it (3.11+).
            bool unicode = (s.IsSplit || s.Keys!.Unicode) && (t.Keys?.Unicode ?? true);
            Resize(heap, t, Log2KeySize(heap, EstimateSize(t.Used + s.Used)), unicode);
        }
        foreach ((int key, int value) in Entries(heap, other)) SetItem(heap, target, key, value);
    }

    /// <summary>
    /// <c>dict.fromkeys(source, value)</c> for a dict or set <paramref name="source"/> (<c>dict_fromkeys</c>'s
    /// fast paths): <c>dict()</c>, then one resize to <c>ESTIMATE_SIZE(len(source))</c> through the size
    /// function — done even for an empty source (3.10+: <c>dict.fromkeys(set())</c> is 232 / 224 bytes) —
    /// then the keys in the source's order. 3.11+: the table is all-str only for a dict source whose table
    /// is (sets give a general table).
    /// </summary>
    public static int FromKeysOfDictOrSet(PyHeap heap, int source, int value)
    {
        bool fromDict = heap.T.Kind(source) == TypeKind.Dict;
        int[] keys = fromDict ? EntryKeys(heap, source) : [.. SetType.Members(heap, source)];
        bool unicode = fromDict && (Data(heap, source).IsSplit || (Data(heap, source).Keys?.Unicode ?? true));
        int o = NewFromConstructor(heap);
        Resize(heap, Data(heap, o), Log2KeySize(heap, EstimateSize(keys.Length)), unicode);
        foreach (int k in keys) SetItem(heap, o, k, value);
        return o;
    }

    /// <summary><c>dict.fromkeys(iterable, value)</c> for any other iterable: <c>dict()</c>, then
    /// <c>PyDict_SetItem</c> per key (ordinary insertion growth from <c>dict()</c>'s table).</summary>
    public static int FromKeys(PyHeap heap, ReadOnlySpan<int> keys, int value)
    {
        int o = NewFromConstructor(heap);
        foreach (int k in keys) SetItem(heap, o, k, value);
        return o;
    }

    /// <summary><c>dict(iterable_of_pairs)</c> (<c>PyDict_MergeFromSeq2</c>): <c>dict()</c>, then
    /// <c>PyDict_SetItem</c> per pair, later pairs overwriting earlier ones.</summary>
    public static int FromPairs(PyHeap heap, ReadOnlySpan<int> keys, ReadOnlySpan<int> values)
    {
        int o = NewFromConstructor(heap);
        for (int i = 0; i < keys.Length; i++) SetItem(heap, o, keys[i], values[i]);
        return o;
    }

    /// <summary>
    /// A dict display <c>{k: v, …}</c> built as the version's compiler builds it (cpython-facts §3.3): up to
    /// <c>STACK_USE_GUIDELINE / 2</c> pairs (always before 3.10) <c>BUILD_MAP n</c> / <c>BUILD_CONST_KEY_MAP n</c>
    /// presize (<c>_PyDict_NewPresized</c> ≤3.10, <c>_PyDict_FromItems</c> → <c>dict_new_presized</c> 3.11+,
    /// all-str when every key is an exact str); more pairs compile to <c>BUILD_MAP 0</c> + <c>MAP_ADD</c>.
    /// </summary>
    public static int NewDisplay(PyHeap heap, ReadOnlySpan<int> keys, ReadOnlySpan<int> values)
    {
        int o;
        if (2L * keys.Length > heap.Profile.Compiler.StackUseGuideline)
        {
            o = New(heap);
        }
        else
        {
            bool unicode = true;
            foreach (int k in keys) unicode &= heap.T.Kind(k) == TypeKind.Str;
            o = NewPresized(heap, keys.Length, unicode);
        }
        for (int i = 0; i < keys.Length; i++) SetItem(heap, o, keys[i], values[i]);
        return o;
    }

    private static int[] EntryKeys(PyHeap heap, int o)
    {
        List<(int Key, int Value)> entries = Entries(heap, o);
        var keys = new int[entries.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = entries[i].Key;
        return keys;
    }

    /// <summary><c>_PyDict_MaybeUntrack</c>: untrack when every key and value is untrackable (full collections, ≤3.13).</summary>
    public static void MaybeUntrack(PyHeap heap, int o)
    {
        foreach ((int key, int value) in Entries(heap, o))
        {
            if (ObjectModel.MayBeTracked(heap, key) || ObjectModel.MayBeTracked(heap, value)) return;
        }
        heap.Gc.Untrack(o);
    }
}
