using System.Runtime.ExceptionServices;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;

namespace PyHeapSim.Collector;

/// <summary>
/// One collection of a generation, phase by phase as <c>gc_collect_main</c> (<c>collect</c> in 3.8,
/// <c>Modules/gcmodule.c</c>; <c>Python/gc.c</c> from 3.12) runs it. Reading <see cref="Collect"/>
/// reads the algorithm; each phase is a method named after CPython's function and opens with the
/// state it leaves.
/// </summary>
/// <remarks>
/// Flags during a collection (CPython keeps them in <c>_gc_prev</c>/<c>_gc_next</c> low bits):
/// <code>
///   COLLECTING   set by update_refs on the generation collected; cleared on every object found
///                reachable; stays on the unreachable set until it is freed or moved to "old"
///   UNREACHABLE  set by move_unreachable on tentatively unreachable objects; cleared by
///                move_legacy_finalizers (3.9+: again by handle_resurrected_objects)
/// </code>
/// Host callbacks (finalizers, weakref callbacks) run between phases and may do anything the heap
/// allows except start another collection (<see cref="GenerationalCollector.Collecting"/> is set).
/// An exception thrown by one is held until the collection is complete, then rethrown
/// (<see cref="TakeDeferredException"/>): CPython reports such errors as unraisable and carries on.
/// </remarks>
internal sealed partial class CycleCollection
{
    private const int Unreachable = GenerationalCollector.UnreachableHead;
    private const int Finalizers = GenerationalCollector.FinalizersHead;
    private const int FinalUnreachable = GenerationalCollector.FinalUnreachableHead;
    private const int Seen = GenerationalCollector.SeenHead;
    private const int WeakRefCallbacks = GenerationalCollector.WeakRefCallbacksHead;

    private readonly PyHeap _heap;
    private readonly ObjectTable _t;
    private readonly GenerationalCollector _gc;
    private readonly CollectorRules _rules;
    private ExceptionDispatchInfo? _deferred;

    public CycleCollection(PyHeap heap)
    {
        _heap = heap;
        _t = heap.T;
        _gc = heap.Gc;
        _rules = heap.Profile.Collector;
        _verify = heap.Options.VerifyCollectorPhases;
    }

    /// <summary>
    /// Collects <paramref name="generation"/> and every younger one (<c>gc_collect_main</c>); returns
    /// (collected, uncollectable) as <c>gc.collect</c> adds them up. The caller holds
    /// <see cref="GenerationalCollector.Collecting"/> and runs the callbacks and statistics.
    /// </summary>
    public (long Collected, long Uncollectable) Collect(int generation)
    {
        int young = GenerationalCollector.Head(generation);
        int old = generation < GenerationalCollector.Generations - 1 ? GenerationalCollector.Head(generation + 1) : young;

        // gc.garbage exists from interpreter start-up in CPython; created here (if DEBUG_SAVEALL needs
        // it) its allocation is wiped by the count reset below, as if it had always been there.
        if ((_gc.DebugFlags & CollectorDebugFlags.SaveAll) != 0) _gc.EnsureGarbageList(_heap);
        _gc.WriteCollectionStart(generation);

        // Counters: the next generation counts this collection; this one and the younger restart.
        if (generation + 1 < GenerationalCollector.Generations) _gc.SetCount(generation + 1, _gc.Count(generation + 1) + 1);
        for (int i = 0; i <= generation; i++) _gc.SetCount(i, 0);

        // Merge the younger generations onto this one ("young"); "old" is where survivors go.
        for (int i = 0; i < generation; i++) _t.ListMerge(GenerationalCollector.Head(i), young);
        ValidateList(young, FlagsClear);

        DeduceUnreachable(young, Unreachable);
        UntrackTuples(young);

        // Move the reachable objects to the next generation (a full collection keeps them in place).
        if (young != old)
        {
            if (generation == GenerationalCollector.Generations - 2) _gc.Trigger.LongLivedPending += _t.ListSize(young);
            _t.ListMerge(young, old);
        }
        else
        {
            // Dicts are untracked only in full collections, to avoid quadratic build-up (bpo-14775).
            if (_rules.UntrackDictsInFullCollections) UntrackDicts(young);
            _gc.Trigger.LongLivedPending = 0;
            _gc.Trigger.LongLivedTotal = _t.ListSize(young);
        }

        MoveLegacyFinalizers(Unreachable, Finalizers);
        _gc.ReportCollectable(_heap, Unreachable);

        long collected = HandleWeakRefs(Unreachable, old);
        ValidateList(old, FlagsClear);
        ValidateList(Unreachable, CollectingOnly);

        FinalizeGarbage(Unreachable);

        switch (_rules.Resurrection)
        {
            case ResurrectionRule.WholeSetSurvives:
                if (CheckGarbage(Unreachable))
                {
                    _t.ListMerge(Unreachable, old);
                }
                else
                {
                    collected += _t.ListSize(Unreachable);
                    DeleteGarbage(Unreachable, old);
                }
                break;
            case ResurrectionRule.OnlyResurrectedSurvive:
                HandleResurrectedObjects(Unreachable, FinalUnreachable, old);
                collected += _t.ListSize(FinalUnreachable);
                DeleteGarbage(FinalUnreachable, old);
                break;
        }

        // The legacy-finalizer set is always empty (no simulated type has tp_del): nothing is
        // uncollectable, nothing is printed for DEBUG_UNCOLLECTABLE, nothing joins gc.garbage here.
        const long uncollectable = 0;
        ValidateList(old, FlagsClear);
        _gc.WriteCollectionDone(collected, uncollectable);

        if (generation == GenerationalCollector.Generations - 1)
        {
            // ≤3.10 the frame free list is cleared with the others (clear_freelists / _PyGC_ClearAllFreeLists);
            // its frames are host-owned objects, so the host drains it.
            _heap.ClearingFreeLists?.Invoke();
            _heap.FreeLists.ClearAll(_heap.Memory);
        }
        return (collected, uncollectable);
    }

    /// <summary>The first exception a host callback threw during the last collection, if any (then cleared).</summary>
    public ExceptionDispatchInfo? TakeDeferredException()
    {
        ExceptionDispatchInfo? e = _deferred;
        _deferred = null;
        return e;
    }

    /// <summary>
    /// <c>deduce_unreachable</c> = <see cref="UpdateRefs"/> + <see cref="SubtractRefs"/> +
    /// <see cref="MoveUnreachable"/>.
    /// Contracts: on entry <paramref name="young"/> holds objects with neither flag. On return it holds
    /// the objects reachable from outside it (both flags clear) and <paramref name="unreachable"/> the
    /// rest, in discovery order, with COLLECTING and UNREACHABLE set.
    /// Example (CPython's): A ⇄ B, C → A, C referenced from outside. After subtract_refs gc_refs is
    /// A 0, B 0, C 1. The scan meets A (0: tentatively unreachable), B (0: likewise), then C (1:
    /// reachable; its traverse finds A in unreachable and moves it back to young's end with gc_refs 1);
    /// the scan reaches A again (reachable, rescues B). Young ends as C, A, B; unreachable is empty.
    /// </summary>
    private void DeduceUnreachable(int young, int unreachable)
    {
        UpdateRefs(young);
        SubtractRefs(young);
        MoveUnreachable(young, unreachable);
        ValidateList(young, FlagsClear);
        ValidateList(unreachable, CollectingAndUnreachable);
    }

    /// <summary>
    /// <c>update_refs</c>. Exit: every object of <paramref name="list"/> has gc_refs = its refcount and
    /// COLLECTING set. (3.12 moves immortal objects to the permanent generation here, 3.13 untracks
    /// them; immortal objects are never tracked in this model, so none is met.)
    /// </summary>
    private void UpdateRefs(int list)
    {
        for (int o = _t.GcNext(list); o != list; o = _t.GcNext(o))
        {
            _t.SetGcRefs(o, (int)Math.Min(_t.RefCount(o), int.MaxValue));
            _t.Set(o, ObjectFlags.Collecting);
        }
    }

    private readonly struct SubtractVisitor(ObjectTable t) : IReferentVisitor
    {
        // visit_decref: only objects of the set being examined (COLLECTING) are counted down.
        public void Visit(int referent)
        {
            if (t.Has(referent, ObjectFlags.Collecting)) t.GcRefsRef(referent)--;
        }
    }

    /// <summary>
    /// <c>subtract_refs</c>. Exit: each object's gc_refs counts only the references from outside
    /// <paramref name="list"/> (every reference from a COLLECTING object's traverse was subtracted).
    /// </summary>
    private void SubtractRefs(int list)
    {
        var v = new SubtractVisitor(_t);
        for (int o = _t.GcNext(list); o != list; o = _t.GcNext(o)) ObjectModel.Traverse(_heap, o, ref v);
    }

    private readonly struct ReachableVisitor(ObjectTable t, int young) : IReferentVisitor
    {
        // visit_reachable: untracked objects and objects of other generations are ignored.
        public void Visit(int referent)
        {
            if (!t.Has(referent, ObjectFlags.Collecting)) return;
            if (t.Has(referent, ObjectFlags.Unreachable))
            {
                // Tentatively unreachable but reachable after all: back to the end of young, to be scanned.
                t.Clear(referent, ObjectFlags.Unreachable);
                t.ListMove(referent, young);
                t.SetGcRefs(referent, 1);
            }
            else if (t.GcRefs(referent) == 0)
            {
                // Still ahead of the scan in young: tell move_unreachable it is reachable.
                t.SetGcRefs(referent, 1);
            }
        }
    }

    /// <summary>
    /// <c>move_unreachable</c>. Invariant: every object before the cursor in <paramref name="young"/>
    /// is reachable from outside young as it was on entry, has been scanned and has COLLECTING clear;
    /// every other object of the original young that the cursor passed is in
    /// <paramref name="unreachable"/> with UNREACHABLE set. An object with gc_refs &gt; 0 is reachable:
    /// its traverse gives its COLLECTING referents gc_refs ≥ 1 and brings back any already moved to
    /// unreachable. Exit: as <see cref="DeduceUnreachable"/> states.
    /// </summary>
    private void MoveUnreachable(int young, int unreachable)
    {
        var v = new ReachableVisitor(_t, young);
        int o = _t.GcNext(young);
        while (o != young)
        {
            if (_t.GcRefs(o) > 0)
            {
                // The traverse may append to young: read the successor only afterwards.
                ObjectModel.Traverse(_heap, o, ref v);
                _t.Clear(o, ObjectFlags.Collecting);
                o = _t.GcNext(o);
            }
            else
            {
                int next = _t.GcNext(o);
                _t.ListMove(o, unreachable);
                _t.Set(o, ObjectFlags.Unreachable);
                o = next;
            }
        }
    }

    private struct MayBeTrackedVisitor(PyHeap heap) : IReferentVisitor
    {
        public bool Found;

        public void Visit(int referent)
        {
            if (!Found && ObjectModel.MayBeTracked(heap, referent)) Found = true;
        }
    }

    /// <summary>
    /// <c>untrack_tuples</c> (every collection): a surviving tuple none of whose items may be tracked
    /// leaves the lists (<c>_PyTuple_MaybeUntrack</c>). In list order, so a tuple of tuples goes in the
    /// same pass when its items come first. Exit: <paramref name="list"/> holds no such tuple.
    /// </summary>
    private void UntrackTuples(int list)
    {
        int o = _t.GcNext(list);
        while (o != list)
        {
            int next = _t.GcNext(o);
            if (_t.Kind(o) == TypeKind.Tuple)
            {
                var v = new MayBeTrackedVisitor(_heap);
                ObjectModel.Traverse(_heap, o, ref v);
                if (!v.Found) _gc.Untrack(o);
            }
            o = next;
        }
    }

    /// <summary>
    /// <c>untrack_dicts</c> (full collections, ≤3.13): a dict none of whose keys and values may be
    /// tracked leaves the lists (<c>_PyDict_MaybeUntrack</c>); it is tracked again by the next store of
    /// a container (<c>MAINTAIN_TRACKING</c>). Exit: <paramref name="list"/> holds no such dict.
    /// </summary>
    private void UntrackDicts(int list)
    {
        int o = _t.GcNext(list);
        while (o != list)
        {
            int next = _t.GcNext(o);
            if (_t.Kind(o) == TypeKind.Dict)
            {
                var v = new MayBeTrackedVisitor(_heap);
                ObjectModel.Traverse(_heap, o, ref v);
                if (!v.Found) _gc.Untrack(o);
            }
            o = next;
        }
    }

    /// <summary>
    /// <c>move_legacy_finalizers</c> + <c>move_legacy_finalizer_reachable</c>: objects whose type has a
    /// C-level <c>tp_del</c> (and all they reach) would move to <paramref name="finalizers"/> as
    /// uncollectable; no simulated type has one (Python classes lost it in 3.4), so nothing moves.
    /// Exit: <paramref name="unreachable"/> has COLLECTING set and UNREACHABLE clear.
    /// </summary>
    private void MoveLegacyFinalizers(int unreachable, int finalizers)
    {
        for (int o = _t.GcNext(unreachable); o != unreachable; o = _t.GcNext(o)) _t.Clear(o, ObjectFlags.Unreachable);
        ValidateList(unreachable, CollectingOnly);
        ValidateList(finalizers, FlagsClear);
    }

    /// <summary>
    /// <c>handle_weakrefs</c> (≤3.13). First pass, in <paramref name="unreachable"/> order: a weakref
    /// that is garbage itself is cleared (<c>_PyWeakref_ClearRef</c>: its callback will never run);
    /// every weakref to a garbage object is cleared, newest first, and each one with a callback that
    /// is not garbage is increfed and moved to the callbacks list (off its generation). Second pass:
    /// the callbacks run in that order; a weakref still alive afterwards moves to <paramref name="old"/>,
    /// one that died counts as collected. Exit: no weakref points at a garbage object;
    /// <paramref name="unreachable"/> is unchanged unless a callback freed some of it.
    /// Returns the weakrefs freed by the second pass.
    /// </summary>
    private long HandleWeakRefs(int unreachable, int old)
    {
        for (int o = _t.GcNext(unreachable); o != unreachable; o = _t.GcNext(o))
        {
            if (_t.Kind(o) == TypeKind.WeakRef)
            {
                WeakRefData self = WeakRefType.Data(_heap, o);
                if (self.Referent != 0) _heap.RemoveWeakRef(self.Referent, o);
                self.Referent = 0;
            }
            if (!_t.Has(o, ObjectFlags.HasWeakRefs)) continue;
            List<int> refs = _heap.WeakRefsOf(o, create: false)!;
            for (int i = 0; i < refs.Count; i++)
            {
                int wr = refs[i];
                WeakRefData w = WeakRefType.Data(_heap, wr);
                w.Referent = 0;
                if (w.Callback == 0 || _t.Has(wr, ObjectFlags.Collecting)) continue;
                _heap.IncRef(wr);
                if (_t.IsTracked(wr)) _t.ListMove(wr, WeakRefCallbacks);
                else _t.ListAppend(WeakRefCallbacks, wr);
            }
            _heap.ForgetWeakRefs(o);
        }

        long freed = 0;
        while (!_t.ListIsEmpty(WeakRefCallbacks))
        {
            int wr = _t.GcNext(WeakRefCallbacks);
            int callback = WeakRefType.Data(_heap, wr).Callback;
            if (callback != 0 && _heap.Callbacks is { } host)
            {
                try
                {
                    host.RunWeakRefCallback(_heap, _t.RefTo(callback), _t.RefTo(wr));
                }
                catch (Exception e)
                {
                    _deferred ??= ExceptionDispatchInfo.Capture(e);
                }
            }
            _heap.DecRef(wr);
            if (_t.GcNext(WeakRefCallbacks) == wr) _t.ListMove(wr, old);
            else freed++;
        }
        return freed;
    }

    /// <summary>
    /// <c>finalize_garbage</c>: each object in list order is moved to a "seen" list first (a finalizer
    /// may free or resurrect anything), then, if it has <c>__del__</c> and is not FINALIZED, marked
    /// FINALIZED and finalized under a temporary reference (PEP 442: at most once per object).
    /// Exit: <paramref name="collectable"/> holds the objects still alive, in their original order.
    /// </summary>
    private void FinalizeGarbage(int collectable)
    {
        while (!_t.ListIsEmpty(collectable))
        {
            int o = _t.GcNext(collectable);
            _t.ListMove(o, Seen);
            if (_t.Kind(o) != TypeKind.Instance || _t.Has(o, ObjectFlags.Finalized)) continue;
            if (!_t.TypeInfoOf(o).HasFinalizer) continue;
            _t.Set(o, ObjectFlags.Finalized);
            if (_heap.Callbacks is not { } host) continue;
            _heap.IncRef(o);
            try
            {
                host.RunFinalizer(_heap, _t.RefTo(o));
            }
            catch (Exception e)
            {
                _deferred ??= ExceptionDispatchInfo.Capture(e);
            }
            _heap.DecRef(o);
        }
        _t.ListMerge(Seen, collectable);
    }

    /// <summary>
    /// 3.8 <c>check_garbage</c>: recomputes gc_refs over the set after the finalizers ran. True when
    /// any object is now referenced from outside it — then the whole set survives this collection.
    /// Exit: both flags clear on every object of <paramref name="collectable"/>.
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
        ValidateList(collectable, FlagsClear);
        return resurrected;
    }

    /// <summary>
    /// 3.9+ <c>handle_resurrected_objects</c> (bpo-38379): reruns <see cref="DeduceUnreachable"/> on the
    /// set. Exit: what is reachable from outside it (resurrected, or reachable from a resurrected
    /// object) is merged into <paramref name="old"/> with both flags clear;
    /// <paramref name="stillUnreachable"/> holds the rest with COLLECTING set, UNREACHABLE clear.
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
        ValidateList(stillUnreachable, CollectingOnly);
    }

    /// <summary>
    /// <c>delete_garbage</c>: for each object, first in list order, <c>tp_clear</c> under a temporary
    /// reference (or, with DEBUG_SAVEALL, append it to <c>gc.garbage</c>); clearing breaks the cycles
    /// and refcounting frees them, which unlinks them from the list. An object still first in the list
    /// afterwards is alive: it moves to <paramref name="old"/> with COLLECTING cleared.
    /// Exit: <paramref name="collectable"/> is empty.
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
            if (_t.GcNext(collectable) == o)
            {
                _t.Clear(o, ObjectFlags.Collecting | ObjectFlags.Unreachable);
                _t.ListMove(o, old);
            }
        }
    }

    /// <summary><c>tp_clear</c> per kind: drops the references that can form cycles (each slot set to NULL
    /// before its reference is dropped, as <c>Py_CLEAR</c> does).</summary>
    private void ClearObject(int o)
    {
        switch (_t.Kind(o))
        {
            case TypeKind.List:
                // _list_clear: the array is freed, items released last to first.
                ListType.Clear(_heap, o);
                break;
            case TypeKind.Dict:
                // dict_tp_clear = PyDict_Clear.
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
                // gc_clear → clear_weakref: forget the referent, drop the callback.
                WeakRefData w = WeakRefType.Data(_heap, o);
                if (w.Referent != 0) _heap.RemoveWeakRef(w.Referent, o);
                w.Referent = 0;
                int cb = w.Callback;
                w.Callback = 0;
                _heap.XDecRef(cb);
                break;
            }
            case TypeKind.Type:
            {
                // type_clear: empties tp_dict (the dict object itself stays until type_dealloc).
                TypeInfo ti = _t.TypeInfoOfType(o);
                if (ti.IsHeapType && ti.Dict != 0) DictType.Clear(_heap, ti.Dict);
                if (ti.IsHeapType && ti.Mro != 0)
                {
                    // type_clear: Py_CLEAR(type->tp_mro) breaks the class's self-cycle.
                    int mro = ti.Mro;
                    ti.Mro = 0;
                    _heap.DecRef(mro);
                }
                break;
            }
            case TypeKind.Generic:
            {
                int[] refs = GenericType.Data(_heap, o).Refs;
                for (int i = 0; i < refs.Length; i++)
                {
                    int r = refs[i];
                    refs[i] = 0;
                    _heap.XDecRef(r);
                }
                break;
            }
            // Tuples have no tp_clear: they die when the other members of their cycle are cleared.
        }
    }

    /// <summary>
    /// <c>subtype_clear</c>: the <c>__slots__</c> members, then the instance dict, or (3.11+) the values
    /// by entry number (<c>_PyObject_ClearInstanceAttributes</c> / <c>_PyObject_ClearManagedDict</c>).
    /// </summary>
    private void ClearInstance(int o)
    {
        InstanceData data = InstanceType.Data(_heap, o);
        int[] slots = data.Slots;
        for (int i = 0; i < slots.Length; i++)
        {
            int s = slots[i];
            slots[i] = 0;
            _heap.XDecRef(s);
        }
        if (data.Dict != 0)
        {
            InstanceType.DetachDict(_heap, data); // 3.13 PyObject_ClearManagedDict → _PyDict_DetachFromObject
            int d = data.Dict;
            data.Dict = 0;
            _heap.DecRef(d);
        }
        if (data.Values is { } values)
        {
            data.Order?.Clear();
            for (int i = 0; i < values.Length; i++)
            {
                int v = values[i];
                values[i] = 0;
                _heap.XDecRef(v);
            }
        }
    }
}
