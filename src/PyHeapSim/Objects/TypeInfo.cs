namespace PyHeapSim.Objects;

/// <summary>
/// What the heap knows about one type object: its layout family, sizes and, for classes, their
/// attribute layout. One instance per type object (built-in or class), held as the type object's
/// payload. Mutable only while the type is being built.
/// </summary>
public sealed class TypeInfo
{
    internal TypeInfo(string name, TypeKind instanceKind, int basicSize, int itemSize, bool isGc)
    {
        Name = name;
        InstanceKind = instanceKind;
        BasicSize = basicSize;
        ItemSize = itemSize;
        IsGc = isGc;
    }

    /// <summary><c>__name__</c>.</summary>
    public string Name { get; }

    /// <summary>The layout family of this type's instances.</summary>
    public TypeKind InstanceKind { get; }

    /// <summary><c>tp_basicsize</c>, simulated bytes, without GC header or pre-header.</summary>
    public int BasicSize { get; internal set; }

    /// <summary><c>tp_itemsize</c>, simulated bytes per item of a variable-size object.</summary>
    public int ItemSize { get; }

    /// <summary><c>Py_TPFLAGS_HAVE_GC</c>: instances carry a GC header.</summary>
    public bool IsGc { get; }

    /// <summary>
    /// The free list this built-in type's instances are taken from and parked on (3.8's bound and built-in
    /// methods), or null. Only for <see cref="TypeKind.Generic"/> types; the container kinds have theirs in
    /// <see cref="ObjectModel.FreeBuffers"/>.
    /// </summary>
    internal Memory.FreeLists.BlockStack? FreeList { get; set; }

    /// <summary>A class created by the program (heap type): its instances own a reference to it.</summary>
    public bool IsHeapType { get; internal set; }

    /// <summary>Slot of the type object in the table (set when the type object is created).</summary>
    public int Self { get; internal set; }

    /// <summary>Slot of the base type (0 for <c>object</c>). Classes own a reference to their base.</summary>
    public int Base { get; internal set; }

    /// <summary>Slot of the <c>__mro__</c> tuple of a class (it holds the class itself: classes live in a
    /// reference cycle and die by collection, not by refcount); 0 for built-in types.</summary>
    public int Mro { get; internal set; }

    /// <summary><c>ht_slots</c>: the sorted tuple of a class's own <c>__slots__</c> names (0 when it has none);
    /// owned by the class, released by <c>type_dealloc</c> after the MRO.</summary>
    public int HtSlots { get; internal set; }

    /// <summary>Slot of the <c>__bases__</c> tuple of a class; 0 for built-in types.</summary>
    public int Bases { get; internal set; }

    /// <summary>Slot of the class namespace dict (<c>tp_dict</c>); 0 for built-in types.</summary>
    public int Dict { get; internal set; }

    /// <summary>Instances have a <c>__dict__</c>.</summary>
    public bool HasInstanceDict { get; internal set; }

    /// <summary>Instances can be weakly referenced.</summary>
    public bool HasWeakRefSlot { get; internal set; }

    /// <summary>Names of <c>__slots__</c> members (inherited first, then own), in layout order.</summary>
    public IReadOnlyList<string> SlotNames { get; internal set; } = [];

    /// <summary>
    /// Indexes into <see cref="SlotNames"/> in the order <c>subtype_traverse</c> visits and <c>subtype_dealloc</c>
    /// clears the members (<c>traverse_slots</c>/<c>clear_slots</c> per type, the most derived type first).
    /// Null: layout order.
    /// </summary>
    public int[]? SlotVisitOrder { get; internal set; }

    /// <summary>Bytes before the GC header: 16 when instances have managed dict/weakref pre-header words (3.11+).</summary>
    public int PreHeaderSize { get; internal set; }

    /// <summary>The class defines <c>__del__</c> (<c>tp_finalize</c>).</summary>
    public bool HasFinalizer { get; set; }

    /// <summary>Cached shared keys for instance dicts (<c>ht_cached_keys</c>); null when sharing is off.</summary>
    internal Stores.DictKeys? CachedKeys { get; set; }

    /// <summary>Data the script runtime attaches to the type (method tables and the like).</summary>
    public object? Host { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"<class '{Name}'>";
}
