namespace PyHeapSim.Tests.Collector;

/// <summary><c>gc.get_referents</c>, <c>gc.get_referrers</c>, <c>gc.get_objects</c> (probe <c>referents.py</c>).</summary>
public sealed partial class CollectorTests
{
    private const string Referents = "referents";

    /// <summary>The probe's <c>show()</c>: reprs of None/int/str, <c>C-instance</c>, <c>class-C</c>, else the type name.</summary>
    private string Show(IEnumerable<PyRef> objects, PyRef classC = default)
    {
        var parts = new List<string>();
        foreach (PyRef o in objects)
        {
            string type = _heap.TypeName(o);
            parts.Add(type switch
            {
                "NoneType" => "None",
                "int" => _heap.IntValue(o).ToString(),
                "str" => "'" + _heap.StrValue(o) + "'",
                _ when !classC.IsNull && o == classC => "class-C",
                _ when !classC.IsNull && _heap.TypeOf(o) == classC => "C-instance",
                _ => type,
            });
        }
        return "[" + string.Join(", ", parts) + "]";
    }

    [Test]
    public void GetReferents_ListTupleSet_InTraverseOrder()
    {
        PyRef inner = _heap.NewList();
        Show(_heap.GetReferents(_heap.NewList(Int(1), Str("a"), _heap.None, inner))).Should().Be(Expect(Referents, "list"));
        Show(_heap.GetReferents(_heap.NewTuple(Int(1), Str("a"), inner))).Should().Be(Expect(Referents, "tuple"));
        Show(_heap.GetReferents(_heap.NewFrozenSet(Str("only")))).Should().Be(Expect(Referents, "frozenset_one"));
        _heap.GetReferents(Int(5)).Should().BeEmpty("ints are not GC objects");
    }

    [Test]
    public void GetReferents_Dicts_ValuesThenKeysForGeneralTables()
    {
        PyRef d1 = _heap.NewDict();
        Put(d1, Str("a"), Int(1));
        Put(d1, Str("b"), _heap.NewList(Int(2)));
        Show(_heap.GetReferents(d1)).Should().Be(Expect(Referents, "dict_str_keys"));

        PyRef d2 = _heap.NewDict();
        Put(d2, Int(1), Str("x"));
        Put(d2, Int(2), _heap.NewList());
        Show(_heap.GetReferents(d2)).Should().Be(Expect(Referents, "dict_int_keys"));

        PyRef d3 = _heap.NewDict();
        Put(d3, Str("k"), Str("y"));
        Put(d3, Int(1), Str("x"));
        Show(_heap.GetReferents(d3)).Should().Be(Expect(Referents, "dict_mixed_keys"));

        PyRef d4 = _heap.NewDict();
        Put(d4, Str("a"), Int(1));
        Put(d4, Int(5), Int(2));
        PyRef five = Int(5);
        _heap.DictDelItem(d4, five);
        Show(_heap.GetReferents(d4)).Should().Be(Expect(Referents, "dict_str_after_int_deleted"));
    }

    [Test]
    public void GetReferents_Instances_DictUpTo310_ValuesByEntryFrom311()
    {
        PyRef cls = Class("C");
        PyRef c = _heap.NewInstance(cls);
        Show(_heap.GetReferents(c), cls).Should().Be(Expect(Referents, "instance_fresh"));
        Set(c, "x", Int(1));
        Set(c, "y", Str("v"));
        Show(_heap.GetReferents(c), cls).Should().Be(Expect(Referents, "instance_attrs"));
        PyRef c2 = _heap.NewInstance(cls);
        Set(c2, "y", Str("Y"));
        Set(c2, "x", Str("X"));
        Show(_heap.GetReferents(c2), cls).Should().Be(Expect(Referents, "instance_attrs_other_order"));
    }

    [Test]
    public void GetReferents_InstanceWithDictRead_VisitsTheDict()
    {
        PyRef cls = Class("C");
        PyRef c = _heap.NewInstance(cls);
        Set(c, "x", Int(1));
        Set(c, "y", Str("v"));
        PyRef c2 = _heap.NewInstance(cls);
        Set(c2, "y", Str("Y"));
        Set(c2, "x", Str("X"));
        PyRef dict = _heap.GetInstanceDict(c2);
        Show(_heap.GetReferents(c2), cls).Should().Be(Expect(Referents, "instance_dict_read"));
        Show(_heap.GetReferents(dict), cls).Should().Be(Expect(Referents, "instance_dict_itself"));
        Put(dict, Int(5), Int(5));
        Show(_heap.GetReferents(c2), cls).Should().Be(Expect(Referents, "instance_dict_combined"));
        Show(_heap.GetReferents(dict), cls).Should().Be(Expect(Referents, "instance_dict_combined_itself"));
    }

    [Test]
    public void GetReferents_WeakRefs_TheCallbackOnly()
    {
        PyRef cls = Class("C");
        PyRef c = _heap.NewInstance(cls);
        Show(_heap.GetReferents(_heap.NewWeakRef(c, Function("callback")))).Should().Be(Expect(Referents, "weakref_with_callback"));
        Show(_heap.GetReferents(_heap.NewWeakRef(c))).Should().Be(Expect(Referents, "weakref_plain"));
    }

    [Test]
    public void GetReferrers_ScansGenerationsYoungestFirstInListOrder()
    {
        PyRef cls = Class("C");
        PyRef x = _heap.NewList();
        PyRef a = _heap.NewList(x);
        PyRef b = _heap.NewDict();
        _heap.IncRef(x);
        Put(b, Str("k"), x);
        PyRef i = _heap.NewInstance(cls);
        _heap.SetAttr(i, "x", x);
        PyRef f = _heap.NewFrozenSet(Int(1));
        Show(_heap.GetReferrers(x), cls).Should().Be(Expect(Referents, "referrers"));
        Collect(0);
        PyRef e = _heap.NewList(x);
        Show(_heap.GetReferrers(x), cls).Should().Be(Expect(Referents, "referrers_after_collect0"));
        Del(a, b, i, f, e, x);
    }

    [Test]
    public void GetObjects_PerGeneration_InTrackingOrder()
    {
        PyRef cls = Class("C");
        Collect();
        PyRef p = _heap.NewList();
        PyRef q = _heap.NewDict();
        _heap.IncRef(p);
        Put(q, Str("p"), p);
        PyRef r = _heap.NewInstance(cls);
        _heap.SetAttr(r, "q", q);
        Show(_heap.GetObjects(0), cls).Should().Be(Expect(Referents, "gen0_objects"));
        Collect(0);
        $"gen0 {Show(_heap.GetObjects(0), cls)} gen1 {Show(_heap.GetObjects(1), cls)}".Should().Be(Expect(Referents, "after_collect0"));
        _heap.GenerationOf(p).Should().Be(1);
        _heap.GetObjects(2).Should().Contain(cls);
        _heap.GetObjects().Should().Equal(_heap.GetObjects(0).Concat(_heap.GetObjects(1)).Concat(_heap.GetObjects(2)));
        FluentActions.Invoking(() => _heap.GetObjects(3)).Should().Throw<ArgumentOutOfRangeException>();
        _heap.GenerationOf(Int(1)).Should().BeNull();
        Del(p, q, r);
    }

    [Test]
    public void Promotion_SurvivorsMoveOneGenerationPerCollection()
    {
        PyRef l = _heap.NewList();
        _heap.GenerationOf(l).Should().Be(0);
        Collect(0);
        _heap.GenerationOf(l).Should().Be(1);
        Collect(1);
        _heap.GenerationOf(l).Should().Be(2);
        Collect();
        _heap.GenerationOf(l).Should().Be(2);
        Del(l);
    }
}
