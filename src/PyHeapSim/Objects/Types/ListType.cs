using System.Runtime.CompilerServices;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Profiles;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// <c>list</c> (<c>Objects/listobject.c</c>): a 40-byte header (free list of 80) plus a separately
/// allocated item array of <c>allocated</c> pointers, resized by <see cref="Resize"/> with each
/// version's over-allocation. Items are released last to first.
/// </summary>
internal static class ListType
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HeaderBytes(PyHeap heap) => heap.Profile.Layout.GcHeaderSize + heap.Profile.Layout.ListBasicSize;

    /// <summary><c>PyList_New(0)</c>: an empty list with <c>ob_item == NULL</c>, tracked.</summary>
    /// <remarks><paramref name="typeCall"/>: made by calling the type (<c>list(...)</c>): <c>tp_alloc</c> does not
    /// take from the free list (measured on every version, data/alloc-probes), though the dealloc feeds it.</remarks>
    public static int New(PyHeap heap, bool typeCall = false)
    {
        int o = heap.Allocate(heap.Types.List, TypeKind.List, HeaderBytes(heap), isGc: true, typeCall ? null : heap.FreeLists.Lists);
        heap.Gc.Track(o);
        return o;
    }

    /// <summary>
    /// <c>PyList_New(n)</c> that a C caller fills itself (str.split): an empty list whose item array already has
    /// <paramref name="capacity"/> slots, so the first <paramref name="capacity"/> appends do not resize.
    /// </summary>
    public static int NewPreallocated(PyHeap heap, int capacity)
    {
        int o = New(heap);
        if (capacity > 0) SetCapacity(heap, o, null, capacity);
        return o;
    }

    /// <summary><c>PyList_New(n)</c> filled with new references to <paramref name="items"/>: exactly n slots.</summary>
    public static int NewExact(PyHeap heap, ReadOnlySpan<int> items)
    {
        int o = heap.Allocate(heap.Types.List, TypeKind.List, HeaderBytes(heap), isGc: true, heap.FreeLists.Lists);
        if (items.Length > 0)
        {
            ListData d = SetCapacity(heap, o, null, items.Length);
            for (int i = 0; i < items.Length; i++)
            {
                heap.IncRef(items[i]);
                d.Items[i] = items[i];
            }
            heap.T.SetScalar(o, items.Length);
        }
        heap.Gc.Track(o);
        return o;
    }

    public static int Size(PyHeap heap, int o) => (int)heap.T.Scalar(o);

    public static int Allocated(PyHeap heap, int o) => heap.T.Payload(o) is ListData d ? d.Allocated : 0;

    /// <summary>The live items (a view of the first <see cref="Size"/> slots).</summary>
    public static Span<int> Items(PyHeap heap, int o) =>
        heap.T.Payload(o) is ListData d ? d.Items.AsSpan(0, Size(heap, o)) : Span<int>.Empty;

    public static int ObjectSizeOf(PyHeap heap, int o) => heap.Profile.Layout.ListBasicSize + 8 * Allocated(heap, o);

    /// <summary>
    /// <c>list_resize</c> (cpython-facts §2.1): keeps the array when it still fits and is at least half
    /// used; otherwise reallocates to the profile's over-allocated capacity. Sets the size.
    /// </summary>
    public static void Resize(PyHeap heap, int o, int newSize)
    {
        int allocated = Allocated(heap, o);
        int oldSize = Size(heap, o);
        if (allocated >= newSize && newSize >= (allocated >> 1))
        {
            heap.T.SetScalar(o, newSize);
            return;
        }
        int newAllocated = OverAllocate(heap.Profile.Growth.ListGrowth, oldSize, newSize);
        SetCapacity(heap, o, heap.T.Payload(o) as ListData, newAllocated);
        heap.T.SetScalar(o, newSize);
    }

    /// <summary>The capacity <c>list_resize</c> picks for <paramref name="newSize"/>.</summary>
    public static int OverAllocate(ListGrowth growth, int oldSize, int newSize)
    {
        if (newSize == 0) return 0;
        switch (growth)
        {
            case ListGrowth.Classic:
                // 3.8: newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6)
                return newSize + (newSize >> 3) + (newSize < 9 ? 3 : 6);
            default:
                // 3.9+: (newsize + (newsize >> 3) + 6) & ~3; a big jump (extend) gets no padding.
                int a = (newSize + (newSize >> 3) + 6) & ~3;
                if (newSize - oldSize > a - newSize) a = (newSize + 3) & ~3;
                return a;
        }
    }

    /// <summary><c>list_preallocate_exact</c>: n slots, rounded up to even from 3.10.</summary>
    public static void PreallocateExact(PyHeap heap, int o, int n)
    {
        if (heap.Profile.Growth.ListPreallocateRoundsToEven) n = (n + 1) & ~1;
        SetCapacity(heap, o, heap.T.Payload(o) as ListData, n);
    }

    /// <summary>Reallocates the item array to <paramref name="capacity"/> slots (<c>PyMem_Realloc</c>).</summary>
    /// <remarks>
    /// The simulated block is exactly <paramref name="capacity"/> pointers (<see cref="ListData.Allocated"/>);
    /// the host array behind it grows at least twofold. CPython grows by an eighth, and a host array
    /// that followed that step would be reallocated and copied about 9n ints in all while a list is
    /// built by appends (36 MB for the seed lesson's 10^6 items); doubling copies about 2n. Slots past
    /// the kept items read 0, as in a fresh array.
    /// </remarks>
    private static ListData SetCapacity(PyHeap heap, int o, ListData? d, int capacity)
    {
        d ??= heap.RentListData();
        int size = Size(heap, o);
        int keep = Math.Min(Math.Min(size, capacity), d.Allocated);
        int[] items = d.Items;
        if (capacity == 0)
        {
            items = [];
        }
        else if (capacity > items.Length || capacity < items.Length >> 2)
        {
            int host = capacity > items.Length && items.Length >= HostDoublingFrom ? Math.Max(capacity, 2 * items.Length) : capacity;
            // Uninitialised: only the simulated capacity is ever read, so only it is cleared; the doubled host
            // tail stays untouched (no page faults) until appends reach it.
            items = GC.AllocateUninitializedArray<int>(host);
            Array.Copy(d.Items, items, keep);
            Array.Clear(items, keep, capacity - keep);
        }
        else
        {
            // Slots past `capacity` are cleared when a later call takes them in.
            Array.Clear(items, keep, capacity - keep);
        }
        d.Items = items;
        d.Allocated = capacity;
        d.ItemsAddress = heap.Memory.Realloc(d.ItemsAddress, d.ItemsBytes, 8L * capacity);
        d.ItemsBytes = 8 * capacity;
        heap.T.SetPayload(o, d);
        return d;
    }

    /// <summary>Host arrays smaller than this follow the simulated capacity exactly (small lists stay small on the host).</summary>
    private const int HostDoublingFrom = 64;

    /// <summary><c>list.append</c> (<c>app1</c>): takes a new reference to <paramref name="item"/>.</summary>
    public static void Append(PyHeap heap, int o, int item)
    {
        int n = Size(heap, o);
        Resize(heap, o, n + 1);
        ((ListData)heap.T.Payload(o)!).Items[n] = heap.NewRef(item);
    }

    /// <summary>
    /// <c>PyList_SET_ITEM</c> into the next slot of a list made by <see cref="NewPreallocated"/>: a new reference
    /// in place, the size one larger, never a resize (C code filling a <c>PyList_New(n)</c> list and trimming its
    /// size afterwards, as <c>str.split</c> does).
    /// </summary>
    public static void StorePreallocated(PyHeap heap, int o, int item)
    {
        int n = Size(heap, o);
        var d = (ListData)heap.T.Payload(o)!;
        if (n >= d.Allocated) throw new InvalidOperationException("no preallocated slot left");
        d.Items[n] = heap.NewRef(item);
        heap.T.SetScalar(o, n + 1);
    }

    /// <summary>Appends, taking over the caller's reference.</summary>
    public static void AppendStealing(PyHeap heap, int o, int item)
    {
        int n = Size(heap, o);
        Resize(heap, o, n + 1);
        ((ListData)heap.T.Payload(o)!).Items[n] = item;
    }

    /// <summary><c>list.insert</c> (<c>ins1</c>), index clamped like CPython.</summary>
    public static void Insert(PyHeap heap, int o, long where, int item)
    {
        int n = Size(heap, o);
        if (where < 0)
        {
            where += n;
            if (where < 0) where = 0;
        }
        if (where > n) where = n;
        Resize(heap, o, n + 1);
        int[] items = ((ListData)heap.T.Payload(o)!).Items;
        Array.Copy(items, (int)where, items, (int)where + 1, n - (int)where);
        items[where] = heap.NewRef(item);
    }

    /// <summary><c>list.pop(i)</c>: returns the removed item's reference (owned by the caller).</summary>
    public static int Pop(PyHeap heap, int o, long index)
    {
        int n = Size(heap, o);
        if (n == 0) Throw.Index("pop from empty list");
        if (index < 0) index += n;
        if ((ulong)index >= (ulong)n) Throw.Index("pop index out of range");
        int[] items = ((ListData)heap.T.Payload(o)!).Items;
        int v = items[index];
        if (index == n - 1)
        {
            Resize(heap, o, n - 1);
            return v;
        }
        // list_ass_slice(self, index, index + 1, NULL): move the tail down, then shrink.
        Array.Copy(items, (int)index + 1, items, (int)index, n - (int)index - 1);
        Resize(heap, o, n - 1);
        return v;
    }

    /// <summary>Replaces item <paramref name="index"/> (already normalised) with a new reference to <paramref name="value"/>; the old one is released after.</summary>
    public static void SetItem(PyHeap heap, int o, int index, int value)
    {
        int[] items = ((ListData)heap.T.Payload(o)!).Items;
        int old = items[index];
        items[index] = heap.NewRef(value);
        heap.DecRef(old);
    }

    /// <summary><c>_list_clear</c> / <c>list.clear</c>: frees the array (ob_item NULL), releasing items last to first.</summary>
    public static void Clear(PyHeap heap, int o)
    {
        if (heap.T.Payload(o) is not ListData d) return;
        int n = Size(heap, o);
        int[] old = d.Items;
        heap.T.SetScalar(o, 0);
        heap.Memory.Free(d.ItemsAddress, d.ItemsBytes);
        heap.T.SetPayload(o, null);
        heap.ReturnListData(d);
        for (int i = n - 1; i >= 0; i--) heap.DecRef(old[i]);
    }

    /// <summary>
    /// <c>list_ass_slice</c> for a contiguous slice [<paramref name="low"/>, <paramref name="high"/>)
    /// replaced by new references to <paramref name="replacement"/>; removed items are released last,
    /// last to first, after the list is consistent.
    /// </summary>
    public static void AssignSlice(PyHeap heap, int o, int low, int high, ReadOnlySpan<int> replacement)
    {
        int n = Size(heap, o);
        low = Math.Clamp(low, 0, n);
        high = Math.Clamp(high, low, n);
        int removed = high - low;
        int d = replacement.Length - removed;
        int[] replacementCopy = replacement.ToArray();
        foreach (int x in replacementCopy) heap.IncRef(x);
        if (n + d == 0)
        {
            foreach (int x in replacementCopy) heap.DecRef(x);
            Clear(heap, o);
            return;
        }
        int[] recycle = removed == 0 ? [] : Items(heap, o).Slice(low, removed).ToArray();
        if (d < 0)
        {
            int[] items = ((ListData)heap.T.Payload(o)!).Items;
            Array.Copy(items, high, items, high + d, n - high);
            Resize(heap, o, n + d);
        }
        else if (d > 0)
        {
            Resize(heap, o, n + d);
            int[] items = ((ListData)heap.T.Payload(o)!).Items;
            Array.Copy(items, high, items, high + d, n - high);
        }
        if (replacementCopy.Length > 0)
        {
            int[] items = ((ListData)heap.T.Payload(o)!).Items;
            Array.Copy(replacementCopy, 0, items, low, replacementCopy.Length);
        }
        for (int k = recycle.Length - 1; k >= 0; k--) heap.DecRef(recycle[k]);
    }

    /// <summary>How the source of an <c>extend</c> reports its length (<c>list_extend</c>'s paths).</summary>
    public enum ExtendSource
    {
        /// <summary>A list or tuple: its exact size is used (<c>PySequence_Fast</c> path).</summary>
        ListOrTuple,
        /// <summary>Another iterable: <c>PyObject_LengthHint</c> gives the guess (8 when unknown).</summary>
        Iterable,
        /// <summary>A set, frozenset or dict: its length is the hint; 3.13 has dedicated paths that
        /// <c>list_resize(len + n)</c> (<see cref="Profiles.GrowthRules.ListExtendSetOrDictResizes"/>).</summary>
        SetOrDict,
    }

    /// <summary>
    /// <c>list.extend</c> with new references to <paramref name="items"/>. <paramref name="lengthHint"/>
    /// is the iterable's length hint (used only for <see cref="ExtendSource.Iterable"/>).
    /// </summary>
    public static void Extend(PyHeap heap, int o, ReadOnlySpan<int> items, ExtendSource source, int lengthHint)
    {
        GrowthRules g = heap.Profile.Growth;
        int m = Size(heap, o);
        bool itemsNull = heap.T.Payload(o) is not ListData ld || ld.ItemsAddress == 0;
        int[] copy = items.ToArray();
        foreach (int x in copy) heap.IncRef(x);
        if (source == ExtendSource.ListOrTuple)
        {
            int n = copy.Length;
            if (n == 0) return;
            if (itemsNull && g.ListExtendEmptyPreallocates)
            {
                PreallocateExact(heap, o, n);
                heap.T.SetScalar(o, n);
            }
            else
            {
                Resize(heap, o, m + n);
            }
            Array.Copy(copy, 0, ((ListData)heap.T.Payload(o)!).Items, m, n);
            return;
        }
        if (source == ExtendSource.SetOrDict && g.ListExtendSetOrDictResizes)
        {
            // 3.13 list_extend_set / list_extend_dict: list_resize(m + n), then fill.
            if (copy.Length == 0) return;
            Resize(heap, o, m + copy.Length);
            Array.Copy(copy, 0, ((ListData)heap.T.Payload(o)!).Items, m, copy.Length);
            return;
        }
        BeginExtendIterable(heap, o, lengthHint);
        foreach (int x in copy) AppendDuringExtend(heap, o, x);
        EndExtendIterable(heap, o);
    }

    /// <summary>
    /// <c>list_extend</c>'s generic path, first step (after <c>PyObject_GetIter</c>): make room for the iterable's
    /// length hint (<c>list_resize(m + n)</c>, or 3.10+ an exact preallocation of an empty list), size unchanged.
    /// Then <see cref="AppendDuringExtend"/> per item and <see cref="EndExtendIterable"/>; the caller keeps the
    /// iterator alive until the end, as CPython does.
    /// </summary>
    public static void BeginExtendIterable(PyHeap heap, int o, int lengthHint)
    {
        int m = Size(heap, o);
        bool itemsNull = heap.T.Payload(o) is not ListData ld || ld.ItemsAddress == 0;
        if (itemsNull && heap.Profile.Growth.ListExtendEmptyPreallocates)
        {
            if (lengthHint > 0) PreallocateExact(heap, o, lengthHint);
        }
        else if (lengthHint > 0)
        {
            Resize(heap, o, m + lengthHint);
            heap.T.SetScalar(o, m);
        }
    }

    /// <summary>Stores the next item (stolen reference) in the room made, or appends with growth.</summary>
    public static void AppendDuringExtend(PyHeap heap, int o, int item)
    {
        int size = Size(heap, o);
        if (size < Allocated(heap, o))
        {
            ((ListData)heap.T.Payload(o)!).Items[size] = item;
            heap.T.SetScalar(o, size + 1);
        }
        else
        {
            AppendStealing(heap, o, item);
        }
    }

    /// <summary>Cuts the list back when the hint was too large (<c>list_resize(Py_SIZE)</c>).</summary>
    public static void EndExtendIterable(PyHeap heap, int o)
    {
        int final = Size(heap, o);
        if (final < Allocated(heap, o)) Resize(heap, o, final);
    }

    /// <summary>
    /// <c>list(iterable)</c> (<c>list___init___impl</c>): up to 3.12, preallocate exactly when the source
    /// has a length; then extend. <paramref name="typeCall"/> false: <c>PySequence_List</c> (<c>sorted</c>,
    /// <c>set_repr</c>, <c>str.join</c>), whose <c>PyList_New(0)</c> takes a parked list.
    /// </summary>
    public static int FromIterable(PyHeap heap, ReadOnlySpan<int> items, bool hasLen, ExtendSource source, int lengthHint, bool typeCall = true)
    {
        int o = New(heap, typeCall);
        if (hasLen && items.Length > 0 && heap.Profile.Growth.ListInitPreallocatesFromLen) PreallocateExact(heap, o, items.Length);
        Extend(heap, o, items, source, lengthHint);
        return o;
    }

    /// <summary><c>lst *= n</c> (<c>list_inplace_repeat</c>): <c>list_resize(size × n)</c> then copies.</summary>
    public static void InplaceRepeat(PyHeap heap, int o, long n)
    {
        int size = Size(heap, o);
        if (size == 0 || n == 1) return;
        if (n < 1)
        {
            Clear(heap, o);
            return;
        }
        int[] current = Items(heap, o).ToArray();
        Resize(heap, o, checked((int)(size * n)));
        int[] items = ((ListData)heap.T.Payload(o)!).Items;
        for (int k = 1; k < n; k++)
        {
            for (int i = 0; i < size; i++)
            {
                items[k * size + i] = heap.NewRef(current[i]);
            }
        }
    }

    /// <summary>
    /// <c>list_slice</c> (<c>lst[low:high]</c>, <c>lst.copy()</c>): a new list of exactly the slice length
    /// (<c>PyList_New(n)</c> in 3.8, <c>list_new_prealloc(n)</c> from 3.9); bounds clamped like CPython.
    /// </summary>
    public static int Slice(PyHeap heap, int o, int low, int high)
    {
        int n = Size(heap, o);
        low = Math.Clamp(low, 0, n);
        high = Math.Clamp(high, low, n);
        return NewExact(heap, Items(heap, o).Slice(low, high - low).ToArray());
    }

    /// <summary><c>list_concat</c> (<c>a + b</c>): a new list of exactly <c>len(a) + len(b)</c> slots.</summary>
    public static int Concat(PyHeap heap, int a, int b)
    {
        int na = Size(heap, a);
        int nb = Size(heap, b);
        var items = new int[na + nb];
        Items(heap, a).CopyTo(items);
        Items(heap, b).CopyTo(items.AsSpan(na));
        return NewExact(heap, items);
    }

    /// <summary>
    /// <c>sorted(iterable)</c>: <c>PySequence_List</c> (an empty list extended by the iterable, so the
    /// extend rules decide the capacity: 3.8 <c>sorted(range(10))</c> holds 17 slots, 3.9 12, 3.10+ 10),
    /// then <c>list.sort</c>, which keeps <c>allocated</c>. Items are compared before anything is created.
    /// </summary>
    public static int Sorted(PyHeap heap, ReadOnlySpan<int> items, ExtendSource source, int lengthHint)
    {
        int[] order = SortedCopy(heap, items);
        int o = New(heap);
        Extend(heap, o, order, source, lengthHint);
        return o;
    }

    /// <summary><c>list.sort()</c>: stable, in place, no reallocation; throws (leaving the list as it was)
    /// when two items are not orderable.</summary>
    public static void Sort(PyHeap heap, int o)
    {
        int[] order = SortedCopy(heap, Items(heap, o));
        Reorder(heap, o, order);
    }

    /// <summary>A sorted copy (stable, like timsort: a bottom-up merge sort). Comparison errors propagate
    /// as they are, before anything is changed.</summary>
    private static int[] SortedCopy(PyHeap heap, ReadOnlySpan<int> items)
    {
        int[] a = items.ToArray();
        if (a.Length < 2) return a;
        var b = new int[a.Length];
        for (int width = 1; width < a.Length; width *= 2)
        {
            for (int lo = 0; lo < a.Length; lo += 2 * width)
            {
                int mid = Math.Min(lo + width, a.Length), hi = Math.Min(lo + 2 * width, a.Length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) b[k++] = CompareForSort(heap, a[j], a[i]) < 0 ? a[j++] : a[i++];
                while (i < mid) b[k++] = a[i++];
                while (j < hi) b[k++] = a[j++];
            }
            (a, b) = (b, a);
        }
        return a;
    }

    /// <summary>
    /// The order <c>list.sort</c> sees through <c>PyObject_RichCompare(a, b, Py_LT)</c>, for the orderable
    /// value kinds: numbers (int, bool, float), str (by code point), bytes, and tuples of those
    /// (lexicographic). Anything else is CPython's <c>TypeError: '&lt;' not supported</c>.
    /// </summary>
    public static int CompareForSort(PyHeap heap, int a, int b)
    {
        if (a == b) return 0;
        ObjectTable t = heap.T;
        TypeKind ka = t.Kind(a), kb = t.Kind(b);
        bool numA = ka is TypeKind.Int or TypeKind.Bool or TypeKind.Float;
        bool numB = kb is TypeKind.Int or TypeKind.Bool or TypeKind.Float;
        if (numA && numB)
        {
            if (ka != TypeKind.Float && kb != TypeKind.Float) return IntType.Value(heap, a).CompareTo(IntType.Value(heap, b));
            double x = ka == TypeKind.Float ? FloatType.Value(heap, a) : (double)IntType.Value(heap, a);
            double y = kb == TypeKind.Float ? FloatType.Value(heap, b) : (double)IntType.Value(heap, b);
            return x.CompareTo(y);
        }
        if (ka == kb)
        {
            switch (ka)
            {
                case TypeKind.Str:
                    return CompareCodePoints(StrType.Value(heap, a), StrType.Value(heap, b));
                case TypeKind.Bytes:
                    return BytesType.Value(heap, a).AsSpan().SequenceCompareTo(BytesType.Value(heap, b));
                case TypeKind.Tuple:
                {
                    int[] x = TupleType.Items(heap, a), y = TupleType.Items(heap, b);
                    for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
                    {
                        if (ObjectModel.EqualsForHash(heap, x[i], y[i])) continue;
                        return CompareForSort(heap, x[i], y[i]);
                    }
                    return x.Length.CompareTo(y.Length);
                }
            }
        }
        return Throw.Type<int>($"'<' not supported between instances of '{ObjectModel.TypeName(heap, a)}' and '{ObjectModel.TypeName(heap, b)}'");
    }

    private static int CompareCodePoints(string x, string y)
    {
        // Ordinal UTF-16 order differs from code-point order once surrogates meet U+E000..U+FFFF.
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            int cx = NextCodePoint(x, ref i);
            int cy = NextCodePoint(y, ref j);
            if (cx != cy) return cx.CompareTo(cy);
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }

    private static int NextCodePoint(string s, ref int i)
    {
        char c = s[i++];
        if (char.IsHighSurrogate(c) && i < s.Length && char.IsLowSurrogate(s[i])) return char.ConvertToUtf32(c, s[i++]);
        return c;
    }

    /// <summary>
    /// A list display <c>[a, b, …]</c> built as the version's compiler builds it (cpython-facts §2.4):
    /// 3.9+ turn ≥ 3 constants into <c>BUILD_LIST 0; LOAD_CONST tuple; LIST_EXTEND</c> (an extend from
    /// empty: <c>[1, 2, 3]</c> has 8 slots in 3.9, 4 from 3.10); 3.10+ build displays of more than
    /// <c>STACK_USE_GUIDELINE</c> items by appending; otherwise <c>BUILD_LIST n</c>, exactly n slots.
    /// </summary>
    public static int NewDisplay(PyHeap heap, ReadOnlySpan<int> items, bool allConstant)
    {
        Profiles.CompilerRules c = heap.Profile.Compiler;
        if (allConstant && items.Length >= 3 && c.ConstantListDisplayExtends)
        {
            int o = New(heap);
            Extend(heap, o, items, ExtendSource.ListOrTuple, items.Length);
            return o;
        }
        if (items.Length > c.StackUseGuideline)
        {
            int o = New(heap);
            foreach (int x in items) Append(heap, o, x);
            return o;
        }
        return NewExact(heap, items);
    }

    /// <summary>In-place reorder (sort / reverse) of the live items; no reallocation.</summary>
    public static void Reorder(PyHeap heap, int o, ReadOnlySpan<int> newOrder)
    {
        newOrder.CopyTo(Items(heap, o));
    }
}
