namespace PyHeapSim.Objects.Types;

/// <summary><c>bytes</c> (<c>Objects/bytesobject.c</c>): 33 + n bytes, one block, not a GC type.</summary>
internal static class BytesType
{
    public static int New(PyHeap heap, byte[] data)
    {
        if (data.Length == 0) return heap.NewRef(heap.EmptyBytesObj);
        if (data.Length == 1) return heap.NewRef(heap.SingleByte(data[0]));
        int o = heap.Allocate(heap.Types.Bytes, TypeKind.Bytes, heap.Profile.Layout.BytesBasicSize + data.Length, isGc: false);
        heap.T.SetPayload(o, data);
        return o;
    }

    /// <summary>A new bytes object even when empty or one byte long (<c>bytes_repeat</c> mallocs its result directly,
    /// bypassing the <c>b''</c> and single-byte singletons).</summary>
    public static int NewFresh(PyHeap heap, byte[] data)
    {
        int o = heap.Allocate(heap.Types.Bytes, TypeKind.Bytes, heap.Profile.Layout.BytesBasicSize + data.Length, isGc: false);
        heap.T.SetPayload(o, data);
        return o;
    }

    public static byte[] Value(PyHeap heap, int o) => (byte[])heap.T.Payload(o)!;

    public static int ObjectSizeOf(PyHeap heap, int o) => heap.Profile.Layout.BytesBasicSize + Value(heap, o).Length;

    public static long Hash(byte[] b)
    {
        ulong h = 1469598103934665603UL;
        foreach (byte x in b)
        {
            h ^= x;
            h *= 1099511628211UL;
        }
        long r = (long)(h >> 1);
        return r == -1 ? -2 : r;
    }
}
