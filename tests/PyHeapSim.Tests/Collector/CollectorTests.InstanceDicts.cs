namespace PyHeapSim.Tests.Collector;

/// <summary>
/// Cycles through instances whose <c>__dict__</c> was read, kept, replaced or deleted (probes
/// <c>cycles.py</c>, <c>tracking.py</c>, <c>referents.py</c>). 3.13 keeps the values inline under a
/// materialised dict: the instance visits them and the dict visits nothing, so such a dict is never
/// garbage, and an attribute stored through the instance does not track it.
/// </summary>
public sealed partial class CollectorTests
{
    [Test]
    public void Collect_PairWhoseDictIsHeld_CollectsThePairOnlyOn313()
    {
        PyRef c = Class("C");
        PyRef a = _heap.NewInstance(c), b = _heap.NewInstance(c);
        _heap.SetAttr(a, "o", b);
        _heap.SetAttr(b, "o", a);
        PyRef d = _heap.GetInstanceDict(a);
        _heap.IncRef(d);
        Del(a, b);
        Collect().ToString().Should().Be(Expect(Cycles, "pair_dict_held"));
        Del(d);
        Collect().ToString().Should().Be(Expect(Cycles, "pair_dict_held_released"));
    }

    [Test]
    public void Collect_SelfReferenceStoredThroughTheDict_CountsTheDictBefore313()
    {
        PyRef c = Class("C");
        PyRef e = _heap.NewInstance(c);
        _heap.IncRef(e);
        Put(_heap.GetInstanceDict(e), Str("e"), e);
        Del(e);
        Collect().ToString().Should().Be(Expect(Cycles, "self_via_dict_item"));
    }

    [Test]
    public void Collect_PairWithACombinedDict_CountsThatDict()
    {
        PyRef c = Class("C");
        PyRef a = _heap.NewInstance(c), b = _heap.NewInstance(c);
        _heap.SetAttr(a, "o", b);
        _heap.SetAttr(b, "o", a);
        Put(_heap.GetInstanceDict(a), Int(1), Int(1));
        Del(a, b);
        Collect().ToString().Should().Be(Expect(Cycles, "pair_dict_combined"));
    }

    [Test]
    public void Collect_DictDeletedThenSelfReferenceThroughANewDict_CountsInstanceAndDict()
    {
        PyRef c = Class("C");
        PyRef f = _heap.NewInstance(c);
        SelfLoop(f);
        _heap.SetInstanceDict(f, PyRef.Null);
        _heap.GetAttr(f, "s").IsNull.Should().BeTrue();
        _heap.IncRef(f);
        Put(_heap.GetInstanceDict(f), Str("s"), f);
        Del(f);
        Collect().ToString().Should().Be(Expect(Cycles, "dict_deleted_then_self"));
    }

    [Test]
    public void Collect_DictReplacedWhileTheOldOneIsHeld_BreaksTheSelfLoop()
    {
        PyRef c = Class("C");
        PyRef g = _heap.NewInstance(c);
        SelfLoop(g);
        PyRef old = _heap.GetInstanceDict(g);
        _heap.IncRef(old);
        PyRef fresh = _heap.NewDict();
        _heap.IncRef(g);
        Put(fresh, Str("s"), g);
        _heap.SetInstanceDict(g, fresh);
        Del(fresh, g);
        $"{Collect()} {_heap.DictLength(old)}".Should().Be(Expect(Cycles, "dict_replaced_old_held"));
    }

    [Test]
    public void Collect_MoreAttributesThanSharedKeysHold_CountsInstanceAndDict()
    {
        PyRef cls = Class("M");
        PyRef m = _heap.NewInstance(cls);
        for (int i = 0; i < 35; i++) Set(m, "a" + i, Int(i));
        SelfLoop(m);
        _heap.GetInstanceDict(m);
        Del(m);
        Collect().ToString().Should().Be(Expect(Cycles, "many_attrs_self"));
    }

    [Test]
    public void InstanceDict_ReadThenAttributeGivenAList_IsTrackedOnlyThroughTheDictOn313()
    {
        PyRef cls = Class("C");
        PyRef c = _heap.NewInstance(cls);
        PyRef d = _heap.GetInstanceDict(c);
        Set(c, "z", _heap.NewList());
        Tracked(d).Should().Be(Expect(Tracking, "dict_read_then_attr_list"));
        Put(d, Str("w"), _heap.NewList());
        Tracked(d).Should().Be(Expect(Tracking, "dict_read_then_item_list"));
    }
}
