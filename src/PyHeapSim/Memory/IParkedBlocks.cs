namespace PyHeapSim.Memory;

/// <summary>
/// An extension's cache of freed blocks that it keeps allocated for reuse (NumPy's dimension and data
/// caches), as CPython's own free lists do. <see cref="PyHeap.Verify"/> counts the parked bytes as live.
/// </summary>
internal interface IParkedBlocks
{
    /// <summary>Requested bytes of the blocks parked now.</summary>
    long ParkedBytes { get; }
}
