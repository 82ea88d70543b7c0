namespace PyHeapSim.Objects.Stores;

/// <summary>
/// A list's item array (<c>ob_item</c>): <see cref="Items"/>.Length is CPython's <c>allocated</c>; the
/// list's size (<c>ob_size</c>) is the object's scalar column. Pooled by the heap, so lists that come and
/// go allocate nothing on the host.
/// </summary>
internal sealed class ListData
{
    public int[] Items = [];
    /// <summary>Simulated address of the item block; 0 = <c>ob_item == NULL</c>.</summary>
    public long ItemsAddress;
    public int ItemsBytes;
}
