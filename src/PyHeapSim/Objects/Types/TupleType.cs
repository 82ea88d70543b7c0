namespace PyHeapSim.Objects.Types;

/// <summary>
/// <c>tuple</c> (<c>Objects/tupleobject.c</c>): 24 + 8n bytes plus the GC header; created tracked;
/// free lists per length; items released last to first.
/// </summary>
internal static class TupleType
{
    public static int BlockBytes(PyHeap heap, int n) =>
        heap.Profile.Layout.GcHeaderSize + heap.Profile.Layout.TupleBasicSize + 8 * n;

    /// <summary>A new tuple holding new references to <paramref name="items"/> (<c>PyTuple_Pack</c>).</summary>
    public static int New(PyHeap heap, ReadOnlySpan<int> items)
    {
        if (items.Length == 0) return heap.NewRef(heap.EmptyTupleObj);
        int o = heap.Allocate(heap.Types.Tuple, TypeKind.Tuple, BlockBytes(heap, items.Length), isGc: true,
            heap.FreeLists.Tuples(items.Length));
        int[] arr = heap.RentTupleItems(items.Length, out bool pooled);
        for (int i = 0; i < arr.Length; i++) heap.IncRef(arr[i] = items[i]); // a copy loop: Span.CopyTo calls memmove even for two items
        heap.T.SetPayload(o, arr);
        if (pooled) heap.T.Set(o, ObjectFlags.PooledPayload);
        heap.T.SetScalar(o, arr.Length);
        heap.Gc.Track(o);
        return o;
    }

    /// <summary>A new tuple that takes over (steals) the references in <paramref name="items"/>.</summary>
    public static int NewStealing(PyHeap heap, int[] items)
    {
        if (items.Length == 0) return heap.NewRef(heap.EmptyTupleObj);
        int o = heap.Allocate(heap.Types.Tuple, TypeKind.Tuple, BlockBytes(heap, items.Length), isGc: true,
            heap.FreeLists.Tuples(items.Length));
        heap.T.SetPayload(o, items);
        heap.T.SetScalar(o, items.Length);
        heap.Gc.Track(o);
        return o;
    }

    /// <summary>
    /// <c>tuple(x)</c> (<c>PySequence_Tuple</c>): an exact tuple is returned itself (a new reference); a list
    /// becomes a tuple of exactly its length (<c>PyList_AsTuple</c>); a set, frozenset or dict gives its
    /// members in iteration order. The result is always exactly sized (24 + 8n bytes plus the GC header).
    /// </summary>
    public static int FromIterable(PyHeap heap, int iterable)
    {
        switch (heap.T.Kind(iterable))
        {
            case TypeKind.Tuple:
                return heap.NewRef(iterable);
            case TypeKind.List:
                return New(heap, ListType.Items(heap, iterable).ToArray());
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                return New(heap, SetType.Members(heap, iterable).ToArray());
            case TypeKind.Dict:
            {
                List<(int Key, int Value)> entries = DictType.Entries(heap, iterable);
                var keys = new int[entries.Count];
                for (int i = 0; i < keys.Length; i++) keys[i] = entries[i].Key;
                return New(heap, keys);
            }
            default:
                return Throw.Type<int>($"pyheapsim: tuple() of '{ObjectModel.TypeName(heap, iterable)}' is not modelled; pass the items to NewTuple");
        }
    }

    public static int[] Items(PyHeap heap, int o) => (int[])heap.T.Payload(o)!;

    public static int ObjectSizeOf(PyHeap heap, int o) =>
        heap.Profile.Layout.TupleBasicSize + 8 * Items(heap, o).Length;

    /// <summary><c>tuplehash</c> (3.8+, xxHash-based).</summary>
    public static long Hash(PyHeap heap, int o)
    {
        const ulong prime1 = 11400714785074694791UL;
        const ulong prime2 = 14029467366897019727UL;
        const ulong prime5 = 2870177450012600261UL;
        int[] items = Items(heap, o);
        ulong acc = prime5;
        foreach (int x in items)
        {
            ulong lane = (ulong)ObjectModel.Hash(heap, x);
            acc += lane * prime2;
            acc = (acc << 31) | (acc >> 33);
            acc *= prime1;
        }
        acc += (ulong)items.Length ^ (prime5 ^ 3527539UL);
        return acc == ulong.MaxValue ? 1546275796 : (long)acc;
    }

    /// <summary><c>_PyTuple_MaybeUntrack</c>: untrack when no item is (or may become) tracked.</summary>
    public static void MaybeUntrack(PyHeap heap, int o)
    {
        foreach (int x in Items(heap, o))
        {
            if (ObjectModel.MayBeTracked(heap, x)) return;
        }
        heap.Gc.Untrack(o);
    }
}
