namespace PyHeapSim.Objects.Stores;

/// <summary>
/// Payload of a <see cref="TypeKind.Generic"/> object: the references it owns, in the order CPython's
/// deallocator releases them, and whatever the script runtime attaches (compiled code, a native
/// function, an iterator cursor).
/// </summary>
internal sealed class GenericData
{
    public GenericData(int[] refs, object? host)
    {
        Refs = refs;
        Host = host;
    }

    /// <summary>Owned references; 0 = NULL. Traversed by the collector, released in order on dealloc.</summary>
    public int[] Refs;

    /// <summary>Host-side data; never traced by the simulated collector.</summary>
    public object? Host;

    /// <summary>Simulated bytes of the object's variable part (e.g. a numpy data buffer), allocated separately.</summary>
    public long ExtraBytes;
    public long ExtraAddress;

    /// <summary>Bytes <c>__sizeof__</c> adds to the basic size (e.g. an array's dimensions and owned data).</summary>
    public long SizeofExtra;
}
