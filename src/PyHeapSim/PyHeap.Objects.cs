using System.Numerics;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim;

/// <summary>Creating objects and reading their values. Every <c>New…</c> returns a reference the caller owns.</summary>
public sealed partial class PyHeap
{
    /// <summary>An int; values in −5…256 return the cached small int (a new reference to it).</summary>
    public PyRef NewInt(long value) => Owned(IntType.New(this, value));

    /// <summary>An int of any size (30-bit digits).</summary>
    public PyRef NewInt(BigInteger value) => Owned(IntType.New(this, value));

    /// <summary>A float (taken from the float free list when one is parked there).</summary>
    public PyRef NewFloat(double value) => Owned(FloatType.New(this, value));

    /// <summary>A str; the empty string and one-character latin-1 strings are cached singletons.</summary>
    public PyRef NewStr(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Owned(StrType.New(this, value));
    }

    /// <summary>A bytes object; <c>b''</c> and single bytes are cached singletons.</summary>
    public PyRef NewBytes(ReadOnlySpan<byte> value) => Owned(BytesType.New(this, value.ToArray()));

    /// <summary>A tuple holding new references to <paramref name="items"/>; <c>()</c> is a singleton.</summary>
    public PyRef NewTuple(params PyRef[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return NewTuple((ReadOnlySpan<PyRef>)items);
    }

    /// <summary>A tuple holding new references to <paramref name="items"/>; <c>()</c> is a singleton.
    /// Allocation-free on the host for up to 20 items once warm (the span overload the compiler picks for
    /// <c>NewTuple(a, b)</c>).</summary>
    public PyRef NewTuple(params ReadOnlySpan<PyRef> items)
    {
        Span<int> slots = items.Length <= 32 ? stackalloc int[items.Length] : new int[items.Length];
        for (int i = 0; i < items.Length; i++) slots[i] = Slot(items[i]);
        return Owned(TupleType.New(this, slots));
    }

    /// <summary>An empty list (<c>[]</c>): 56 bytes, no item array yet.</summary>
    public PyRef NewList() => Owned(ListType.New(this));

    /// <summary>
    /// A list display <c>[a, b, …]</c> of names: <c>BUILD_LIST n</c>, exactly n slots, new references to the items.
    /// </summary>
    public PyRef NewList(params PyRef[] items) => Owned(ListType.NewExact(this, Slots(items)));

    /// <summary>An empty dict (<c>{}</c>), untracked until it stores a container.</summary>
    public PyRef NewDict() => Owned(DictType.New(this));

    /// <summary>An empty set.</summary>
    public PyRef NewSet() => Owned(SetType.New(this, frozen: false));

    /// <summary>A frozenset of new references to <paramref name="items"/> (added one by one).</summary>
    public PyRef NewFrozenSet(params PyRef[] items)
    {
        int[] slots = Slots(items);
        int o = SetType.New(this, frozen: true);
        foreach (int s in slots) SetType.Add(this, o, s);
        return Owned(o);
    }

    /// <summary>A plain <c>object()</c> (16 bytes, not a GC object).</summary>
    public PyRef NewObject() => Owned(NewPlainObject());

    internal int NewPlainObject() => Allocate(Types.Object, TypeKind.Object, Profile.Layout.ObjectHeaderSize, isGc: false);

    /// <summary>
    /// A class (<c>class Name(Base): __slots__ = …</c>). <paramref name="baseClass"/> Null means <c>object</c>;
    /// <paramref name="slots"/> null means no <c>__slots__</c> (instances have <c>__dict__</c> and
    /// <c>__weakref__</c>).
    /// </summary>
    public PyRef NewClass(string name, PyRef baseClass = default, IReadOnlyList<string>? slots = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        int b = baseClass.IsNull ? 0 : Slot(baseClass);
        if (b != 0 && T.Kind(b) != TypeKind.Type) Throw.Type($"bases must be types, not {ObjectModel.TypeName(this, b)}");
        return Owned(ClassType.New(this, name, b, slots, 0));
    }

    /// <summary>Marks class <paramref name="cls"/> as defining <c>__del__</c>: its instances are finalized
    /// (through <see cref="Callbacks"/>) when they die.</summary>
    public void SetHasFinalizer(PyRef cls, bool hasFinalizer = true)
    {
        int c = Slot(cls);
        if (T.Kind(c) != TypeKind.Type || !T.TypeInfoOfType(c).IsHeapType) Throw.Type("only classes created with NewClass can have a finalizer");
        T.TypeInfoOfType(c).HasFinalizer = hasFinalizer;
    }

    /// <summary>An instance of class <paramref name="cls"/>; it owns a reference to the class.</summary>
    public PyRef NewInstance(PyRef cls)
    {
        int c = Slot(cls);
        if (T.Kind(c) != TypeKind.Type) Throw.Type($"'{ObjectModel.TypeName(this, c)}' object is not callable");
        TypeInfo ti = T.TypeInfoOfType(c);
        if (ti.InstanceKind == TypeKind.Object) return NewObject();
        if (ti.InstanceKind != TypeKind.Instance) Throw.Type($"pyheapsim: NewInstance supports classes and object, not '{ti.Name}'");
        return Owned(InstanceType.New(this, c));
    }

    /// <summary><c>weakref.ref(referent[, callback])</c>. Without a callback the same weak reference is shared.</summary>
    /// <exception cref="PyTypeException">The referent's type does not support weak references.</exception>
    public PyRef NewWeakRef(PyRef referent, PyRef callback = default)
    {
        int o = Slot(referent);
        int cb = callback.IsNull ? 0 : Slot(callback);
        if (!WeakRefType.Supports(this, o)) Throw.Type($"cannot create weak reference to '{ObjectModel.TypeName(this, o)}' object");
        return Owned(WeakRefType.New(this, o, cb));
    }

    /// <summary>Calling a weak reference: the referent (a new reference), or <see cref="None"/> once it died.</summary>
    public PyRef WeakRefTarget(PyRef weakRef)
    {
        int w = Slot(weakRef);
        if (T.Kind(w) != TypeKind.WeakRef) Throw.Type("not a weak reference");
        int target = WeakRefType.Referent(this, w);
        return Owned(NewRef(target != 0 ? target : NoneObj));
    }

    /// <summary>The int's value.</summary>
    public BigInteger IntValue(PyRef r)
    {
        int o = Slot(r);
        if (T.Kind(o) is not (TypeKind.Int or TypeKind.Bool)) Throw.Type($"expected int, got {ObjectModel.TypeName(this, o)}");
        return IntType.Value(this, o);
    }

    /// <summary>The float's value.</summary>
    public double FloatValue(PyRef r)
    {
        int o = Slot(r);
        if (T.Kind(o) != TypeKind.Float) Throw.Type($"expected float, got {ObjectModel.TypeName(this, o)}");
        return FloatType.Value(this, o);
    }

    /// <summary>The str's text.</summary>
    public string StrValue(PyRef r)
    {
        int o = Slot(r);
        if (T.Kind(o) != TypeKind.Str) Throw.Type($"expected str, got {ObjectModel.TypeName(this, o)}");
        return StrType.Value(this, o);
    }

    /// <summary>Validates every handle before anything changes (throw before mutating).</summary>
    private int[] Slots(PyRef[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var slots = new int[items.Length];
        for (int i = 0; i < items.Length; i++) slots[i] = Slot(items[i]);
        return slots;
    }
}
