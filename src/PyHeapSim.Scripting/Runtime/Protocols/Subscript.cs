using System.Numerics;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Builtins;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// Subscription (<c>PyObject_GetItem</c>/<c>SetItem</c>/<c>DelItem</c>) and slice objects. Slices of lists
/// are exact-size lists (<c>list_slice</c>: <c>PyList_New(n)</c>); full slices of tuples and strings
/// return the object itself.
/// </summary>
public sealed partial class Interpreter
{
    /// <summary>A slice object <c>slice(start, stop, step)</c>; 0 for an omitted part (None). Arguments borrowed.</summary>
    internal int NewSlice(int start, int stop, int step) =>
        GenericType.New(Heap, Types.Slice, [start == 0 ? None : start, stop == 0 ? None : stop, step == 0 ? None : step], null);

    internal bool IsSlice(int o) => Kind(o) == TypeKind.Generic && T.TypeOf(o) == Types.Slice;

    /// <summary><c>PySlice_Unpack</c> + <c>PySlice_AdjustIndices</c> for a sequence of <paramref name="length"/>.</summary>
    internal (long Start, long Stop, long Step, long Count) SliceIndices(int slice, long length)
    {
        int[] parts = GenericType.Data(Heap, slice).Refs;
        long step = 1;
        if (parts[2] != None)
        {
            BigInteger s = SliceComponent(parts[2]);
            if (s.IsZero) throw Raise("ValueError", "slice step cannot be zero");
            step = (long)BigInteger.Clamp(s, -long.MaxValue, long.MaxValue);
        }
        long start, stop;
        long lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
        if (parts[0] == None) start = step < 0 ? upper : lower;
        else
        {
            BigInteger v = SliceComponent(parts[0]);
            if (v.Sign < 0) { v += length; if (v < lower) v = lower; }
            else if (v > upper) v = upper;
            start = (long)v;
        }
        if (parts[1] == None) stop = step < 0 ? lower : upper;
        else
        {
            BigInteger v = SliceComponent(parts[1]);
            if (v.Sign < 0) { v += length; if (v < lower) v = lower; }
            else if (v > upper) v = upper;
            stop = (long)v;
        }
        long count;
        if (step < 0) count = stop < start ? (start - stop - 1) / -step + 1 : 0;
        else count = start < stop ? (stop - start - 1) / step + 1 : 0;
        return (start, stop, step, count);
    }

    private BigInteger SliceComponent(int o)
    {
        if (Kind(o) is TypeKind.Int or TypeKind.Bool) return IntType.Value(Heap, o);
        throw Raise("TypeError", "slice indices must be integers or None or have an __index__ method");
    }

    // A normalised index for a sequence of length n, or raises IndexError(message).
    private int SequenceIndex(int key, long n, string message)
    {
        BigInteger i = IntType.Value(Heap, key);
        if (i.Sign < 0) i += n;
        if (i.Sign < 0 || i >= n) throw Raise("IndexError", message);
        return (int)i;
    }

    private static bool IsIntKind(TypeKind k) => k is TypeKind.Int or TypeKind.Bool;

    internal partial int GetItem(int container, int key)
    {
        TypeKind kk = Kind(key);
        switch (Kind(container))
        {
            case TypeKind.List:
            {
                if (IsIntKind(kk)) return NewRef(ListType.Items(Heap, container)[SequenceIndex(key, ListType.Size(Heap, container), "list index out of range")]);
                if (!IsSlice(key)) throw Raise("TypeError", $"list indices must be integers or slices, not {TypeName(key)}");
                int[] items = SliceItems(ListType.Items(Heap, container).ToArray(), key);
                return ListType.NewExact(Heap, items);
            }
            case TypeKind.Tuple:
            {
                int[] all = TupleType.Items(Heap, container);
                if (IsIntKind(kk)) return NewRef(all[SequenceIndex(key, all.Length, "tuple index out of range")]);
                if (!IsSlice(key)) throw Raise("TypeError", $"tuple indices must be integers or slices, not {TypeName(key)}");
                int[] items = SliceItems(all, key);
                if (items.Length == all.Length && SliceIndices(key, all.Length).Step == 1) return NewRef(container);
                return NewTuple(items);
            }
            case TypeKind.Str:
            {
                string s = StrType.Value(Heap, container);
                bool bmp = s.Length == StrType.Length(Heap, container);
                if (IsIntKind(kk))
                {
                    int i = SequenceIndex(key, StrType.Length(Heap, container), "string index out of range");
                    return NewStr(bmp ? s[i].ToString() : CodePoints(s)[i]);
                }
                if (!IsSlice(key)) throw Raise("TypeError", string.Format(System.Globalization.CultureInfo.InvariantCulture, Profile.Messages.StrIndicesMustBeIntegers, TypeName(key)));
                string[] cps = CodePoints(s);
                (long start, _, long step, long count) = SliceIndices(key, cps.Length);
                if (count == cps.Length && step == 1) return NewRef(container);
                var sb = new System.Text.StringBuilder();
                for (long k = 0, i = start; k < count; k++, i += step) sb.Append(cps[i]);
                return NewStr(sb.ToString());
            }
            case TypeKind.Bytes:
            {
                byte[] b = BytesType.Value(Heap, container);
                if (IsIntKind(kk)) return NewInt(b[SequenceIndex(key, b.Length, "index out of range")]);
                if (!IsSlice(key)) throw Raise("TypeError", $"byte indices must be integers or slices, not {TypeName(key)}");
                (long start, _, long step, long count) = SliceIndices(key, b.Length);
                if (count == b.Length && step == 1) return NewRef(container);
                var r = new byte[count];
                for (long k = 0, i = start; k < count; k++, i += step) r[k] = b[i];
                return BytesType.New(Heap, r);
            }
            case TypeKind.Dict:
            {
                CheckHashable(key);
                int v = DictType.GetItem(Heap, container, key);
                if (v != 0) return NewRef(v);
                throw KeyError(key);
            }
            case TypeKind.Instance:
            {
                int method = LookupSpecial(container, "__getitem__");
                if (method == 0) break;
                try
                {
                    return CallMethod(method, container, [key]);
                }
                finally
                {
                    DecRef(method);
                }
            }
            case TypeKind.Generic:
            {
                int type = T.TypeOf(container);
                GenericData data = GenericType.Data(Heap, container);
                if (type == Types.Range)
                {
                    var r = (RangeInfo)data.Host!;
                    if (IsIntKind(kk)) return NewInt(r.Start + SequenceIndex(key, r.Length, "range object index out of range") * r.Step);
                    if (IsSlice(key))
                    {
                        (long start, long stop, long step, long count) = SliceIndices(key, r.Length);
                        _ = stop;
                        long first = r.Start + start * r.Step, newStep = r.Step * step;
                        return NewRange(first, first + count * newStep, newStep);
                    }
                    throw Raise("TypeError", $"range indices must be integers or slices, not {TypeName(key)}");
                }
                if (data.Host is NdArrayInfo) return NdArrays.GetItem(this, container, key);
                break;
            }
            case TypeKind.Type:
                break;
        }
        throw Raise("TypeError", $"'{TypeName(container)}' object is not subscriptable");
    }

    /// <summary>A KeyError whose args are (key,) — its str is the key's repr.</summary>
    internal PyException KeyError(int key)
    {
        int type = Types.ExceptionType("KeyError");
        int exc = Exceptions.NewInstance(this, type, [key]);
        return new PyException(exc, "KeyError", Repr(key));
    }

    private static string[] CodePoints(string s)
    {
        var list = new List<string>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(s.Substring(i, 2));
                i++;
            }
            else
            {
                list.Add(s[i].ToString());
            }
        }
        return [.. list];
    }

    private int[] SliceItems(int[] all, int slice)
    {
        (long start, _, long step, long count) = SliceIndices(slice, all.Length);
        var r = new int[count];
        for (long k = 0, i = start; k < count; k++, i += step) r[k] = all[i];
        return r;
    }

    /// <summary>A range object owning int objects start, stop, step and length (<c>make_range_object</c>).</summary>
    internal int NewRange(long start, long stop, long step)
    {
        long length = 0;
        if (step > 0 && start < stop) length = (long)(((BigInteger)stop - start - 1) / step + 1);
        else if (step < 0 && start > stop) length = (long)(((BigInteger)start - stop - 1) / -step + 1);
        int s = NewInt(start), e = NewInt(stop), st = NewInt(step), len = NewInt(length);
        int r = NewRangeStealing(s, e, st, len, new RangeInfo(start, stop, step, length));
        return r;
    }

    /// <summary>A range object taking over the four int references.</summary>
    internal int NewRangeStealing(int start, int stop, int step, int length, RangeInfo info)
    {
        int r = GenericType.New(Heap, Types.Range, [start, stop, step, length], info);
        DecRef(start);
        DecRef(stop);
        DecRef(step);
        DecRef(length);
        return r;
    }

    internal partial void SetItem(int container, int key, int value)
    {
        TypeKind kk = Kind(key);
        switch (Kind(container))
        {
            case TypeKind.List:
            {
                if (IsIntKind(kk))
                {
                    ListType.SetItem(Heap, container, SequenceIndex(key, ListType.Size(Heap, container), "list assignment index out of range"), value);
                    return;
                }
                if (!IsSlice(key)) throw Raise("TypeError", $"list indices must be integers or slices, not {TypeName(key)}");
                AssignListSlice(container, key, value);
                return;
            }
            case TypeKind.Dict:
                CheckHashable(key);
                DictType.SetItem(Heap, container, key, value);
                return;
            case TypeKind.Instance:
            {
                int method = LookupSpecial(container, "__setitem__");
                if (method == 0) break;
                try
                {
                    DecRef(CallMethod(method, container, [key, value]));
                }
                finally
                {
                    DecRef(method);
                }
                return;
            }
            case TypeKind.Generic:
                if (GenericType.Data(Heap, container).Host is NdArrayInfo)
                {
                    NdArrays.SetItem(this, container, key, value);
                    return;
                }
                break;
        }
        throw Raise("TypeError", $"'{TypeName(container)}' object does not support item assignment");
    }

    // list_ass_subscript with a slice: contiguous → list_ass_slice; extended → same-length replacement.
    private void AssignListSlice(int list, int slice, int value)
    {
        int n = ListType.Size(Heap, list);
        (long start, long stop, long step, long count) = SliceIndices(slice, n);
        List<int> items = value == list ? [.. ListType.Items(Heap, list).ToArray().Select(NewRef)] : Collect(value);
        try
        {
            if (step == 1)
            {
                long high = Math.Max(stop, start);
                ListType.AssignSlice(Heap, list, (int)start, (int)high, items.ToArray());
                return;
            }
            if (items.Count != count)
            {
                throw Raise("ValueError", $"attempt to assign sequence of size {items.Count} to extended slice of size {count}");
            }
            for (long k = 0, i = start; k < count; k++, i += step) ListType.SetItem(Heap, list, (int)i, items[(int)k]);
        }
        finally
        {
            DecRefAll(items);
        }
    }

    internal partial void DelItem(int container, int key)
    {
        TypeKind kk = Kind(key);
        switch (Kind(container))
        {
            case TypeKind.List:
            {
                int n = ListType.Size(Heap, container);
                if (IsIntKind(kk))
                {
                    int i = SequenceIndex(key, n, "list assignment index out of range");
                    ListType.AssignSlice(Heap, container, i, i + 1, ReadOnlySpan<int>.Empty);
                    return;
                }
                if (!IsSlice(key)) throw Raise("TypeError", $"list indices must be integers or slices, not {TypeName(key)}");
                (long start, long stop, long step, long count) = SliceIndices(key, n);
                if (step == 1)
                {
                    ListType.AssignSlice(Heap, container, (int)start, (int)Math.Max(stop, start), ReadOnlySpan<int>.Empty);
                    return;
                }
                if (count == 0) return;
                DeleteExtendedSlice(container, start, step, count);
                return;
            }
            case TypeKind.Dict:
            {
                CheckHashable(key);
                if (!DictType.DelItem(Heap, container, key)) throw KeyError(key);
                return;
            }
            case TypeKind.Instance:
            {
                int method = LookupSpecial(container, "__delitem__");
                if (method == 0) break;
                try
                {
                    DecRef(CallMethod(method, container, [key]));
                }
                finally
                {
                    DecRef(method);
                }
                return;
            }
        }
        throw Raise("TypeError", $"'{TypeName(container)}' object doesn't support item deletion");
    }

    // list_ass_subscript, step != 1 deletion: compact the survivors, resize, then release the removed items.
    private void DeleteExtendedSlice(int list, long start, long step, long count)
    {
        int[] items = ListType.Items(Heap, list).ToArray();
        if (step < 0)
        {
            start = start + step * (count - 1);
            step = -step;
        }
        var removed = new HashSet<long>();
        for (long k = 0, i = start; k < count; k++, i += step) removed.Add(i);
        var keep = new List<int>(items.Length);
        var garbage = new List<int>((int)count);
        for (int i = 0; i < items.Length; i++)
        {
            if (removed.Contains(i)) garbage.Add(items[i]);
            else keep.Add(items[i]);
        }
        keep.CopyTo(ListType.Items(Heap, list));
        ListType.Resize(Heap, list, keep.Count);
        foreach (int g in garbage) DecRef(g);
    }
}
