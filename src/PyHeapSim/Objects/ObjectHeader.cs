using System.Runtime.InteropServices;

namespace PyHeapSim.Objects;

/// <summary>
/// The fields every operation on an object touches, kept together in one 24-byte column entry so an
/// incref or decref through the public API costs one bounds check and one cache line (CPython's
/// <c>PyObject</c> header is <c>ob_refcnt</c> + <c>ob_type</c> side by side for the same reason).
/// </summary>
/// <remarks>
/// Stamps are odd while the slot holds a live object and even while it is free: allocation and release
/// each bump the stamp once, so a handle is valid exactly when its stamp equals the slot's and is odd —
/// no separate "live" bit has to be read on the hot path.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct ObjectHeader
{
    /// <summary><c>ob_refcnt</c>: what <c>sys.getrefcount</c> reports, minus its own argument.</summary>
    public long RefCount;

    /// <summary>Bumped on allocation (to odd) and on release (to even); catches stale handles.</summary>
    public uint Stamp;

    /// <summary>References owned through the public API (the part of the count no object holds; for <c>Verify</c>).</summary>
    public int External;

    /// <summary><c>ob_type</c>: slot of the type object.</summary>
    public int Type;

    /// <summary>Per-object bits.</summary>
    public ObjectFlags Flags;

    /// <summary>TypeKind of the type, cached for dispatch.</summary>
    public TypeKind Kind;
}
