using PyHeapSim.Objects.Stores;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// <c>weakref.ref</c> (<c>Objects/weakrefobject.c</c>): does not own its referent; owns its callback.
/// A referent's weak references are kept newest first, as CPython's <c>tp_weaklist</c> hands them to
/// <c>PyObject_ClearWeakRefs</c>. A plain reference without callback is shared.
/// </summary>
internal static class WeakRefType
{
    public static WeakRefData Data(PyHeap heap, int o) => (WeakRefData)heap.T.Payload(o)!;

    /// <summary>True when objects of <paramref name="referent"/>'s kind accept weak references.</summary>
    public static bool Supports(PyHeap heap, int referent)
    {
        switch (heap.T.Kind(referent))
        {
            case TypeKind.Instance:
                return heap.T.TypeInfoOf(referent).HasWeakRefSlot;
            case TypeKind.Set:
            case TypeKind.FrozenSet:
            case TypeKind.Type:
                return true;
            case TypeKind.Generic:
                return heap.T.TypeInfoOf(referent).Name is "function" or "generator" or "method";
            default:
                return false;
        }
    }

    /// <summary><c>weakref.ref(referent, callback)</c>: a new reference; reuses the shared callback-less ref.</summary>
    public static int New(PyHeap heap, int referent, int callback)
    {
        List<int> refs = heap.WeakRefsOf(referent, create: true)!;
        if (callback == 0)
        {
            foreach (int w in refs)
            {
                if (Data(heap, w).Callback == 0) return heap.NewRef(w);
            }
        }
        int bytes = heap.Profile.Layout.GcHeaderSize + heap.Profile.Layout.WeakRefBasicSize;
        int o = heap.Allocate(heap.Types.WeakRef, TypeKind.WeakRef, bytes, isGc: true);
        heap.T.SetPayload(o, new WeakRefData { Referent = referent, Callback = callback == 0 ? 0 : heap.NewRef(callback) });
        // The basic (callback-less) ref sits at the head; others are inserted after it, newest first.
        if (callback == 0) refs.Insert(0, o);
        else refs.Insert(refs.Count > 0 && Data(heap, refs[0]).Callback == 0 ? 1 : 0, o);
        heap.T.Set(referent, ObjectFlags.HasWeakRefs);
        heap.Gc.Track(o);
        return o;
    }

    /// <summary>The referent if still alive (borrowed), else 0.</summary>
    public static int Referent(PyHeap heap, int o) => Data(heap, o).Referent;
}
