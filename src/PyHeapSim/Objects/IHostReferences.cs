namespace PyHeapSim.Objects;

/// <summary>
/// Host data of a <see cref="TypeKind.Generic"/> object that itself owns simulated references (a
/// generator's suspended frame). The heap calls <see cref="Release"/> when the object is deallocated,
/// before the object's own references, as <c>gen_dealloc</c> clears its frame first.
/// </summary>
internal interface IHostReferences
{
    void Release(PyHeap heap);
}
