using System.Reflection;
using System.Runtime.InteropServices;
using PyHeapSim.Benchmarks.Workloads;
using PyHeapSim.Objects;

namespace PyHeapSim.Benchmarks.Runner;

/// <summary>
/// Host memory per simulated object (twin: <c>bytes_per_object</c>; perf-anchors.md W6/B10): 10^6
/// objects of one kind stored into a preallocated list, in a fresh heap. Measured outside
/// BenchmarkDotNet (<c>--memory</c> and the side-by-side runner): the managed-heap delta
/// (<see cref="GC.GetTotalMemory(bool)"/> after a full host GC), the bytes allocated on the way
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>, which also counts the arrays the object table
/// discarded while doubling) and the process RSS delta (what CPython's figure is).
/// </summary>
internal static class HostMemory
{
    /// <summary>The object kinds of the twin.</summary>
    public enum Kind
    {
        /// <summary><c>[]</c></summary>
        List,
        /// <summary><c>C()</c>, an empty class</summary>
        Instance,
        /// <summary><c>(a, b)</c></summary>
        Tuple2,
        /// <summary><c>i + 1000</c></summary>
        Int,
    }

    public static string Name(Kind k) => k switch
    {
        Kind.List => "list",
        Kind.Instance => "instance",
        Kind.Tuple2 => "tuple2",
        Kind.Int => "int",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    /// <summary>One measurement, bytes per object.</summary>
    public readonly record struct Measurement(double ManagedBytesPerObject, double AllocatedBytesPerObject, double RssBytesPerObject, long SizeOf);

    /// <summary>Bytes per slot of the object table's columns (every array field of the table), from the
    /// column element types, so it follows the core when columns change.</summary>
    public static int TableBytesPerSlot { get; } = ComputeTableBytesPerSlot();

    private static int ComputeTableBytesPerSlot()
    {
        int bytes = 0;
        foreach (FieldInfo f in typeof(ObjectTable).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (!f.FieldType.IsArray) continue;
            Type e = f.FieldType.GetElementType()!;
            if (e.IsEnum) e = Enum.GetUnderlyingType(e);
            bytes += e.IsValueType ? Marshal.SizeOf(e) : IntPtr.Size;
        }
        return bytes;
    }

    /// <summary>Fills a fresh heap's preallocated list of <paramref name="n"/> slots with new objects of
    /// <paramref name="kind"/> and measures the growth. Checks that every object is alive and <c>Verify()</c> passes.</summary>
    public static Measurement Measure(string python, Kind kind, int n)
    {
        PyHeap h = Heaps.New(python);
        h.CollectorEnabled = false;
        PyRef holder = h.ListRepeat(h.None, n);
        PyRef cls = h.NewClass("C");
        PyRef a = h.NewList();
        PyRef b = h.NewList();
        long live = h.LiveObjectCount;
        long m0 = GC.GetTotalMemory(forceFullCollection: true);
        long rss0 = Rss();
        long a0 = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < n; i++)
        {
            PyRef o = kind switch
            {
                Kind.List => h.NewList(),
                Kind.Instance => h.NewInstance(cls),
                Kind.Tuple2 => h.NewTuple(a, b),
                Kind.Int => h.NewInt(i + 1000),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
            h.ListSetItem(holder, i, o);
            h.DecRef(o);
        }
        long a1 = GC.GetAllocatedBytesForCurrentThread();
        long rss1 = Rss();
        long m1 = GC.GetTotalMemory(forceFullCollection: true);
        FidelityException.Equal(live + n, (long)h.LiveObjectCount, "objects alive after the fill");
        long sizeOf = h.GetSizeOf(h.ListGetItem(holder, 0));
        if (n <= 100_000) h.Verify();
        GC.KeepAlive(h);
        return new Measurement((double)(m1 - m0) / n, (double)(a1 - a0) / n, (double)(rss1 - rss0) / n, sizeOf);
    }

    /// <summary>Resident set size from /proc/self/statm (0 where there is none).</summary>
    private static long Rss()
    {
        try
        {
            string[] f = File.ReadAllText("/proc/self/statm").Split(' ');
            return long.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The <c>--memory</c> mode: a markdown table of every kind for <paramref name="python"/>.</summary>
    public static void PrintTable(string python, int n)
    {
        Console.WriteLine($"Host memory per simulated object, profile {python}, n = {n:N0}, object table {TableBytesPerSlot} B/slot");
        Console.WriteLine();
        Console.WriteLine("| kind | getsizeof | managed delta B/obj | allocated B/obj | RSS delta B/obj |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (Kind k in Enum.GetValues<Kind>())
        {
            Measurement m = Measure(python, k, n);
            Console.WriteLine($"| {Name(k)} | {m.SizeOf} | {m.ManagedBytesPerObject:F1} | {m.AllocatedBytesPerObject:F1} | {m.RssBytesPerObject:F1} |");
        }
    }
}
