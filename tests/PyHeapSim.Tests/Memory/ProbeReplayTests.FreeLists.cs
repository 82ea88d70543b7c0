namespace PyHeapSim.Tests.Memory;

/// <summary>Free lists: fresh vs recycled objects, capacities, and <c>gc.collect()</c> emptying them.</summary>
public sealed partial class ProbeReplayTests
{
    [Test]
    public void EmptyList_FreeListDrained_CostsAFullListEach()
    {
        // hold = [[] for _ in range(300)]; region: 50 × []
        DrainLists();
        Expect("list_empty_fresh_x50", Measure(() => Keep(50, _heap.NewList)));
    }

    [Test]
    public void EmptyList_RightAfterOtherListsDied_CostsNothing()
    {
        // tmp = [[] for _ in range(300)]; tmp = None; region: 50 × []
        RefillLists();
        Expect("list_empty_recycled_x50", Measure(() => Keep(50, _heap.NewList)));
    }

    [Test]
    public void EmptyList_FreeList_Holds80()
    {
        RefillLists();
        Expect("list_empty_after_refill_x300", Measure(() => Keep(300, _heap.NewList)));
    }

    [Test]
    public void ListCall_BypassesTheFreeList()
    {
        // list() allocates with tp_alloc: the 80 parked lists are not used.
        RefillLists();
        Expect("list_call_after_refill_x50", Measure(() => Keep(50, () => _heap.ListFromSized())));
    }

    [Test]
    public void ListCallOnAList_BypassesTheFreeList_AndSizesExactly()
    {
        // region: 50 × list(IDX100) — a new list object and an exact 100-slot array each.
        PyRef[] ints = Enumerable.Range(0, 100).Select(i => _heap.NewInt(i)).ToArray();
        PyRef source = _heap.NewList(ints);
        foreach (PyRef x in ints) _heap.DecRef(x);
        RefillLists();
        _hold.Add(source);
        Expect("list_call_iterable_after_refill_x50", Measure(() => Keep(50, () => _heap.ListFromIterable(source))));
    }

    [Test]
    public void EmptyDict_FreeListDrained_CostsAFullDictEach()
    {
        DrainDicts();
        Expect("dict_empty_fresh_x50", Measure(() => Keep(50, _heap.NewDict)));
    }

    [Test]
    public void EmptyDict_RightAfterOtherDictsDied_CostsNothing()
    {
        RefillDicts();
        Expect("dict_empty_recycled_x50", Measure(() => Keep(50, _heap.NewDict)));
    }

    [Test]
    public void EmptyDict_FreeList_Holds80()
    {
        RefillDicts();
        Expect("dict_empty_after_refill_x300", Measure(() => Keep(300, _heap.NewDict)));
    }

    [Test]
    public void DictCall_BypassesTheFreeList()
    {
        // dict(): tp_alloc, and on 3.8–3.9 an 8-slot table at once (the keys free list is drained).
        DrainDicts();
        Expect("dict_call_fresh_x50", Measure(() => Keep(50, _heap.CallDict)));
    }

    [Test]
    public void DictCall_AfterRefill_StillBypassesTheFreeList()
    {
        RefillDicts();
        Expect("dict_call_after_refill_x50", Measure(() => Keep(50, _heap.CallDict)));
    }

    [Test]
    public void Float_FreeListDrained_Costs24Each()
    {
        Hold(300, () => _heap.NewFloat(0.5));
        Expect("float_fresh_x50", Measure(() => Keep(50, () => _heap.NewFloat(1.5))));
    }

    [Test]
    public void Float_FreeList_Holds100()
    {
        Release(_hold);
        Refill(300, () => _heap.NewFloat(0.5));
        Expect("float_recycled_x50", Measure(() => Keep(50, () => _heap.NewFloat(1.5))));
        Release(_keep);
        Refill(300, () => _heap.NewFloat(0.5));
        Expect("float_after_refill_x300", Measure(() => Keep(300, () => _heap.NewFloat(1.5))));
    }

    [Test]
    public void FullCollection_EmptiesEveryFreeList()
    {
        // tmp = [[] ...]; tmp = None; gc.collect(); region: 50 × [] — all fresh.
        // (CPython's region also holds 56 bytes gc.collect() leaves behind; only blocks are compared.)
        RefillLists();
        _heap.Collect();
        (long _, long blocks) = Measure(() => Keep(50, _heap.NewList));
        blocks.Should().Be(_recorded.Probe("list_after_refill_and_collect_x50").Blocks!.Value);
        Release(_keep);

        RefillDicts();
        _heap.Collect();
        Measure(() => Keep(50, _heap.NewDict)).Blocks.Should().Be(_recorded.Probe("dict_after_refill_and_collect_x50").Blocks!.Value);
        Release(_keep);

        Refill(300, () => _heap.NewFloat(0.5));
        _heap.Collect();
        Measure(() => Keep(50, () => _heap.NewFloat(1.5))).Blocks.Should().Be(_recorded.Probe("float_after_refill_and_collect_x50").Blocks!.Value);
        Release(_keep);

        Refill(2100, () => Tuple(3));
        _heap.Collect();
        Measure(() => Keep(2100, () => Tuple(3))).Blocks.Should().Be(_recorded.Probe("tuple_3_after_refill_and_collect_x2100").Blocks!.Value);
    }

    [Test]
    public void Tuple_EachLength_FreeListHolds2000_UpToTheVersionsLongestLength([Range(1, 21)] int n)
    {
        // tmp = [(v,)*n for _ in range(2100)]; tmp = None; region: 2100 × (v, …)
        Release(_hold);
        Refill(2100, () => Tuple(n));
        Expect($"tuple_{n}_after_refill_x2100", Measure(() => Keep(2100, () => Tuple(n))));
    }

    [Test]
    public void Tuple_EachLength_FreeListDrained_CostsGcHeaderPlus24Plus8n([Range(1, 21)] int n)
    {
        Hold(2100, () => Tuple(n));
        Expect($"tuple_{n}_fresh_x50", Measure(() => Keep(50, () => Tuple(n))));
    }

    [Test]
    public void Tuple_Dropping2100_ParksAtMost2000([Values(19, 20, 21)] int n)
    {
        // hold = [...2100 fresh...]; tmp = [...2100 more, by append...]; region: tmp = None
        Hold(2100, () => Tuple(n));
        PyRef tmp = _heap.NewList();
        for (int i = 0; i < 2100; i++)
        {
            PyRef t = Tuple(n);
            _heap.ListAppend(tmp, t);
            _heap.DecRef(t);
        }
        Expect($"tuple_{n}_drop_x2100", Measure(() => _heap.DecRef(tmp)));
    }

    [Test]
    public void TupleCall_TakesFromTheFreeList()
    {
        Release(_hold);
        Refill(300, () => Tuple(3));
        PyRef l3 = _heap.NewList(_heap.None, _heap.None, _heap.None);
        _hold.Add(l3);
        Expect("tuple_call_after_refill_x50", Measure(() => Keep(50, () => _heap.TupleFromIterable(l3))));
    }

    [Test]
    public void OneKeyDict_BothFreeListsFull_KeysRecycledPerVersionRule([Values("int", "str")] string keyKind)
    {
        // tmp = [{k: v} for j in range(300)]; tmp = None; region: 100 × {k: v}
        // 3.8–3.10 recycle any 8-slot table; 3.11+ only all-str ones.
        Func<PyRef> make = keyKind == "int" ? () => DictWithInt(7) : () => DictWithKey(_strKey);
        Release(_hold);
        Refill(300, make);
        Expect($"dict_one_{keyKind}_key_after_refill_x100", Measure(() => Keep(100, make)));
    }

    [Test]
    public void OneKeyDict_FreeListsDrained_CostsObjectPlusTable([Values("int", "str")] string keyKind)
    {
        Func<PyRef> make = keyKind == "int" ? () => DictWithInt(7) : () => DictWithKey(_strKey);
        Hold(300, make);
        Expect($"dict_one_{keyKind}_key_fresh_x50", Measure(() => Keep(50, make)));
    }

    private PyRef DictWithInt(long key)
    {
        PyRef k = _heap.NewInt(key);
        PyRef d = DictWithKey(k);
        _heap.DecRef(k);
        return d;
    }
}
