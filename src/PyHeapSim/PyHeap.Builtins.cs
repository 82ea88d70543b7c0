using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim;

/// <summary>Built-in objects beyond the core containers: type objects by name, <c>NotImplemented</c>,
/// <c>bytearray</c>, <c>complex</c>, and generic instances of iterator-like types for size checks.</summary>
public sealed partial class PyHeap
{
    /// <summary>Python's <c>NotImplemented</c> (borrowed handle; a static singleton, immortal from 3.12).</summary>
    public PyRef NotImplemented => T.RefTo(NotImplementedObj);

    /// <summary>
    /// The static type object named <paramref name="name"/> (<c>"int"</c>, <c>"type"</c>, <c>"object"</c>,
    /// <c>"list"</c> …) as a borrowed handle. Static types are not GC objects for <c>sys.getsizeof</c>
    /// (<c>getsizeof(int)</c> is <c>sizeof(PyTypeObject)</c>: 416 in 3.8 … 432 in 3.12, 416 in 3.13).
    /// </summary>
    /// <exception cref="ArgumentException">No built-in type of that name exists in this heap (types the
    /// script runtime adds exist once it has run).</exception>
    public PyRef BuiltinType(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int t = Types.Find(name);
        if (t == 0) throw new ArgumentException($"no built-in type named '{name}'", nameof(name));
        return T.RefTo(t);
    }

    /// <summary>
    /// A new object of a built-in type the core models only by size — <c>"list_iterator"</c>,
    /// <c>"tuple_iterator"</c>, <c>"range_iterator"</c>, <c>"str_iterator"</c>, <c>"dict_keyiterator"</c>,
    /// <c>"dict_valueiterator"</c>, <c>"dict_itemiterator"</c>, <c>"set_iterator"</c>, <c>"enumerate"</c>,
    /// <c>"zip"</c>, <c>"generator"</c>, <c>"method"</c>, <c>"builtin_function_or_method"</c>, <c>"cell"</c>,
    /// <c>"function"</c>, <c>"range"</c> — whose <see cref="GetSizeOf"/> is the size recorded from this
    /// version's CPython for a fresh instance (e.g. <c>g()</c> 112/112/104/176/176/176 bytes, 3.8 → 3.13).
    /// It owns new references to <paramref name="references"/> (a method's function and self, an
    /// iterator's sequence …), which the collector traverses and its deallocation releases in order.
    /// GC types are tracked.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown type name.</exception>
    public PyRef NewBuiltinObject(string typeName, params PyRef[] references)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        int[] refs = Slots(references);
        return Owned(BuiltinObjectType.New(this, typeName, refs));
    }

    /// <summary><c>bytearray(value)</c>: 56 bytes plus a separately allocated buffer of <c>len + 1</c> bytes
    /// (none when empty), both counted by <c>getsizeof</c>: 56, 58, 59, …</summary>
    public PyRef NewByteArray(ReadOnlySpan<byte> value) => Owned(BuiltinObjectType.NewByteArray(this, value.ToArray()));

    /// <summary><c>complex(real, imag)</c>: 32 bytes, not a GC object. It hashes by identity in the simulator
    /// (complex dict keys are outside the modelled subset).</summary>
    public PyRef NewComplex(double real, double imag) => Owned(BuiltinObjectType.NewComplex(this, real, imag));
}
