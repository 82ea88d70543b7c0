namespace PyHeapSim.Tests.Collector;

/// <summary>What is tracked, and when tuples (every collection) and dicts (full collections only) are
/// untracked (probe <c>tracking.py</c>).</summary>
public sealed partial class CollectorTests
{
    private const string Tracking = "tracking";

    private string Tracked(PyRef o) => CollectorProbe.Repr(_heap.IsTracked(o));

    [Test]
    public void UntrackTuples_EveryCollection_UntracksTuplesOfAtoms()
    {
        PyRef t = _heap.NewTuple(Int(1), Str("a"));
        Tracked(t).Should().Be(Expect(Tracking, "tuple_atoms_new"));
        Collect(0);
        Tracked(t).Should().Be(Expect(Tracking, "tuple_atoms_after_collect0"));

        PyRef l = _heap.NewList();
        PyRef withList = _heap.NewTuple(l);
        Collect();
        Tracked(withList).Should().Be(Expect(Tracking, "tuple_with_list_after_full"));

        PyRef inner = _heap.NewTuple(Int(1));
        PyRef outer = _heap.NewTuple(inner);
        Collect(0);
        $"{Tracked(inner)} {Tracked(outer)}".Should().Be(Expect(Tracking, "nested_tuples_after_collect0"));
        Tracked(_heap.NewTuple()).Should().Be(Expect(Tracking, "empty_tuple"));
    }

    [Test]
    public void DictTracking_StartsUntracked_TrackedByContainers_UntrackedOnlyByFullCollections()
    {
        PyRef d = _heap.NewDict();
        Tracked(d).Should().Be(Expect(Tracking, "dict_empty"));
        Put(d, Str("a"), Int(1));
        Tracked(d).Should().Be(Expect(Tracking, "dict_atomic_value"));
        Put(d, Str("l"), _heap.NewList());
        Tracked(d).Should().Be(Expect(Tracking, "dict_list_value"));
        PyRef l = Str("l");
        _heap.DictDelItem(d, l);
        Del(l);
        Tracked(d).Should().Be(Expect(Tracking, "dict_after_removing_list"));
        Collect(0);
        Tracked(d).Should().Be(Expect(Tracking, "dict_after_collect0"));
        Collect(1);
        Tracked(d).Should().Be(Expect(Tracking, "dict_after_collect1"));
        Collect();
        Tracked(d).Should().Be(Expect(Tracking, "dict_after_full"));
        Put(d, Str("x"), Int(2));
        Tracked(d).Should().Be(Expect(Tracking, "dict_atomic_after_untrack"));
    }

    [Test]
    public void MaintainTracking_TupleCountsOnlyWhileTracked_KeysCountToo()
    {
        PyRef c = Class("C");
        PyRef d1 = _heap.NewDict();
        Put(d1, Str("t"), _heap.NewTuple(Int(1)));
        Tracked(d1).Should().Be(Expect(Tracking, "dict_tracked_tuple_value"));

        PyRef t = _heap.NewTuple(Int(1));
        Collect(0);
        PyRef d2 = _heap.NewDict();
        _heap.DictSetItem(d2, Str("t"), t);
        Tracked(d2).Should().Be(Expect(Tracking, "dict_untracked_tuple_value"));

        PyRef d3 = _heap.NewDict();
        Put(d3, _heap.NewInstance(c), Int(1));
        Tracked(d3).Should().Be(Expect(Tracking, "dict_instance_key"));

        PyRef d4 = _heap.NewDict();
        Put(d4, Int(1), _heap.NewFrozenSet());
        Tracked(d4).Should().Be(Expect(Tracking, "dict_frozenset_value"));
    }

    [Test]
    public void InstanceDict_TrackedWhenItStoresAContainer()
    {
        PyRef cls = Class("C");
        PyRef c = _heap.NewInstance(cls);
        Set(c, "x", Int(1));
        Tracked(_heap.GetInstanceDict(c)).Should().Be(Expect(Tracking, "instance_dict_atomic"));
        PyRef c2 = _heap.NewInstance(cls);
        Set(c2, "y", _heap.NewList());
        Tracked(_heap.GetInstanceDict(c2)).Should().Be(Expect(Tracking, "instance_dict_list_first"));
    }

    [Test]
    public void InstanceDict_ReadThenGivenAContainer_IsTracked()
    {
        PyRef cls = Class("C");
        PyRef c = _heap.NewInstance(cls);
        Set(c, "x", Int(1));
        _heap.GetInstanceDict(c);
        Set(c, "y", _heap.NewList());
        Tracked(_heap.GetInstanceDict(c)).Should().Be(Expect(Tracking, "instance_dict_list"));
    }

    [Test]
    public void IsTracked_ContainersYesAtomsNo()
    {
        PyRef cls = Class("C");
        $"{Tracked(_heap.NewList())} set_empty: {Tracked(_heap.NewSet())} instance: {Tracked(_heap.NewInstance(cls))}"
            .Should().Be(Expect(Tracking, "list_empty"));
        $"{Tracked(Int(1))} str: {Tracked(Str("s"))} none: {Tracked(_heap.None)}".Should().Be(Expect(Tracking, "int"));
    }
}
