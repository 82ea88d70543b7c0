namespace PyHeapSim.Objects;

/// <summary>Per-object bits (a 2-byte column). CPython keeps some of these in <c>_gc_prev</c>'s low bits;
/// here each has its own bit, so no list is ever "not a normal list".</summary>
[Flags]
public enum ObjectFlags : ushort
{
    /// <summary>No flag.</summary>
    None = 0,
    /// <summary>The slot holds a live object.</summary>
    Live = 1 << 0,
    /// <summary>The object's type has <c>Py_TPFLAGS_HAVE_GC</c>: it carries a GC header whether tracked or not.</summary>
    GcType = 1 << 1,
    /// <summary>Immortal (3.12+): incref and decref leave the count alone.</summary>
    Immortal = 1 << 2,
    /// <summary>PEP 442: its finalizer (<c>__del__</c>) already ran (<c>_PyGC_PREV_MASK_FINALIZED</c>).</summary>
    Finalized = 1 << 3,
    /// <summary>In the generation being collected (<c>_PyGC_PREV_MASK_COLLECTING</c>); only during a collection.</summary>
    Collecting = 1 << 4,
    /// <summary>Tentatively unreachable (<c>NEXT_MASK_UNREACHABLE</c>); only during a collection.</summary>
    Unreachable = 1 << 5,
    /// <summary>A statically allocated interpreter object (singleton, small int, built-in type).</summary>
    Static = 1 << 6,
    /// <summary>An interned string.</summary>
    Interned = 1 << 7,
    /// <summary>At least one weak reference points at it (a side table lists them).</summary>
    HasWeakRefs = 1 << 8,
    /// <summary>Being deallocated: its references are being released.</summary>
    Dying = 1 << 9,
    /// <summary>A generation-list head sentinel, not an object.</summary>
    ListHead = 1 << 10,
    /// <summary>Its host payload array came from the heap's pool and goes back to it when the object dies.</summary>
    PooledPayload = 1 << 11,
}
