using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim;

/// <summary>Container operations. Stores take new references (like <c>PyList_Append</c>); the caller keeps its own.
/// Each validates every argument before the first change.</summary>
public sealed partial class PyHeap
{
    private int Expect(PyRef r, TypeKind kind, string what)
    {
        int o = Slot(r);
        if (T.Kind(o) != kind) Throw.Type($"expected {what}, got '{ObjectModel.TypeName(this, o)}' object");
        return o;
    }

    // ---- list ----

    /// <summary><c>len(list)</c>.</summary>
    public int ListLength(PyRef list) => ListType.Size(this, Expect(list, TypeKind.List, "list"));

    /// <summary>The list's capacity (<c>allocated</c>), which <c>getsizeof</c> follows.</summary>
    public int ListCapacity(PyRef list) => ListType.Allocated(this, Expect(list, TypeKind.List, "list"));

    /// <summary><c>list[index]</c> (borrowed handle; negative indexes count from the end).</summary>
    public PyRef ListGetItem(PyRef list, long index)
    {
        int o = Expect(list, TypeKind.List, "list");
        int n = ListType.Size(this, o);
        if (index < 0) index += n;
        if ((ulong)index >= (ulong)n) Throw.Index("list index out of range");
        return T.RefTo(ListType.Items(this, o)[(int)index]);
    }

    /// <summary><c>list.append(item)</c>. Amortised O(1); reallocates by the version's growth rule.</summary>
    public void ListAppend(PyRef list, PyRef item)
    {
        int o = Expect(list, TypeKind.List, "list");
        int i = Slot(item);
        ListType.Append(this, o, i);
    }

    /// <summary><c>list.insert(index, item)</c> (index clamped as in CPython).</summary>
    public void ListInsert(PyRef list, long index, PyRef item)
    {
        int o = Expect(list, TypeKind.List, "list");
        int i = Slot(item);
        ListType.Insert(this, o, index, i);
    }

    /// <summary><c>list.pop(index)</c>: returns the item (a reference the caller now owns).</summary>
    /// <exception cref="PyValueException">IndexError: empty list or index out of range; nothing changes.</exception>
    public PyRef ListPop(PyRef list, long index = -1)
    {
        int o = Expect(list, TypeKind.List, "list");
        return Owned(ListType.Pop(this, o, index));
    }

    /// <summary><c>list[index] = value</c>.</summary>
    public void ListSetItem(PyRef list, long index, PyRef value)
    {
        int o = Expect(list, TypeKind.List, "list");
        int v = Slot(value);
        int n = ListType.Size(this, o);
        if (index < 0) index += n;
        if ((ulong)index >= (ulong)n) Throw.Index("list assignment index out of range");
        ListType.SetItem(this, o, (int)index, v);
    }

    /// <summary><c>list.remove(value)</c> (by equality for value types, identity otherwise).</summary>
    public void ListRemove(PyRef list, PyRef value)
    {
        int o = Expect(list, TypeKind.List, "list");
        int v = Slot(value);
        Span<int> items = ListType.Items(this, o);
        for (int i = 0; i < items.Length; i++)
        {
            if (ObjectModel.EqualsForHash(this, items[i], v))
            {
                ListType.AssignSlice(this, o, i, i + 1, ReadOnlySpan<int>.Empty);
                return;
            }
        }
        Throw.Value("list.remove(x): x not in list");
    }

    /// <summary><c>list.clear()</c>: frees the item array; items released last to first.</summary>
    public void ListClear(PyRef list) => ListType.Clear(this, Expect(list, TypeKind.List, "list"));

    /// <summary><c>list.extend(other_list)</c> from a list or tuple (exact length known).</summary>
    public void ListExtend(PyRef list, PyRef source)
    {
        int o = Expect(list, TypeKind.List, "list");
        int s = Slot(source);
        int[] items = T.Kind(s) switch
        {
            TypeKind.List => ListType.Items(this, s).ToArray(),
            TypeKind.Tuple => TupleType.Items(this, s),
            _ => Throw.Type<int[]>($"ListExtend takes a list or tuple, not '{ObjectModel.TypeName(this, s)}'"),
        };
        ListType.Extend(this, o, items, ListType.ExtendSource.ListOrTuple, items.Length);
    }

    /// <summary><c>del list[low:high]</c>.</summary>
    public void ListDeleteSlice(PyRef list, int low, int high) =>
        ListType.AssignSlice(this, Expect(list, TypeKind.List, "list"), low, high, ReadOnlySpan<int>.Empty);

    /// <summary><c>list[low:high] = items</c>.</summary>
    public void ListAssignSlice(PyRef list, int low, int high, params PyRef[] items)
    {
        int o = Expect(list, TypeKind.List, "list");
        ListType.AssignSlice(this, o, low, high, Slots(items));
    }

    /// <summary><c>list(x)</c> for a source with a length (list, tuple, range …): preallocated exactly
    /// (rounded up to even from 3.10), holding new references to <paramref name="items"/>.</summary>
    public PyRef ListFromSized(params PyRef[] items) =>
        Owned(ListType.FromIterable(this, Slots(items), hasLen: true, ListType.ExtendSource.Iterable, items.Length));

    /// <summary><c>list(it)</c> for an iterator without <c>__len__</c> whose <c>__length_hint__</c> is
    /// <paramref name="lengthHint"/> (8 for generators, which have none).</summary>
    public PyRef ListFromIterator(PyRef[] items, int lengthHint = 8) =>
        Owned(ListType.FromIterable(this, Slots(items), hasLen: false, ListType.ExtendSource.Iterable, lengthHint));

    /// <summary><c>[item] * n</c>: a list of exactly n slots.</summary>
    public PyRef ListRepeat(PyRef item, int n)
    {
        int i = Slot(item);
        if (n < 0) n = 0;
        var items = new int[n];
        Array.Fill(items, i);
        return Owned(ListType.NewExact(this, items));
    }

    // ---- dict ----

    /// <summary><c>len(dict)</c>.</summary>
    public int DictLength(PyRef dict) => DictType.Count(this, Expect(dict, TypeKind.Dict, "dict"));

    /// <summary><c>dict[key] = value</c>. Keys must be hashable (int, str, float, bytes, tuple, frozenset, None, instances).</summary>
    public void DictSetItem(PyRef dict, PyRef key, PyRef value)
    {
        int d = Expect(dict, TypeKind.Dict, "dict");
        int k = Slot(key);
        int v = Slot(value);
        ObjectModel.Hash(this, k); // TypeError for unhashable keys, before any change
        DictType.SetItem(this, d, k, v);
    }

    /// <summary><c>dict.get(key)</c>: a borrowed handle, or <see cref="PyRef.Null"/> when absent.</summary>
    public PyRef DictGetItem(PyRef dict, PyRef key)
    {
        int d = Expect(dict, TypeKind.Dict, "dict");
        int k = Slot(key);
        ObjectModel.Hash(this, k);
        int v = DictType.GetItem(this, d, k);
        return v == 0 ? PyRef.Null : T.RefTo(v);
    }

    /// <summary><c>del dict[key]</c>: leaves a dummy entry (dicts never shrink on delete).</summary>
    /// <exception cref="PyValueException">KeyError when absent; nothing changes.</exception>
    public void DictDelItem(PyRef dict, PyRef key)
    {
        int d = Expect(dict, TypeKind.Dict, "dict");
        int k = Slot(key);
        ObjectModel.Hash(this, k);
        if (!DictType.DelItem(this, d, k)) Throw.Key("key not found");
    }

    /// <summary><c>dict.clear()</c>: back to the shared empty keys (64 bytes).</summary>
    public void DictClear(PyRef dict) => DictType.Clear(this, Expect(dict, TypeKind.Dict, "dict"));

    /// <summary><c>dict.copy()</c>.</summary>
    public PyRef DictCopy(PyRef dict) => Owned(DictType.Copy(this, Expect(dict, TypeKind.Dict, "dict")));

    // ---- set ----

    /// <summary><c>len(set)</c>.</summary>
    public int SetLength(PyRef set) => SetType.Count(this, ExpectSet(set));

    /// <summary><c>set.add(item)</c>.</summary>
    public void SetAdd(PyRef set, PyRef item)
    {
        int s = Expect(set, TypeKind.Set, "set");
        int i = Slot(item);
        ObjectModel.Hash(this, i);
        SetType.Add(this, s, i);
    }

    /// <summary><c>set.discard(item)</c>: true when it was present.</summary>
    public bool SetDiscard(PyRef set, PyRef item)
    {
        int s = Expect(set, TypeKind.Set, "set");
        int i = Slot(item);
        ObjectModel.Hash(this, i);
        return SetType.Discard(this, s, i);
    }

    /// <summary><c>item in set</c>.</summary>
    public bool SetContains(PyRef set, PyRef item)
    {
        int s = ExpectSet(set);
        int i = Slot(item);
        return SetType.Contains(this, s, i);
    }

    private int ExpectSet(PyRef r)
    {
        int o = Slot(r);
        if (T.Kind(o) is not (TypeKind.Set or TypeKind.FrozenSet)) Throw.Type($"expected set, got '{ObjectModel.TypeName(this, o)}' object");
        return o;
    }

    // ---- attributes ----

    /// <summary><c>obj.name = value</c> on an instance of a class.</summary>
    /// <exception cref="PyTypeException">AttributeError: no <c>__dict__</c> and no such slot.</exception>
    public void SetAttr(PyRef obj, string name, PyRef value)
    {
        int o = Expect(obj, TypeKind.Instance, "instance");
        int v = Slot(value);
        int n = InternStr(name);
        try
        {
            if (!InstanceType.SetAttr(this, o, n, v)) Throw.Type($"'{ObjectModel.TypeName(this, o)}' object has no attribute '{name}'");
        }
        finally
        {
            DecRef(n);
        }
    }

    /// <summary><c>obj.name</c> (borrowed handle), or Null when the instance has no such attribute.</summary>
    public PyRef GetAttr(PyRef obj, string name)
    {
        int o = Expect(obj, TypeKind.Instance, "instance");
        int n = InternStr(name);
        int v = InstanceType.GetAttr(this, o, n);
        DecRef(n);
        return v == 0 ? PyRef.Null : T.RefTo(v);
    }

    /// <summary><c>del obj.name</c>.</summary>
    public void DelAttr(PyRef obj, string name)
    {
        int o = Expect(obj, TypeKind.Instance, "instance");
        int n = InternStr(name);
        bool ok = InstanceType.DelAttr(this, o, n);
        DecRef(n);
        if (!ok) Throw.Type($"'{ObjectModel.TypeName(this, o)}' object has no attribute '{name}'");
    }

    /// <summary><c>obj.__dict__ = dict</c>, or <c>del obj.__dict__</c> when <paramref name="dict"/> is Null
    /// (<c>subtype_setdict</c>; 3.13 <c>_PyObject_SetManagedDict</c>).</summary>
    /// <exception cref="PyTypeException">The instance has no <c>__dict__</c>, or <paramref name="dict"/> is not a dict.</exception>
    public void SetInstanceDict(PyRef obj, PyRef dict)
    {
        int o = Expect(obj, TypeKind.Instance, "instance");
        int d = dict.IsNull ? 0 : Slot(dict);
        if (d != 0 && T.Kind(d) != TypeKind.Dict) Throw.Type($"__dict__ must be set to a dictionary, not a '{ObjectModel.TypeName(this, d)}'");
        if (!InstanceType.SetDict(this, o, d)) Throw.Type($"'{ObjectModel.TypeName(this, o)}' object has no attribute '__dict__'");
    }

    /// <summary><c>obj.__dict__</c> (borrowed), materialising it as CPython does (3.11+ creates the dict object on demand).</summary>
    public PyRef GetInstanceDict(PyRef obj)
    {
        int o = Expect(obj, TypeKind.Instance, "instance");
        int d = InstanceType.GetDict(this, o);
        if (d == 0) Throw.Type($"'{ObjectModel.TypeName(this, o)}' object has no attribute '__dict__'");
        return T.RefTo(d);
    }
}
