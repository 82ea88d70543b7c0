namespace PyHeapSim.Tracing;

/// <summary>What happened in the heap.</summary>
public enum HeapEventKind
{
    /// <summary>An object was allocated (its block requested, or taken from a free list).</summary>
    Allocate,
    /// <summary>An object was deallocated.</summary>
    Free,
    /// <summary>A collection of <see cref="HeapEvent.Generation"/> starts.</summary>
    CollectionStart,
    /// <summary>A collection ended; <see cref="HeapEvent.Count"/> objects were collected.</summary>
    CollectionEnd,
}

/// <summary>
/// One heap event. <see cref="Slot"/> and <see cref="Stamp"/> identify the object (as a <see cref="PyRef"/>
/// would); <see cref="Bytes"/> is the simulated block size; for collections <see cref="Generation"/> and
/// <see cref="Count"/> are set. The default value is an allocation of nothing and means nothing.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Sequence">Position of the event in the heap's history (0-based).</param>
/// <param name="Slot">Object slot, 0 for collection events.</param>
/// <param name="Stamp">Slot stamp of the object.</param>
/// <param name="TypeName"><c>type(o).__name__</c>, null for collection events.</param>
/// <param name="Bytes">Simulated bytes of the object's block.</param>
/// <param name="Generation">Generation collected, -1 for object events.</param>
/// <param name="Count">Objects collected (CollectionEnd), else 0.</param>
public readonly record struct HeapEvent(HeapEventKind Kind, long Sequence, int Slot, uint Stamp, string? TypeName, long Bytes, int Generation, long Count);

/// <summary>
/// Receives heap events. Set <see cref="PyHeap.Observer"/>; when it is null events cost one branch. Calls
/// happen synchronously, inside heap operations: an observer must not touch the heap.
/// </summary>
public interface IHeapObserver
{
    /// <summary>Called once per event, in order.</summary>
    void OnEvent(in HeapEvent e);
}
