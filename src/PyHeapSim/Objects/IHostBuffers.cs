namespace PyHeapSim.Objects;

/// <summary>
/// Host data of a <see cref="TypeKind.Generic"/> object that owns separately allocated blocks under an
/// allocation policy of its own (an extension type such as NumPy's ndarray, whose dimensions/strides and
/// data buffers go through NumPy's small-block caches). The heap calls <see cref="FreeBuffers"/> in the
/// second half of the deallocation, after the object's references were dropped and before its own block
/// is freed: <c>array_dealloc</c> drops <c>base</c>, frees the data, then the dimensions, then
/// <c>tp_free</c>.
/// </summary>
internal interface IHostBuffers
{
    /// <summary>Requested bytes of the blocks the object owns now (for <see cref="PyHeap.Verify"/>).</summary>
    long OwnedBytes { get; }

    /// <summary>Releases the blocks (to the extension's caches or to the allocator).</summary>
    void FreeBuffers(PyHeap heap);
}
