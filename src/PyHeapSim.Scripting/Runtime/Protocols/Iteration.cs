using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Builtins;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// <c>iter()</c> and <c>next()</c>: iterators are heap objects of CPython's types, holding a reference
/// to what they iterate (released when exhausted, as <c>listiter_next</c> and friends do).
/// </summary>
/// <remarks>
/// <code>
///   type                 Refs                 cursor                     GC
///   list_iterator        [list]               Scalar = index             yes
///   tuple_iterator       [tuple]              Scalar = index             yes
///   str_iterator         [str]                Scalar = UTF-16 index      yes
///   range_iterator       []                   Host RangeCursor           no
///   dict_*iterator       [dict, result|0]     Host DictCursor            yes
///   set_iterator         [set]                Host SetCursor             yes
///   enumerate            [iterator, result]   Scalar = next index        yes
///   zip                  [ittuple, result]    —                          yes
/// </code>
/// The result tuples of items/enumerate/zip are reused while nobody else holds them (refcount 1),
/// exactly like CPython's <c>Py_REFCNT(result) == 1</c> fast path.
/// </remarks>
public sealed partial class Interpreter
{
    internal partial int GetIter(int o)
    {
        switch (Kind(o))
        {
            case TypeKind.List:
                return NewSequenceIterator(Types.ListIterator, o);
            case TypeKind.Tuple:
                return NewSequenceIterator(Types.TupleIterator, o);
            case TypeKind.Str:
                return NewSequenceIterator(Types.StrIterator, o);
            case TypeKind.Dict:
                return NewDictIterator(o, Types.DictKeyIterator);
            case TypeKind.Set:
            case TypeKind.FrozenSet:
            {
                int it = GenericType.New(Heap, Types.SetIterator, [o], new SetCursor { Used = SetType.Count(Heap, o) });
                return it;
            }
            case TypeKind.Instance:
            {
                int method = LookupSpecial(o, "__iter__");
                if (method == 0) break;
                int r;
                try
                {
                    r = CallMethod(method, o, []);
                }
                finally
                {
                    DecRef(method);
                }
                return r;
            }
            case TypeKind.Generic:
            {
                int type = T.TypeOf(o);
                GenericData data = GenericType.Data(Heap, o);
                if (type == Types.Range)
                {
                    var r = (RangeInfo)data.Host!;
                    return GenericType.New(Heap, Types.RangeIterator, [], new RangeCursor { Next = r.Start, Step = r.Step, Remaining = r.Length });
                }
                if (type == Types.DictKeys) return NewDictIterator(data.Refs[0], Types.DictKeyIterator);
                if (type == Types.DictValues) return NewDictIterator(data.Refs[0], Types.DictValueIterator);
                if (type == Types.DictItems) return NewDictIterator(data.Refs[0], Types.DictItemIterator);
                if (IsIteratorType(type) || data.Host is IHostIterator) return NewRef(o);
                if (data.Host is NdArrayInfo) return NdArrays.Iter(this, o);
                break;
            }
        }
        throw Raise("TypeError", $"'{TypeName(o)}' object is not iterable");
    }

    private bool IsIteratorType(int type) =>
        type == Types.ListIterator || type == Types.TupleIterator || type == Types.StrIterator || type == Types.RangeIterator
        || type == Types.DictKeyIterator || type == Types.DictValueIterator || type == Types.DictItemIterator
        || type == Types.SetIterator || type == Types.Enumerate || type == Types.Zip
        || type == Types.ListReverseIterator || type == Types.Reversed || type == Types.Generator;

    private int NewSequenceIterator(int type, int seq)
    {
        int it = GenericType.New(Heap, type, [seq], null);
        T.SetScalar(it, 0);
        return it;
    }

    private int NewDictIterator(int dict, int type)
    {
        // dictiter_new: the items iterator packs a (None, None) result tuple to reuse.
        int result = type == Types.DictItemIterator ? NewTuple([None, None]) : 0;
        var cursor = new DictCursor { Used = DictType.Count(Heap, dict), Remaining = DictType.Count(Heap, dict) };
        int it = GenericType.New(Heap, type, [dict, result], cursor);
        XDecRef(result);
        return it;
    }

    internal partial int IterNext(int iterator)
    {
        if (Kind(iterator) == TypeKind.Instance)
        {
            int method = LookupSpecial(iterator, "__next__");
            if (method == 0) throw Raise("TypeError", $"'{TypeName(iterator)}' object is not an iterator");
            try
            {
                return CallMethod(method, iterator, []);
            }
            catch (PyException e) when (e.TypeName == "StopIteration")
            {
                XDecRef(e.ExceptionObject);
                e.ExceptionObject = 0;
                return 0;
            }
            finally
            {
                DecRef(method);
            }
        }
        if (Kind(iterator) != TypeKind.Generic) throw Raise("TypeError", $"'{TypeName(iterator)}' object is not an iterator");
        int type = T.TypeOf(iterator);
        GenericData data = GenericType.Data(Heap, iterator);
        if (type == Types.ListIterator) return NextList(iterator, data);
        if (type == Types.TupleIterator) return NextTuple(iterator, data);
        if (type == Types.RangeIterator) return NextRange((RangeCursor)data.Host!);
        if (type == Types.StrIterator) return NextStr(iterator, data);
        if (type == Types.DictKeyIterator || type == Types.DictValueIterator || type == Types.DictItemIterator) return NextDict(iterator, type, data);
        if (type == Types.SetIterator) return NextSet(iterator, data);
        if (type == Types.Enumerate) return NextEnumerate(iterator, data);
        if (type == Types.Zip) return NextZip(data);
        if (type == Types.ListReverseIterator || type == Types.Reversed) return NextReversed(iterator, data);
        if (data.Host is IHostIterator host) return host.Next(this, iterator);
        throw Raise("TypeError", $"'{TypeName(iterator)}' object is not an iterator");
    }

    private int NextList(int it, GenericData data)
    {
        int seq = data.Refs[0];
        if (seq == 0) return 0;
        long i = T.Scalar(it);
        if (i < ListType.Size(Heap, seq))
        {
            T.SetScalar(it, i + 1);
            return NewRef(ListType.Items(Heap, seq)[(int)i]);
        }
        GenericType.SetRef(Heap, it, 0, 0);
        return 0;
    }

    // listreviter_next / reversed_next: index counts down; the sequence is dropped when exhausted.
    private int NextReversed(int it, GenericData data)
    {
        int seq = data.Refs[0];
        if (seq == 0) return 0;
        long i = T.Scalar(it);
        if (i >= 0 && i < Length(seq))
        {
            T.SetScalar(it, i - 1);
            switch (Kind(seq))
            {
                case TypeKind.List: return NewRef(ListType.Items(Heap, seq)[(int)i]);
                case TypeKind.Tuple: return NewRef(TupleType.Items(Heap, seq)[i]);
                default:
                {
                    int index = NewInt(i);
                    try
                    {
                        return GetItem(seq, index);
                    }
                    finally
                    {
                        DecRef(index);
                    }
                }
            }
        }
        T.SetScalar(it, -1);
        GenericType.SetRef(Heap, it, 0, 0);
        return 0;
    }

    private int NextTuple(int it, GenericData data)
    {
        int seq = data.Refs[0];
        if (seq == 0) return 0;
        long i = T.Scalar(it);
        int[] items = TupleType.Items(Heap, seq);
        if (i < items.Length)
        {
            T.SetScalar(it, i + 1);
            return NewRef(items[i]);
        }
        GenericType.SetRef(Heap, it, 0, 0);
        return 0;
    }

    private int NextStr(int it, GenericData data)
    {
        int seq = data.Refs[0];
        if (seq == 0) return 0;
        int i = (int)T.Scalar(it);
        string s = StrType.Value(Heap, seq);
        if (i < s.Length)
        {
            int n = char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
            T.SetScalar(it, i + n);
            return NewStr(s.Substring(i, n));
        }
        GenericType.SetRef(Heap, it, 0, 0);
        return 0;
    }

    private int NextRange(RangeCursor c)
    {
        if (c.Remaining <= 0) return 0;
        long v = c.Next;
        c.Next += c.Step;
        c.Remaining--;
        return NewInt(v);
    }

    private int NextDict(int it, int type, GenericData data)
    {
        int dict = data.Refs[0];
        if (dict == 0) return 0;
        var c = (DictCursor)data.Host!;
        DictData d = DictType.Data(Heap, dict);
        if (c.Used != d.Used)
        {
            c.Used = -1;
            throw Raise("RuntimeError", "dictionary changed size during iteration");
        }
        if (!DictWalk.Next(d, ref c.Position, out int key, out int value))
        {
            GenericType.SetRef(Heap, it, 0, 0);
            return 0;
        }
        c.Remaining--;
        if (type == Types.DictKeyIterator) return NewRef(key);
        if (type == Types.DictValueIterator) return NewRef(value);
        IncRef(key);
        IncRef(value);
        return RecyclePair(it, 1, key, value);
    }

    /// <summary>
    /// The reuse-or-allocate step of <c>dictiter_iternextitem</c> / <c>enum_next</c>: stores the two
    /// owned items into the held result tuple (Refs[<paramref name="resultIndex"/>]) when only the
    /// iterator holds it, else packs a new tuple. Returns a new reference.
    /// </summary>
    private int RecyclePair(int it, int resultIndex, int first, int second)
    {
        int result = GenericType.Data(Heap, it).Refs[resultIndex];
        if (result != 0 && T.RefCount(result) == 1)
        {
            int[] items = TupleType.Items(Heap, result);
            int old0 = items[0], old1 = items[1];
            items[0] = first;
            items[1] = second;
            IncRef(result);
            DecRef(old0);
            DecRef(old1);
            // bpo-42536: the collector may have untracked the recycled tuple; track it again.
            if (!T.IsTracked(result)) Heap.Gc.Track(result);
            return result;
        }
        return NewTupleStealing([first, second]);
    }

    private int NextSet(int it, GenericData data)
    {
        int set = data.Refs[0];
        if (set == 0) return 0;
        var c = (SetCursor)data.Host!;
        SetData s = SetType.Data(Heap, set);
        if (c.Used != s.Used)
        {
            c.Used = -1;
            throw Raise("RuntimeError", "Set changed size during iteration");
        }
        int[] keys = s.Keys;
        while (c.Position < keys.Length && keys[c.Position] <= 0) c.Position++;
        if (c.Position >= keys.Length)
        {
            GenericType.SetRef(Heap, it, 0, 0);
            return 0;
        }
        return NewRef(keys[c.Position++]);
    }

    private int NextEnumerate(int it, GenericData data)
    {
        int item = IterNext(data.Refs[0]);
        if (item == 0) return 0;
        long index = T.Scalar(it);
        int indexObj = NewInt(index);
        T.SetScalar(it, index + 1);
        return RecyclePair(it, 1, indexObj, item);
    }

    private int NextZip(GenericData data)
    {
        int[] iterators = TupleType.Items(Heap, data.Refs[0]);
        int result = data.Refs[1];
        int n = iterators.Length;
        if (n == 0) return 0;
        if (T.RefCount(result) == 1)
        {
            IncRef(result);
            int[] items = TupleType.Items(Heap, result);
            for (int i = 0; i < n; i++)
            {
                int item = IterNext(iterators[i]);
                if (item == 0)
                {
                    DecRef(result);
                    return 0;
                }
                int old = items[i];
                items[i] = item;
                DecRef(old);
            }
            if (!T.IsTracked(result)) Heap.Gc.Track(result);
            return result;
        }
        int fresh = NewTupleStealing(new int[n]);
        int[] freshItems = TupleType.Items(Heap, fresh);
        for (int i = 0; i < n; i++)
        {
            int item = IterNext(iterators[i]);
            if (item == 0)
            {
                DecRef(fresh);
                return 0;
            }
            freshItems[i] = item;
        }
        return fresh;
    }

    /// <summary><c>enumerate(iterable, start=0)</c>: the iterator, a (None, None) result tuple, then the object.</summary>
    internal int NewEnumerate(int iterable, long start)
    {
        int sit = GetIter(iterable);
        int result = NewTuple([None, None]);
        int e = GenericType.New(Heap, Types.Enumerate, [sit, result], null);
        T.SetScalar(e, start);
        DecRef(sit);
        DecRef(result);
        return e;
    }

    /// <summary><c>zip(*iterables)</c> (<c>zip_new</c>): a tuple of iterators, a result tuple of Nones, then the object.</summary>
    internal int NewZip(ReadOnlySpan<int> iterables)
    {
        int n = iterables.Length;
        var nones = new int[n];
        Array.Fill(nones, None);
        int ittuple = NewTuple(nones);
        int[] its = TupleType.Items(Heap, ittuple);
        try
        {
            for (int i = 0; i < n; i++)
            {
                int it = GetIter(iterables[i]);
                its[i] = it;
                DecRef(None);
            }
        }
        catch
        {
            DecRef(ittuple);
            throw;
        }
        int result = NewTuple(nones);
        int z = GenericType.New(Heap, Types.Zip, [ittuple, result], null);
        DecRef(ittuple);
        DecRef(result);
        return z;
    }

    /// <summary>
    /// <c>PyObject_LengthHint</c> as <c>list()</c>/<c>list.extend</c> see it: whether the object has
    /// <c>__len__</c>, and the length or <c>__length_hint__</c> (or <paramref name="defaultHint"/>).
    /// </summary>
    internal (bool HasLen, int Hint) LengthHint(int o, int defaultHint)
    {
        switch (Kind(o))
        {
            case TypeKind.List: return (true, ListType.Size(Heap, o));
            case TypeKind.Tuple: return (true, TupleType.Items(Heap, o).Length);
            case TypeKind.Str: return (true, StrType.Length(Heap, o));
            case TypeKind.Bytes: return (true, BytesType.Value(Heap, o).Length);
            case TypeKind.Dict: return (true, DictType.Count(Heap, o));
            case TypeKind.Set:
            case TypeKind.FrozenSet: return (true, SetType.Count(Heap, o));
            case TypeKind.Generic:
            {
                int type = T.TypeOf(o);
                GenericData data = GenericType.Data(Heap, o);
                if (type == Types.Range) return (true, (int)Math.Min(((RangeInfo)data.Host!).Length, int.MaxValue));
                if (type == Types.DictKeys || type == Types.DictValues || type == Types.DictItems) return (true, DictType.Count(Heap, data.Refs[0]));
                if (type == Types.ListIterator)
                {
                    int seq = data.Refs[0];
                    return (false, seq == 0 ? 0 : Math.Max(ListType.Size(Heap, seq) - (int)T.Scalar(o), 0));
                }
                if (type == Types.TupleIterator)
                {
                    int seq = data.Refs[0];
                    return (false, seq == 0 ? 0 : Math.Max(TupleType.Items(Heap, seq).Length - (int)T.Scalar(o), 0));
                }
                if (type == Types.StrIterator)
                {
                    int seq = data.Refs[0];
                    return (false, seq == 0 ? 0 : Math.Max(StrType.Value(Heap, seq).Length - (int)T.Scalar(o), 0));
                }
                if (type == Types.RangeIterator) return (false, (int)Math.Min(((RangeCursor)data.Host!).Remaining, int.MaxValue));
                if (type == Types.DictKeyIterator || type == Types.DictValueIterator || type == Types.DictItemIterator)
                {
                    return (false, data.Refs[0] == 0 ? 0 : Math.Max(((DictCursor)data.Host!).Remaining, 0));
                }
                if (type == Types.SetIterator)
                {
                    return (false, data.Refs[0] == 0 ? 0 : Math.Max(SetType.Count(Heap, data.Refs[0]), 0));
                }
                if (data.Host is NdArrayInfo a) return (true, (int)a.Length);
                return (false, defaultHint);
            }
            case TypeKind.Instance:
            {
                int method = LookupSpecial(o, "__len__");
                if (method == 0) return (false, defaultHint);
                DecRef(method);
                return (true, (int)Length(o));
            }
            default:
                return (false, defaultHint);
        }
    }

    /// <summary>Every item of <paramref name="iterable"/> as owned references (the caller releases them).</summary>
    internal List<int> Collect(int iterable)
    {
        var items = new List<int>();
        switch (Kind(iterable))
        {
            case TypeKind.List:
                foreach (int x in ListType.Items(Heap, iterable)) items.Add(NewRef(x));
                return items;
            case TypeKind.Tuple:
                foreach (int x in TupleType.Items(Heap, iterable)) items.Add(NewRef(x));
                return items;
        }
        int it = GetIter(iterable);
        try
        {
            while (true)
            {
                int x = IterNext(it);
                if (x == 0) break;
                items.Add(x);
            }
        }
        catch
        {
            foreach (int x in items) DecRef(x);
            throw;
        }
        finally
        {
            DecRef(it);
        }
        return items;
    }

    internal void DecRefAll(List<int> items)
    {
        foreach (int x in items) DecRef(x);
    }
}

/// <summary>Cursor of a range iterator (<c>rangeiterobject</c>: next value, step, items left).</summary>
internal sealed class RangeCursor
{
    public long Next;
    public long Step;
    public long Remaining;
}

/// <summary>Cursor of a dict iterator: entry position, <c>di_used</c> and <c>di_len</c>.</summary>
internal sealed class DictCursor
{
    public int Position;
    public int Used;
    public int Remaining;
}

/// <summary>Cursor of a set iterator: table position and <c>si_used</c>.</summary>
internal sealed class SetCursor
{
    public int Position;
    public int Used;
}

/// <summary>A range's values (<c>rangeobject</c>); the object also owns int objects start, stop, step, length.</summary>
internal sealed record RangeInfo(long Start, long Stop, long Step, long Length);

/// <summary>An iterator implemented by a host payload (generators): <see cref="Next"/> returns a new
/// reference or 0 when exhausted.</summary>
internal interface IHostIterator
{
    int Next(Interpreter interp, int self);
}

/// <summary>Walks a dict's entries in insertion order by position, without allocating.</summary>
internal static class DictWalk
{
    public static bool Next(DictData d, ref int position, out int key, out int value)
    {
        key = value = 0;
        if (d.Keys is null) return false;
        if (d.IsSplit)
        {
            int count = d.Order?.Count ?? d.Keys.NEntries;
            while (position < count)
            {
                int e = d.Order is null ? position : d.Order[position];
                position++;
                if (e < d.SplitValues!.Length && d.SplitValues[e] != 0)
                {
                    key = d.Keys.Keys[e];
                    value = d.SplitValues[e];
                    return true;
                }
            }
            return false;
        }
        DictKeys k = d.Keys;
        while (position < k.NEntries)
        {
            int i = position++;
            if (k.Keys[i] != 0)
            {
                key = k.Keys[i];
                value = k.Values[i];
                return true;
            }
        }
        return false;
    }
}
