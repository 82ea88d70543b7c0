namespace PyHeapSim.Objects.Stores;

/// <summary>
/// A list's item array (<c>ob_item</c>): <see cref="Allocated"/> is CPython's <c>allocated</c>, the first
/// <see cref="Allocated"/> slots of <see cref="Items"/> (the host array may be longer: ListType.SetCapacity);
/// the list's size (<c>ob_size</c>) is the object's scalar column. Pooled by the heap, so lists that come
/// and go allocate nothing on the host.
/// </summary>
internal sealed class ListData
{
    public int[] Items = [];
    /// <summary>CPython's <c>allocated</c>: slots in the simulated item block.</summary>
    public int Allocated;
    /// <summary>Simulated address of the item block; 0 = <c>ob_item == NULL</c>.</summary>
    public long ItemsAddress;
    public int ItemsBytes;
}
