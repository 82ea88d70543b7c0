namespace PyHeapSim;

/// <summary>
/// A handle to a simulated Python object: a slot index in the heap's object table plus the slot's
/// stamp when the handle was made. When the object is freed its slot's stamp changes, so a handle kept
/// past the object's death is <em>detected</em> (<see cref="StaleReferenceException"/>) rather than
/// silently pointing at whatever reuses the slot.
/// </summary>
/// <remarks>
/// <c>default(PyRef)</c> is <see cref="Null"/>: "no object" (CPython's <c>NULL</c>), not Python's
/// <c>None</c>, which is a real object with its own handle (<see cref="PyHeap.None"/>). A handle is
/// 8 bytes, compares by value and is safe to copy; it does not own a reference by itself — the
/// operation that returned it says whether the caller owns one.
/// </remarks>
/// <param name="Index">Slot in the object table; 0 only for <see cref="Null"/>.</param>
/// <param name="Stamp">The slot's stamp when this handle was made.</param>
public readonly record struct PyRef(int Index, uint Stamp)
{
    /// <summary>No object. Same as <c>default</c>.</summary>
    public static PyRef Null => default;

    /// <summary>True for <see cref="Null"/>.</summary>
    public bool IsNull => Index == 0;

    /// <inheritdoc />
    public override string ToString() => IsNull ? "PyRef(NULL)" : $"PyRef(#{Index}:{Stamp})";
}
