namespace PyHeapSim.Objects.Types;

/// <summary>
/// Instances of the built-in types the core does not model in detail — iterators, ranges, generators,
/// bound methods, cells, <c>bytearray</c>, <c>complex</c> — as <see cref="TypeKind.Generic"/> objects
/// whose <c>sys.getsizeof</c> is the size the profile recorded (<see cref="Profiles.ObjectLayout.BuiltinSizes"/>).
/// </summary>
/// <remarks>
/// Whether the type has <c>Py_TPFLAGS_HAVE_GC</c> (a GC header, tracked instances) is a property of the
/// type in every supported version:
/// <code>
///   GC      list_iterator tuple_iterator str_iterator dict_keyiterator dict_valueiterator
///           dict_itemiterator set_iterator enumerate zip generator method
///           builtin_function_or_method cell function
///   plain   range range_iterator bytearray complex
/// </code>
/// </remarks>
internal static class BuiltinObjectType
{
    /// <summary>True when <paramref name="name"/> is a type this file can instantiate; <paramref name="isGc"/> says whether it is a GC type.</summary>
    public static bool IsKnown(string name, out bool isGc)
    {
        switch (name)
        {
            case "list_iterator":
            case "tuple_iterator":
            case "str_iterator":
            case "dict_keyiterator":
            case "dict_valueiterator":
            case "dict_itemiterator":
            case "set_iterator":
            case "enumerate":
            case "zip":
            case "generator":
            case "method":
            case "builtin_function_or_method":
            case "cell":
            case "function":
                isGc = true;
                return true;
            case "range":
            case "range_iterator":
            case "bytearray":
            case "complex":
                isGc = false;
                return true;
            default:
                isGc = false;
                return false;
        }
    }

    /// <summary>The static type <paramref name="name"/>, defined on first use with its recorded size.</summary>
    public static int TypeFor(PyHeap heap, string name, bool isGc)
    {
        int type = heap.Types.Find(name);
        if (type != 0) return type;
        // Define takes the recorded size (GC header included) from BuiltinSizes for generic types.
        return heap.Types.Define(name, TypeKind.Generic, 0, 0, isGc);
    }

    /// <summary>A new object of built-in type <paramref name="name"/> owning new references to <paramref name="refs"/>.</summary>
    public static int New(PyHeap heap, string name, ReadOnlySpan<int> refs)
    {
        if (!IsKnown(name, out bool isGc) || (name != "function" && !heap.Profile.Layout.BuiltinSizes.ContainsKey(name)))
        {
            throw new ArgumentException($"'{name}' is not a built-in type PyHeapSim can instantiate generically.", nameof(name));
        }
        return GenericType.New(heap, TypeFor(heap, name, isGc), refs, host: null);
    }

    /// <summary>
    /// <c>bytearray(data)</c> (<c>Objects/bytearrayobject.c</c>): a 56-byte object plus a separately allocated
    /// buffer of <c>ob_alloc = n + 1</c> bytes (none when empty); <c>__sizeof__</c> = 56 + <c>ob_alloc</c>.
    /// </summary>
    public static int NewByteArray(PyHeap heap, byte[] data)
    {
        int alloc = data.Length == 0 ? 0 : data.Length + 1;
        int o = GenericType.New(heap, TypeFor(heap, "bytearray", isGc: false), ReadOnlySpan<int>.Empty, data, track: false, extraBytes: alloc);
        GenericType.Data(heap, o).SizeofExtra = alloc;
        return o;
    }

    /// <summary><c>complex(real, imag)</c>: header + two doubles, not a GC type. Hashes by identity in the simulator.</summary>
    public static int NewComplex(PyHeap heap, double real, double imag) =>
        GenericType.New(heap, TypeFor(heap, "complex", isGc: false), ReadOnlySpan<int>.Empty, new System.Numerics.Complex(real, imag), track: false);

    /// <summary>The value of a complex created by <see cref="NewComplex"/>.</summary>
    public static System.Numerics.Complex ComplexValue(PyHeap heap, int o) => (System.Numerics.Complex)GenericType.Data(heap, o).Host!;
}
