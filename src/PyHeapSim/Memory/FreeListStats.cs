namespace PyHeapSim.Memory;

/// <summary>
/// One free-list line of <c>sys._debugmallocstats()</c>, e.g. "80 free PyListObjects * 40 bytes each".
/// </summary>
/// <param name="Name">CPython's name for the entry, singular, as printed before the plural "s"
/// (<c>"free PyListObject"</c>, <c>"free 3-sized PyTupleObject"</c>).</param>
/// <param name="Count">Objects parked on the list now.</param>
/// <param name="BytesEach">The object's C struct size without the GC header, simulated bytes (what CPython prints).</param>
public readonly record struct FreeListStats(string Name, int Count, int BytesEach)
{
    /// <summary><c>Count × BytesEach</c>, the line's value.</summary>
    public long TotalBytes => (long)Count * BytesEach;
}
