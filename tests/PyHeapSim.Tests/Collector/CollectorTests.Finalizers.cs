namespace PyHeapSim.Tests.Collector;

/// <summary>PEP 442 finalizers in cyclic garbage, resurrection per version, <c>gc.is_finalized</c>
/// (probe <c>finalizers.py</c>).</summary>
public sealed partial class CollectorTests
{
    private const string Finalizers = "finalizers";

    /// <summary>The probe's <c>finalized(o)</c>: <c>gc.is_finalized</c> where it exists (3.9+).</summary>
    private string Finalized(PyRef o) =>
        _heap.Profile.Collector.HasIsFinalized ? CollectorProbe.Repr(_heap.IsFinalized(o)) : "n/a";

    /// <summary>Classes F (logs), R (logs; resurrects itself into <paramref name="saved"/> when its name
    /// starts with "r") and P (logs <c>is_finalized_inside=…</c>), as the probe defines them.</summary>
    private (PyRef F, PyRef R, PyRef P) FinalizerClasses(List<PyRef> saved)
    {
        _log.Finalizer = (heap, obj) =>
        {
            switch (heap.TypeName(obj))
            {
                case "P":
                    _log.Lines.Add("is_finalized_inside=" + Finalized(obj));
                    return;
                case "R" when Name(heap, obj).StartsWith('r'):
                    _log.Lines.Add("del " + Name(heap, obj));
                    heap.IncRef(obj);
                    saved.Add(obj);
                    return;
                default:
                    _log.Lines.Add("del " + Name(heap, obj));
                    return;
            }
        };
        return (Class("F", hasDel: true), Class("R", hasDel: true), Class("P", hasDel: true));
    }

    private string CollectAndLog() => $"{Collect()} {_log.Repr()}";

    [Test]
    public void Collect_CycleWithFinalizers_FinalizesInListOrderAndFreesIt()
    {
        var saved = new List<PyRef>();
        (PyRef f, _, _) = FinalizerClasses(saved);
        PyRef a = Named(f, "a"), b = Named(f, "b");
        _heap.SetAttr(a, "o", b);
        _heap.SetAttr(b, "o", a);
        Del(a, b);
        $"{Collect()} {_log.Repr()} {_heap.ListLength(_heap.Garbage)}".Should().Be(Expect(Finalizers, "del_cycle"));
        _heap.IsAlive(a).Should().BeFalse();
    }

    [Test]
    public void Collect_FinalizerResurrects_38KeepsWholeSet_39KeepsOnlyTheResurrected()
    {
        var saved = new List<PyRef>();
        (_, PyRef r, _) = FinalizerClasses(saved);
        PyRef r1 = Named(r, "r");
        SelfLoop(r1);
        Del(r1);
        PyRef x = Named(r, "x"), y = Named(r, "y");
        _heap.SetAttr(x, "o", y);
        _heap.SetAttr(y, "o", x);
        Del(x, y);

        CollectAndLog().Should().Be(Expect(Finalizers, "resurrect_first"));
        Finalized(saved[0]).Should().Be(Expect(Finalizers, "resurrected_is_finalized"));
        _log.Clear();
        // Finalized objects are not finalized again, whatever survived the first collection.
        CollectAndLog().Should().Be(Expect(Finalizers, "resurrect_second"));
        Del([.. saved]);
        saved.Clear();
        CollectAndLog().Should().Be(Expect(Finalizers, "resurrect_third"));
    }

    [Test]
    public void Dealloc_ObjectResurrectedByTheCollector_IsNotFinalizedAgain()
    {
        var saved = new List<PyRef>();
        (_, PyRef r, _) = FinalizerClasses(saved);
        PyRef r2 = Named(r, "r2");
        SelfLoop(r2);
        Del(r2);
        CollectAndLog().Should().Be(Expect(Finalizers, "resurrect_alone"));
        _log.Clear();

        PyRef back = saved[0];
        saved.Clear();
        _heap.DelAttr(back, "s");
        Del(back);
        _log.Repr().Should().Be(Expect(Finalizers, "refcount_death_after_resurrection"));
        _heap.IsAlive(back).Should().BeFalse();
    }

    [Test]
    public void Collect_ResurrectedObjectWithReferents_KeepsWhatItReaches()
    {
        var saved = new List<PyRef>();
        (PyRef f, PyRef r, _) = FinalizerClasses(saved);
        PyRef r3 = Named(r, "r3");
        SelfLoop(r3);
        PyRef inner = _heap.NewList();
        Set(r3, "other", _heap.NewList(inner));
        Del(inner);
        PyRef z = Named(f, "z");
        SelfLoop(z);
        Del(r3, z);
        CollectAndLog().Should().Be(Expect(Finalizers, "resurrect_with_referents"));
        _log.Clear();
        Del([.. saved]);
        saved.Clear();
        CollectAndLog().Should().Be(Expect(Finalizers, "resurrect_with_referents_after"));
    }

    [Test]
    public void IsFinalized_InsideFinalizer_TrueOnCollectorPathFalseOnRefcountPath()
    {
        var saved = new List<PyRef>();
        (PyRef f, _, PyRef p) = FinalizerClasses(saved);
        PyRef p1 = _heap.NewInstance(p);
        SelfLoop(p1);
        Del(p1);
        Collect();
        Del(_heap.NewInstance(p));
        _log.Repr().Should().Be(Expect(Finalizers, "is_finalized_inside_del"));
        _log.Clear();

        PyRef fresh = Named(f, "f");
        Finalized(fresh).Should().Be(Expect(Finalizers, "fresh_is_finalized"));
        Del(fresh);
        _heap.ListLength(_heap.Garbage).ToString().Should().Be(Expect(Finalizers, "garbage"));
    }

    [Test]
    public void Collect_FinalizerThrows_CollectionCompletesThenRethrows()
    {
        PyRef f = Class("F", hasDel: true);
        _log.Finalizer = (heap, obj) =>
        {
            _log.Lines.Add("del " + Name(heap, obj));
            throw new InvalidOperationException("boom in " + Name(heap, obj));
        };
        PyRef a = Named(f, "a"), b = Named(f, "b");
        _heap.SetAttr(a, "o", b);
        _heap.SetAttr(b, "o", a);
        Del(a, b);
        FluentActions.Invoking(() => _heap.Collect()).Should().Throw<InvalidOperationException>().WithMessage("boom in a");
        // Both finalizers ran and the cycle is gone: the collection finished before the rethrow.
        _log.Lines.Should().Equal("del a", "del b");
        _heap.IsAlive(a).Should().BeFalse();
        _heap.CollectorStats(2).Collections.Should().Be(2);
        _heap.Verify();
    }

    [Test]
    public void Collect_WithoutHostCallbacks_MarksFinalizedAndFrees()
    {
        _heap.Callbacks = null;
        PyRef f = Class("F", hasDel: true);
        PyRef a = Named(f, "a");
        SelfLoop(a);
        PyRef w = _heap.NewWeakRef(a, Function("cb"));
        Del(a);
        Collect().Should().BeGreaterThan(0);
        _heap.IsAlive(a).Should().BeFalse();
        PyRef target = _heap.WeakRefTarget(w);
        target.Should().Be(_heap.None);
        Del(target, w);
    }
}
