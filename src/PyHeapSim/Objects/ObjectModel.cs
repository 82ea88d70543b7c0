using System.Runtime.CompilerServices;
using PyHeapSim.Memory;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Objects;

/// <summary>
/// Per-kind dispatch: <c>__sizeof__</c>, <c>tp_traverse</c>, release order on dealloc, buffers to
/// free, free lists, hashing and key equality. One switch per concern; the type files hold the rules.
/// </summary>
internal static class ObjectModel
{
    /// <summary>
    /// <c>sys.getsizeof</c> (<c>_PySys_GetSizeOf</c>, cpython-facts §1.4): <c>__sizeof__</c> plus the GC header
    /// when <c>_PyObject_IS_GC(o)</c> — decided by the type (<c>Py_TPFLAGS_HAVE_GC</c>), so the static empty
    /// tuple counts it too (40 bytes) — except for type objects, whose <c>tp_is_gc</c> says yes only for
    /// heap types; 3.11+ add the managed-dict pre-header of instances.
    /// </summary>
    public static long GetSizeOf(PyHeap heap, int o)
    {
        ObjectTable t = heap.T;
        long size = SizeOf(heap, o);
        bool isGc = t.Kind(o) == TypeKind.Type ? t.Has(o, ObjectFlags.GcType) : t.TypeInfoOf(o).IsGc;
        if (isGc)
        {
            size += heap.Profile.Layout.GcHeaderSize;
            if (t.Kind(o) == TypeKind.Instance) size += t.TypeInfoOf(o).PreHeaderSize;
        }
        return size;
    }

    /// <summary><c>type(o).__sizeof__(o)</c>.</summary>
    public static long SizeOf(PyHeap heap, int o)
    {
        ObjectTable t = heap.T;
        switch (t.Kind(o))
        {
            case TypeKind.None:
                return heap.Profile.Layout.ObjectHeaderSize;
            case TypeKind.Object:
                return heap.Profile.Layout.ObjectHeaderSize;
            case TypeKind.Bool:
                return IntType.SizeOf(heap, t.Scalar(o) == 0 ? 0 : 1);
            case TypeKind.Int:
                return IntType.ObjectSizeOf(heap, o);
            case TypeKind.Float:
                return heap.Profile.Layout.FloatSize;
            case TypeKind.Str:
                return StrType.ObjectSizeOf(heap, o);
            case TypeKind.Bytes:
                return BytesType.ObjectSizeOf(heap, o);
            case TypeKind.Tuple:
                return TupleType.ObjectSizeOf(heap, o);
            case TypeKind.List:
                return ListType.ObjectSizeOf(heap, o);
            case TypeKind.Dict:
                return DictType.ObjectSizeOf(heap, o);
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                return SetType.ObjectSizeOf(heap, o);
            case TypeKind.Instance:
                return InstanceType.ObjectSizeOf(heap, o);
            case TypeKind.Type:
                return ClassType.ObjectSizeOf(heap, o);
            case TypeKind.WeakRef:
                return heap.Profile.Layout.WeakRefBasicSize;
            case TypeKind.Generic:
                return GenericType.ObjectSizeOf(heap, o);
            default:
                return 0;
        }
    }

    /// <summary>
    /// <c>tp_traverse</c>: the references the collector follows, in CPython's order. Strings, ints and
    /// other atoms are visited too where CPython visits them (the collector ignores untracked referents).
    /// </summary>
    public static void Traverse<TVisitor>(PyHeap heap, int o, ref TVisitor v) where TVisitor : struct, IReferentVisitor
    {
        ObjectTable t = heap.T;
        switch (t.Kind(o))
        {
            case TypeKind.Tuple:
            {
                // tupletraverse: last item first.
                int[] items = (int[])t.Payload(o)!;
                for (int i = items.Length - 1; i >= 0; i--) if (items[i] != 0) v.Visit(items[i]);
                break;
            }
            case TypeKind.List:
            {
                // list_traverse: last item first (gc.get_referents([1, 'a']) == ['a', 1]).
                Span<int> items = ListType.Items(heap, o);
                for (int i = items.Length - 1; i >= 0; i--) if (items[i] != 0) v.Visit(items[i]);
                break;
            }
            case TypeKind.Dict:
                TraverseDict(DictType.Data(heap, o), ref v);
                break;
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                foreach (int k in SetType.Data(heap, o).Keys) if (k > 0) v.Visit(k);
                break;
            case TypeKind.Instance:
                TraverseInstance(heap, o, ref v);
                break;
            case TypeKind.Type:
            {
                TypeInfo ti = t.TypeInfoOfType(o);
                if (!ti.IsHeapType) break;
                // type_traverse: tp_dict, tp_cache, tp_mro, tp_bases, tp_base, ht_module
                if (ti.Dict != 0) v.Visit(ti.Dict);
                if (ti.Mro != 0) v.Visit(ti.Mro);
                if (ti.Bases != 0) v.Visit(ti.Bases);
                if (ti.Base != 0) v.Visit(ti.Base);
                break;
            }
            case TypeKind.WeakRef:
            {
                int cb = ((WeakRefData)t.Payload(o)!).Callback;
                if (cb != 0) v.Visit(cb);
                break;
            }
            case TypeKind.Generic:
            {
                foreach (int x in GenericType.Data(heap, o).Refs) if (x != 0) v.Visit(x);
                TypeInfo ti = t.TypeInfoOf(o);
                if (ti.IsHeapType) v.Visit(t.TypeOf(o));
                break;
            }
        }
    }

    /// <summary>
    /// <c>dict_traverse</c>: split tables visit their values by entry number; all-str combined tables
    /// (≤3.10 a <c>lookdict_unicode*</c> table, 3.11+ a unicode keys kind) visit values only; general
    /// tables visit each entry's value, then its key. Deleted entries are skipped.
    /// </summary>
    private static void TraverseDict<TVisitor>(DictData d, ref TVisitor v) where TVisitor : struct, IReferentVisitor
    {
        DictKeys? k = d.Keys;
        if (k is null) return;
        int n = k.NEntries;
        // 3.13: values embedded in an instance are that instance's to visit (PyObject_VisitManagedDict).
        if (d.Embedded) return;
        if (d.IsSplit)
        {
            int[] values = d.SplitValues!;
            int m = Math.Min(n, values.Length);
            for (int i = 0; i < m; i++) if (values[i] != 0) v.Visit(values[i]);
            return;
        }
        int[] vals = k.Values;
        if (k.Unicode)
        {
            for (int i = 0; i < n; i++) if (vals[i] != 0) v.Visit(vals[i]);
            return;
        }
        int[] keys = k.Keys;
        for (int i = 0; i < n; i++)
        {
            if (vals[i] == 0) continue;
            v.Visit(vals[i]);
            v.Visit(keys[i]);
        }
    }

    private static IEnumerable<int> SplitOrder(DictData d) =>
        d.Order ?? Enumerable.Range(0, Math.Min(d.Keys!.NEntries, d.SplitValues!.Length));

    private static void TraverseInstance<TVisitor>(PyHeap heap, int o, ref TVisitor v) where TVisitor : struct, IReferentVisitor
    {
        ObjectTable t = heap.T;
        InstanceData data = InstanceType.Data(heap, o);
        TypeInfo ti = t.TypeInfoOf(o);
        // subtype_traverse: slots, then (3.11+) the values by entry number of the class's shared keys
        // (_PyObject_VisitInstanceAttributes — not this instance's insertion order), then the dict,
        // then the type.
        int[] slots = data.Slots;
        if (ti.SlotVisitOrder is { } order)
        {
            foreach (int i in order) if (slots[i] != 0) v.Visit(slots[i]);
        }
        else
        {
            for (int i = 0; i < slots.Length; i++) if (slots[i] != 0) v.Visit(slots[i]);
        }
        // 3.13 PyObject_VisitManagedDict: while the inline values are valid they are visited and a dict
        // materialized over them is not (so such a dict is never garbage; cpython-facts §3.4).
        if (data.Values is { } values)
        {
            for (int i = 0; i < values.Length; i++) if (values[i] != 0) v.Visit(values[i]);
        }
        else if (data.Dict != 0)
        {
            v.Visit(data.Dict);
        }
        if (ti.IsHeapType) v.Visit(t.TypeOf(o));
    }

    /// <summary>
    /// Every reference <paramref name="o"/> owns (for <c>Verify</c>): the traversed ones plus keys of
    /// str-keyed dicts, keys of shared tables and a class's cached keys are counted by their holders.
    /// </summary>
    public static void OwnedRefs(PyHeap heap, int o, List<int> into)
    {
        ObjectTable t = heap.T;
        switch (t.Kind(o))
        {
            case TypeKind.Dict:
            {
                DictData d = DictType.Data(heap, o);
                if (d.Keys is null || d.Embedded) break; // embedded values are counted by their instance
                if (d.IsSplit)
                {
                    foreach (int e in SplitOrder(d)) if (d.SplitValues![e] != 0) into.Add(d.SplitValues[e]);
                    break;
                }
                for (int i = 0; i < d.Keys.NEntries; i++)
                {
                    if (d.Keys.Keys[i] == 0) continue;
                    into.Add(d.Keys.Keys[i]);
                    into.Add(d.Keys.Values[i]);
                }
                break;
            }
            case TypeKind.Instance:
            {
                var c = new Collect(into);
                Traverse(heap, o, ref c);
                InstanceData data = InstanceType.Data(heap, o);
                if (data.Values is not null && data.Dict != 0) into.Add(data.Dict); // 3.13: held, not visited
                break;
            }
            case TypeKind.Type:
            {
                TypeInfo ti = t.TypeInfoOfType(o);
                if (!ti.IsHeapType) break;
                if (ti.Dict != 0) into.Add(ti.Dict);
                if (ti.Mro != 0) into.Add(ti.Mro);
                if (ti.Bases != 0) into.Add(ti.Bases);
                if (ti.Base != 0) into.Add(ti.Base);
                break;
            }
            default:
            {
                var c = new Collect(into);
                Traverse(heap, o, ref c);
                break;
            }
        }
    }

    private readonly struct Collect(List<int> into) : IReferentVisitor
    {
        public void Visit(int referent) => into.Add(referent);
    }

    /// <summary>
    /// Queues <paramref name="o"/>'s references on the heap's release stack in reverse release order
    /// (so the first one CPython's deallocator drops is on top), and detaches them from the object.
    /// </summary>
    public static void QueueReleases(PyHeap heap, int o)
    {
        ObjectTable t = heap.T;
        switch (t.Kind(o))
        {
            case TypeKind.Tuple:
            {
                // tupledealloc: items from last to first.
                int[] items = (int[])t.Payload(o)!;
                for (int i = 0; i < items.Length; i++) if (items[i] != 0) heap.PushRelease(items[i]);
                break;
            }
            case TypeKind.List:
            {
                // list_dealloc: items from last to first.
                if (t.Payload(o) is ListData ld)
                {
                    int n = ListType.Size(heap, o);
                    for (int i = 0; i < n; i++) if (ld.Items[i] != 0) heap.PushRelease(ld.Items[i]);
                }
                break;
            }
            case TypeKind.Dict:
                QueueDict(heap, DictType.Data(heap, o));
                break;
            case TypeKind.Set:
            case TypeKind.FrozenSet:
            {
                // set_dealloc: entries in table order.
                int[] keys = SetType.Data(heap, o).Keys;
                for (int j = keys.Length - 1; j >= 0; j--) if (keys[j] > 0) heap.PushRelease(keys[j]);
                break;
            }
            case TypeKind.Instance:
            {
                // subtype_dealloc: clear slots, then the dict (or 3.11+ values, in entry order); the type after tp_free.
                InstanceData data = InstanceType.Data(heap, o);
                InstanceType.DetachDict(heap, data); // 3.13 PyObject_ClearManagedDict
                if (data.Dict != 0) heap.PushRelease(data.Dict);
                if (data.Values is not null)
                {
                    for (int e = data.Values.Length - 1; e >= 0; e--) if (data.Values[e] != 0) heap.PushRelease(data.Values[e]);
                }
                int[] slots = data.Slots;
                if (t.TypeInfoOf(o).SlotVisitOrder is { } order)
                {
                    for (int j = order.Length - 1; j >= 0; j--) if (slots[order[j]] != 0) heap.PushRelease(slots[order[j]]);
                }
                else
                {
                    for (int i = slots.Length - 1; i >= 0; i--) if (slots[i] != 0) heap.PushRelease(slots[i]);
                }
                break;
            }
            case TypeKind.Type:
            {
                TypeInfo ti = t.TypeInfoOfType(o);
                if (!ti.IsHeapType) break;
                // type_dealloc: tp_base, tp_dict, … then the cached keys.
                if (ti.CachedKeys is { } keys)
                {
                    ti.CachedKeys = null;
                    QueueSharedKeysDrop(heap, keys);
                }
                // Pushed in reverse: released as tp_base, tp_dict, tp_bases, tp_mro, then the metatype.
                heap.PushRelease(t.TypeOf(o));
                if (ti.HtSlots != 0) heap.PushRelease(ti.HtSlots);
                if (ti.Mro != 0) heap.PushRelease(ti.Mro);
                if (ti.Bases != 0) heap.PushRelease(ti.Bases);
                if (ti.Dict != 0) heap.PushRelease(ti.Dict);
                if (ti.Base != 0) heap.PushRelease(ti.Base);
                break;
            }
            case TypeKind.WeakRef:
            {
                WeakRefData w = (WeakRefData)t.Payload(o)!;
                if (w.Referent != 0) heap.RemoveWeakRef(w.Referent, o);
                w.Referent = 0;
                if (w.Callback != 0) heap.PushRelease(w.Callback);
                w.Callback = 0;
                break;
            }
            case TypeKind.Generic:
            {
                GenericData gd = GenericType.Data(heap, o);
                if (gd.Host is IHostReferences owner)
                {
                    gd.Host = null;
                    owner.Release(heap);
                }
                int[] refs = gd.Refs;
                for (int i = refs.Length - 1; i >= 0; i--) if (refs[i] != 0) heap.PushRelease(refs[i]);
                if (t.TypeInfoOf(o).IsHeapType) heap.PushRelease(t.TypeOf(o));
                break;
            }
        }
    }

    private static void QueueDict(PyHeap heap, DictData d)
    {
        if (d.Keys is null) return;
        DictKeys k = d.Keys;
        if (d.IsSplit)
        {
            // dict_dealloc (split): values in order, then the shared keys.
            int[] values = d.SplitValues!;
            QueueSharedKeysDrop(heap, k);
            for (int i = values.Length - 1; i >= 0; i--) if (values[i] != 0) heap.PushRelease(values[i]);
            return;
        }
        // free_keys_object: for each entry in order, key then value.
        for (int i = k.NEntries - 1; i >= 0; i--)
        {
            if (k.Values[i] != 0) heap.PushRelease(k.Values[i]);
            if (k.Keys[i] != 0) heap.PushRelease(k.Keys[i]);
        }
    }

    private static void QueueSharedKeysDrop(PyHeap heap, DictKeys k)
    {
        if (--k.RefCount > 0) return;
        for (int i = k.NEntries - 1; i >= 0; i--) if (k.Keys[i] != 0) heap.PushRelease(k.Keys[i]);
        DictType.FreeKeysBlock(heap, k);
    }

    /// <summary>
    /// Frees the blocks a dying object owns besides its own (item arrays, keys tables, values, set tables,
    /// buffers) and returns the free list its own block may be parked on, or null (one dispatch per
    /// dealloc: each type's <c>tp_dealloc</c> does both).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FreeLists.BlockStack? FreeBuffers(PyHeap heap, int o, TypeKind kind)
    {
        // An empty list that never had an item array is the commonest container to die (x = []): it is
        // settled here without the call and the full switch below.
        if (kind == TypeKind.List && heap.T.Payload(o) is null) return heap.FreeLists.Lists;
        return FreeSeparateBuffers(heap, o, kind);
    }

    private static FreeLists.BlockStack? FreeSeparateBuffers(PyHeap heap, int o, TypeKind kind)
    {
        ObjectTable t = heap.T;
        switch (kind)
        {
            case TypeKind.Float:
                return heap.FreeLists.Floats;
            case TypeKind.Tuple:
                // Nobody can see a dead tuple's items: its array goes back to the host pool.
                if (t.Has(o, ObjectFlags.PooledPayload)) heap.ReturnTupleItems((int[])t.Payload(o)!);
                return heap.FreeLists.Tuples((int)t.Scalar(o));
            case TypeKind.List:
                if (t.Payload(o) is ListData ld)
                {
                    heap.Memory.Free(ld.ItemsAddress, ld.ItemsBytes);
                    heap.ReturnListData(ld);
                    t.SetPayload(o, null);
                }
                return heap.FreeLists.Lists;
            case TypeKind.Dict:
            {
                DictData d = DictType.Data(heap, o);
                if (d.Keys is not null && !d.IsSplit) DictType.FreeKeysBlock(heap, d.Keys);
                if (d.IsSplit) SplitDicts.ReleaseValuesArray(heap, d);
                heap.ReturnDictData(d);
                t.SetPayload(o, null);
                return heap.FreeLists.Dicts;
            }
            case TypeKind.Set:
            case TypeKind.FrozenSet:
            {
                SetData s = SetType.Data(heap, o);
                if (s.TableAddress != 0) heap.Memory.Free(s.TableAddress, 16L * s.Keys.Length);
                break;
            }
            case TypeKind.Instance:
            {
                InstanceData data = InstanceType.Data(heap, o);
                if (data.ValuesAddress != 0) heap.Memory.Free(data.ValuesAddress, data.ValuesBytes);
                heap.ReturnInstanceData(data);
                t.SetPayload(o, null);
                break;
            }
            case TypeKind.Generic:
            {
                GenericData g = GenericType.Data(heap, o);
                if (g.ExtraAddress != 0) heap.Memory.Free(g.ExtraAddress, g.ExtraBytes);
                if (g.Host is IHostBuffers buffers) buffers.FreeBuffers(heap);
                return t.TypeInfoOf(o).FreeList;
            }
        }
        return null;
    }

    /// <summary><c>PyObject_Hash</c> for the hashable kinds; identity hash (<c>_Py_HashPointer</c>) otherwise.</summary>
    public static long Hash(PyHeap heap, int o)
    {
        ObjectTable t = heap.T;
        switch (t.Kind(o))
        {
            case TypeKind.Int:
                return t.Payload(o) is System.Numerics.BigInteger b ? IntType.Hash(b) : IntType.Hash(t.Scalar(o));
            case TypeKind.Bool:
                return t.Scalar(o);
            case TypeKind.Float:
                return FloatType.Hash(FloatType.Value(heap, o));
            case TypeKind.Str:
                return StrType.Hash(StrType.Value(heap, o));
            case TypeKind.Bytes:
                return BytesType.Hash(BytesType.Value(heap, o));
            case TypeKind.Tuple:
                return TupleType.Hash(heap, o);
            case TypeKind.FrozenSet:
                return SetType.Hash(heap, o);
            case TypeKind.List:
            case TypeKind.Dict:
            case TypeKind.Set:
                return Throw.Type<long>($"unhashable type: '{TypeName(heap, o)}'");
            case TypeKind.WeakRef:
            {
                // weakrefobject.c weakref_hash: the referent's hash, cached in wr->hash on first use so the
                // reference stays usable as a dict key after its referent dies; never hashed while alive, a
                // dead reference has no hash.
                WeakRefData w = (WeakRefData)t.Payload(o)!;
                if (w.Hash != -1) return w.Hash;
                if (w.Referent == 0) return Throw.Type<long>("weak object has gone away");
                w.Hash = Hash(heap, w.Referent);
                return w.Hash;
            }
            default:
            {
                // _Py_HashPointer: the address rotated right by 4 bits.
                ulong a = (ulong)t.Address(o);
                long h = (long)((a >> 4) | (a << 60));
                return h == -1 ? -2 : h;
            }
        }
    }

    /// <summary>Key equality for dict and set lookups (<c>PyObject_RichCompare(..., Py_EQ)</c>) over the value kinds.</summary>
    public static bool EqualsForHash(PyHeap heap, int a, int b)
    {
        if (a == b) return true;
        ObjectTable t = heap.T;
        TypeKind ka = t.Kind(a), kb = t.Kind(b);
        bool numA = ka is TypeKind.Int or TypeKind.Bool or TypeKind.Float;
        bool numB = kb is TypeKind.Int or TypeKind.Bool or TypeKind.Float;
        if (numA && numB)
        {
            if (ka == TypeKind.Float || kb == TypeKind.Float) return NumericValue(heap, a) == NumericValue(heap, b);
            return IntType.Value(heap, a) == IntType.Value(heap, b);
        }
        if (ka != kb) return false;
        switch (ka)
        {
            case TypeKind.Str:
                return StrType.Value(heap, a) == StrType.Value(heap, b);
            case TypeKind.Bytes:
                return BytesType.Value(heap, a).AsSpan().SequenceEqual(BytesType.Value(heap, b));
            case TypeKind.Tuple:
            {
                int[] x = TupleType.Items(heap, a), y = TupleType.Items(heap, b);
                if (x.Length != y.Length) return false;
                for (int i = 0; i < x.Length; i++) if (!EqualsForHash(heap, x[i], y[i])) return false;
                return true;
            }
            case TypeKind.FrozenSet:
            {
                if (SetType.Count(heap, a) != SetType.Count(heap, b)) return false;
                foreach (int k in SetType.Members(heap, a)) if (!SetType.Contains(heap, b, k)) return false;
                return true;
            }
            case TypeKind.WeakRef:
            {
                // weakrefobject.c weakref_richcompare: two live references compare their referents; once
                // either referent is dead, only identity (a != b here).
                int ra = ((WeakRefData)t.Payload(a)!).Referent, rb = ((WeakRefData)t.Payload(b)!).Referent;
                return ra != 0 && rb != 0 && EqualsForHash(heap, ra, rb);
            }
            default:
                return false;
        }
    }

    private static double NumericValue(PyHeap heap, int o) => heap.T.Kind(o) switch
    {
        TypeKind.Float => FloatType.Value(heap, o),
        _ => (double)IntType.Value(heap, o),
    };

    /// <summary><c>_PyObject_GC_MAY_BE_TRACKED</c>: a GC object that is tracked (tuples count only while tracked).</summary>
    public static bool MayBeTracked(PyHeap heap, int o)
    {
        ObjectTable t = heap.T;
        if (!t.Has(o, ObjectFlags.GcType)) return false;
        if (t.Kind(o) == TypeKind.Tuple) return t.IsTracked(o);
        return true;
    }

    /// <summary><c>type(o).__name__</c>.</summary>
    public static string TypeName(PyHeap heap, int o) => heap.T.TypeInfoOf(o).Name;
}
