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
    public static int HeaderBytes(PyHeap heap) => heap.Profile.Layout.GcHeaderSize + heap.Profile.Layout.ListBasicSize;

    /// <summary><c>PyList_New(0)</c>: an empty list with <c>ob_item == NULL</c>, tracked.</summary>
    public static int New(PyHeap heap)
    {
        int o = heap.Allocate(heap.Types.List, TypeKind.List, HeaderBytes(heap), isGc: true, heap.FreeLists.Lists);
        heap.Gc.Track(o);
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

    public static int Allocated(PyHeap heap, int o) => heap.T.Payload(o) is ListData d ? d.Items.Length : 0;

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
    private static ListData SetCapacity(PyHeap heap, int o, ListData? d, int capacity)
    {
        d ??= heap.RentListData();
        int size = Size(heap, o);
        int[] items = capacity == 0 ? [] : new int[capacity];
        Array.Copy(d.Items, items, Math.Min(Math.Min(size, capacity), d.Items.Length));
        d.Items = items;
        d.ItemsAddress = heap.Memory.Realloc(d.ItemsAddress, d.ItemsBytes, 8L * capacity);
        d.ItemsBytes = 8 * capacity;
        heap.T.SetPayload(o, d);
        return d;
    }

    /// <summary><c>list.append</c> (<c>app1</c>): takes a new reference to <paramref name="item"/>.</summary>
    public static void Append(PyHeap heap, int o, int item)
    {
        int n = Size(heap, o);
        Resize(heap, o, n + 1);
        ((ListData)heap.T.Payload(o)!).Items[n] = heap.NewRef(item);
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
        // Iterable: make room for the hint, append one by one, then trim (list_extend, generic path).
        int hint = lengthHint;
        if (itemsNull && g.ListExtendEmptyPreallocates)
        {
            if (hint > 0) PreallocateExact(heap, o, hint);
        }
        else if (hint > 0)
        {
            Resize(heap, o, m + hint);
            heap.T.SetScalar(o, m);
        }
        foreach (int x in copy)
        {
            int size = Size(heap, o);
            if (size < Allocated(heap, o))
            {
                ((ListData)heap.T.Payload(o)!).Items[size] = x;
                heap.T.SetScalar(o, size + 1);
            }
            else
            {
                AppendStealing(heap, o, x);
            }
        }
        int final = Size(heap, o);
        if (final < Allocated(heap, o)) Resize(heap, o, final);
    }

    /// <summary>
    /// <c>list(iterable)</c> (<c>list___init___impl</c>): preallocate exactly when the source has a
    /// length, then extend.
    /// </summary>
    public static int FromIterable(PyHeap heap, ReadOnlySpan<int> items, bool hasLen, ExtendSource source, int lengthHint)
    {
        int o = New(heap);
        if (hasLen && items.Length > 0) PreallocateExact(heap, o, items.Length);
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

    /// <summary>In-place reorder (sort / reverse) of the live items; no reallocation.</summary>
    public static void Reorder(PyHeap heap, int o, ReadOnlySpan<int> newOrder)
    {
        newOrder.CopyTo(Items(heap, o));
    }
}
