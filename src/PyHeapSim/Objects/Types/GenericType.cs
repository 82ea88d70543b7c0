using PyHeapSim.Objects.Stores;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// Objects of <see cref="TypeKind.Generic"/> types (functions, bound methods, iterators, cells, ranges …):
/// a fixed array of owned references plus host data. Their size is the type's basic size.
/// </summary>
internal static class GenericType
{
    /// <summary>A new object of type <paramref name="type"/> owning new references to <paramref name="refs"/>;
    /// tracked when the type is a GC type and <paramref name="track"/> is set. <paramref name="extraBytes"/>: a
    /// separately allocated buffer; <paramref name="blockBytes"/>: the object's whole block when its type is
    /// variable-sized (a 3.11+ generator with its frame slots), 0 = the type's size (<c>__sizeof__</c> follows
    /// the block).</summary>
    public static int New(PyHeap heap, int type, ReadOnlySpan<int> refs, object? host, bool track = true, long extraBytes = 0, int blockBytes = 0)
    {
        TypeInfo ti = heap.T.TypeInfoOfType(type);
        int fixedBytes = (ti.IsGc ? heap.Profile.Layout.GcHeaderSize : 0) + ti.BasicSize;
        int bytes = blockBytes > 0 ? blockBytes : fixedBytes;
        int o = heap.Allocate(type, TypeKind.Generic, bytes, ti.IsGc, blockBytes > 0 ? null : ti.FreeList);
        int[] arr = refs.ToArray();
        foreach (int r in arr) heap.XIncRef(r);
        var data = new GenericData(arr, host) { ExtraBytes = extraBytes, SizeofExtra = bytes - fixedBytes };
        if (extraBytes > 0) data.ExtraAddress = heap.Memory.Malloc(extraBytes);
        heap.T.SetPayload(o, data);
        if (ti.IsHeapType) heap.IncRef(type);
        if (ti.IsGc && track) heap.Gc.Track(o);
        return o;
    }

    public static GenericData Data(PyHeap heap, int o) => (GenericData)heap.T.Payload(o)!;

    /// <summary>Replaces reference <paramref name="index"/> with a new reference to <paramref name="value"/> (0 = NULL).</summary>
    public static void SetRef(PyHeap heap, int o, int index, int value)
    {
        GenericData d = Data(heap, o);
        int old = d.Refs[index];
        d.Refs[index] = value;
        heap.XIncRef(value);
        heap.XDecRef(old);
    }

    public static int ObjectSizeOf(PyHeap heap, int o) => heap.T.TypeInfoOf(o).BasicSize + (int)Data(heap, o).SizeofExtra;
}
