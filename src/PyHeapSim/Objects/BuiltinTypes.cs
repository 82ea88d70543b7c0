using PyHeapSim.Profiles;

namespace PyHeapSim.Objects;

/// <summary>
/// The static (non-heap) type objects every heap starts with. Each is a real object in the table, so
/// <c>type(x)</c> is a handle like any other; from 3.12 they are immortal.
/// </summary>
internal sealed class BuiltinTypes
{
    private readonly PyHeap _heap;
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);

    public BuiltinTypes(PyHeap heap)
    {
        _heap = heap;
        ObjectLayout l = heap.Profile.Layout;
        // `type` is its own type: create it first and point it at itself.
        Type = Define("type", TypeKind.Type, l.HeapTypeBasicSize, 0, isGc: true);
        Object = Define("object", TypeKind.Object, l.ObjectHeaderSize, 0, isGc: false);
        NoneType = Define("NoneType", TypeKind.None, l.ObjectHeaderSize, 0, isGc: false);
        Bool = Define("bool", TypeKind.Bool, l.VarHeaderSize, 4, isGc: false);
        Int = Define("int", TypeKind.Int, l.VarHeaderSize, 4, isGc: false);
        Float = Define("float", TypeKind.Float, l.FloatSize, 0, isGc: false);
        Str = Define("str", TypeKind.Str, l.StrAsciiHeader, 0, isGc: false);
        Bytes = Define("bytes", TypeKind.Bytes, l.BytesBasicSize, 1, isGc: false);
        Tuple = Define("tuple", TypeKind.Tuple, l.TupleBasicSize, 8, isGc: true);
        List = Define("list", TypeKind.List, l.ListBasicSize, 0, isGc: true);
        Dict = Define("dict", TypeKind.Dict, l.DictBasicSize, 0, isGc: true);
        Set = Define("set", TypeKind.Set, l.SetBasicSize, 0, isGc: true);
        FrozenSet = Define("frozenset", TypeKind.FrozenSet, l.SetBasicSize, 0, isGc: true);
        WeakRef = Define("weakref.ReferenceType", TypeKind.WeakRef, l.WeakRefBasicSize, 0, isGc: true);
        Function = Define("function", TypeKind.Generic, l.FunctionBasicSize, 0, isGc: true);
        Ellipsis = Define("ellipsis", TypeKind.Generic, l.ObjectHeaderSize, 0, isGc: false);
        NotImplementedType = Define("NotImplementedType", TypeKind.Generic, l.ObjectHeaderSize, 0, isGc: false);
    }

    public int Type { get; }
    public int Object { get; }
    public int NoneType { get; }
    public int Bool { get; }
    public int Int { get; }
    public int Float { get; }
    public int Str { get; }
    public int Bytes { get; }
    public int Tuple { get; }
    public int List { get; }
    public int Dict { get; }
    public int Set { get; }
    public int FrozenSet { get; }
    public int WeakRef { get; }
    public int Function { get; }
    public int Ellipsis { get; }
    public int NotImplementedType { get; }

    /// <summary>
    /// Defines a static type whose instances are <see cref="TypeKind.Instance"/> objects (the built-in
    /// exception classes): a <c>__dict__</c>, the given slots, and <paramref name="basicSize"/> as
    /// <c>tp_basicsize</c>. Classes may derive from it.
    /// </summary>
    public int DefineInstanceType(string name, int baseType, IReadOnlyList<string> slotNames, int basicSize)
    {
        if (_byName.TryGetValue(name, out int existing)) return existing;
        int t = Define(name, TypeKind.Type, basicSize, 0, isGc: true);
        TypeInfo stub = (TypeInfo)_heap.T.Payload(t)!;
        var info = new TypeInfo(name, TypeKind.Instance, basicSize, 0, isGc: true)
        {
            Self = t,
            Base = baseType,
            HasInstanceDict = true,
            HasWeakRefSlot = false,
            SlotNames = slotNames,
        };
        info.PreHeaderSize = stub.PreHeaderSize;
        _heap.T.SetPayload(t, info);
        return t;
    }

    /// <summary>A built-in type by <c>__name__</c>, or 0.</summary>
    public int Find(string name) => _byName.TryGetValue(name, out int t) ? t : 0;

    /// <summary>
    /// Defines (or returns the existing) static type <paramref name="name"/>. For generic types whose
    /// size the profile records in <see cref="ObjectLayout.BuiltinSizes"/>, that size wins over
    /// <paramref name="basicSize"/>.
    /// </summary>
    public int Define(string name, TypeKind kind, int basicSize, int itemSize, bool isGc)
    {
        if (_byName.TryGetValue(name, out int existing)) return existing;
        if (kind == TypeKind.Generic && _heap.Profile.Layout.BuiltinSizes.TryGetValue(name, out int recorded))
        {
            basicSize = recorded - (isGc ? _heap.Profile.Layout.GcHeaderSize : 0);
        }
        var info = new TypeInfo(name, kind, basicSize, itemSize, isGc);
        ObjectTable t = _heap.T;
        int typeOfType = _byName.TryGetValue("type", out int tt) ? tt : 0;
        int slot = t.NewSlot(typeOfType, TypeKind.Type, ObjectFlags.Static);
        if (typeOfType == 0)
        {
            t.SetStampedType(slot, slot);
        }
        info.Self = slot;
        info.Base = name == "object" ? 0 : _byName.GetValueOrDefault("object");
        t.SetPayload(slot, info);
        t.SetAddress(slot, PyHeap.StaticAddress(slot));
        // Static types are ordinary-count objects in 3.11 (PyVarObject_HEAD_INIT), immortal from 3.12.
        _heap.MakeStatic(slot, deepFrozen: false);
        _byName[name] = slot;
        return slot;
    }
}
