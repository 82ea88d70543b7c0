using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim;

/// <summary>
/// Building containers from other objects — <c>list(x)</c>, <c>dict(x)</c>, <c>set(x)</c>, copies, slices,
/// concatenation, displays — each with the capacity rule the version's CPython applies, so
/// <see cref="GetSizeOf"/> of the result is what <c>sys.getsizeof</c> prints (cpython-facts §2–§3).
/// Every method returns a reference the caller owns, takes new references to the items it stores, and
/// validates every handle before the first change. None of them is on the hot path: they may allocate
/// host memory proportional to the items.
/// </summary>
/// <remarks>
/// Iterables the heap does not hold as objects (<c>range(n)</c>, generators, <c>zip</c>, iterators) are
/// passed as their items plus, where CPython asks for one, the <c>PyObject_LengthHint</c> they report:
/// <c>len(x)</c> for sized objects (range, str, dict views), <c>__length_hint__</c> for iterators that have
/// one (<c>iter(range(n))</c>, <c>iter(list)</c>), and the default 8 for generators, <c>map</c> and <c>zip</c>.
/// </remarks>
public sealed partial class PyHeap
{
    // ---- list ----

    /// <summary>
    /// <c>list(x)</c> for a list, tuple, set, frozenset or dict held by the heap (a dict gives its keys):
    /// exactly <c>len(x)</c> slots, rounded up to even from 3.10 — except that 3.13 sizes a list built
    /// from a set or dict with <c>list_resize</c> (<c>list(set(range(5)))</c>: 96, 96, 104, 104, 104, 120 bytes).
    /// </summary>
    public PyRef ListFromIterable(PyRef iterable)
    {
        int s = Slot(iterable);
        (int[] items, ListType.ExtendSource source) = T.Kind(s) switch
        {
            TypeKind.List => (ListType.Items(this, s).ToArray(), ListType.ExtendSource.ListOrTuple),
            TypeKind.Tuple => (TupleType.Items(this, s), ListType.ExtendSource.ListOrTuple),
            TypeKind.Set or TypeKind.FrozenSet => (SetType.Members(this, s).ToArray(), ListType.ExtendSource.SetOrDict),
            TypeKind.Dict => (DictKeysOf(s), ListType.ExtendSource.SetOrDict),
            _ => Throw.Type<(int[], ListType.ExtendSource)>($"ListFromIterable takes a list, tuple, set, frozenset or dict, not '{ObjectModel.TypeName(this, s)}'; pass the items"),
        };
        return Owned(ListType.FromIterable(this, items, hasLen: true, source, items.Length));
    }

    private int[] DictKeysOf(int dict)
    {
        List<(int Key, int Value)> entries = DictType.Entries(this, dict);
        var keys = new int[entries.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = entries[i].Key;
        return keys;
    }

    /// <summary><c>lst.copy()</c> / <c>lst[:]</c>: a new list with exactly <c>len(lst)</c> slots.</summary>
    public PyRef ListCopy(PyRef list)
    {
        int o = Expect(list, TypeKind.List, "list");
        return Owned(ListType.Slice(this, o, 0, ListType.Size(this, o)));
    }

    /// <summary><c>lst[low:high]</c> (step 1; negative and out-of-range bounds clamped as in CPython after
    /// adding <c>len(lst)</c> to negative ones): a new list with exactly the slice's length in slots.</summary>
    public PyRef ListSlice(PyRef list, int low, int high)
    {
        int o = Expect(list, TypeKind.List, "list");
        int n = ListType.Size(this, o);
        if (low < 0) low += n;
        if (high < 0) high += n;
        return Owned(ListType.Slice(this, o, low, high));
    }

    /// <summary><c>left + right</c> for two lists: a new list with exactly <c>len(left) + len(right)</c> slots.</summary>
    public PyRef ListConcat(PyRef left, PyRef right)
    {
        int a = Expect(left, TypeKind.List, "list");
        int b = Expect(right, TypeKind.List, "list");
        return Owned(ListType.Concat(this, a, b));
    }

    /// <summary>
    /// <c>lst *= n</c> (<c>list_inplace_repeat</c>): <c>list_resize(len × n)</c> with the version's
    /// over-allocation, then the copies; <paramref name="n"/> ≤ 0 clears the list (frees the array).
    /// </summary>
    public void ListInplaceRepeat(PyRef list, int n) => ListType.InplaceRepeat(this, Expect(list, TypeKind.List, "list"), n);

    /// <summary>
    /// <c>lst.extend(it)</c> for an iterable that is not a list or tuple (range, generator, iterator …),
    /// given as its <paramref name="items"/>: room for <paramref name="lengthHint"/> more items first
    /// (3.10+: an exact, even-rounded preallocation when the list has no array yet), then appends, then
    /// <c>list_resize</c> down to the final size if the hint was too large.
    /// </summary>
    public void ListExtendFromIterable(PyRef list, PyRef[] items, int lengthHint = 8)
    {
        int o = Expect(list, TypeKind.List, "list");
        int[] slots = Slots(items);
        ListType.Extend(this, o, slots, ListType.ExtendSource.Iterable, Math.Max(lengthHint, 0));
    }

    /// <summary><c>lst.sort()</c>: stable; the capacity does not change.</summary>
    /// <exception cref="PyTypeException">Two items are not orderable (numbers, str, bytes and tuples of
    /// those are); the list is left unchanged.</exception>
    public void ListSort(PyRef list) => ListType.Sort(this, Expect(list, TypeKind.List, "list"));

    /// <summary>
    /// <c>sorted(x)</c> for a list or tuple <paramref name="listOrTuple"/>: an empty list extended by it
    /// (<c>PySequence_List</c>, so 3.8/3.9 over-allocate, 3.10+ preallocate exactly, rounded to even), then sorted.
    /// </summary>
    /// <exception cref="PyTypeException">Not a list or tuple, or items not orderable; nothing is created.</exception>
    public PyRef Sorted(PyRef listOrTuple)
    {
        int s = Slot(listOrTuple);
        int[] items = T.Kind(s) switch
        {
            TypeKind.List => ListType.Items(this, s).ToArray(),
            TypeKind.Tuple => TupleType.Items(this, s),
            _ => Throw.Type<int[]>($"Sorted(PyRef) takes a list or tuple, not '{ObjectModel.TypeName(this, s)}'; pass the items"),
        };
        return Owned(ListType.Sorted(this, items, ListType.ExtendSource.ListOrTuple, items.Length));
    }

    /// <summary>
    /// <c>sorted(it)</c> for any other iterable given as its <paramref name="items"/> and the length hint it
    /// reports (<c>sorted(range(10))</c>: 192 bytes in 3.8, 152 in 3.9, 136 from 3.10).
    /// </summary>
    public PyRef Sorted(PyRef[] items, int lengthHint = 8) =>
        Owned(ListType.Sorted(this, Slots(items), ListType.ExtendSource.Iterable, Math.Max(lengthHint, 0)));

    /// <summary>
    /// The list display <c>[a, b, …]</c> as this version compiles it. <paramref name="allConstant"/>: every
    /// element is a literal constant (<c>[1, 2, 3]</c>, not <c>[x, x, x]</c>). 3.9+ build ≥ 3 constants by
    /// extending an empty list from a constant tuple (<c>[1, 2, 3]</c>: 80 bytes in 3.8, 120 in 3.9, 88 from
    /// 3.10); 3.10+ append more than 30 non-constant elements one by one; otherwise exactly n slots.
    /// </summary>
    public PyRef NewListDisplay(bool allConstant, params PyRef[] items) =>
        Owned(ListType.NewDisplay(this, Slots(items), allConstant));

    // ---- dict ----

    /// <summary><c>dict()</c>: 3.8/3.9 <c>dict_new</c> allocates an 8-slot table at once (232 bytes); from 3.10
    /// the dict shares the empty keys (64 bytes) like <c>{}</c>.</summary>
    public PyRef CallDict() => Owned(DictType.NewFromConstructor(this));

    /// <summary><c>dict(mapping)</c> for a dict: <see cref="CallDict"/>, then <c>dict_merge</c> (see
    /// <see cref="DictUpdate"/>). Differs from <see cref="DictCopy"/> for an empty source on 3.8/3.9
    /// (232 against 64 bytes) and for sparse sources.</summary>
    public PyRef DictFromMapping(PyRef dict)
    {
        int s = Expect(dict, TypeKind.Dict, "dict");
        int o = DictType.NewFromConstructor(this);
        DictType.Merge(this, o, s);
        return Owned(o);
    }

    /// <summary>
    /// <c>target.update(other)</c> for a dict <paramref name="other"/> (<c>dict_merge</c>): 3.10+ clone a
    /// compact, freshly grown table into an empty target; otherwise one presizing resize when the target's
    /// table cannot take <c>len(other)</c> entries, then the inserts in <paramref name="other"/>'s order.
    /// </summary>
    public void DictUpdate(PyRef target, PyRef other)
    {
        int t = Expect(target, TypeKind.Dict, "dict");
        int s = Expect(other, TypeKind.Dict, "dict");
        DictType.Merge(this, t, s);
    }

    /// <summary><c>dict(pairs)</c> for an iterable of key/value pairs (<c>zip(ks, vs)</c>, a list of tuples):
    /// <see cref="CallDict"/>, then one insertion per pair.</summary>
    /// <exception cref="PyTypeException">A key is unhashable; nothing is created.</exception>
    public PyRef DictFromPairs(params (PyRef Key, PyRef Value)[] pairs)
    {
        (int[] keys, int[] values) = SlotPairs(pairs);
        return Owned(DictType.FromPairs(this, keys, values));
    }

    /// <summary>
    /// <c>dict.fromkeys(iterable, value)</c> for an object the heap holds: a dict, set or frozenset takes the
    /// presized fast path (one resize to fit <c>len(iterable)</c>, even when empty); a list or tuple is
    /// inserted key by key into <see cref="CallDict"/>'s dict. <paramref name="value"/> Null means None.
    /// </summary>
    public PyRef DictFromKeys(PyRef iterable, PyRef value = default)
    {
        int s = Slot(iterable);
        int v = value.IsNull ? NoneObj : Slot(value);
        switch (T.Kind(s))
        {
            case TypeKind.Dict:
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                return Owned(DictType.FromKeysOfDictOrSet(this, s, v));
            case TypeKind.List:
            {
                int[] keys = ListType.Items(this, s).ToArray();
                foreach (int k in keys) ObjectModel.Hash(this, k);
                return Owned(DictType.FromKeys(this, keys, v));
            }
            case TypeKind.Tuple:
            {
                int[] keys = TupleType.Items(this, s);
                foreach (int k in keys) ObjectModel.Hash(this, k);
                return Owned(DictType.FromKeys(this, keys, v));
            }
            default:
                return Throw.Type<PyRef>($"DictFromKeys(PyRef) takes a dict, set, frozenset, list or tuple, not '{ObjectModel.TypeName(this, s)}'; pass the keys");
        }
    }

    /// <summary><c>dict.fromkeys(it, value)</c> for any other iterable (<c>range(n)</c>, a generator, a str)
    /// given as its <paramref name="keys"/>: <see cref="CallDict"/>, then one insertion per key.</summary>
    public PyRef DictFromKeys(PyRef[] keys, PyRef value = default)
    {
        int[] k = Slots(keys);
        int v = value.IsNull ? NoneObj : Slot(value);
        foreach (int x in k) ObjectModel.Hash(this, x);
        return Owned(DictType.FromKeys(this, k, v));
    }

    /// <summary>
    /// The dict display <c>{k: v, …}</c> as this version compiles it: presized for the number of pairs
    /// (<c>BUILD_MAP n</c>; a plain empty dict up to 5 pairs), except that 3.10+ build more than 15 pairs
    /// by inserting into <c>{}</c> one at a time.
    /// </summary>
    public PyRef NewDictDisplay(params (PyRef Key, PyRef Value)[] pairs)
    {
        (int[] keys, int[] values) = SlotPairs(pairs);
        return Owned(DictType.NewDisplay(this, keys, values));
    }

    private (int[] Keys, int[] Values) SlotPairs((PyRef Key, PyRef Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var keys = new int[pairs.Length];
        var values = new int[pairs.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            keys[i] = Slot(pairs[i].Key);
            values[i] = Slot(pairs[i].Value);
        }
        foreach (int k in keys) ObjectModel.Hash(this, k);
        return (keys, values);
    }

    // ---- set ----

    /// <summary>
    /// <c>set(x)</c> for an object the heap holds: a set or frozenset is merged with one presizing resize
    /// (<c>set(set(range(5)))</c> is 472 bytes where the source is 728); a dict's keys likewise; a list or
    /// tuple is added item by item (no length hint: ordinary <c>add</c> growth).
    /// </summary>
    public PyRef SetFromIterable(PyRef iterable)
    {
        int s = ExpectSetSource(iterable);
        return Owned(SetType.NewFrom(this, s, frozen: false));
    }

    /// <summary><c>set(it)</c> for any other iterable (<c>range(n)</c>, a generator) given as its items:
    /// added one by one.</summary>
    public PyRef SetFromItems(params PyRef[] items)
    {
        int[] slots = Slots(items);
        foreach (int x in slots) ObjectModel.Hash(this, x);
        return Owned(SetType.NewFromItems(this, slots, frozen: false));
    }

    /// <summary><c>frozenset(x)</c>, with the rules of <see cref="SetFromIterable"/>; an exact frozenset is
    /// returned itself (a new reference to it).</summary>
    public PyRef FrozenSetFromIterable(PyRef iterable)
    {
        int s = ExpectSetSource(iterable);
        return Owned(SetType.NewFrom(this, s, frozen: true));
    }

    /// <summary><c>target.update(iterable)</c> for a set, frozenset, dict, list or tuple held by the heap.</summary>
    public void SetUpdate(PyRef target, PyRef iterable)
    {
        int t = Expect(target, TypeKind.Set, "set");
        int s = ExpectSetSource(iterable);
        SetType.Update(this, t, s);
    }

    /// <summary><c>s.copy()</c>: a set merged from <paramref name="set"/> (sized for its count, not its table);
    /// <c>fs.copy()</c> of a frozenset returns the frozenset itself.</summary>
    public PyRef SetCopy(PyRef set)
    {
        int s = ExpectSet(set);
        return Owned(SetType.NewFrom(this, s, frozen: T.Kind(s) == TypeKind.FrozenSet));
    }

    /// <summary>
    /// The set display <c>{a, b, …}</c> as this version compiles it. <paramref name="allConstant"/>: every
    /// element is a literal constant. 3.9+ merge ≥ 3 constants from a frozenset constant
    /// (<c>{1, 2, 3, 4, 5}</c>: 728 bytes in 3.8, 472 from 3.9); otherwise the items are added in order.
    /// </summary>
    public PyRef NewSetDisplay(bool allConstant, params PyRef[] items)
    {
        int[] slots = Slots(items);
        foreach (int x in slots) ObjectModel.Hash(this, x);
        return Owned(SetType.NewDisplay(this, slots, allConstant));
    }

    private int ExpectSetSource(PyRef iterable)
    {
        int s = Slot(iterable);
        if (T.Kind(s) is not (TypeKind.Set or TypeKind.FrozenSet or TypeKind.Dict or TypeKind.List or TypeKind.Tuple))
        {
            Throw.Type($"expected a set, frozenset, dict, list or tuple, got '{ObjectModel.TypeName(this, s)}'; pass the items");
        }
        if (T.Kind(s) == TypeKind.List)
        {
            foreach (int x in ListType.Items(this, s)) ObjectModel.Hash(this, x);
        }
        else if (T.Kind(s) == TypeKind.Tuple)
        {
            foreach (int x in TupleType.Items(this, s)) ObjectModel.Hash(this, x);
        }
        return s;
    }

    // ---- tuple ----

    /// <summary><c>tuple(x)</c> for a tuple (returned itself), list, set, frozenset or dict (its keys): an
    /// exactly sized tuple; <c>()</c> for an empty source.</summary>
    public PyRef TupleFromIterable(PyRef iterable) => Owned(TupleType.FromIterable(this, Slot(iterable)));
}
