using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;

namespace PyHeapSim;

public sealed partial class PyHeap
{
    private int[] _smallInts = [];
    private int[] _latin1Chars = [];
    private int[] _singleBytes = [];

    internal int NoneObj { get; private set; }
    internal int TrueObj { get; private set; }
    internal int FalseObj { get; private set; }
    internal int EllipsisObj { get; private set; }
    internal int NotImplementedObj { get; private set; }
    internal int EmptyTupleObj { get; private set; }
    internal int EmptyStrObj { get; private set; }
    internal int EmptyBytesObj { get; private set; }

    /// <summary>Python's <c>None</c> (borrowed handle; never freed).</summary>
    public PyRef None => T.RefTo(NoneObj);

    /// <summary>Python's <c>True</c> (borrowed handle).</summary>
    public PyRef True => T.RefTo(TrueObj);

    /// <summary>Python's <c>False</c> (borrowed handle).</summary>
    public PyRef False => T.RefTo(FalseObj);

    /// <summary>Python's <c>...</c> (borrowed handle).</summary>
    public PyRef Ellipsis => T.RefTo(EllipsisObj);

    /// <summary>A fake but stable address for statically allocated objects (never from the allocator).</summary>
    internal static long StaticAddress(int slot) => 0x0000_5600_0000_0000L + (long)slot * 64;

    /// <summary>
    /// Gives a statically allocated object the count its version reports: immortal from 3.12,
    /// 999 999 999 for 3.11's deep-frozen statics, an ordinary startup-like count before.
    /// </summary>
    internal void MakeStatic(int o, bool deepFrozen = true)
    {
        RefCountRules r = Profile.RefCounts;
        T.Set(o, ObjectFlags.Static);
        switch (r.Immortality)
        {
            case ImmortalityModel.Immortal:
                T.Set(o, ObjectFlags.Immortal);
                T.SetRefCount(o, r.ImmortalRefCount);
                break;
            case ImmortalityModel.StaticHighCount when deepFrozen:
                T.SetRefCount(o, r.StaticInitialRefCount);
                break;
            default:
                T.SetRefCount(o, r.SingletonInitialRefCount);
                break;
        }
    }

    private void CreateSingletons()
    {
        NoneObj = NewStaticObject(Types.NoneType, TypeKind.None, deepFrozen: false);
        FalseObj = NewStaticObject(Types.Bool, TypeKind.Bool, deepFrozen: false);
        T.SetScalar(FalseObj, 0);
        TrueObj = NewStaticObject(Types.Bool, TypeKind.Bool, deepFrozen: false);
        T.SetScalar(TrueObj, 1);
        EllipsisObj = NewStaticObject(Types.Ellipsis, TypeKind.Generic, deepFrozen: false);
        T.SetPayload(EllipsisObj, new Objects.Stores.GenericData([], null));
        NotImplementedObj = NewStaticObject(Types.NotImplementedType, TypeKind.Generic, deepFrozen: false);
        T.SetPayload(NotImplementedObj, new Objects.Stores.GenericData([], null));

        RefCountRules r = Profile.RefCounts;
        _smallInts = new int[r.SmallIntMax - r.SmallIntMin + 1];
        for (int v = r.SmallIntMin; v <= r.SmallIntMax; v++)
        {
            int o = NewStaticObject(Types.Int, TypeKind.Int, deepFrozen: true);
            T.SetScalar(o, v);
            if (r.StartupSmallIntCounts is { } counts) T.SetRefCount(o, counts[v - r.SmallIntMin]);
            _smallInts[v - r.SmallIntMin] = o;
        }

        EmptyTupleObj = NewStaticObject(Types.Tuple, TypeKind.Tuple, deepFrozen: true);
        T.SetPayload(EmptyTupleObj, Array.Empty<int>());
        EmptyStrObj = NewStaticObject(Types.Str, TypeKind.Str, deepFrozen: true);
        StrType.Init(this, EmptyStrObj, "");
        T.Set(EmptyStrObj, ObjectFlags.Interned);
        EmptyBytesObj = NewStaticObject(Types.Bytes, TypeKind.Bytes, deepFrozen: true);
        T.SetPayload(EmptyBytesObj, Array.Empty<byte>());

        _latin1Chars = new int[256];
        for (int c = 0; c < 256; c++)
        {
            int o = NewStaticObject(Types.Str, TypeKind.Str, deepFrozen: true);
            StrType.Init(this, o, ((char)c).ToString());
            T.Set(o, ObjectFlags.Interned);
            _latin1Chars[c] = o;
        }
        _singleBytes = new int[256];
        for (int b = 0; b < 256; b++)
        {
            int o = NewStaticObject(Types.Bytes, TypeKind.Bytes, deepFrozen: true);
            T.SetPayload(o, new[] { (byte)b });
            _singleBytes[b] = o;
        }
    }

    private int NewStaticObject(int type, TypeKind kind, bool deepFrozen)
    {
        int o = T.NewSlot(type, kind, ObjectFlags.None);
        T.SetAddress(o, StaticAddress(o));
        MakeStatic(o, deepFrozen);
        return o;
    }

    /// <summary>The cached small int object for <paramref name="v"/>, or 0 outside the cache range.</summary>
    internal int SmallInt(long v)
    {
        long i = v - Profile.RefCounts.SmallIntMin;
        return (ulong)i < (ulong)_smallInts.Length ? _smallInts[i] : 0;
    }

    /// <summary>The cached one-character latin-1 string, or 0.</summary>
    internal int Latin1Char(int c) => (uint)c < 256u ? _latin1Chars[c] : 0;

    /// <summary>The cached one-byte bytes object, or 0.</summary>
    internal int SingleByte(int b) => (uint)b < 256u ? _singleBytes[b] : 0;
}
