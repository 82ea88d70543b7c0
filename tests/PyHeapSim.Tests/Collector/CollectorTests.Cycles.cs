namespace PyHeapSim.Tests.Collector;

/// <summary>What <c>gc.collect()</c> returns for small cyclic garbage (probe <c>cycles.py</c>).</summary>
public sealed partial class CollectorTests
{
    private const string Cycles = "cycles";

    [Test]
    public void Collect_TwoInstancesReferencingEachOther_CountsInstancesAndTheirDicts()
    {
        PyRef c = Class("C");
        PyRef a = _heap.NewInstance(c), b = _heap.NewInstance(c);
        _heap.SetAttr(a, "o", b);
        _heap.SetAttr(b, "o", a);
        int live = _heap.LiveObjectCount;
        Del(a, b);
        Collect().ToString().Should().Be(Expect(Cycles, "two_instances"));
        _heap.IsAlive(a).Should().BeFalse();
        _heap.IsAlive(b).Should().BeFalse();
        // Two instances, and ≤3.10 their dicts; nothing else is freed (the key 'o' is interned).
        (live - _heap.LiveObjectCount).ToString().Should().Be(Expect(Cycles, "two_instances"));
    }

    [Test]
    public void Collect_InstanceReferencingItself_FreesIt()
    {
        PyRef c = Class("C");
        PyRef a = _heap.NewInstance(c);
        SelfLoop(a);
        Del(a);
        Collect().ToString().Should().Be(Expect(Cycles, "self_instance"));
        _heap.IsAlive(a).Should().BeFalse();
    }

    [Test]
    public void Collect_ListContainingItself_ReturnsOne()
    {
        PyRef l = _heap.NewList();
        _heap.ListAppend(l, l);
        Del(l);
        Collect().ToString().Should().Be(Expect(Cycles, "self_list"));
        _heap.IsAlive(l).Should().BeFalse();
    }

    [Test]
    public void Collect_DictContainingItself_ReturnsOne()
    {
        PyRef d = _heap.NewDict();
        PyRef key = Str("d");
        _heap.DictSetItem(d, key, d);
        Del(key, d);
        Collect().ToString().Should().Be(Expect(Cycles, "self_dict"));
    }

    [Test]
    public void Collect_TwoListsInACycle_ReturnsTwo()
    {
        PyRef x = _heap.NewList();
        PyRef y = _heap.NewList(x);
        _heap.ListAppend(x, y);
        Del(x, y);
        Collect().ToString().Should().Be(Expect(Cycles, "two_lists"));
    }

    [Test]
    public void Collect_TwoInstancesWithDictsRead_CountsTheMaterialisedDicts()
    {
        PyRef c = Class("C");
        PyRef a = _heap.NewInstance(c), b = _heap.NewInstance(c);
        _heap.SetAttr(a, "o", b);
        _heap.SetAttr(b, "o", a);
        _heap.GetInstanceDict(a);
        _heap.GetInstanceDict(b);
        Del(a, b);
        Collect().ToString().Should().Be(Expect(Cycles, "two_instances_dicts_read"));
    }

    [Test]
    public void Collect_CycleThroughATuple_ReturnsTwo()
    {
        PyRef l = _heap.NewList();
        PyRef t = _heap.NewTuple(l);
        _heap.ListAppend(l, t);
        Del(l, t);
        Collect().ToString().Should().Be(Expect(Cycles, "list_tuple"));
    }

    [Test]
    public void Collect_CycleWithAnAcyclicTail_CountsTrackedTailButNotTheEmptyDict()
    {
        PyRef c = Class("C");
        PyRef a = _heap.NewInstance(c);
        SelfLoop(a);
        PyRef inner = _heap.NewList(), empty = _heap.NewDict();
        Set(a, "tail", _heap.NewList(inner, empty));
        Del(inner, empty);
        int live = _heap.LiveObjectCount;
        Del(a);
        Collect().ToString().Should().Be(Expect(Cycles, "cycle_with_tail"));
        // The untracked {} is not counted, but it is freed with the rest.
        (live - _heap.LiveObjectCount).Should().Be(int.Parse(Expect(Cycles, "cycle_with_tail")) + 1);
    }

    [Test]
    public void Collect_SlotsInstancesInACycle_ReturnsTwo()
    {
        PyRef s = Class("S", slots: ["o"]);
        PyRef s1 = _heap.NewInstance(s), s2 = _heap.NewInstance(s);
        _heap.SetAttr(s1, "o", s2);
        _heap.SetAttr(s2, "o", s1);
        Del(s1, s2);
        Collect().ToString().Should().Be(Expect(Cycles, "slots_pair"));
    }

    [Test]
    public void Collect_CycleStillReferencedFromOutside_FreesNothing()
    {
        PyRef keep = _heap.NewList();
        _heap.ListAppend(keep, keep);
        Collect().ToString().Should().Be(Expect(Cycles, "reachable_kept"));
        _heap.IsAlive(keep).Should().BeTrue();
        _heap.ListLength(keep).Should().Be(1);
    }

    [Test]
    public void Collect_InstanceWithAtomicAttributeThenSelfLoop_CountsItsDictOnlyUpTo310()
    {
        PyRef c = Class("C");
        PyRef a = _heap.NewInstance(c);
        Set(a, "x", Int(1));
        SelfLoop(a);
        Del(a);
        Collect().ToString().Should().Be(Expect(Cycles, "instance_atomic_then_self"));
        _heap.ListLength(_heap.Garbage).ToString().Should().Be(Expect(Cycles, "garbage"));
    }

    [Test]
    public void Collect_Garbage_LeavesNoCollectorFlagsAndEmptyScratchLists()
    {
        PyRef c = Class("C");
        for (int i = 0; i < 50; i++)
        {
            PyRef a = _heap.NewInstance(c), b = _heap.NewInstance(c);
            _heap.SetAttr(a, "o", b);
            _heap.SetAttr(b, "o", a);
            if (i % 3 == 0) _heap.SetAttr(a, "self", a);
            Del(a, b);
        }
        _heap.Collect(0);
        _heap.Verify();
        // Only the class is left (with its __mro__/__bases__ tuples where those are modelled).
        _heap.GetObjects().Should().OnlyContain(r => _heap.TypeName(r) == "type" || _heap.TypeName(r) == "tuple");
    }
}
