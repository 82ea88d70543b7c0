using System.Runtime.CompilerServices;
using PyHeapSim.Objects;

namespace PyHeapSim;

/// <summary>The public boundary: handle validation and the bookkeeping of references the caller owns.</summary>
public sealed partial class PyHeap
{
    /// <summary>The slot of a live object, or a <see cref="StaleReferenceException"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Slot(PyRef r)
    {
        if (!T.IsValid(r)) Throw.Stale(r);
        return r.Index;
    }

    /// <summary>Hands a new reference (already counted in the refcount) to the caller as an owned handle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal PyRef Owned(int o)
    {
        if (!T.Has(o, ObjectFlags.Immortal)) T.ExternalRef(o)++;
        return new PyRef(o, T.Stamp(o));
    }

    /// <summary>True when <paramref name="r"/> names a live object of this heap. O(1).</summary>
    public bool IsAlive(PyRef r) => T.IsValid(r);

    /// <summary>
    /// <c>Py_INCREF</c>: the caller now owns one more reference. A no-op on immortal objects (3.12+).
    /// O(1), allocation-free.
    /// </summary>
    /// <exception cref="StaleReferenceException">The object was already freed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void IncRef(PyRef r)
    {
        ref ObjectHeader h = ref T.LiveHeader(r);
        if ((h.Flags & ObjectFlags.Immortal) != 0) return;
        h.RefCount++;
        h.External++;
    }

    /// <summary>
    /// <c>Py_DECREF</c>: gives back one reference the caller owns. At zero the object is deallocated at
    /// once, releasing what it held in CPython's order (iteratively: any depth is safe). O(1) plus the
    /// objects freed.
    /// </summary>
    /// <exception cref="StaleReferenceException">The object was already freed.</exception>
    /// <exception cref="NegativeRefCountException">The caller owns no reference to it (every reference left
    /// belongs to other objects, so dropping one is CPython's negative-refcount error waiting to happen);
    /// nothing changes.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DecRef(PyRef r)
    {
        ref ObjectHeader h = ref T.LiveHeader(r);
        if ((h.Flags & ObjectFlags.Immortal) != 0) return;
        long c = h.RefCount;
        // The error path ends the method, so nothing is live across its call and the JIT keeps h and c in
        // registers (with the throw in the middle it spilled both, adding a store-to-load round trip).
        if (c > 0 && h.External > 0)
        {
            h.External--;
            h.RefCount = c - 1;
            if (c == 1) Dealloc(r.Index);
        }
        else
        {
            ThrowNegative(r, r.Index, c);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNegative(PyRef r, int o, long count) =>
        Throw.NegativeRefCount(r, ObjectModel.TypeName(this, o), count);

    /// <summary>
    /// The object's reference count (<c>ob_refcnt</c>). For immortal objects, the fixed value the version
    /// reports (4294967295 in 3.12 and 3.13).
    /// </summary>
    public long RefCount(PyRef r) => T.RefCount(Slot(r));

    /// <summary>
    /// What <c>sys.getrefcount(x)</c> prints for a name bound to <paramref name="r"/>: the count plus
    /// the call's own argument reference (none for immortal objects, whose count does not move).
    /// </summary>
    public long GetRefCount(PyRef r)
    {
        int o = Slot(r);
        return T.Has(o, ObjectFlags.Immortal) ? T.RefCount(o) : T.RefCount(o) + 1;
    }

    /// <summary>True for immortal objects (3.12+ singletons, small ints, interned strings in 3.12 …).</summary>
    public bool IsImmortal(PyRef r) => T.Has(Slot(r), ObjectFlags.Immortal);

    /// <summary><c>sys.getsizeof(x)</c> for this version, simulated bytes. O(1) except dicts and sets (O(1) too).</summary>
    public long GetSizeOf(PyRef r) => ObjectModel.GetSizeOf(this, Slot(r));

    /// <summary><c>type(x).__name__</c>.</summary>
    public string TypeName(PyRef r) => ObjectModel.TypeName(this, Slot(r));

    /// <summary><c>type(x)</c> (borrowed handle).</summary>
    public PyRef TypeOf(PyRef r) => T.RefTo(T.TypeOf(Slot(r)));

    /// <summary><c>gc.is_tracked(x)</c>.</summary>
    public bool IsTracked(PyRef r) => T.IsTracked(Slot(r));

    /// <summary><c>gc.is_finalized(x)</c> (PEP 442 FINALIZED bit).</summary>
    public bool IsFinalized(PyRef r) => T.Has(Slot(r), ObjectFlags.Finalized);

    /// <summary>The simulated address of the object's memory block (stable while it lives; from the allocator model).</summary>
    public long AddressOf(PyRef r) => T.Address(Slot(r));

    /// <summary>References to <paramref name="r"/> currently owned through this API (the external part of its count).</summary>
    public int ExternalReferences(PyRef r) => T.External(Slot(r));
}
