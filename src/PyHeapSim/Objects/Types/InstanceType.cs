using PyHeapSim.Objects.Stores;
using PyHeapSim.Profiles;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// Instances of classes (<c>subtype_dealloc</c>, <c>PyObject_GenericSetAttr</c>): attribute storage in
/// each version's layout — a lazily created split <c>__dict__</c> (≤3.10), or values kept without a
/// dict object until <c>__dict__</c> is asked for (3.11+).
/// </summary>
internal static class InstanceType
{
    private static bool Modern(PyHeap heap) => heap.Profile.Growth.SharedKeysMaxSize > 0;

    /// <summary>A new instance of class <paramref name="cls"/>, tracked; owns a reference to its class.</summary>
    public static int New(PyHeap heap, int cls)
    {
        TypeInfo ti = heap.T.TypeInfoOfType(cls);
        ObjectLayout l = heap.Profile.Layout;
        int bytes = ti.PreHeaderSize + l.GcHeaderSize + ti.BasicSize;
        InstanceData data = heap.RentInstanceData();
        if (ti.SlotNames.Count > 0) data.Slots = new int[ti.SlotNames.Count];
        int inlineCapacity = 0;
        // 3.13 gives only classes without __slots__ inline values (Py_TPFLAGS_INLINE_VALUES); a class whose
        // __slots__ include '__dict__' keeps a managed dict, created at the first store (no values here).
        bool noValues = l.InstanceDicts == InstanceDictLayout.InlineValues && ti.SlotNames.Count > 0;
        if (ti.HasInstanceDict && Modern(heap) && !noValues && ti.CachedKeys is { } keys)
        {
            bool inline = l.InstanceDicts == InstanceDictLayout.InlineValues;
            // 3.11/3.12 init_inline_values takes one usable entry, then sizes. 3.13 sizes the object
            // block first (_PyInlineValuesSize at allocation), then _PyObject_InitInlineValues takes the
            // entry and sets values->capacity: the inline array has one slot more than its capacity.
            if (!inline && keys.Usable > 1) keys.Usable--;
            int blockCapacity = keys.NEntries + keys.Usable;
            if (inline && keys.Usable > 1) keys.Usable--;
            int capacity = keys.NEntries + keys.Usable;
            data.Values = data.NewValues(capacity);
            data.ValuesCapacity = capacity;
            data.Order = data.NewOrder();
            if (inline)
            {
                inlineCapacity = ((blockCapacity + 7) & ~7) + 8 * (blockCapacity + 1);
            }
            else
            {
                data.ValuesBytes = SplitDicts.ValuesBytes(heap, capacity);
            }
        }
        int o = heap.Allocate(cls, TypeKind.Instance, bytes + inlineCapacity, isGc: true);
        if (data.ValuesBytes > 0) data.ValuesAddress = heap.Memory.Malloc(data.ValuesBytes);
        heap.T.SetPayload(o, data);
        if (ti.IsHeapType) heap.IncRef(cls);
        heap.Gc.Track(o);
        return o;
    }

    public static InstanceData Data(PyHeap heap, int o) => (InstanceData)heap.T.Payload(o)!;

    public static int ObjectSizeOf(PyHeap heap, int o) => heap.T.TypeInfoOf(o).BasicSize;

    /// <summary>Index of <c>__slots__</c> member <paramref name="name"/>, or -1.</summary>
    public static int SlotIndex(TypeInfo ti, string name)
    {
        for (int i = 0; i < ti.SlotNames.Count; i++)
        {
            if (ti.SlotNames[i] == name) return i;
        }
        return -1;
    }

    /// <summary>Borrowed value of instance attribute <paramref name="name"/> (a str object), or 0.</summary>
    public static int GetAttr(PyHeap heap, int o, int name)
    {
        TypeInfo ti = heap.T.TypeInfoOf(o);
        InstanceData data = Data(heap, o);
        if (ti.SlotNames.Count > 0)
        {
            int s = SlotIndex(ti, StrType.Value(heap, name));
            if (s >= 0) return data.Slots[s];
        }
        // _PyObject_TryGetInstanceAttribute: valid values first (3.13 keeps them valid under a dict).
        if (data.Values is not null && ti.CachedKeys is { } keys)
        {
            int ix = DictType.Lookup(heap, keys, name, ObjectModel.Hash(heap, name));
            return ix >= 0 && ix < data.Values.Length ? data.Values[ix] : 0;
        }
        if (data.Dict != 0) return DictType.GetItem(heap, data.Dict, name);
        return 0;
    }

    /// <summary>
    /// Stores <paramref name="value"/> (new reference) under <paramref name="name"/>. Returns false when
    /// the instance has neither a matching slot nor a <c>__dict__</c> (CPython's AttributeError).
    /// </summary>
    public static bool SetAttr(PyHeap heap, int o, int name, int value)
    {
        TypeInfo ti = heap.T.TypeInfoOf(o);
        InstanceData data = Data(heap, o);
        if (ti.SlotNames.Count > 0)
        {
            int s = SlotIndex(ti, StrType.Value(heap, name));
            if (s >= 0)
            {
                int old = data.Slots[s];
                data.Slots[s] = heap.NewRef(value);
                heap.XDecRef(old);
                return true;
            }
        }
        if (!ti.HasInstanceDict) return false;
        // _PyObject_StoreInstanceAttribute: while the values are valid (3.13: even under a materialized
        // dict) a key the shared keys can take goes straight into them; the dict is only told its new size,
        // it is not tracked for it (store_instance_attr_lock_held has no MAINTAIN_TRACKING).
        if (data.Values is not null && TryStoreInValues(heap, ti, data, name, value))
        {
            SyncEmbeddedDictSize(heap, data);
            return true;
        }
        int dict = EnsureDict(heap, o, ti, data);
        SetItemInInstanceDict(heap, ti, dict, name, value);
        return true;
    }

    /// <summary>3.11+ <c>_PyObject_StoreInstanceAttribute</c> without a dict object.</summary>
    private static bool TryStoreInValues(PyHeap heap, TypeInfo ti, InstanceData data, int name, int value)
    {
        DictKeys? keys = ti.CachedKeys;
        if (keys is null || heap.T.Kind(name) != TypeKind.Str) return false;
        long hash = ObjectModel.Hash(heap, name);
        int ix = DictType.Lookup(heap, keys, name, hash);
        if (ix < 0)
        {
            if (keys.Usable <= 0 || keys.NEntries >= data.ValuesCapacity || keys.NEntries >= keys.EntryCapacity) return false;
            ix = keys.NEntries++;
            keys.Usable--;
            keys.Keys[ix] = heap.NewRef(name);
            keys.Hashes[ix] = hash;
            DictType.InsertIndex(keys, hash, ix);
        }
        if (ix >= data.ValuesCapacity) return false;
        int old = data.Values![ix];
        data.Values[ix] = heap.NewRef(value);
        if (old == 0) data.Order!.Add(ix);
        else heap.DecRef(old);
        return true;
    }

    /// <summary>Returns the instance's <c>__dict__</c> object (borrowed), creating it if needed.</summary>
    public static int GetDict(PyHeap heap, int o)
    {
        TypeInfo ti = heap.T.TypeInfoOf(o);
        if (!ti.HasInstanceDict) return 0;
        return EnsureDict(heap, o, ti, Data(heap, o));
    }

    private static int EnsureDict(PyHeap heap, int o, TypeInfo ti, InstanceData data)
    {
        if (data.Dict != 0) return data.Dict;
        int dict;
        if (data.Values is not null && ti.CachedKeys is { } keys)
        {
            // 3.11+ make_dict_from_instance_attributes: a split dict that takes over the values.
            dict = DictType.New(heap);
            DictData d = DictType.Data(heap, dict);
            keys.RefCount++;
            d.Keys = keys;
            d.SplitValues = data.Values;
            d.ValuesCapacity = data.ValuesCapacity;
            d.ValuesAddress = data.ValuesAddress;
            d.ValuesBytes = data.ValuesBytes;
            d.Order = data.Order;
            d.Used = data.Order!.Count;
            if (heap.Profile.Layout.InstanceDicts == InstanceDictLayout.InlineValues)
            {
                // 3.13 _PyObject_MaterializeManagedDict: the dict points at the inline values, which stay
                // the instance's (still valid; same array and order), until a resize or a detach.
                d.Embedded = true;
                d.EmbeddedOwner = o;
            }
            else
            {
                data.Values = null;
                data.Order = null;
                data.ValuesAddress = 0;
                data.ValuesBytes = 0;
            }
            foreach (int e in d.Order!)
            {
                int v = d.SplitValues[e];
                if (ObjectModel.MayBeTracked(heap, v)) heap.Gc.Track(dict);
            }
        }
        else if (!Modern(heap) && ti.CachedKeys is { } cached)
        {
            dict = SplitDicts.NewWithSharedKeys(heap, cached);
        }
        else if (ti.CachedKeys is { } shared)
        {
            // 3.13 managed dict without inline values: new_dict_with_shared_keys, sized
            // shared_keys_usable_size(keys) = entries + usable, without taking a usable entry.
            dict = DictType.New(heap);
            DictData d = DictType.Data(heap, dict);
            shared.RefCount++;
            d.Keys = shared;
            int capacity = shared.NEntries + shared.Usable;
            SplitDicts.AttachValues(heap, d, new int[Math.Max(capacity, shared.EntryCapacity)], capacity, separateBlock: true);
            d.Order = [];
        }
        else
        {
            dict = DictType.New(heap);
        }
        data.Dict = dict;
        return dict;
    }

    /// <summary>
    /// ≤3.10 <c>_PyObjectDict_SetItem</c>: after an insert that replaced the dict's keys, either re-share
    /// the new keys as the class's cached keys (nobody else used the old ones) or stop sharing.
    /// </summary>
    private static void SetItemInInstanceDict(PyHeap heap, TypeInfo ti, int dict, int name, int value)
    {
        DictKeys? cached = ti.CachedKeys;
        DictData d = DictType.Data(heap, dict);
        bool usedCached = cached is not null && d.Keys == cached && !Modern(heap);
        if (usedCached) cached!.RefCount++; // hold it across the insert, as CPython's local `cached` does
        DictType.SetItem(heap, dict, name, value);
        if (!usedCached) return;
        if (d.Keys != cached)
        {
            if (cached!.RefCount == 2 && MakeKeysShared(heap, d))
            {
                ti.CachedKeys = d.Keys;
                d.Keys!.RefCount++;
            }
            else
            {
                ti.CachedKeys = null;
            }
            // The class's reference and our temporary one.
            SplitDicts.DropSharedKeys(heap, cached);
            SplitDicts.DropSharedKeys(heap, cached);
            return;
        }
        SplitDicts.DropSharedKeys(heap, cached!);
    }

    /// <summary>≤3.10 <c>make_keys_shared</c>: turns a combined all-str dict back into a split one over its own keys.</summary>
    private static bool MakeKeysShared(PyHeap heap, DictData d)
    {
        DictKeys k = d.Keys!;
        for (int i = 0; i < k.NEntries; i++)
        {
            if (k.Keys[i] != 0 && heap.T.Kind(k.Keys[i]) != TypeKind.Str) return false;
        }
        if (k.NEntries != d.Used) DictType.Resize(heap, d, k.Log2Size, unicode: true);
        k = d.Keys!;
        int capacity = DictType.UsableFraction(k.Size);
        var values = new int[Math.Max(capacity, k.EntryCapacity)];
        Array.Copy(k.Values, values, k.NEntries);
        k.Values = [];
        k.Shared = true;
        SplitDicts.AttachValues(heap, d, values, capacity, separateBlock: true);
        return true;
    }

    /// <summary>Removes attribute <paramref name="name"/>; false when absent.</summary>
    public static bool DelAttr(PyHeap heap, int o, int name)
    {
        TypeInfo ti = heap.T.TypeInfoOf(o);
        InstanceData data = Data(heap, o);
        if (ti.SlotNames.Count > 0)
        {
            int s = SlotIndex(ti, StrType.Value(heap, name));
            if (s >= 0)
            {
                int old = data.Slots[s];
                if (old == 0) return false;
                data.Slots[s] = 0;
                heap.DecRef(old);
                return true;
            }
        }
        if (data.Values is not null && ti.CachedKeys is { } keys)
        {
            int ix = DictType.Lookup(heap, keys, name, ObjectModel.Hash(heap, name));
            if (ix < 0 || ix >= data.Values.Length || data.Values[ix] == 0) return false;
            int old = data.Values[ix];
            data.Values[ix] = 0;
            data.Order!.Remove(ix);
            SyncEmbeddedDictSize(heap, data);
            heap.DecRef(old);
            return true;
        }
        if (data.Dict != 0) return DictType.DelItem(heap, data.Dict, name);
        return false;
    }

    /// <summary>3.13 <c>store_instance_attr_lock_held</c>: a dict over the inline values follows their count (<c>ma_used</c>).</summary>
    private static void SyncEmbeddedDictSize(PyHeap heap, InstanceData data)
    {
        if (data.Dict != 0) DictType.Data(heap, data.Dict).Used = data.Order!.Count;
    }

    /// <summary>
    /// 3.13 <c>_PyDict_DetachFromObject</c> (from <c>PyObject_ClearManagedDict</c>, at <c>tp_clear</c> and
    /// dealloc): a dict over the instance's inline values takes a malloc'ed copy of them (<c>copy_values</c>
    /// moves the references, the order goes along) and the inline values become invalid.
    /// </summary>
    public static void DetachDict(PyHeap heap, InstanceData data) => DetachDict(heap, data, data.Dict);

    private static void DetachDict(PyHeap heap, InstanceData data, int dict)
    {
        if (dict == 0) return;
        DictData d = DictType.Data(heap, dict);
        if (!d.Embedded) return;
        int capacity = data.ValuesCapacity;
        var copy = new int[data.Values!.Length];
        Array.Copy(data.Values, copy, copy.Length);
        d.SplitValues = copy;
        d.Order = [.. data.Order!];
        d.Embedded = false;
        d.EmbeddedOwner = 0;
        SplitDicts.AttachValues(heap, d, copy, capacity, separateBlock: true);
        InvalidateValues(data);
    }

    /// <summary>
    /// <c>obj.__dict__ = <paramref name="newDict"/></c>, or <c>del obj.__dict__</c> when it is 0 (<c>subtype_setdict</c>).
    /// ≤3.12 replace the dict pointer (3.11/3.12 <c>_PyObject_GetDictPtr</c> first materializes a dict from the
    /// values, which the replacement then releases); 3.13 <c>_PyObject_SetManagedDict</c> clears valid inline
    /// values in entry order when no dict exists, else detaches the old dict before releasing it.
    /// Returns false when the instance has no <c>__dict__</c>.
    /// </summary>
    public static bool SetDict(PyHeap heap, int o, int newDict)
    {
        TypeInfo ti = heap.T.TypeInfoOf(o);
        if (!ti.HasInstanceDict) return false;
        InstanceData data = Data(heap, o);
        if (heap.Profile.Layout.InstanceDicts == InstanceDictLayout.InlineValues)
        {
            int old = data.Dict;
            data.Dict = newDict;
            heap.XIncRef(newDict);
            if (old != 0)
            {
                DetachDict(heap, data, old);
                heap.DecRef(old);
                return true;
            }
            // set_dict_inline_values
            if (data.Values is { } values)
            {
                InvalidateValues(data);
                for (int i = 0; i < values.Length; i++)
                {
                    int v = values[i];
                    values[i] = 0;
                    heap.XDecRef(v);
                }
            }
            return true;
        }
        int previous = data.Values is not null ? EnsureDict(heap, o, ti, data) : data.Dict;
        heap.XIncRef(newDict);
        data.Dict = newDict;
        heap.XDecRef(previous);
        return true;
    }

    /// <summary>3.13 <c>values->valid = 0</c>: the instance's attributes now live in its dict only.</summary>
    public static void InvalidateValues(InstanceData data)
    {
        data.Values = null;
        data.Order = null;
    }

    /// <summary>(name, value) attribute pairs in this instance's order (borrowed).</summary>
    public static List<(int Key, int Value)> Attributes(PyHeap heap, int o)
    {
        TypeInfo ti = heap.T.TypeInfoOf(o);
        InstanceData data = Data(heap, o);
        if (data.Dict != 0 && data.Values is null) return DictType.Entries(heap, data.Dict);
        var result = new List<(int, int)>();
        if (data.Values is not null && ti.CachedKeys is { } keys)
        {
            foreach (int e in data.Order!) result.Add((keys.Keys[e], data.Values[e]));
        }
        return result;
    }
}
