namespace PyHeapSim.Tests.Collector;

/// <summary><c>gc.get_count()</c> bookkeeping (probe <c>counts.py</c>).</summary>
public sealed partial class CollectorTests
{
    private const string Counts = "counts";

    private int Count0 => _heap.CollectorCounts.Gen0;

    /// <summary>Runs <paramref name="statement"/> and returns how much it moved count0.</summary>
    private string Delta(Action statement)
    {
        int before = Count0;
        statement();
        return (Count0 - before).ToString();
    }

    [Test]
    public void Count0_AllocationsAndDeallocations_FreeListReuseNotCounted()
    {
        PyRef c = Class("C");
        PyRef x = default, y = default, i = default, s = default;
        Delta(() => x = _heap.NewList()).Should().Be(Expect(Counts, "new_list"));
        Delta(() => Del(x)).Should().Be(Expect(Counts, "del_list_to_free_list"));
        Delta(() => x = _heap.NewList()).Should().Be(Expect(Counts, "new_list_from_free_list"));
        Delta(() => y = _heap.NewDict()).Should().Be(Expect(Counts, "new_dict"));
        Delta(() => Del(y)).Should().Be(Expect(Counts, "del_dict_to_free_list"));
        Delta(() => i = _heap.NewInstance(c)).Should().Be(Expect(Counts, "new_instance"));
        // ≤3.10 the first attribute creates the __dict__ — from the dict free list here.
        Delta(() => Set(i, "v", Int(1))).Should().Be(Expect(Counts, "first_attribute"));
        Delta(() => Del(i)).Should().Be(Expect(Counts, "del_instance"));
        Delta(() => s = _heap.NewSet()).Should().Be(Expect(Counts, "new_set"));
        Delta(() => Del(s)).Should().Be(Expect(Counts, "del_set"));
        Del(x);
    }

    [Test]
    public void Count0_DeallocationAtZero_ClampedAtZero()
    {
        PyRef c = Class("C");
        PyRef y = _heap.NewInstance(c);
        Collect();
        Del(y);
        Count0.ToString().Should().Be(Expect(Counts, "clamped_at_zero"));
    }

    [Test]
    public void Counts_ExplicitCollections_ResetAndCarryAsCPythonDoes()
    {
        PyRef keep = _heap.NewList(_heap.NewList(), _heap.NewList(), _heap.NewList());
        var before = _heap.CollectorCounts;
        Collect(0);
        var after0 = _heap.CollectorCounts;
        Collect(0);
        var after00 = _heap.CollectorCounts;
        Collect(1);
        var after1 = _heap.CollectorCounts;
        Collect();
        var after2 = _heap.CollectorCounts;
        $"{(before.Gen1, before.Gen2)} after_collect0: {after0} after_collect0_again: {after00} after_collect1: {after1} after_full: {after2}"
            .Should().Be(Expect(Counts, "counts_before"));
        Del(keep);
    }

    [Test]
    public void Freeze_CountsToZero_ObjectsLeaveTheGenerations()
    {
        PyRef x = _heap.NewList();
        PyRef garbage = _heap.NewList();
        _heap.ListAppend(garbage, garbage);
        Collect(0);
        CollectorProbe.Repr(_heap.CollectorCounts != (0, 0, 0)).Should().Be(Expect("freeze", "counts_before_freeze_nonzero"));
        int before = _heap.FreezeCount;
        _heap.Freeze();
        (_heap.FreezeCount - before).Should().Be(2);
        _heap.CollectorCounts.ToString().Should().Be(Expect("freeze", "counts_after_freeze"));
        CollectorProbe.Repr(_heap.GetObjects().Contains(x)).Should().Be(Expect("freeze", "x_in_get_objects"));
        CollectorProbe.Repr(_heap.IsTracked(x)).Should().Be(Expect("freeze", "x_tracked"));
        _heap.GenerationOf(x).Should().Be(PyHeap.PermanentGeneration);
        Del(garbage);
        Collect().ToString().Should().Be(Expect("freeze", "collect_frozen_garbage"));
        PyRef holder = _heap.NewList(x);
        CollectorProbe.Repr(_heap.GetReferrers(x).Contains(holder)).Should().Be(Expect("freeze", "frozen_referrer_seen"));
        _heap.Unfreeze();
        _heap.FreezeCount.ToString().Should().Be(Expect("freeze", "freeze_count_after_unfreeze"));
        CollectorProbe.Repr(_heap.GetObjects(2).Contains(x)).Should().Be(Expect("freeze", "x_in_gen2"));
        Collect().ToString().Should().Be(Expect("freeze", "collect_after_unfreeze"));
        Del(holder, x);
    }
}
