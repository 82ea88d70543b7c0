using PyHeapSim.Profiles;

namespace PyHeapSim.Benchmarks.Workloads;

/// <summary>
/// Heap construction and the few internal counts the workloads need. Every benchmark row and every
/// side-by-side run builds its own heap here (one heap per row, as Jint's <c>IsolatedScript</c>).
/// </summary>
internal static class Heaps
{
    /// <summary>The profile the side-by-side runner uses when none is given (<c>--python</c>).</summary>
    public const string DefaultPython = "3.13";

    /// <summary>A heap for <paramref name="python"/> ("3.8" … "3.13") with room for
    /// <paramref name="capacity"/> objects, so setup does not pay for table growth twice.</summary>
    public static PyHeap New(string python, int capacity = 1024) =>
        new(PythonProfiles.Parse(python), new PyHeapOptions { InitialCapacity = Math.Max(1024, capacity) });

    /// <summary>Objects on the three generation lists (what <c>len(gc.get_objects())</c> counts). O(tracked).</summary>
    public static int Tracked(PyHeap heap) => heap.Gc.Size(0) + heap.Gc.Size(1) + heap.Gc.Size(2);

    /// <summary><c>gc.get_stats()[g]["collections"]</c> for the three generations.</summary>
    public static long[] Collections(PyHeap heap) =>
        [heap.CollectorStats(0).Collections, heap.CollectorStats(1).Collections, heap.CollectorStats(2).Collections];
}
