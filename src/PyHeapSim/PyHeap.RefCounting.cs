using System.Runtime.CompilerServices;
using PyHeapSim.Objects;

namespace PyHeapSim;

public sealed partial class PyHeap
{
    /// <summary><c>Py_INCREF</c> inside the heap: a no-op for immortal objects (3.12+).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void IncRef(int o)
    {
        if (!T.Has(o, ObjectFlags.Immortal)) T.SetRefCount(o, T.RefCount(o) + 1);
    }

    /// <summary><c>Py_XINCREF</c>: tolerates NULL (0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void XIncRef(int o)
    {
        if (o != 0) IncRef(o);
    }

    /// <summary><c>Py_DECREF</c> inside the heap; deallocates at zero (<c>_Py_Dealloc</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void DecRef(int o)
    {
        if (T.Has(o, ObjectFlags.Immortal)) return;
        long c = T.RefCount(o) - 1;
        T.SetRefCount(o, c);
        if (c == 0) Dealloc(o);
    }

    /// <summary><c>Py_XDECREF</c>: tolerates NULL (0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void XDecRef(int o)
    {
        if (o != 0) DecRef(o);
    }

    /// <summary>A new (owned) reference to <paramref name="o"/>: increfs and returns it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int NewRef(int o)
    {
        IncRef(o);
        return o;
    }
}
