using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;

namespace PyHeapSim.Collector;

/// <summary>
/// One collection of a generation, phase by phase as <c>gc_collect_main</c> (<c>collect</c> in 3.8)
/// runs it: merge the younger generations, <see cref="DeduceUnreachable"/>, untrack atomic tuples (and
/// dicts in full collections), promote survivors, clear weak references and queue their callbacks,
/// finalize, handle resurrection, clear the garbage. Reading <see cref="Collect"/> reads the algorithm.
/// </summary>
internal sealed class CycleCollection
{
    private readonly PyHeap _heap;
    private readonly ObjectTable _t;
    private readonly GenerationalCollector _gc;
    private readonly CollectorRules _rules;

    public CycleCollection(PyHeap heap)
    {
        _heap = heap;
        _t = heap.T;
        _gc = heap.Gc;
        _rules = heap.Profile.Collector;
    }

    /// <summary>Collects <paramref name="generation"/> and every younger one; returns collected + uncollectable.</summary>
    public (long Collected, long Uncollectable) Collect(int generation)
    {
        int young = GenerationalCollector.Head(generation);
        int old = generation < GenerationalCollector.Generations - 1 ? GenerationalCollector.Head(generation + 1) : young;
        const int unreachable = GenerationalCollector.UnreachableHead;

        // Counters: the next generation counts this collection; this one and younger restart.
        if (generation + 1 < GenerationalCollector.Generations) _gc.SetCount(generation + 1, _gc.Count(generation + 1) + 1);
        for (int i = 0; i <= generation; i++) _gc.SetCount(i, 0);

        for (int i = 0; i < generation; i++) _t.ListMerge(GenerationalCollector.Head(i), young);

        DeduceUnreachable(young, unreachable);
        UntrackTuples(young);

        if (young != old)
        {
            if (generation == GenerationalCollector.Generations - 2) _gc.LongLivedPending += _t.ListSize(young);
            _t.ListMerge(young, old);
        }
        else
        {
            if (_rules.UntrackDictsInFullCollections) UntrackDicts(young);
            _gc.LongLivedPending = 0;
            _gc.LongLivedTotal = _t.ListSize(young);
        }

        // No type here has a legacy tp_del finalizer: the uncollectable set stays empty.
        _gc.ReportCollectable(unreachable);

        long collected = HandleWeakRefs(unreachable, old);
        FinalizeGarbage(unreachable);

        switch (_rules.Resurrection)
        {
            case ResurrectionRule.WholeSetSurvives:
                if (CheckGarbage(unreachable))
                {
                    _t.ListMerge(unreachable, old);
                }
                else
                {
                    collected += _t.ListSize(unreachable);
                    DeleteGarbage(unreachable, old);
                }
                break;
            default:
                const int finalUnreachable = GenerationalCollector.ScratchHead;
                HandleResurrectedObjects(unreachable, finalUnreachable, old);
                collected += _t.ListSize(finalUnreachable);
                DeleteGarbage(finalUnreachable, old);
                break;
        }

        if (generation == GenerationalCollector.Generations - 1) _heap.FreeLists.ClearAll(_heap.Memory);
        return (collected, 0);
    }

    /// <summary>
    /// <c>deduce_unreachable</c> = <see cref="UpdateRefs"/> + <see cref="SubtractRefs"/> +
    /// <see cref="MoveUnreachable"/>. Contracts: on return <paramref name="young"/> holds the objects
    /// reachable from outside it (COLLECTING cleared) and <paramref name="unreachable"/> the rest, still
    /// flagged COLLECTING and UNREACHABLE.
    /// </summary>
    private void DeduceUnreachable(int young, int unreachable)
    {
        UpdateRefs(young);
        SubtractRefs(young);
        MoveUnreachable(young, unreachable);
    }

    /// <summary>
    /// <c>update_refs</c>: gc_refs = refcount for every object of <paramref name="list"/>, flagged COLLECTING.
    /// Immortal objects are not tracked in this model, so none is met here.
    /// </summary>
    private void UpdateRefs(int list)
    {
        for (int o = _t.GcNext(list); o != list; o = _t.GcNext(o))
        {
            _t.SetGcRefs(o, (int)Math.Min(_t.RefCount(o), int.MaxValue));
            _t.Set(o, ObjectFlags.Collecting);
        }
    }

    private struct SubtractVisitor(ObjectTable t) : IReferentVisitor
    {
        public void Visit(int referent)
        {
            if (t.Has(referent, ObjectFlags.Collecting)) t.GcRefsRef(referent)--;
        }
    }

    /// <summary><c>subtract_refs</c>: each reference from inside the set lowers the referent's gc_refs;
    /// afterwards gc_refs counts only references from outside.</summary>
    private void SubtractRefs(int list)
    {
        var v = new SubtractVisitor(_t);
        for (int o = _t.GcNext(list); o != list; o = _t.GcNext(o)) ObjectModel.Traverse(_heap, o, ref v);
    }

    private struct ReachableVisitor(ObjectTable t, int young) : IReferentVisitor
    {
        public void Visit(int referent)
        {
            if (!t.Has(referent, ObjectFlags.Collecting)) return;
            if (t.Has(referent, ObjectFlags.Unreachable))
            {
                // Tentatively unreachable but reachable after all: back to the end of young.
                t.Clear(referent, ObjectFlags.Unreachable);
                t.ListMove(referent, young);
                t.SetGcRefs(referent, 1);
            }
            else if (t.GcRefs(referent) == 0)
            {
                t.SetGcRefs(referent, 1);
            }
        }
    }

    /// <summary>
    /// <c>move_unreachable</c>. Invariant: objects before the cursor in <paramref name="young"/> are
    /// reachable and done; objects in <paramref name="unreachable"/> have gc_refs 0 so far. An object
    /// with gc_refs &gt; 0 is reachable: its COLLECTING referents get gc_refs ≥ 1, and any already moved
    /// to <paramref name="unreachable"/> returns to the end of young to be scanned again.
    /// </summary>
    private void MoveUnreachable(int young, int unreachable)
    {
        var v = new ReachableVisitor(_t, young);
        int o = _t.GcNext(young);
        while (o != young)
        {
            int next;
            if (_t.GcRefs(o) > 0)
            {
                ObjectModel.Traverse(_heap, o, ref v);
                _t.Clear(o, ObjectFlags.Collecting);
                next = _t.GcNext(o);
            }
            else
            {
                next = _t.GcNext(o);
                _t.ListMove(o, unreachable);
                _t.Set(o, ObjectFlags.Unreachable);
            }
            o = next;
        }
    }

    /// <summary><c>untrack_tuples</c>: surviving tuples whose items are all untracked or atomic leave the lists.</summary>
    private void UntrackTuples(int list)
    {
        int o = _t.GcNext(list);
        while (o != list)
        {
            int next = _t.GcNext(o);
            if (_t.Kind(o) == TypeKind.Tuple) TupleType.MaybeUntrack(_heap, o);
            o = next;
        }
    }

    /// <summary><c>untrack_dicts</c> (full collections, ≤3.13).</summary>
    private void UntrackDicts(int list)
    {
        int o = _t.GcNext(list);
        while (o != list)
        {
            int next = _t.GcNext(o);
            if (_t.Kind(o) == TypeKind.Dict) DictType.MaybeUntrack(_heap, o);
            o = next;
        }
    }

    /// <summary>
    /// <c>handle_weakrefs</c>: clear every weak reference to an unreachable object (and every unreachable
    /// weak reference); call the callbacks of cleared weakrefs that are not garbage themselves, in
    /// unreachable-list order then newest first. Returns how many callback weakrefs died doing so.
    /// </summary>
    private long HandleWeakRefs(int unreachable, int old)
    {
        var toCall = new List<int>();
        for (int o = _t.GcNext(unreachable); o != unreachable; o = _t.GcNext(o))
        {
            if (_t.Kind(o) == TypeKind.WeakRef)
            {
                var w = (WeakRefData)_t.Payload(o)!;
                if (w.Referent != 0) _heap.RemoveWeakRef(w.Referent, o);
                w.Referent = 0;
            }
            if (!_t.Has(o, ObjectFlags.HasWeakRefs)) continue;
            List<int> refs = _heap.WeakRefsOf(o, create: false)!;
            foreach (int wr in refs.ToArray())
            {
                var w = (WeakRefData)_t.Payload(wr)!;
                _heap.RemoveWeakRef(o, wr);
                w.Referent = 0;
                if (w.Callback == 0) continue;
                if (_t.Has(wr, ObjectFlags.Collecting)) continue;
                _heap.IncRef(wr);
                toCall.Add(wr);
            }
        }
        long freed = 0;
        foreach (int wr in toCall)
        {
            uint stamp = _t.Stamp(wr);
            var w = (WeakRefData)_t.Payload(wr)!;
            int cb = w.Callback;
            if (cb != 0 && _heap.Callbacks is not null)
            {
                _heap.IncRef(cb);
                _heap.Callbacks.RunWeakRefCallback(_heap, _t.RefTo(cb), _t.RefTo(wr));
                _heap.DecRef(cb);
            }
            _heap.DecRef(wr);
            if (!_t.IsLive(wr) || _t.Stamp(wr) != stamp) freed++;
        }
        return freed;
    }

    /// <summary><c>finalize_garbage</c>: call <c>__del__</c> once per object (PEP 442), in list order.</summary>
    private void FinalizeGarbage(int collectable)
    {
        const int seen = GenerationalCollector.Scratch2Head;
        while (!_t.ListIsEmpty(collectable))
        {
            int o = _t.GcNext(collectable);
            _t.ListMove(o, seen);
            if (_t.Kind(o) != TypeKind.Instance || _t.Has(o, ObjectFlags.Finalized)) continue;
            if (!_t.TypeInfoOf(o).HasFinalizer) continue;
            _t.Set(o, ObjectFlags.Finalized);
            if (_heap.Callbacks is null) continue;
            _heap.IncRef(o);
            _heap.Callbacks.RunFinalizer(_heap, _t.RefTo(o));
            _heap.DecRef(o);
        }
        _t.ListMerge(seen, collectable);
    }

    /// <summary>
    /// 3.8 <c>check_garbage</c>: true when any object of the set is referenced from outside it after the
    /// finalizers ran (then the whole set survives). Clears COLLECTING either way.
    /// </summary>
    private bool CheckGarbage(int collectable)
    {
        for (int o = _t.GcNext(collectable); o != collectable; o = _t.GcNext(o))
        {
            _t.SetGcRefs(o, (int)Math.Min(_t.RefCount(o), int.MaxValue));
        }
        SubtractRefs(collectable);
        bool resurrected = false;
        for (int o = _t.GcNext(collectable); o != collectable; o = _t.GcNext(o))
        {
            if (_t.GcRefs(o) != 0) resurrected = true;
            _t.Clear(o, ObjectFlags.Collecting | ObjectFlags.Unreachable);
        }
        return resurrected;
    }

    /// <summary>
    /// 3.9+ <c>handle_resurrected_objects</c>: rerun the unreachable deduction on the set; what is now
    /// reachable (resurrected, or reachable from a resurrected object) goes to <paramref name="old"/>.
    /// </summary>
    private void HandleResurrectedObjects(int unreachable, int stillUnreachable, int old)
    {
        for (int o = _t.GcNext(unreachable); o != unreachable; o = _t.GcNext(o))
        {
            _t.Clear(o, ObjectFlags.Collecting | ObjectFlags.Unreachable);
        }
        DeduceUnreachable(unreachable, stillUnreachable);
        for (int o = _t.GcNext(stillUnreachable); o != stillUnreachable; o = _t.GcNext(o))
        {
            _t.Clear(o, ObjectFlags.Unreachable);
        }
        _t.ListMerge(unreachable, old);
    }

    /// <summary>
    /// <c>delete_garbage</c>: <c>tp_clear</c> each object (or, with DEBUG_SAVEALL, append it to
    /// <c>gc.garbage</c>); clearing breaks the cycles and refcounting frees them. An object still alive
    /// afterwards moves to <paramref name="old"/>.
    /// </summary>
    private void DeleteGarbage(int collectable, int old)
    {
        bool saveAll = (_gc.DebugFlags & CollectorDebugFlags.SaveAll) != 0;
        while (!_t.ListIsEmpty(collectable))
        {
            int o = _t.GcNext(collectable);
            if (saveAll)
            {
                _gc.AppendGarbage(_heap, o);
            }
            else
            {
                _heap.IncRef(o);
                ClearObject(o);
                _heap.DecRef(o);
            }
            if (_t.IsLive(o) && _t.GcNext(collectable) == o)
            {
                _t.Clear(o, ObjectFlags.Collecting | ObjectFlags.Unreachable);
                _t.ListMove(o, old);
            }
        }
    }

    /// <summary><c>tp_clear</c> per kind: drops the references that can form cycles.</summary>
    private void ClearObject(int o)
    {
        switch (_t.Kind(o))
        {
            case TypeKind.List:
                ListType.Clear(_heap, o);
                break;
            case TypeKind.Dict:
                DictType.Clear(_heap, o);
                break;
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                SetType.Clear(_heap, o);
                break;
            case TypeKind.Instance:
                ClearInstance(o);
                break;
            case TypeKind.WeakRef:
            {
                var w = (WeakRefData)_t.Payload(o)!;
                if (w.Referent != 0) _heap.RemoveWeakRef(w.Referent, o);
                w.Referent = 0;
                int cb = w.Callback;
                w.Callback = 0;
                _heap.XDecRef(cb);
                break;
            }
            case TypeKind.Type:
            {
                TypeInfo ti = _t.TypeInfoOfType(o);
                if (!ti.IsHeapType) break;
                int dict = ti.Dict;
                ti.Dict = 0;
                _heap.XDecRef(dict);
                break;
            }
            case TypeKind.Generic:
            {
                GenericData g = GenericType.Data(_heap, o);
                int[] refs = g.Refs;
                g.Refs = new int[refs.Length];
                foreach (int r in refs) _heap.XDecRef(r);
                break;
            }
            // Tuples have no tp_clear: they die when their cycle's other members are cleared.
        }
    }

    /// <summary><c>subtype_clear</c>: the <c>__slots__</c> members, then the instance dict or values.</summary>
    private void ClearInstance(int o)
    {
        InstanceData data = InstanceType.Data(_heap, o);
        for (int i = 0; i < data.Slots.Length; i++)
        {
            int s = data.Slots[i];
            data.Slots[i] = 0;
            _heap.XDecRef(s);
        }
        if (data.Dict != 0)
        {
            int d = data.Dict;
            data.Dict = 0;
            _heap.DecRef(d);
        }
        if (data.Values is not null)
        {
            int[] values = data.Values;
            var order = data.Order!;
            int[] released = order.Select(e => values[e]).ToArray();
            Array.Clear(values);
            order.Clear();
            foreach (int v in released) _heap.XDecRef(v);
        }
    }
}
