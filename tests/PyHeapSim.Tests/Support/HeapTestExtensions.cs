namespace PyHeapSim.Tests.Support;

/// <summary>Small builders shared by the size tests.</summary>
internal static class HeapTestExtensions
{
    /// <summary>New references to the ints 0 … n−1 (what <c>range(n)</c> yields).</summary>
    public static PyRef[] Ints(this PyHeap heap, int n)
    {
        var items = new PyRef[n];
        for (int i = 0; i < n; i++) items[i] = heap.NewInt(i);
        return items;
    }

    /// <summary>Drops one owned reference to each handle, last to first.</summary>
    public static void DecRefAll(this PyHeap heap, IReadOnlyList<PyRef> refs)
    {
        for (int i = refs.Count - 1; i >= 0; i--) heap.DecRef(refs[i]);
    }

    /// <summary><c>getsizeof</c> of <paramref name="build"/>(n) for n = 0 … count−1; each result is released after measuring.</summary>
    public static long[] SizesByN(this PyHeap heap, int count, Func<int, PyRef> build)
    {
        var got = new long[count];
        for (int n = 0; n < count; n++)
        {
            PyRef r = build(n);
            got[n] = heap.GetSizeOf(r);
            heap.DecRef(r);
        }
        return got;
    }
}
