using System.Diagnostics;
using PyHeapSim.Benchmarks.HotPath;
using PyHeapSim.Benchmarks.Workloads;
using PyHeapSim.Collector;

namespace PyHeapSim.Benchmarks.Runner;

/// <summary>
/// The simulator side of <c>benchmarks/compare.sh</c>: each workload of <c>benchmarks/cpython/twin.py</c>
/// (same id, same shape, same sample counts, same units), timed with <see cref="Stopwatch"/> after a
/// warm-up that lets the JIT reach its optimized tier. The result's median is what the twin's median
/// measures; per-object figures divide by every tracked object, as the twin does. Every workload also
/// checks its fidelity invariant and throws <see cref="FidelityException"/> when it fails.
/// </summary>
internal sealed class SideBySide
{
    private readonly string _python;
    private readonly bool _quick;
    private readonly bool _smoke;
    private readonly Dictionary<string, Func<WorkloadResult>> _workloads = [];

    public SideBySide(string python, bool quick, bool smoke)
    {
        _python = python;
        _quick = quick;
        _smoke = smoke;
        foreach (string id in new[] { "incref_decref", "alloc_free_empty_list", "alloc_free_empty_dict", "alloc_free_empty_tuple",
                     "alloc_free_instance", "list_append_pop", "rebind_name" })
        {
            _workloads[id] = () => Hot(id);
        }
        _workloads["append_1e6"] = () => Append("append_1e6", 1_000_000);
        _workloads["append_1e7"] = () => Append("append_1e7", 10_000_000);
        _workloads["lesson_range_list_1e6"] = () => Lesson("lesson_range_list_1e6", 1_000_000);
        int[] sizes = [10_000, 100_000, 1_000_000, 3_000_000];
        foreach (string shape in new[] { "live", "garbage2", "ring", "mixed90" })
        {
            foreach (int n in sizes)
            {
                string id = $"full_collect_{shape}_{Sizes.Tag(n)}";
                _workloads[id] = shape == "live" ? () => FullCollectLive(id, n) : () => FullCollectGarbage(id, shape, n);
            }
        }
        foreach (int n in sizes)
        {
            string id = $"young_collect_live_old_{Sizes.Tag(n)}";
            _workloads[id] = () => YoungCollect(id, n);
        }
        _workloads["auto_collect_1e6_lists"] = () => AutoCollect("auto_collect_1e6_lists", 1_000_000);
        _workloads["deep_dealloc_1e5"] = () => DeepDealloc("deep_dealloc_1e5", 100_000);
        _workloads["deep_dealloc_1e6"] = () => DeepDealloc("deep_dealloc_1e6", 1_000_000);
        foreach (HostMemory.Kind kind in Enum.GetValues<HostMemory.Kind>())
        {
            string id = "bytes_per_object_" + HostMemory.Name(kind);
            _workloads[id] = () => BytesPerObject(id, kind);
        }
    }

    /// <summary>The workload ids, in twin.py's order.</summary>
    public IEnumerable<string> Ids => _workloads.Keys;

    public bool Has(string id) => _workloads.ContainsKey(id);

    public WorkloadResult Run(string id) => _workloads[id]();

    private int Samples(int full, int quick) => _smoke ? 1 : _quick ? quick : full;

    private WorkloadResult Result(string id, string unit, IReadOnlyList<double> samples) =>
        new WorkloadResult(id, "sim-" + _python, unit, samples).With("profile", _python).With("quick", _quick);

    /// <summary>
    /// Calls <paramref name="action"/> until the JIT has settled: at least 40 calls and 300 ms, and then
    /// no method compiled (tier-1 recompilations included, <see cref="System.Runtime.JitInfo"/>) for
    /// 300 ms — so the samples time optimized code even when a loaded machine delays the background
    /// tier-up. At most <paramref name="maxCalls"/> calls or 20 s. Nothing in a smoke run.
    /// </summary>
    private void WarmUp(Action action, int maxCalls = int.MaxValue)
    {
        if (_smoke) return;
        long t0 = Stopwatch.GetTimestamp();
        long lastCount = System.Runtime.JitInfo.GetCompiledMethodCount();
        long lastChange = t0;
        for (int i = 0; i < maxCalls; i++)
        {
            action();
            long now = Stopwatch.GetTimestamp();
            long count = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (count != lastCount)
            {
                lastCount = count;
                lastChange = now;
            }
            double total = Stopwatch.GetElapsedTime(t0, now).TotalMilliseconds;
            double quiet = Stopwatch.GetElapsedTime(lastChange, now).TotalMilliseconds;
            if (i >= 40 && total > 300 && quiet > 300) break;
            if (total > 20_000) break;
        }
    }

    private static double Ns(long t0, long t1) => (t1 - t0) * 1e9 / Stopwatch.Frequency;

    /// <summary>Host (.NET) garbage collections so far, per generation.</summary>
    private static long[] HostGcs() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    /// <summary>Host collections since <paramref name="before"/>, per sample.</summary>
    private static double[] HostGcsPerSample(long[] before, int samples)
    {
        long[] now = HostGcs();
        return [(now[0] - before[0]) / (double)samples, (now[1] - before[1]) / (double)samples, (now[2] - before[2]) / (double)samples];
    }

    // ---- hot path: the HotPathBenchmarks methods themselves, HotPathBenchmarks.Ops operations a call ----

    private WorkloadResult Hot(string id)
    {
        var b = new HotPathBenchmarks { Python = _python };
        b.Setup();
        Action op = id switch
        {
            "incref_decref" => b.incref_decref,
            "rebind_name" => b.rebind_name,
            "alloc_free_empty_list" => b.alloc_free_empty_list,
            "alloc_free_empty_dict" => b.alloc_free_empty_dict,
            "alloc_free_empty_tuple" => b.alloc_free_empty_tuple,
            "alloc_free_instance" => b.alloc_free_instance,
            "list_append_pop" => b.list_append_pop,
            _ => throw new ArgumentOutOfRangeException(nameof(id)),
        };
        int calls = _smoke ? 2 : (_quick ? 1_000_000 : 2_000_000) / HotPathBenchmarks.Ops;
        long ops = (long)calls * HotPathBenchmarks.Ops;
        WarmUp(op);
        var samples = new List<double>();
        long allocated = 0;
        for (int s = 0; s < Samples(7, 5); s++)
        {
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++) op();
            long t1 = Stopwatch.GetTimestamp();
            allocated += GC.GetAllocatedBytesForCurrentThread() - a0;
            samples.Add(Ns(t0, t1) / ops);
        }
        b.Cleanup();
        return Result(id, "ns/op", samples)
            .With("benchmark", "HotPathBenchmarks." + id)
            .With("ops_per_sample", ops)
            .With("host_bytes_per_op", (double)allocated / (ops * samples.Count));
    }

    // ---- growth ----

    private WorkloadResult Append(string id, int nominal)
    {
        int n = Sizes.Scale(nominal);
        PyHeap h = Heaps.New(_python);
        long live = h.LiveObjectCount;
        WarmUp(() => h.DecRef(Shapes.AppendInts(h, n)), maxCalls: 1);
        var builds = new List<double>();
        var dels = new List<double>();
        long sizeOf = 0;
        long[] gcs = HostGcs();
        for (int s = 0; s < (nominal <= 1_000_000 ? Samples(7, 3) : Samples(5, 2)); s++)
        {
            long t0 = Stopwatch.GetTimestamp();
            PyRef data = Shapes.AppendInts(h, n);
            long t1 = Stopwatch.GetTimestamp();
            sizeOf = h.GetSizeOf(data);
            long t2 = Stopwatch.GetTimestamp();
            h.DecRef(data);
            long t3 = Stopwatch.GetTimestamp();
            builds.Add(Ns(t0, t1) / n);
            dels.Add(Ns(t2, t3) / n);
        }
        CheckListSize(n, sizeOf);
        FidelityException.Equal(live, (long)h.LiveObjectCount, "live objects after del");
        h.Verify();
        return Result(id, "ns/object", builds).With("n", n).With("variant", "warm").With("gc", "enabled")
            .With("sizeof", sizeOf).With("del_ns_per_object", WorkloadResult.MedianOf(dels))
            .With("host_gcs_per_sample", HostGcsPerSample(gcs, builds.Count));
    }

    private WorkloadResult Lesson(string id, int nominal)
    {
        int n = Sizes.Scale(nominal);
        PyHeap h = Heaps.New(_python);
        long live = h.LiveObjectCount;
        WarmUp(() => h.DecRef(Shapes.AppendInts(h, n)), maxCalls: 1);
        var totals = new List<double>();
        var builds = new List<double>();
        var dels = new List<double>();
        long sizeOf = 0;
        long[] gcs = HostGcs();
        for (int s = 0; s < Samples(7, 3); s++)
        {
            long t0 = Stopwatch.GetTimestamp();
            PyRef x = Shapes.AppendInts(h, n);
            long t1 = Stopwatch.GetTimestamp();
            sizeOf = h.GetSizeOf(x);
            long t2 = Stopwatch.GetTimestamp();
            h.DecRef(x);
            long t3 = Stopwatch.GetTimestamp();
            totals.Add((Ns(t0, t1) + Ns(t2, t3)) / n);
            builds.Add(Ns(t0, t1) / n);
            dels.Add(Ns(t2, t3) / n);
        }
        CheckListSize(n, sizeOf);
        FidelityException.Equal(live, (long)h.LiveObjectCount, "live objects after del");
        h.Verify();
        return Result(id, "ns/object", totals).With("n", n).With("variant", "warm").With("gc", "enabled")
            .With("sizeof", sizeOf)
            .With("build_ns_per_object", WorkloadResult.MedianOf(builds))
            .With("del_ns_per_object", WorkloadResult.MedianOf(dels))
            .With("host_gcs_per_sample", HostGcsPerSample(gcs, totals.Count));
    }

    private void CheckListSize(int n, long sizeOf)
    {
        if (RecordedListSizes.AfterAppends(_python, n) is long expected)
        {
            FidelityException.Equal(expected, sizeOf, $"sys.getsizeof(data) after {n} appends");
        }
    }

    // ---- cycle collector ----

    /// <summary>JIT warm-up of every collector path on a separate small heap (full and young collections
    /// of live and garbage shapes), so big-heap workloads, which run few collections, time optimized code.</summary>
    private void WarmUpCollector()
    {
        PyHeap w = Heaps.New(_python);
        w.CollectorEnabled = false;
        PyRef live = Shapes.Live(w, 2_000);
        WarmUp(() =>
        {
            foreach (string shape in new[] { "garbage2", "ring", "mixed90" })
            {
                PyRef k = Shapes.Garbage(w, shape, 2_000);
                w.Collect(0);
                w.Collect();
                if (!k.IsNull) w.DecRef(k);
            }
            PyRef y = Shapes.Live(w, 999);
            w.Collect(0);
            w.DecRef(y);
        });
        w.DecRef(live);
    }

    private WorkloadResult FullCollectLive(string id, int nominal)
    {
        int n = Sizes.Scale(nominal);
        PyHeap h = Heaps.New(_python, n + 1024);
        h.CollectorEnabled = false;
        h.Collect();
        PyRef root = Shapes.Live(h, n);
        int tracked = Heaps.Tracked(h);
        long t0 = Stopwatch.GetTimestamp();
        long first = h.Collect();
        double firstNs = Ns(t0, Stopwatch.GetTimestamp());
        int reps = Math.Max(1, 200_000 / nominal);
        long collected = first;
        WarmUpCollector();
        WarmUp(() => collected += h.Collect(), maxCalls: Math.Max(3, 3_000_000 / nominal));
        var samples = new List<double>();
        for (int s = 0; s < Samples(7, 3); s++)
        {
            long a = Stopwatch.GetTimestamp();
            for (int r = 0; r < reps; r++) collected += h.Collect();
            samples.Add(Ns(a, Stopwatch.GetTimestamp()) / reps);
        }
        FidelityException.Equal(0L, collected, "objects collected from a live heap");
        FidelityException.Equal(tracked, Heaps.Tracked(h), "tracked objects");
        FidelityException.Equal(tracked, h.Gc.Size(2), "objects in generation 2");
        double med = WorkloadResult.MedianOf(samples);
        h.DecRef(root);
        h.Verify();
        return Result(id, "ns/object", samples.Select(x => x / tracked).ToList())
            .With("n", n).With("tracked", tracked).With("collects_per_sample", reps)
            .With("ns_per_n", med / n).With("collect_ms", med / 1e6)
            .With("first_collect_ns_per_object", firstNs / tracked)
            .With("measured", "repeated Collect() of a built live heap");
    }

    private WorkloadResult FullCollectGarbage(string id, string shape, int nominal)
    {
        int n = Sizes.Scale(nominal);
        PyHeap h = Heaps.New(_python, n + 1024);
        h.CollectorEnabled = false;
        h.Collect();
        long live = h.LiveObjectCount;
        long expected = Shapes.Unreachable(shape, n);
        WarmUpCollector();
        int nsamp = nominal <= 100_000 ? Samples(11, 5) : Samples(7, 3);
        var samples = new List<double>();
        var perN = new List<double>();
        int tracked = 0;
        for (int i = 0; i <= nsamp; i++) // round 0 is a warm-up, as in the twin
        {
            PyRef keep = Shapes.Garbage(h, shape, n);
            tracked = Heaps.Tracked(h);
            long t0 = Stopwatch.GetTimestamp();
            long c = h.Collect();
            double t = Ns(t0, Stopwatch.GetTimestamp());
            if (!keep.IsNull) h.DecRef(keep);
            h.Collect();
            FidelityException.Equal(expected, c, $"{shape} n={n}: objects collected");
            if (i == 0 && !_smoke) continue;
            samples.Add(t / tracked);
            perN.Add(t / n);
        }
        FidelityException.Equal(live, (long)h.LiveObjectCount, "live objects after the run");
        h.Verify();
        double medN = WorkloadResult.MedianOf(perN);
        return Result(id, "ns/object", samples).With("n", n).With("tracked", tracked)
            .With("ns_per_n", medN).With("collect_ms", medN * n / 1e6).With("unreachable", expected)
            .With("measured", "one Collect() after a fresh build with automatic collection off");
    }

    private WorkloadResult YoungCollect(string id, int nominal)
    {
        const int young = 1_000;
        const int perSample = 20;
        int n = Sizes.Scale(nominal);
        PyHeap h = Heaps.New(_python, n + 4096);
        h.CollectorEnabled = false;
        PyRef root = Shapes.Live(h, n);
        h.Collect();
        int old = Heaps.Tracked(h);
        long collected = 0;
        WarmUpCollector();
        WarmUp(() =>
        {
            PyRef y = Shapes.Live(h, young - 1);
            collected += h.Collect(0);
            h.DecRef(y);
        });
        var samples = new List<double>();
        for (int i = 0; i <= Samples(7, 3); i++)
        {
            double total = 0;
            for (int k = 0; k < perSample; k++)
            {
                PyRef y = Shapes.Live(h, young - 1);
                long t0 = Stopwatch.GetTimestamp();
                collected += h.Collect(0);
                total += Ns(t0, Stopwatch.GetTimestamp());
                if (k == 0 && i == 0) FidelityException.Equal(young, h.Gc.Size(1), "young objects promoted to generation 1");
                h.DecRef(y);
            }
            if (i > 0 || _smoke) samples.Add(total / perSample);
        }
        FidelityException.Equal(0L, collected, "objects collected");
        FidelityException.Equal(old, h.Gc.Size(2), "objects in generation 2");
        h.DecRef(root);
        h.Verify();
        return Result(id, "ns/op", samples).With("n_old", n).With("young", young)
            .With("op", "one Collect(0) of 1000 young live lists")
            .With("ns_per_young_object", WorkloadResult.MedianOf(samples) / young);
    }

    private WorkloadResult AutoCollect(string id, int nominal)
    {
        int n = Sizes.Scale(nominal, 100_000);
        PyHeap h = Heaps.New(_python, n + 4096);
        long live = h.LiveObjectCount;
        h.Collect();
        WarmUp(() => h.DecRef(Shapes.AppendLists(h, Math.Min(n, 100_000))), maxCalls: 5);
        h.Collect();
        var overhead = new List<double>();
        var offs = new List<double>();
        var ons = new List<double>();
        var counts = new List<long[]>();
        long[] gcs = HostGcs();
        for (int i = 0; i <= Samples(7, 3); i++)
        {
            h.CollectorEnabled = false;
            h.Collect();
            long t0 = Stopwatch.GetTimestamp();
            PyRef root = Shapes.AppendLists(h, n);
            double off = Ns(t0, Stopwatch.GetTimestamp());
            h.DecRef(root);
            h.Collect();
            long[] before = Heaps.Collections(h);
            h.CollectorEnabled = true;
            t0 = Stopwatch.GetTimestamp();
            root = Shapes.AppendLists(h, n);
            double on = Ns(t0, Stopwatch.GetTimestamp());
            h.CollectorEnabled = false;
            long[] after = Heaps.Collections(h);
            h.DecRef(root);
            if (i == 0 && !_smoke) continue;
            offs.Add(off / n);
            ons.Add(on / n);
            overhead.Add((on - off) / n);
            counts.Add([after[0] - before[0], after[1] - before[1], after[2] - before[2]]);
        }
        double[] hostGcs = HostGcsPerSample(gcs, offs.Count + 1);
        // One more GC-on build, timing the collections through the start/stop events (gc.callbacks).
        double[] inGc = new double[3];
        long start = 0;
        void OnStart(CollectionInfo _) => start = Stopwatch.GetTimestamp();
        void OnStop(CollectionInfo info) => inGc[info.Generation] += Ns(start, Stopwatch.GetTimestamp());
        h.Collect();
        h.CollectionStarting += OnStart;
        h.CollectionFinished += OnStop;
        h.CollectorEnabled = true;
        PyRef last = Shapes.AppendLists(h, n);
        h.CollectorEnabled = false;
        h.CollectionStarting -= OnStart;
        h.CollectionFinished -= OnStop;
        h.DecRef(last);
        h.Collect();
        bool allEqual = counts.All(c => c.AsSpan().SequenceEqual(counts[0]));
        FidelityException.Check(allEqual, "collection counts differ between runs");
        if (RecordedCounts.AutoCollect(h.CollectorThresholds.Gen0, n) is long[] expected)
        {
            FidelityException.Check(counts[0].AsSpan().SequenceEqual(expected),
                $"collections g0/g1/g2: {string.Join('/', counts[0])}, CPython: {string.Join('/', expected)}");
        }
        FidelityException.Equal(live, (long)h.LiveObjectCount, "live objects after the run");
        h.Verify();
        (int th0, int th1, int th2) = h.CollectorThresholds;
        return Result(id, "ns/object", overhead).With("n", n).With("variant", "warm")
            .With("in_gc_ns_per_object_by_generation", inGc.Select(t => t / n).ToArray())
            .With("off_ns_per_object", WorkloadResult.MedianOf(offs))
            .With("on_ns_per_object", WorkloadResult.MedianOf(ons))
            .With("collections", counts[0]).With("collections_all_equal", allEqual)
            .With("thresholds", new long[] { th0, th1, th2 })
            .With("host_gcs_per_sample", hostGcs)
            .With("measured", "root.append([]) n times, automatic collection on minus off");
    }

    // ---- deep teardown ----

    private WorkloadResult DeepDealloc(string id, int nominal)
    {
        int n = Sizes.Scale(nominal);
        PyHeap h = Heaps.New(_python, n + 1024);
        h.CollectorEnabled = false;
        long live = h.LiveObjectCount;
        WarmUp(() => h.DecRef(Shapes.Nest(h, Math.Min(n, 100_000))), maxCalls: 20);
        var samples = new List<double>();
        for (int i = 0; i <= Samples(7, 3); i++)
        {
            PyRef l = Shapes.Nest(h, n);
            long t0 = Stopwatch.GetTimestamp();
            h.DecRef(l);
            double t = Ns(t0, Stopwatch.GetTimestamp());
            FidelityException.Equal(live, (long)h.LiveObjectCount, "every level freed");
            if (i > 0 || _smoke) samples.Add(t / n);
        }
        h.Verify();
        return Result(id, "ns/object", samples).With("n", n).With("unit_is", "ns per level");
    }

    // ---- host memory ----

    private WorkloadResult BytesPerObject(string id, HostMemory.Kind kind)
    {
        int n = Sizes.Scale(1_000_000);
        var samples = new List<HostMemory.Measurement>();
        for (int s = 0; s < Samples(5, 3); s++) samples.Add(HostMemory.Measure(_python, kind, n));
        HostMemory.Measurement m = samples[0];
        return Result(id, "bytes/object", samples.Select(x => x.ManagedBytesPerObject).ToList())
            .With("n", n).With("getsizeof", m.SizeOf)
            .With("allocated_bytes_per_object", WorkloadResult.MedianOf(samples.Select(x => x.AllocatedBytesPerObject).ToList()))
            .With("rss_bytes_per_object", WorkloadResult.MedianOf(samples.Select(x => x.RssBytesPerObject).ToList()))
            .With("table_bytes_per_slot", HostMemory.TableBytesPerSlot)
            .With("method", "GC.GetTotalMemory(true) delta while filling a preallocated list, fresh heap per sample");
    }
}
