using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Builtins;

/// <summary><c>list</c> methods (<c>Objects/listobject.c</c>); <c>args[0]</c> is the list.</summary>
internal static class ListMethods
{
    public static BuiltinFunction? Find(string name) => name switch
    {
        "append" => Append,
        "extend" => Extend,
        "insert" => Insert,
        "pop" => Pop,
        "remove" => Remove,
        "clear" => Clear,
        "copy" => Copy,
        "index" => Index,
        "count" => Count,
        "reverse" => Reverse,
        "sort" => (i, a, k) =>
        {
            BuiltinsModule.Arity(i, "sort", a, 1, 1);
            Sort(i, a[0], k);
            return i.NewNone();
        },
        _ => null,
    };

    private static int Append(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length != 2) throw BuiltinsModule.ExactlyOne(interp, "list", "append", args.Length - 1);
        ListType.Append(interp.Heap, args[0], args[1]);
        return interp.NewNone();
    }

    private static int Extend(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length != 2) throw BuiltinsModule.ExactlyOne(interp, "list", "extend", args.Length - 1);
        ExtendFrom(interp, args[0], args[1]);
        return interp.NewNone();
    }

    /// <summary><c>list_extend</c>: lists and tuples by their exact size, other iterables by their length hint.</summary>
    public static void ExtendFrom(Interpreter interp, int list, int iterable)
    {
        TypeKind k = interp.Kind(iterable);
        if (k is TypeKind.List or TypeKind.Tuple)
        {
            int[] items = k == TypeKind.List ? ListType.Items(interp.Heap, iterable).ToArray() : TupleType.Items(interp.Heap, iterable);
            ListType.Extend(interp.Heap, list, items, ListType.ExtendSource.ListOrTuple, items.Length);
            return;
        }
        ExtendByIterator(interp, list, iterable);
    }

    /// <summary>
    /// <c>list_extend</c>, generic path: <c>PyObject_GetIter</c>, room for the length hint, the items appended as
    /// the iterator makes them, the list cut back, and only then the iterator released (so it is part of the peak).
    /// </summary>
    private static void ExtendByIterator(Interpreter interp, int list, int iterable)
    {
        if (interp.Profile.Growth.ListExtendSetOrDictResizes && ExtendFromSetOrDict(interp, list, iterable)) return;
        int it = interp.GetIter(iterable);
        try
        {
            (_, int hint) = interp.LengthHint(iterable, 8);
            ListType.BeginExtendIterable(interp.Heap, list, hint);
            while (true)
            {
                int x = interp.IterNext(it);
                if (x == 0) break;
                ListType.AppendDuringExtend(interp.Heap, list, x);
            }
            ListType.EndExtendIterable(interp.Heap, list);
        }
        finally
        {
            interp.DecRef(it);
        }
    }

    /// <summary>
    /// 3.13 <c>list_extend</c> (gh-116621): a set or frozenset (<c>list_extend_set</c>), a dict or its keys or
    /// values view (<c>list_extend_dict</c>) and its items view (<c>list_extend_dictitems</c>, a new pair tuple
    /// per entry) are copied without an iterator after one <c>list_resize(m + n)</c>, so
    /// <c>sorted({1, 2})</c> gets 8 slots. False for any other iterable (the generic path runs).
    /// </summary>
    private static bool ExtendFromSetOrDict(Interpreter interp, int list, int iterable)
    {
        PyHeap heap = interp.Heap;
        int[] items;
        switch (interp.Kind(iterable))
        {
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                items = [.. SetType.Members(heap, iterable)];
                break;
            case TypeKind.Dict:
                items = EntriesPart(heap, iterable, values: false);
                break;
            case TypeKind.Generic:
            {
                int type = interp.T.TypeOf(iterable);
                RuntimeTypes types = interp.Types;
                if (type != types.DictKeys && type != types.DictValues && type != types.DictItems) return false;
                int dict = GenericType.Data(heap, iterable).Refs[0];
                if (type != types.DictItems)
                {
                    items = EntriesPart(heap, dict, values: type == types.DictValues);
                    break;
                }
                List<(int Key, int Value)> entries = DictType.Entries(heap, dict);
                items = new int[entries.Count];
                for (int i = 0; i < items.Length; i++) items[i] = interp.NewTuple([entries[i].Key, entries[i].Value]);
                try
                {
                    ListType.Extend(heap, list, items, ListType.ExtendSource.SetOrDict, items.Length);
                }
                finally
                {
                    foreach (int t in items) interp.DecRef(t);
                }
                return true;
            }
            default:
                return false;
        }
        ListType.Extend(heap, list, items, ListType.ExtendSource.SetOrDict, items.Length);
        return true;
    }

    private static int[] EntriesPart(PyHeap heap, int dict, bool values)
    {
        List<(int Key, int Value)> entries = DictType.Entries(heap, dict);
        var part = new int[entries.Count];
        for (int i = 0; i < part.Length; i++) part[i] = values ? entries[i].Value : entries[i].Key;
        return part;
    }

    /// <summary>
    /// <c>list(x)</c> (<paramref name="preallocate"/>: <c>list___init__</c> presizes exactly when x has a length)
    /// or <c>PySequence_List(x)</c> (an empty list extended). <paramref name="iterable"/> 0 means <c>list()</c>.
    /// Calling the type allocates through <c>tp_alloc</c> (<c>PyType_GenericAlloc</c>: never a parked list);
    /// <see cref="SequenceList"/> goes through <c>PyList_New</c>, which takes one from the free list.
    /// </summary>
    public static int NewListFrom(Interpreter interp, int iterable, bool preallocate) => NewListFrom(interp, iterable, preallocate, typeCall: true);

    /// <summary>
    /// <c>PySequence_List(x)</c> (<c>Objects/abstract.c</c>): <c>PyList_New(0)</c> — a parked list when there is
    /// one — extended by <paramref name="iterable"/>; what <c>sorted</c>, <c>set_repr</c> and <c>PySequence_Fast</c>
    /// (<c>str.join</c> of a non-list, non-tuple) build.
    /// </summary>
    public static int SequenceList(Interpreter interp, int iterable) => NewListFrom(interp, iterable, preallocate: false, typeCall: false);

    private static int NewListFrom(Interpreter interp, int iterable, bool preallocate, bool typeCall)
    {
        if (iterable == 0) return ListType.New(interp.Heap);
        TypeKind k = interp.Kind(iterable);
        (bool hasLen, int hint) = interp.LengthHint(iterable, 8);
        if (k is TypeKind.List or TypeKind.Tuple)
        {
            int[] items = k == TypeKind.List ? ListType.Items(interp.Heap, iterable).ToArray() : TupleType.Items(interp.Heap, iterable);
            return ListType.FromIterable(interp.Heap, items, preallocate && hasLen, ListType.ExtendSource.ListOrTuple, items.Length, typeCall);
        }
        // list___init__: the list, its exact preallocation when the iterable has a length (up to 3.12), then list_extend.
        int list = ListType.New(interp.Heap, typeCall);
        try
        {
            if (preallocate && hasLen && hint > 0 && interp.Profile.Growth.ListInitPreallocatesFromLen) ListType.PreallocateExact(interp.Heap, list, hint);
            ExtendByIterator(interp, list, iterable);
        }
        catch
        {
            interp.DecRef(list);
            throw;
        }
        return list;
    }

    private static int Insert(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length != 3) interp.Raise("TypeError", $"insert expected 2 arguments, got {args.Length - 1}");
        ListType.Insert(interp.Heap, args[0], BuiltinsModule.IntArg(interp, args[1]), args[2]);
        return interp.NewNone();
    }

    private static int Pop(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "pop", args, 1, 2);
        int list = args[0];
        long index = args.Length > 1 ? BuiltinsModule.IntArg(interp, args[1]) : -1;
        int n = ListType.Size(interp.Heap, list);
        if (n == 0) interp.Raise("IndexError", "pop from empty list");
        long i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) interp.Raise("IndexError", "pop index out of range");
        return ListType.Pop(interp.Heap, list, i);
    }

    private static int Remove(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length != 2) throw BuiltinsModule.ExactlyOne(interp, "list", "remove", args.Length - 1);
        int list = args[0];
        int[] items = ListType.Items(interp.Heap, list).ToArray();
        for (int i = 0; i < items.Length; i++)
        {
            if (interp.RichCompareBool(items[i], args[1], CompareOperator.Eq))
            {
                ListType.AssignSlice(interp.Heap, list, i, i + 1, ReadOnlySpan<int>.Empty);
                return interp.NewNone();
            }
        }
        throw interp.Raise("ValueError", "list.remove(x): x not in list");
    }

    private static int Clear(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "clear", args, 1, 1);
        ListType.Clear(interp.Heap, args[0]);
        return interp.NewNone();
    }

    private static int Copy(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "copy", args, 1, 1);
        // list_copy_impl → list_slice(self, 0, size): PyList_New(n) exactly.
        return ListType.NewExact(interp.Heap, ListType.Items(interp.Heap, args[0]).ToArray());
    }

    private static int Index(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "index", args, 2, 4);
        int[] items = ListType.Items(interp.Heap, args[0]).ToArray();
        long start = args.Length > 2 ? BuiltinsModule.IntArg(interp, args[2]) : 0;
        long stop = args.Length > 3 ? BuiltinsModule.IntArg(interp, args[3]) : items.Length;
        if (start < 0) start = Math.Max(0, start + items.Length);
        if (stop < 0) stop = Math.Max(0, stop + items.Length);
        for (long i = start; i < Math.Min(stop, items.Length); i++)
        {
            if (interp.RichCompareBool(items[i], args[1], CompareOperator.Eq)) return interp.NewInt(i);
        }
        throw interp.Raise("ValueError", $"{interp.Repr(args[1])} is not in list");
    }

    private static int Count(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        if (args.Length != 2) throw BuiltinsModule.ExactlyOne(interp, "list", "count", args.Length - 1);
        int n = 0;
        foreach (int x in ListType.Items(interp.Heap, args[0]).ToArray()) if (interp.RichCompareBool(x, args[1], CompareOperator.Eq)) n++;
        return interp.NewInt(n);
    }

    private static int Reverse(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "reverse", args, 1, 1);
        int[] items = ListType.Items(interp.Heap, args[0]).ToArray();
        Array.Reverse(items);
        ListType.Reorder(interp.Heap, args[0], items);
        return interp.NewNone();
    }

    /// <summary><c>list.sort(key=None, reverse=False)</c>: stable, using only <c>&lt;</c> like CPython's timsort.</summary>
    private static readonly string[] SortKeywords = ["key", "reverse"];

    public static void Sort(Interpreter interp, int list, KeywordArguments kw)
    {
        // Argument Clinic's _PyArg_UnpackKeywords runs only when keywords are passed; its parser builds
        // the keyword tuple on that first use (static from 3.12).
        if (kw.Count > 0 && !interp.Profile.Library.ClinicKeywordTuplesStatic) interp.EnsureKeywordParser("sort", SortKeywords);
        int key = 0;
        bool reverse = false;
        for (int i = 0; i < kw.Count; i++)
        {
            switch (kw.Name(i))
            {
                case "key":
                    key = kw.Value(i) == interp.None ? 0 : kw.Value(i);
                    break;
                case "reverse":
                    reverse = interp.IsTrue(kw.Value(i));
                    break;
                default:
                    interp.Raise("TypeError", $"'{kw.Name(i)}' is an invalid keyword argument for sort()");
                    break;
            }
        }
        int[] items = ListType.Items(interp.Heap, list).ToArray();
        int[] keys = new int[items.Length];
        try
        {
            for (int i = 0; i < items.Length; i++)
            {
                keys[i] = key == 0 ? interp.NewRef(items[i]) : interp.Call(key, [items[i]], KeywordArguments.None);
            }
            int[] order = Enumerable.Range(0, items.Length).ToArray();
            if (reverse) Array.Reverse(order);
            int[] sorted = MergeSort(interp, order, keys);
            if (reverse) Array.Reverse(sorted);
            var result = new int[items.Length];
            for (int i = 0; i < sorted.Length; i++) result[i] = items[sorted[i]];
            ListType.Reorder(interp.Heap, list, result);
        }
        finally
        {
            foreach (int k in keys) interp.XDecRef(k);
        }
    }

    private static int[] MergeSort(Interpreter interp, int[] order, int[] keys)
    {
        if (order.Length <= 1) return order;
        int mid = order.Length / 2;
        int[] left = MergeSort(interp, order[..mid], keys);
        int[] right = MergeSort(interp, order[mid..], keys);
        var result = new int[order.Length];
        int l = 0, r = 0, o = 0;
        while (l < left.Length && r < right.Length)
        {
            // Take from the right only when right < left: equal keys keep their order.
            if (interp.RichCompareBool(keys[right[r]], keys[left[l]], CompareOperator.Lt)) result[o++] = right[r++];
            else result[o++] = left[l++];
        }
        while (l < left.Length) result[o++] = left[l++];
        while (r < right.Length) result[o++] = right[r++];
        return result;
    }
}
