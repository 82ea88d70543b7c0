using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;
using PyHeapSim.Collector;
using PyHeapSim.Memory;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Benchmarks.HotPath;

/// <summary>
/// Where the hot path's time goes, without a profiler: the pieces an empty list's allocate + free and
/// an incref + decref are made of, each timed alone through the core's internals. Not CPython
/// workloads (no twin); diagnostic rows for the lead. Baseline: <c>internal_incref_decref</c> (the
/// bare refcount pair, no handle check). Read with <see cref="HotPathBenchmarks"/>: public cost =
/// internal cost + handle checks + the external-reference column.
/// </summary>
[MemoryDiagnoser]
public class HotPathBreakdownBenchmarks
{
    private const int Ops = 1024;

    private PyHeap _heap = null!;
    private PyRef _a;
    private int _ai;
    private long _liveAfterSetup;

    /// <summary>The version profile.</summary>
    [Params(Heaps.DefaultPython)]
    public string Python { get; set; } = Heaps.DefaultPython;

    /// <summary>A heap with one list <c>a</c>; automatic collection off.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _heap = Heaps.New(Python);
        _heap.CollectorEnabled = false;
        _a = _heap.NewList();
        _ai = _a.Index;
        // Prime the list free list and the payload pools.
        _heap.DecRef(_heap.NewList());
        _liveAfterSetup = _heap.LiveObjectCount;
    }

    /// <summary>Nothing leaked; a is still tracked with one reference; <c>Verify()</c> passes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        FidelityException.Equal(_liveAfterSetup, (long)_heap.LiveObjectCount, "live objects after the run");
        FidelityException.Equal(1L, _heap.RefCount(_a), "refcount of a");
        FidelityException.Check(_heap.IsTracked(_a), "a is tracked");
        _heap.Verify();
    }

    /// <summary><c>Py_INCREF</c> + <c>Py_DECREF</c> inside the heap (bare slot, no stamp check, no external count).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Ops)]
    public void internal_incref_decref()
    {
        PyHeap h = _heap;
        int a = _ai;
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

    /// <summary>The public pair's stamp checks alone: <c>IsAlive</c> twice.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public int handle_check_x2()
    {
        PyHeap h = _heap;
        PyRef a = _a;
        int s = 0;
        for (int i = 0; i < Ops; i++)
        {
            if (h.IsAlive(a)) s++;
            if (h.IsAlive(a)) s++;
        }
        return s;
    }

    /// <summary>Object-table slot taken and given back (<c>NewSlot</c> + <c>ReleaseSlot</c>: 13 columns written).</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void slot_new_release()
    {
        ObjectTable t = _heap.T;
        int type = _heap.Types.List;
        for (int i = 0; i < Ops; i++)
        {
            int o = t.NewSlot(type, TypeKind.List, ObjectFlags.GcType);
            t.ReleaseSlot(o);
        }
    }

    /// <summary>The list free list: pop a block and push it back.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public long freelist_pop_push()
    {
        FreeLists.BlockStack fl = _heap.FreeLists.Lists;
        long s = 0;
        for (int i = 0; i < Ops; i++)
        {
            if (fl.TryPop(out long a))
            {
                s += a;
                fl.TryPush(a, 56);
            }
        }
        return s;
    }

    /// <summary>pymalloc model: <c>Malloc(56)</c> + <c>Free</c> (used when the free list is empty or full).</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void pymalloc_malloc_free()
    {
        MemoryManager m = _heap.Memory;
        for (int i = 0; i < Ops; i++) m.Free(m.Malloc(56), 56);
    }

    /// <summary>Generation-list unlink + append of a tracked list (<c>Untrack</c> + <c>Track</c>).</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void gc_untrack_track()
    {
        GenerationalCollector gc = _heap.Gc;
        int a = _ai;
        for (int i = 0; i < Ops; i++)
        {
            gc.Untrack(a);
            gc.Track(a);
        }
    }

    /// <summary>An empty list allocated and freed inside the heap (<c>ListType.New</c> + internal <c>DecRef</c> →
    /// <c>Dealloc</c>): the public row minus the handle work.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void internal_alloc_free_list()
    {
        PyHeap h = _heap;
        for (int i = 0; i < Ops; i++) h.DecRef(ListType.New(h));
    }

    /// <summary>The same through the public API (<c>NewList</c> + <c>DecRef(PyRef)</c>).</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void public_alloc_free_list()
    {
        PyHeap h = _heap;
        for (int i = 0; i < Ops; i++) h.DecRef(h.NewList());
    }

    /// <summary><c>x = 1000</c> computed (an int from pymalloc, no free list) and freed: the per-element
    /// allocation of the growth workloads.</summary>
    [Benchmark(OperationsPerInvoke = Ops)]
    public void int_alloc_free()
    {
        PyHeap h = _heap;
        for (int i = 0; i < Ops; i++) h.DecRef(h.NewInt(1000 + i));
    }
}
