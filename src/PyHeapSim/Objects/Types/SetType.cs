using PyHeapSim.Objects.Stores;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// <c>set</c> and <c>frozenset</c> (<c>Objects/setobject.c</c>): a 200-byte object with an inline
/// 8-entry table; bigger tables are separate blocks of 16 bytes per entry. Probing, resizing and
/// table order follow CPython, so iteration order does too. Always tracked.
/// </summary>
internal static class SetType
{
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;

    public static int New(PyHeap heap, bool frozen)
    {
        int type = frozen ? heap.Types.FrozenSet : heap.Types.Set;
        int bytes = heap.Profile.Layout.GcHeaderSize + heap.Profile.Layout.SetBasicSize;
        int o = heap.Allocate(type, frozen ? TypeKind.FrozenSet : TypeKind.Set, bytes, isGc: true);
        heap.T.SetPayload(o, new SetData());
        heap.Gc.Track(o);
        return o;
    }

    public static SetData Data(PyHeap heap, int o) => (SetData)heap.T.Payload(o)!;

    public static int Count(PyHeap heap, int o) => Data(heap, o).Used;

    public static int ObjectSizeOf(PyHeap heap, int o)
    {
        SetData s = Data(heap, o);
        int size = heap.Profile.Layout.SetBasicSize;
        if (s.Keys.Length > SetData.MinSize) size += 16 * s.Keys.Length;
        return size;
    }

    /// <summary>Members in table order (borrowed).</summary>
    public static List<int> Members(PyHeap heap, int o)
    {
        SetData s = Data(heap, o);
        var result = new List<int>(s.Used);
        foreach (int k in s.Keys)
        {
            if (k > 0) result.Add(k);
        }
        return result;
    }

    /// <summary>True when <paramref name="key"/> is a member.</summary>
    public static bool Contains(PyHeap heap, int o, int key) => Find(heap, Data(heap, o), key, ObjectModel.Hash(heap, key)) >= 0;

    private static int Find(PyHeap heap, SetData s, int key, long hash)
    {
        int mask = s.Mask;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            while (true)
            {
                int k = s.Keys[j];
                if (k == 0) return -1;
                if (k > 0 && (k == key || (s.Hashes[j] == hash && ObjectModel.EqualsForHash(heap, k, key)))) return j;
                if (probes-- == 0) break;
                j++;
            }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    /// <summary><c>set_add_entry</c>: adds a new reference to <paramref name="key"/>; resizes when fill × 5 ≥ mask × 3.</summary>
    public static void Add(PyHeap heap, int o, int key)
    {
        SetData s = Data(heap, o);
        long hash = ObjectModel.Hash(heap, key);
        int mask = s.Mask;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        int freeSlot = -1;
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            while (true)
            {
                int k = s.Keys[j];
                if (k == 0)
                {
                    if (freeSlot >= 0)
                    {
                        s.Keys[freeSlot] = heap.NewRef(key);
                        s.Hashes[freeSlot] = hash;
                        s.Used++;
                        return;
                    }
                    s.Keys[j] = heap.NewRef(key);
                    s.Hashes[j] = hash;
                    s.Fill++;
                    s.Used++;
                    if ((long)s.Fill * 5 >= (long)mask * 3)
                    {
                        int limit = heap.Profile.Growth.SetFastGrowthLimit;
                        Resize(heap, o, s.Used > limit ? s.Used * 2 : s.Used * 4);
                    }
                    return;
                }
                if (k > 0 && (k == key || (s.Hashes[j] == hash && ObjectModel.EqualsForHash(heap, k, key)))) return;
                if (k == SetData.Dummy && freeSlot < 0) freeSlot = j;
                if (probes-- == 0) break;
                j++;
            }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    /// <summary><c>set_table_resize</c>: the smallest power of two strictly greater than <paramref name="minUsed"/>, from 8.</summary>
    public static void Resize(PyHeap heap, int o, int minUsed)
    {
        SetData s = Data(heap, o);
        int newSize = SetData.MinSize;
        while (newSize <= minUsed) newSize <<= 1;
        int[] oldKeys = s.Keys;
        long[] oldHashes = s.Hashes;
        long oldAddress = s.TableAddress;
        int oldBytes = oldKeys.Length > SetData.MinSize ? 16 * oldKeys.Length : 0;
        s.Keys = new int[newSize];
        s.Hashes = new long[newSize];
        s.TableAddress = newSize > SetData.MinSize ? heap.Memory.Malloc(16L * newSize) : 0;
        s.Fill = s.Used;
        for (int j = 0; j < oldKeys.Length; j++)
        {
            if (oldKeys[j] > 0) InsertClean(s, oldKeys[j], oldHashes[j]);
        }
        if (oldAddress != 0) heap.Memory.Free(oldAddress, oldBytes);
    }

    private static void InsertClean(SetData s, int key, long hash)
    {
        int mask = s.Mask;
        ulong perturb = (ulong)hash;
        int i = (int)(hash & mask);
        while (true)
        {
            if (s.Keys[i] == 0) break;
            bool found = false;
            if (i + LinearProbes <= mask)
            {
                for (int j = 1; j <= LinearProbes; j++)
                {
                    if (s.Keys[i + j] == 0)
                    {
                        i += j;
                        found = true;
                        break;
                    }
                }
            }
            if (found) break;
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
        s.Keys[i] = key;
        s.Hashes[i] = hash;
    }

    /// <summary><c>set_discard_entry</c>: leaves a dummy, never shrinks. Returns false when absent.</summary>
    public static bool Discard(PyHeap heap, int o, int key)
    {
        SetData s = Data(heap, o);
        int j = Find(heap, s, key, ObjectModel.Hash(heap, key));
        if (j < 0) return false;
        int old = s.Keys[j];
        s.Keys[j] = SetData.Dummy;
        s.Hashes[j] = -1;
        s.Used--;
        heap.DecRef(old);
        return true;
    }

    /// <summary><c>set.pop</c>: the first active entry from the finger on; returns an owned reference, 0 when empty.</summary>
    public static int Pop(PyHeap heap, int o)
    {
        SetData s = Data(heap, o);
        if (s.Used == 0) return 0;
        int i = s.Finger & s.Mask;
        while (s.Keys[i] <= 0) i = (i + 1) & s.Mask;
        int key = s.Keys[i];
        s.Keys[i] = SetData.Dummy;
        s.Hashes[i] = -1;
        s.Used--;
        s.Finger = i + 1;
        return key;
    }

    /// <summary><c>set_clear_internal</c>: back to the small table; members released in old table order.</summary>
    public static void Clear(PyHeap heap, int o)
    {
        SetData s = Data(heap, o);
        int[] oldKeys = s.Keys;
        long oldAddress = s.TableAddress;
        int oldBytes = oldKeys.Length > SetData.MinSize ? 16 * oldKeys.Length : 0;
        heap.T.SetPayload(o, new SetData());
        if (oldAddress != 0) heap.Memory.Free(oldAddress, oldBytes);
        foreach (int k in oldKeys)
        {
            if (k > 0) heap.DecRef(k);
        }
    }

    /// <summary>
    /// <c>set_merge</c> from another set: one up-front resize when (fill + other.used) × 5 ≥ mask × 3,
    /// to (used + other.used) × 2; an empty target with the same table size copies the table verbatim.
    /// </summary>
    public static void MergeSet(PyHeap heap, int o, int other)
    {
        SetData s = Data(heap, o);
        SetData src = Data(heap, other);
        if (src.Used == 0) return;
        if ((long)(s.Fill + src.Used) * 5 >= (long)s.Mask * 3) Resize(heap, o, (s.Used + src.Used) * 2);
        s = Data(heap, o);
        if (s.Fill == 0 && s.Mask == src.Mask && src.Fill == src.Used)
        {
            for (int j = 0; j < src.Keys.Length; j++)
            {
                if (src.Keys[j] > 0)
                {
                    s.Keys[j] = heap.NewRef(src.Keys[j]);
                    s.Hashes[j] = src.Hashes[j];
                }
            }
            s.Fill = src.Used;
            s.Used = src.Used;
            return;
        }
        foreach (int k in Members(heap, other)) Add(heap, o, k);
    }

    /// <summary><c>set_update_internal</c> from a dict's keys: presize like <see cref="MergeSet"/>, then add.</summary>
    public static void MergeKeys(PyHeap heap, int o, ReadOnlySpan<int> keys)
    {
        SetData s = Data(heap, o);
        if ((long)(s.Fill + keys.Length) * 5 >= (long)s.Mask * 3) Resize(heap, o, (s.Used + keys.Length) * 2);
        foreach (int k in keys) Add(heap, o, k);
    }

    /// <summary>
    /// <c>set_update_internal</c> (<c>set(x)</c>, <c>frozenset(x)</c>, <c>s.update(x)</c>, <c>s.copy()</c>):
    /// a set or frozenset is merged with one presizing resize (<see cref="MergeSet"/>); a dict's keys are
    /// added after the same kind of resize (<see cref="MergeKeys"/>); anything else — list, tuple,
    /// range, generator — is added item by item with ordinary <c>set_add</c> growth (no length hint).
    /// </summary>
    public static void Update(PyHeap heap, int o, int iterable)
    {
        switch (heap.T.Kind(iterable))
        {
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                if (iterable != o) MergeSet(heap, o, iterable);
                break;
            case TypeKind.Dict:
            {
                List<(int Key, int Value)> entries = DictType.Entries(heap, iterable);
                var keys = new int[entries.Count];
                for (int i = 0; i < keys.Length; i++) keys[i] = entries[i].Key;
                MergeKeys(heap, o, keys);
                break;
            }
            case TypeKind.List:
                foreach (int x in ListType.Items(heap, iterable).ToArray()) Add(heap, o, x);
                break;
            case TypeKind.Tuple:
                foreach (int x in TupleType.Items(heap, iterable)) Add(heap, o, x);
                break;
            default:
                Throw.Type($"pyheapsim: set update from '{ObjectModel.TypeName(heap, iterable)}' is not modelled; pass the items");
                break;
        }
    }

    /// <summary><c>make_new_set</c> + <see cref="Update"/>: <c>set(x)</c> / <c>frozenset(x)</c>. <c>frozenset(fs)</c>
    /// of an exact frozenset returns <c>fs</c> itself (a new reference).</summary>
    public static int NewFrom(PyHeap heap, int iterable, bool frozen)
    {
        if (frozen && heap.T.Kind(iterable) == TypeKind.FrozenSet) return heap.NewRef(iterable);
        int o = New(heap, frozen);
        Update(heap, o, iterable);
        return o;
    }

    /// <summary><c>set(items)</c> / <c>frozenset(items)</c> for an iterable that is not a set or dict: each
    /// item added in order.</summary>
    public static int NewFromItems(PyHeap heap, ReadOnlySpan<int> items, bool frozen)
    {
        int o = New(heap, frozen);
        foreach (int x in items) Add(heap, o, x);
        return o;
    }

    /// <summary>
    /// A set display <c>{a, b, …}</c> built as the version's compiler builds it (cpython-facts §3.7): 3.9+
    /// turn ≥ 3 constants into <c>BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE</c>, a <c>set_merge</c> of the
    /// constant (<c>{1, 2, 3, 4, 5}</c>: 472 bytes, against 728 in 3.8); the frozenset constant is built and
    /// released around the merge. Otherwise <c>BUILD_SET n</c> (3.10+: <c>BUILD_SET 0</c> + <c>SET_ADD</c> past
    /// <c>STACK_USE_GUIDELINE</c> items), which adds the items in order.
    /// </summary>
    public static int NewDisplay(PyHeap heap, ReadOnlySpan<int> items, bool allConstant)
    {
        if (allConstant && items.Length >= 3 && heap.Profile.Compiler.ConstantSetDisplayUpdates)
        {
            int constant = NewFromItems(heap, items, frozen: true);
            int o = New(heap, frozen: false);
            MergeSet(heap, o, constant);
            heap.DecRef(constant);
            return o;
        }
        return NewFromItems(heap, items, frozen: false);
    }

    /// <summary><c>frozenset</c> hash (<c>frozenset_hash</c>, 3.8+ shuffle-bits algorithm).</summary>
    public static long Hash(PyHeap heap, int o)
    {
        SetData s = Data(heap, o);
        ulong hash = 0;
        foreach ((int k, long h) in s.Keys.Zip(s.Hashes))
        {
            if (k <= 0) continue;
            ulong x = (ulong)h;
            hash ^= ((x ^ 89869747UL) ^ (x << 16)) * 3644798167UL;
        }
        if ((s.Used & 1) != 0) hash ^= ((0UL ^ 89869747UL) ^ 0UL) * 3644798167UL;
        hash ^= ((ulong)s.Used + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        long r = (long)hash;
        return r == -1 ? 590923713 : r;
    }
}
