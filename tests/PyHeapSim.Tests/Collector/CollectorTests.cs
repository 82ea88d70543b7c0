using PyHeapSim.Objects.Types;

namespace PyHeapSim.Tests.Collector;

/// <summary>
/// The cycle collector through the public API, per version. Every expected value comes from a probe
/// run on the real interpreters (<c>data/collector-probes</c>); each test replays its probe's
/// statements with the heap's operations and compares what the probe printed.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed partial class CollectorTests(PythonVersion version)
{
    private PyHeap _heap = null!;
    private CallbackLog _log = null!;

    [SetUp]
    public void SetUp()
    {
        _heap = new PyHeap(PythonProfiles.For(version), new PyHeapOptions { VerifyCollectorPhases = true });
        _log = new CallbackLog();
        _heap.Callbacks = _log;
        // Each probe starts with gc.collect(): nothing to free here, but the free lists are emptied.
        _heap.Collect();
    }

    [TearDown]
    public void TearDown() => _heap.Verify();

    private string Expect(string probe, string key) => CollectorProbe.Expected(probe, version, key);

    private long Collect(int generation = 2)
    {
        long n = _heap.Collect(generation);
        _heap.Verify();
        return n;
    }

    // ---- building blocks: each is one Python statement ----

    private PyRef Class(string name, bool hasDel = false, IReadOnlyList<string>? slots = null)
    {
        PyRef cls = _heap.NewClass(name, slots: slots);
        if (hasDel) _heap.SetHasFinalizer(cls);
        return cls;
    }

    /// <summary><c>Cls(name)</c> whose <c>__init__</c> does <c>self.name = name</c>.</summary>
    private PyRef Named(PyRef cls, string name)
    {
        PyRef o = _heap.NewInstance(cls);
        Set(o, "name", Str(name));
        return o;
    }

    private PyRef Str(string s) => _heap.NewStr(s);

    private PyRef Int(long v) => _heap.NewInt(v);

    /// <summary><c>obj.attr = value</c>, consuming the caller's reference to <paramref name="value"/>.</summary>
    private void Set(PyRef obj, string attr, PyRef value)
    {
        _heap.SetAttr(obj, attr, value);
        _heap.DecRef(value);
    }

    /// <summary><c>obj.attr = obj</c>.</summary>
    private void SelfLoop(PyRef obj, string attr = "s") => _heap.SetAttr(obj, attr, obj);

    /// <summary><c>d[key] = value</c>, consuming the caller's references to key and value.</summary>
    private void Put(PyRef dict, PyRef key, PyRef value)
    {
        _heap.DictSetItem(dict, key, value);
        _heap.DecRef(key);
        _heap.DecRef(value);
    }

    private void Del(params PyRef[] refs)
    {
        foreach (PyRef r in refs) _heap.DecRef(r);
    }

    /// <summary>A Python function object named <paramref name="name"/> (GC-tracked, no references), for callbacks.</summary>
    private PyRef Function(string name) =>
        _heap.Owned(GenericType.New(_heap, _heap.Types.Function, ReadOnlySpan<int>.Empty, name));

    private static string Name(PyHeap heap, PyRef obj) => heap.StrValue(heap.GetAttr(obj, "name"));

    /// <summary>The probes' <c>in_gen(o)</c>: <c>[g]</c> for generation g, <c>[]</c> when untracked or frozen.</summary>
    private string InGen(PyRef o) => _heap.GenerationOf(o) is int g and < 3 ? $"[{g}]" : "[]";

    /// <summary>
    /// The <see cref="IHeapCallbacks"/> test double: records finalizers and weakref callbacks in call
    /// order. By default a finalizer logs <c>del NAME</c> and a callback (a <see cref="Function"/>)
    /// logs <c>cb NAME arg_dead=True|False</c>; tests replace either to replay a probe's code.
    /// </summary>
    private sealed class CallbackLog : IHeapCallbacks
    {
        public List<string> Lines { get; } = [];

        public Action<PyHeap, PyRef>? Finalizer { get; set; }

        public Action<PyHeap, PyRef, PyRef>? WeakRefCallback { get; set; }

        public void RunFinalizer(PyHeap heap, PyRef obj)
        {
            if (Finalizer is not null) Finalizer(heap, obj);
            else Lines.Add("del " + Name(heap, obj));
        }

        public void RunWeakRefCallback(PyHeap heap, PyRef callback, PyRef weakRef)
        {
            if (WeakRefCallback is not null)
            {
                WeakRefCallback(heap, callback, weakRef);
                return;
            }
            PyRef target = heap.WeakRefTarget(weakRef);
            bool dead = target == heap.None;
            heap.DecRef(target);
            Lines.Add($"cb {FunctionName(heap, callback)} arg_dead={CollectorProbe.Repr(dead)}");
        }

        public string Repr() => CollectorProbe.Repr(Lines);

        public void Clear() => Lines.Clear();
    }

    private static string FunctionName(PyHeap heap, PyRef function) =>
        (string)GenericType.Data(heap, function.Index).Host!;
}
