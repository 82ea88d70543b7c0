using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.HotPath;

/// <summary>
/// The hot path through the public API: one handle check, an incref+decref pair, a rebind, the
/// allocation and free of an empty list / dict / 2-tuple / instance, and a list append+pop. Twins:
/// the <c>hot</c> workloads of <c>benchmarks/cpython/twin.py</c> (same ids). One heap per row, built in
/// <see cref="Setup"/>; each invocation runs <see cref="Ops"/> operations (the 1-ns ones unrolled ×8),
/// so results read in ns per operation. <c>handle_check</c> (the stamp check every public call pays)
/// is the baseline. Goal: <c>-</c> in the Allocated column of every row (house rule 6).
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    /// <summary>Operations per invocation.</summary>
    public const int Ops = 1024;

    private PyHeap _heap = null!;
    private PyRef _a;
    private PyRef _b;
    private PyRef _bound;
    private PyRef _none;
    private PyRef _cls;
    private PyRef _ten;
    private PyRef _item;
    private long _liveAfterSetup;
    private long _tenSizeOf;

    /// <summary>The version profile (3.11: mortal singletons; 3.13: immortal ones).</summary>
    [Params("3.11", "3.13")]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>Builds the heap: <c>a = []; b = []; b2 = a; class C: pass; l = list(range(10)); x = []</c>,
    /// then one append+pop so the 10-item list sits at its steady capacity.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _heap = Heaps.New(Python);
        _heap.CollectorEnabled = false; // as timeit, which disables the GC while timing
        _a = _heap.NewList();
        _b = _heap.NewList();
        _bound = _a;
        _heap.IncRef(_bound);
        _none = _heap.None;
        _cls = _heap.NewClass("C");
        PyRef[] ints = new PyRef[10];
        for (int i = 0; i < ints.Length; i++) ints[i] = _heap.NewInt(i);
        _ten = _heap.ListFromSized(ints);
        foreach (PyRef i in ints) _heap.DecRef(i);
        _item = _heap.NewList();
        _heap.ListAppend(_ten, _item);
        _heap.DecRef(_heap.ListPop(_ten));
        _tenSizeOf = _heap.GetSizeOf(_ten);
        _liveAfterSetup = _heap.LiveObjectCount;
    }

    /// <summary>No object created or lost, every count as before, <c>Verify()</c> passes, and the list
    /// kept CPython's steady-state size (<c>sys.getsizeof(l)</c> after <c>l.append(x); l.pop()</c>:
    /// 184 on 3.9+, 200 on 3.8).</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        FidelityException.Equal(_liveAfterSetup, (long)_heap.LiveObjectCount, "live objects after the run");
        FidelityException.Equal(2L, _heap.RefCount(_a), "refcount of a (a, b2)");
        FidelityException.Equal(1L, _heap.RefCount(_b), "refcount of b");
        FidelityException.Equal(10, _heap.ListLength(_ten), "len(l)");
        FidelityException.Equal(_heap.Profile.Name == "3.8" ? 200L : 184L, _heap.GetSizeOf(_ten), "sys.getsizeof(l)");
        FidelityException.Equal(_tenSizeOf, _heap.GetSizeOf(_ten), "sys.getsizeof(l) stable");
        _heap.Verify();
    }

    /// <summary>Baseline: <c>IsAlive</c>, the stamp check every public operation starts with.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public long handle_check()
    {
        PyHeap h = _heap;
        PyRef a = _a;
        long s = 0;
        for (int i = 0; i < Ops / 8; i++)
        {
            if (h.IsAlive(a)) s++;
            if (h.IsAlive(a)) s++;
            if (h.IsAlive(a)) s++;
            if (h.IsAlive(a)) s++;
            if (h.IsAlive(a)) s++;
            if (h.IsAlive(a)) s++;
            if (h.IsAlive(a)) s++;
            if (h.IsAlive(a)) s++;
        }
        return s;
    }

    /// <summary><c>b = a; del b</c> on a list: <c>IncRef</c> + <c>DecRef</c>.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void incref_decref()
    {
        PyHeap h = _heap;
        PyRef a = _a;
        for (int i = 0; i < Ops / 8; i++)
        {
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
        }
    }

    /// <summary><c>b = None; del b</c>: mortal None on 3.11, immortal (both calls return early) on 3.13.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void incref_decref_none()
    {
        PyHeap h = _heap;
        PyRef a = _none;
        for (int i = 0; i < Ops / 8; i++)
        {
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
            h.IncRef(a); h.DecRef(a);
        }
    }

    /// <summary><c>b = a</c> with b already bound to a: incref the new value, decref the old one.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void rebind_name()
    {
        PyHeap h = _heap;
        PyRef a = _a;
        PyRef b = _bound;
        for (int i = 0; i < Ops / 8; i++)
        {
            h.IncRef(a); h.DecRef(b); b = a;
            h.IncRef(a); h.DecRef(b); b = a;
            h.IncRef(a); h.DecRef(b); b = a;
            h.IncRef(a); h.DecRef(b); b = a;
            h.IncRef(a); h.DecRef(b); b = a;
            h.IncRef(a); h.DecRef(b); b = a;
            h.IncRef(a); h.DecRef(b); b = a;
            h.IncRef(a); h.DecRef(b); b = a;
        }
        _bound = b;
    }

    /// <summary><c>x = []</c>: a list from the list free list, freed back to it.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void alloc_free_empty_list()
    {
        PyHeap h = _heap;
        for (int i = 0; i < Ops; i++) h.DecRef(h.NewList());
    }

    /// <summary><c>x = {}</c>.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void alloc_free_empty_dict()
    {
        PyHeap h = _heap;
        for (int i = 0; i < Ops; i++) h.DecRef(h.NewDict());
    }

    /// <summary><c>x = (a, b)</c>: a 2-tuple from the tuple free list (two increfs, two decrefs). The twin's
    /// id says "empty" because <c>()</c> is a singleton CPython never allocates.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void alloc_free_empty_tuple()
    {
        PyHeap h = _heap;
        PyRef a = _a;
        PyRef b = _b;
        for (int i = 0; i < Ops; i++) h.DecRef(h.NewTuple(a, b));
    }

    /// <summary><c>x = C()</c>, C an empty class (3.11+: no dict until an attribute is set).</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void alloc_free_instance()
    {
        PyHeap h = _heap;
        PyRef c = _cls;
        for (int i = 0; i < Ops; i++) h.DecRef(h.NewInstance(c));
    }

    /// <summary><c>l.append(x); l.pop()</c> on a 10-item list (no reallocation either way).</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void list_append_pop()
    {
        PyHeap h = _heap;
        PyRef l = _ten;
        PyRef x = _item;
        for (int i = 0; i < Ops; i++)
        {
            h.ListAppend(l, x);
            h.DecRef(h.ListPop(l));
        }
    }
}
