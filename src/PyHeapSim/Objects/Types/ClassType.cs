using PyHeapSim.Objects.Stores;
using PyHeapSim.Profiles;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// Classes created by the program (heap types, <c>type_new</c>): a GC-tracked type object that owns
/// its base and its namespace dict, and the instance layout its <c>__slots__</c> imply.
/// </summary>
internal static class ClassType
{
    /// <summary><c>_Py_Mangle</c>: <c>__x</c> in class <c>C</c> is <c>_C__x</c> (dunder names and names of classes made
    /// only of underscores are left alone).</summary>
    private static string MangledName(string className, string name)
    {
        if (!name.StartsWith("__", StringComparison.Ordinal) || name.EndsWith("__", StringComparison.Ordinal) || name.Contains('.')) return name;
        string stripped = className.TrimStart('_');
        return stripped.Length == 0 ? name : "_" + stripped + name;
    }

    /// <summary>Own members first (in layout order), then the base's in its own visit order.</summary>
    private static int[]? SlotVisitOrder(TypeInfo? baseInfo, int count)
    {
        int inherited = baseInfo?.SlotNames.Count ?? 0;
        if (inherited == 0) return null;
        var order = new int[count];
        int k = 0;
        for (int i = inherited; i < count; i++) order[k++] = i;
        if (baseInfo!.SlotVisitOrder is { } baseOrder)
        {
            foreach (int i in baseOrder) order[k++] = i;
        }
        else
        {
            for (int i = 0; i < inherited; i++) order[k++] = i;
        }
        return order;
    }

    /// <summary>
    /// Creates class <paramref name="name"/> deriving from <paramref name="baseType"/> (0 = object).
    /// <paramref name="slots"/> null means no <c>__slots__</c> (instances get <c>__dict__</c> and
    /// <c>__weakref__</c>); otherwise the listed names, where <c>__dict__</c>/<c>__weakref__</c> add those.
    /// The namespace dict <paramref name="namespaceDict"/> (may be 0) is taken over (stolen).
    /// </summary>
    public static int New(PyHeap heap, string name, int baseType, IReadOnlyList<string>? slots, int namespaceDict)
    {
        ObjectLayout l = heap.Profile.Layout;
        if (baseType == 0) baseType = heap.Types.Object;
        TypeInfo baseInfo = heap.T.TypeInfoOfType(baseType);
        if (!baseInfo.IsHeapType && baseInfo.InstanceKind != TypeKind.Object && baseInfo.InstanceKind != TypeKind.Instance)
        {
            Throw.Type($"pyheapsim: subclassing the built-in type '{baseInfo.Name}' is not modelled");
        }
        bool inheritsFinalizer = baseInfo.HasFinalizer;
        bool instanceBase = baseInfo.InstanceKind == TypeKind.Instance;
        var slotNames = new List<string>(instanceBase ? baseInfo.SlotNames : []);
        bool hasDict = instanceBase && baseInfo.HasInstanceDict;
        bool hasWeak = instanceBase && baseInfo.HasWeakRefSlot;
        if (slots is null)
        {
            hasDict = true;
            hasWeak = true;
        }
        else
        {
            var own = new List<string>();
            foreach (string s in slots)
            {
                if (s == "__dict__") hasDict = true;
                else if (s == "__weakref__") hasWeak = true;
                else own.Add(s);
            }
            // type_new_slots: the member names are mangled and sorted before the members are laid out, so
            // __slots__ = ("b", "a") puts a first (and clears it first at dealloc).
            own.Sort((x, y) => string.CompareOrdinal(MangledName(name, x), MangledName(name, y)));
            slotNames.AddRange(own);
        }
        var info = new TypeInfo(name, TypeKind.Instance, 0, 0, isGc: true)
        {
            IsHeapType = true,
            HasInstanceDict = hasDict,
            HasWeakRefSlot = hasWeak,
            SlotNames = slotNames,
            SlotVisitOrder = SlotVisitOrder(instanceBase ? baseInfo : null, slotNames.Count),
            HasFinalizer = inheritsFinalizer,
        };
        (info.BasicSize, info.PreHeaderSize) = InstanceLayout(l, slotNames.Count, hasDict, hasWeak);
        if (hasDict)
        {
            // _PyDict_NewKeysForClass: new_keys_object, so ≤3.10 an 8-slot table may come from the keys free list.
            GrowthRules g = heap.Profile.Growth;
            var keys = new DictKeys(g.SharedKeysLog2Size, DictType.UsableFraction(1 << g.SharedKeysLog2Size), unicode: true, shared: true);
            if (g.SharedKeysMaxSize > 0) keys.Usable = g.SharedKeysMaxSize;
            keys.AllocatedBytes = DictType.KeysBytes(heap, keys);
            keys.Address = DictType.AllocateKeysBlock(heap, keys.Log2Size, unicode: true, keys.AllocatedBytes);
            info.CachedKeys = keys;
        }
        int bytes = l.GcHeaderSize + l.HeapTypeBasicSize;
        int o = heap.Allocate(heap.Types.Type, TypeKind.Type, bytes, isGc: true);
        heap.IncRef(heap.Types.Type);
        info.Self = o;
        info.Base = heap.NewRef(baseType);
        info.Dict = namespaceDict != 0 ? namespaceDict : DictType.New(heap);
        heap.T.SetPayload(o, info);
        heap.Gc.Track(o);
        // type_new: tp_bases = (base,), tp_mro = (cls, *base.__mro__). The mro holds the class itself,
        // so a class is part of a reference cycle and is freed by the collector, not by refcount.
        info.Bases = TupleType.New(heap, [baseType]);
        var mro = new List<int> { o };
        for (int b = baseType; b != 0; b = heap.T.TypeInfoOfType(b).Base) mro.Add(b);
        info.Mro = TupleType.New(heap, mro.ToArray());
        return o;
    }

    /// <summary>(tp_basicsize, pre-header bytes) of instances for a layout (cpython-facts §1.3, §1.5).</summary>
    public static (int BasicSize, int PreHeader) InstanceLayout(ObjectLayout l, int slotCount, bool hasDict, bool hasWeak)
    {
        int body = l.ObjectHeaderSize + 8 * slotCount;
        switch (l.InstanceDicts)
        {
            case InstanceDictLayout.DictInBody:
                return (body + (hasDict ? 8 : 0) + (hasWeak ? 8 : 0), 0);
            case InstanceDictLayout.PreHeaderValues:
                return (body + (hasWeak ? 8 : 0), hasDict ? 16 : 0);
            default:
                return (body, hasDict || hasWeak ? 16 : 0);
        }
    }

    /// <summary>Borrowed attribute lookup along the class chain (<c>_PyType_Lookup</c>), or 0.</summary>
    public static int LookupAttribute(PyHeap heap, int type, int name)
    {
        for (int t = type; t != 0;)
        {
            TypeInfo ti = heap.T.TypeInfoOfType(t);
            if (ti.Dict != 0)
            {
                int v = DictType.GetItem(heap, ti.Dict, name);
                if (v != 0) return v;
            }
            t = ti.Base;
        }
        return 0;
    }

    /// <summary>
    /// <c>type.__sizeof__</c> (<c>type___sizeof___impl</c>): <c>sizeof(PyTypeObject)</c> for a static type;
    /// for a class <c>sizeof(PyHeapTypeObject)</c> plus <c>_PyDict_KeysSize(ht_cached_keys)</c> of the
    /// cached keys it holds now, so a ≤3.10 class grows when its shared keys are re-shared larger and
    /// shrinks when sharing is turned off (3.8: 1064 → 1192 → 896).
    /// </summary>
    public static int ObjectSizeOf(PyHeap heap, int o)
    {
        TypeInfo ti = heap.T.TypeInfoOfType(o);
        if (!ti.IsHeapType) return heap.Profile.Layout.BuiltinSizes.GetValueOrDefault("static_type", 416);
        int size = heap.Profile.Layout.HeapTypeBasicSize;
        if (ti.CachedKeys is { } keys) size += DictType.KeysBytes(heap, keys);
        return size;
    }
}
