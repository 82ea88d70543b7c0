namespace PyHeapSim.Objects;

/// <summary>
/// One struct-of-arrays column of the object table in <see cref="ZeroPages"/> memory: zero until written,
/// grown in place where the platform allows. The table owns the capacity and checks every index at the
/// public boundary; inside the heap a slot is trusted, so access is a plain pointer read.
/// </summary>
internal unsafe struct Column<T> where T : unmanaged
{
    /// <summary>The first element; valid until the next <see cref="Grow"/> or <see cref="Free"/>.</summary>
    public T* Items;

    public void Allocate(int capacity) => Items = (T*)ZeroPages.Allocate(Bytes(capacity));

    public void Grow(int oldCapacity, int newCapacity) =>
        Items = (T*)ZeroPages.Grow(Items, Bytes(oldCapacity), Bytes(newCapacity));

    public void Free(int capacity)
    {
        ZeroPages.Free(Items, Bytes(capacity));
        Items = null;
    }

    public static long BytesPerSlot => sizeof(T);

    private static nuint Bytes(int capacity) => (nuint)capacity * (nuint)sizeof(T);
}
