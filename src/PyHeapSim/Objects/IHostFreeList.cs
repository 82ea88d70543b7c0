namespace PyHeapSim.Objects;

/// <summary>
/// Host data of a <see cref="TypeKind.Generic"/> object whose <c>tp_dealloc</c> may keep the object alive
/// on a free list of live objects instead of freeing it: ≤3.10 <c>frame_dealloc</c> clears the frame's
/// locals and <c>f_back</c>, then parks the frame as its code's <c>co_zombieframe</c> or on the frame free
/// list, without <c>PyObject_GC_Del</c> (so the collector's count is not decremented either).
/// </summary>
internal interface IHostFreeList
{
    /// <summary>
    /// Called when <paramref name="o"/>'s count reached 0, after it was untracked and before anything of it
    /// was released. Returns true when the host kept the object: it released what the object owned itself,
    /// and the heap sets the count to 1 (the free list's reference) and stops. False: the normal
    /// deallocation goes on.
    /// </summary>
    bool TryPark(PyHeap heap, int o);
}
