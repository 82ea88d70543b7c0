namespace PyHeapSim.Tests.Collector;

/// <summary>Automatic collections: the trigger point per version and generation selection with the
/// long-lived rule (probe <c>automatic.py</c>).</summary>
public sealed partial class CollectorTests
{
    private const string Automatic = "automatic";

    /// <summary>
    /// Replays <c>gc.set_threshold(10)</c> then <c>keep.append([])</c> / <c>counts.append(gc.get_count()[0])</c>
    /// 25 times, after <c>gc.collect()</c> emptied the free lists. The probe's own GC allocations are
    /// replayed too: the argument tuple of <c>set_threshold</c> (METH_VARARGS), the lists
    /// <c>keep</c> and <c>counts</c>, and the 3-tuple each <c>get_count()</c> returns — malloc'd the
    /// first time, then recycled through the tuple free list, so counted once.
    /// </summary>
    [Test]
    public void AutomaticCollection_Threshold10_CollectsInsideAllocationUpTo311_AtEvalBreakerFrom312()
    {
        PyRef args = _heap.NewTuple(Int(10));
        _heap.SetCollectorThresholds(10);
        Del(args);
        PyRef keep = _heap.NewList();
        PyRef counts = _heap.NewList();
        var seen = new List<int>();
        for (int i = 0; i < 25; i++)
        {
            PyRef l = _heap.NewList();
            _heap.ListAppend(keep, l);
            Del(l);
            seen.Add(_heap.CollectorCounts.Gen0);
            Del(_heap.NewTuple(Int(0), Int(0), Int(0)));
            // The loop's backward jump: the eval breaker runs a scheduled collection (3.12+).
            _heap.RunScheduledCollection();
        }
        ("[" + string.Join(", ", seen) + "]").Should().Be(Expect(Automatic, "count0_sequence"));
        _heap.CollectorStats(0).Collections.Should().Be(2);
        Del(keep, counts);
    }

    [Test]
    public void AutomaticCollection_Thresholds20_3_3_GenerationSequenceAndLongLivedRule()
    {
        var generations = new System.Text.StringBuilder();
        _heap.SetCollectorThresholds(700);
        _heap.Freeze();
        PyRef baseList = _heap.NewList();
        for (int i = 0; i < 400; i++)
        {
            PyRef l = _heap.NewList();
            _heap.ListAppend(baseList, l);
            Del(l);
            _heap.RunScheduledCollection();
        }
        Collect();
        _heap.SetCollectorThresholds(20, 3, 3);
        _heap.CollectionStarting += info => generations.Append(info.Generation);
        PyRef keep = _heap.NewList();
        for (int i = 0; i < 2500; i++)
        {
            PyRef l = _heap.NewList();
            _heap.ListAppend(keep, l);
            Del(l);
            _heap.RunScheduledCollection();
        }
        generations.ToString().Should().Be(Expect(Automatic, "generations"));
        string gens = generations.ToString();
        $"{gens.Count(ch => ch == '2')} gen1: {gens.Count(ch => ch == '1')} gen0: {gens.Count(ch => ch == '0')}"
            .Should().Be(Expect(Automatic, "full_collections"));
        Del(baseList, keep);
    }

    [Test]
    public void LongLivedDivisor_Experiment_ChangesHowOftenFullCollectionsRun()
    {
        int FullCollections(int divisor)
        {
            var heap = new PyHeap(PythonProfiles.For(version));
            heap.LongLivedDivisor = divisor;
            // A long-lived population, as a real program has after start-up: 4000 objects in generation 2.
            PyRef old = heap.NewList();
            for (int i = 0; i < 4000; i++)
            {
                PyRef l = heap.NewList();
                heap.ListAppend(old, l);
                heap.DecRef(l);
            }
            heap.Collect();
            heap.SetCollectorThresholds(20, 3, 3);
            PyRef keep = heap.NewList();
            for (int i = 0; i < 3000; i++)
            {
                PyRef l = heap.NewList();
                heap.ListAppend(keep, l);
                heap.DecRef(l);
                heap.RunScheduledCollection();
            }
            heap.Verify();
            return (int)heap.CollectorStats(2).Collections;
        }

        int cpython = FullCollections(4);
        FullCollections(1).Should().BeLessThan(cpython);
        FullCollections(1000).Should().BeGreaterThan(cpython);
        _heap.LongLivedDivisor.Should().Be(4, "another heap's knob leaves this heap's default alone");
    }

    /// <summary>
    /// <c>x = [[] ×8]; gc.disable()</c> on one line, with threshold 5: ≤3.11 collect inside the
    /// allocations (twice), 3.12 runs the scheduled collection at the next eval-breaker check although
    /// gc is now disabled, 3.13 does not. Replayed with the probe's allocations before the display:
    /// <c>events = []</c>, the callback lambda, <c>set_threshold</c>'s argument tuple.
    /// </summary>
    [Test]
    public void ScheduledCollection_DisabledBeforeTheEvalBreaker_RunsOnlyOn312()
    {
        int starts = 0;
        PyRef events = _heap.NewList();
        PyRef lambda = Function("<lambda>");
        _heap.CollectionStarting += _ => starts++;
        PyRef args = _heap.NewTuple(Int(5));
        _heap.SetCollectorThresholds(5);
        Del(args);
        var items = new PyRef[8];
        for (int i = 0; i < items.Length; i++) items[i] = _heap.NewList();
        PyRef x = _heap.NewList(items);
        Del(items);
        _heap.CollectorEnabled = false;
        _heap.RunScheduledCollection();
        _heap.CollectorEnabled = true;
        starts.ToString().Should().Be(Expect(Automatic, "scheduled_then_disabled_collections"));
        Del(x, events, lambda);
    }

    [Test]
    public void AutomaticCollection_Disabled_OnlyExplicitCollectionsRun()
    {
        _heap.CollectorEnabled = false;
        _heap.SetCollectorThresholds(5);
        PyRef keep = _heap.NewList();
        for (int i = 0; i < 30; i++)
        {
            PyRef l = _heap.NewList();
            _heap.ListAppend(keep, l);
            Del(l);
            _heap.RunScheduledCollection();
        }
        _heap.CollectorCounts.Gen0.Should().Be(31);
        _heap.CollectorStats(0).Collections.Should().Be(0);
        _heap.IsCollectionScheduled.Should().BeFalse();
        Collect(0);
        _heap.CollectorCounts.Should().Be((0, 1, 0));
        Del(keep);
    }

    [Test]
    public void AutomaticCollection_CollectsCyclesItFinds_AndVerifyHoldsBetweenSteps()
    {
        _heap.SetCollectorThresholds(7, 2, 2);
        PyRef c = Class("C");
        for (int i = 0; i < 300; i++)
        {
            PyRef a = _heap.NewInstance(c), b = _heap.NewInstance(c);
            _heap.SetAttr(a, "o", b);
            _heap.SetAttr(b, "o", a);
            Del(a, b);
            _heap.RunScheduledCollection();
            if (i % 50 == 0) _heap.Verify();
        }
        long collections = _heap.CollectorStats(0).Collections + _heap.CollectorStats(1).Collections + _heap.CollectorStats(2).Collections;
        collections.Should().BeGreaterThan(10);
        Collect();
        _heap.GetObjects().Should().Contain(c).And.NotContain(r => _heap.TypeName(r) == "C");
    }
}
