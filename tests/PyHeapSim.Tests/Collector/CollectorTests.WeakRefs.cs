namespace PyHeapSim.Tests.Collector;

/// <summary>Weak references to cyclic garbage (probe <c>weakrefs.py</c>): cleared before any finalizer,
/// callbacks before <c>__del__</c>, list order then newest first, none for garbage weakrefs.</summary>
public sealed partial class CollectorTests
{
    private const string WeakRefs = "weakrefs";

    [Test]
    public void Collect_CycleWithWeakRefCallbacks_CallbacksRunBeforeFinalizersWithEverythingCleared()
    {
        PyRef n = Class("N", hasDel: true);
        PyRef plain = PyRef.Null;
        _log.Finalizer = (heap, obj) =>
        {
            PyRef target = heap.WeakRefTarget(plain);
            bool dead = target == heap.None;
            heap.DecRef(target);
            _log.Lines.Add($"del {Name(heap, obj)} plain_dead={CollectorProbe.Repr(dead)}");
        };
        PyRef p = Named(n, "p"), q = Named(n, "q");
        _heap.SetAttr(p, "o", q);
        _heap.SetAttr(q, "o", p);
        // The weakref to q is made first: callback order follows the objects' list order, not the weakrefs'.
        PyRef wq = _heap.NewWeakRef(q, Function("q"));
        PyRef wp = _heap.NewWeakRef(p, Function("p"));
        plain = _heap.NewWeakRef(p);
        Del(p, q);
        CollectAndLog().Should().Be(Expect(WeakRefs, "callbacks_then_finalizers"));
        Del(wq, wp, plain);
    }

    [Test]
    public void Collect_SeveralCallbackWeakRefsToOneObject_NewestFirst()
    {
        PyRef m = Class("M", hasDel: true);
        PyRef o = Named(m, "o");
        SelfLoop(o);
        PyRef w1 = _heap.NewWeakRef(o, Function("1"));
        PyRef w2 = _heap.NewWeakRef(o, Function("2"));
        PyRef w3 = _heap.NewWeakRef(o, Function("3"));
        Del(o);
        CollectAndLog().Should().Be(Expect(WeakRefs, "newest_first"));
        Del(w1, w2, w3);
    }

    [Test]
    public void Collect_WeakRefThatIsGarbageItself_GetsNoCallbackAndIsCollected()
    {
        PyRef m = Class("M", hasDel: true);
        PyRef cbG = Function("g");
        PyRef g = Named(m, "g");
        SelfLoop(g);
        Set(g, "w", _heap.NewWeakRef(g, cbG));
        Del(g);
        CollectAndLog().Should().Be(Expect(WeakRefs, "garbage_weakref_no_callback"));
        // The callback function lost the weakref's reference: only ours is left.
        _heap.RefCount(cbG).Should().Be(1);
    }

    [Test]
    public void Collect_CallbackFreesItsOwnWeakRef_CountsItAsCollected()
    {
        PyRef m = Class("M", hasDel: true);
        PyRef o = Named(m, "o");
        SelfLoop(o);
        PyRef holder = _heap.NewList();
        _log.WeakRefCallback = (heap, cb, w) =>
        {
            heap.ListClear(holder);
            _log.Lines.Add("cb clears holder");
        };
        PyRef w = _heap.NewWeakRef(o, Function("clearing"));
        _heap.ListAppend(holder, w);
        Del(w, o);
        CollectAndLog().Should().Be(Expect(WeakRefs, "callback_frees_its_weakref"));
        _heap.IsAlive(w).Should().BeFalse();
    }

    [Test]
    public void Collect_CallbackWeakRefOlderThanItsReferent_MovesToTheNextGeneration()
    {
        var saved = new List<PyRef>();
        PyRef phoenix = Class("Phoenix", hasDel: true);
        _log.Finalizer = (heap, obj) =>
        {
            _log.Lines.Add("del phoenix");
            heap.IncRef(obj);
            saved.Add(obj);
        };
        _log.WeakRefCallback = (heap, cb, w) => _log.Lines.Add("cb u");
        PyRef u = _heap.NewInstance(phoenix);
        PyRef wu = _heap.NewWeakRef(u, Function("u"));
        Collect();
        $"{InGen(wu)} referent_gen_start: {InGen(u)}".Should().Be(Expect(WeakRefs, "weakref_gen_start"));

        // __del__ on the refcount path resurrects u: subtype_dealloc re-tracked it in generation 0.
        Del(u);
        u = saved[0];
        saved.Clear();
        SelfLoop(u);
        Del(u);
        $"{InGen(wu)} log: {_log.Repr()}".Should().Be(Expect(WeakRefs, "weakref_gen_before"));
        _log.Clear();

        $"{Collect(0)} {_log.Repr()} weakref_gen_after: {InGen(wu)}".Should().Be(Expect(WeakRefs, "collect0"));
        _heap.ListLength(_heap.Garbage).ToString().Should().Be(Expect(WeakRefs, "garbage"));
        Del(wu);
    }

    [Test]
    public void Collect_CallbackThrows_OtherCallbacksStillRunThenRethrows()
    {
        PyRef m = Class("M");
        PyRef o = Named(m, "o");
        SelfLoop(o);
        PyRef w1 = _heap.NewWeakRef(o, Function("1"));
        PyRef w2 = _heap.NewWeakRef(o, Function("2"));
        Del(o);
        _log.WeakRefCallback = (heap, cb, w) =>
        {
            _log.Lines.Add("cb " + FunctionName(heap, cb));
            throw new InvalidOperationException("callback " + FunctionName(heap, cb));
        };
        FluentActions.Invoking(() => _heap.Collect()).Should().Throw<InvalidOperationException>().WithMessage("callback 2");
        _log.Lines.Should().Equal("cb 2", "cb 1");
        _heap.IsAlive(o).Should().BeFalse();
        _heap.Verify();
        Del(w1, w2);
    }
}
