using System.Runtime.CompilerServices;
using PyHeapSim.Memory;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;

namespace PyHeapSim;

/// <summary>
/// Allocation and deallocation. Deallocation is iterative: a release stack holds the references still
/// to drop (positive slots) and end-of-object markers (<c>~slot</c>), so a list nested 10^6 deep is
/// freed without recursion — the simulator's trashcan — in CPython's depth-first release order.
/// </summary>
public sealed partial class PyHeap
{
    private int[] _releaseStack = new int[256];

    private long _eventSequence;

    /// <summary>Receives allocation, deallocation and collection events; null (the default) costs one branch per event.</summary>
    public Tracing.IHeapObserver? Observer { get; set; }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EmitObject(Tracing.HeapEventKind kind, int o, int bytes) =>
        Observer!.OnEvent(new Tracing.HeapEvent(kind, _eventSequence++, o, T.Stamp(o), ObjectModel.TypeName(this, o), bytes, -1, 0));

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void EmitCollection(Tracing.HeapEventKind kind, int generation, long count) =>
        Observer?.OnEvent(new Tracing.HeapEvent(kind, _eventSequence++, 0, 0, null, 0, generation, count));

    /// <summary>Objects allocated since the heap was created (singletons and built-in types excluded). O(1).</summary>
    public long ObjectsAllocated { get; private set; }

    /// <summary>Objects deallocated since the heap was created. O(1).</summary>
    public long ObjectsFreed { get; private set; }
    private int _releaseTop;

    /// <summary>
    /// Allocates the memory block of a new object and takes a slot for it. For GC types this is
    /// <c>_PyObject_GC_Alloc</c>: the allocation is counted and, where the profile says so, may run a
    /// collection before the object exists. A block reused from <paramref name="freeList"/> is neither
    /// counted nor traced.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Allocate(int type, TypeKind kind, int bytes, bool isGc, FreeLists.BlockStack? freeList = null)
    {
        if (T.LiveCount >= _maxObjects) CheckObjectLimit();
        long address;
        if (freeList is null || !freeList.TryPop(out address))
        {
            if (isGc && Gc.CountAllocation()) CollectFromAllocation();
            address = Memory.Malloc(bytes);
        }
        int o = T.NewSlot(type, kind, isGc ? ObjectFlags.GcType : ObjectFlags.None, address, bytes);
        ObjectsAllocated++;
        if (Observer is not null) EmitObject(Tracing.HeapEventKind.Allocate, o, bytes);
        return o;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CollectFromAllocation() => CollectAutomatic();

    /// <summary><c>_Py_Dealloc</c>: releases <paramref name="o"/> (count already 0) and everything that dies with it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal void Dealloc(int o)
    {
        if (IsLeaf(o))
        {
            DeallocLeaf(o);
            return;
        }
        int baseTop = _releaseTop;
        if (T.Kind(o) == TypeKind.Tuple && !T.Has(o, ObjectFlags.HasWeakRefs))
        {
            if (DeallocTupleOfSurvivors(o)) return;
        }
        else
        {
            BeginDealloc(o);
        }
        while (_releaseTop > baseTop)
        {
            int x = _releaseStack[--_releaseTop];
            if (x < 0)
            {
                FinishDealloc(~x);
                continue;
            }
            if (T.Has(x, ObjectFlags.Immortal)) continue;
            long c = T.RefCount(x) - 1;
            T.SetRefCount(x, c);
            if (c != 0) continue;
            if (IsLeaf(x)) DeallocLeaf(x); // the items of a freed list of ints: no push, no pop
            else BeginDealloc(x);
        }
    }

    /// <summary>
    /// <c>tupledealloc</c> without the release stack while the items outlive the tuple (the usual case,
    /// <c>x = (a, b)</c>): items are dropped from last to first right here and the tuple is finished. At the
    /// first item that would die, the tuple's end marker and the items not yet dropped (that one on top) are
    /// queued exactly as <see cref="BeginDealloc"/> would have queued them, so the order is CPython's either
    /// way; returns false then, and the caller's release loop goes on.
    /// </summary>
    private bool DeallocTupleOfSurvivors(int o)
    {
        if (T.IsTracked(o)) Gc.Untrack(o);
        T.Set(o, ObjectFlags.Dying);
        int[] items = (int[])T.Payload(o)!;
        int i = items.Length - 1;
        for (; i >= 0; i--)
        {
            int x = items[i];
            if (x == 0 || T.Has(x, ObjectFlags.Immortal)) continue;
            long c = T.RefCount(x) - 1;
            if (c == 0) break;
            T.SetRefCount(x, c);
        }
        if (i < 0)
        {
            FinishDealloc(o);
            return true;
        }
        PushRelease(~o);
        for (int j = 0; j <= i; j++) if (items[j] != 0) PushRelease(items[j]);
        return false;
    }

    /// <summary>
    /// Deallocates an object that holds nothing and has nobody to notify (most ints, strs, empty lists):
    /// all BeginDealloc would queue for it is its own end marker, popped next, so it is finished at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DeallocLeaf(int o)
    {
        if (T.IsTracked(o)) Gc.Untrack(o);
        FinishDealloc(o);
    }

    /// <summary>True for an object that owns no references, has no weak references and is not an instance
    /// (whose type reference and finalizer need the full path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsLeaf(int o)
    {
        if (T.Has(o, ObjectFlags.HasWeakRefs)) return false;
        switch (T.Kind(o))
        {
            case TypeKind.Int:
            case TypeKind.Float:
            case TypeKind.Str:
            case TypeKind.Bytes:
            case TypeKind.Object:
                return true;
            case TypeKind.List:
                return T.Payload(o) is null || T.Scalar(o) == 0;
            case TypeKind.Dict:
                return T.Payload(o) is DictData { Keys: null }; // {} on the shared empty keys: nothing to drop
            default:
                return false;
        }
    }

    /// <summary>Queues a reference to be dropped by the running dealloc loop (which must be active).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void PushRelease(int o)
    {
        int top = _releaseTop;
        if ((uint)top >= (uint)_releaseStack.Length) GrowReleaseStack();
        _releaseStack[top] = o;
        _releaseTop = top + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowReleaseStack() => Array.Resize(ref _releaseStack, _releaseStack.Length * 2);

    /// <summary>
    /// First half of a deallocation: untrack, let a host free list keep the object (<see cref="IHostFreeList"/>),
    /// run the finalizer (which may resurrect), clear weak
    /// references (callbacks run here, after <c>__del__</c>), then queue the end marker and the
    /// object's references in reverse release order, so they are dropped in CPython's order.
    /// </summary>
    private void BeginDealloc(int o)
    {
        if (T.IsTracked(o)) Gc.Untrack(o);
        TypeKind kind = T.Kind(o);
        if (kind == TypeKind.Generic && T.Payload(o) is GenericData { Host: IHostFreeList keeper } && keeper.TryPark(this, o))
        {
            T.SetRefCount(o, 1);
            return;
        }
        if (kind == TypeKind.Instance && !T.Has(o, ObjectFlags.Finalized) && T.TypeInfoOf(o).HasFinalizer)
        {
            if (!RunFinalizerFromDealloc(o)) return; // resurrected
        }
        if (T.Has(o, ObjectFlags.HasWeakRefs)) ClearWeakRefs(o, callCallbacks: true);
        T.Set(o, ObjectFlags.Dying);
        PushRelease(~o);
        ObjectModel.QueueReleases(this, o);
    }

    /// <summary>
    /// <c>PyObject_CallFinalizerFromDealloc</c>: resurrect to count 1, call <c>__del__</c>, mark
    /// FINALIZED (after the call, as <c>PyObject_CallFinalizer</c> does: <c>gc.is_finalized(self)</c> is
    /// False inside a refcount-path <c>__del__</c>), drop the temporary reference. Returns false when
    /// the object was resurrected (it is tracked again and stays alive).
    /// </summary>
    private bool RunFinalizerFromDealloc(int o)
    {
        if (Callbacks is null)
        {
            T.Set(o, ObjectFlags.Finalized);
            return true;
        }
        T.SetRefCount(o, 1);
        // subtype_dealloc re-tracks the object around the finalizer, so it sits in generation 0 if it survives.
        Gc.Track(o);
        Callbacks.RunFinalizer(this, T.RefTo(o));
        T.Set(o, ObjectFlags.Finalized);
        long c = T.RefCount(o) - 1;
        T.SetRefCount(o, c);
        if (c > 0) return false;
        Gc.Untrack(o);
        return true;
    }

    /// <summary>Second half: free separate buffers and the object's block, drop the type (heap types), free the slot.</summary>
    private void FinishDealloc(int o)
    {
        ref ObjectHeader h = ref T.Header(o);
        int type = h.Type;
        TypeKind kind = h.Kind;
        ObjectFlags flags = h.Flags;
        FreeLists.BlockStack? freeList = ObjectModel.FreeBuffers(this, o, kind);
        long address = T.Block(o, out int bytes);
        if (freeList is null || !freeList.TryPush(address, bytes))
        {
            Memory.Free(address, bytes);
            if ((flags & ObjectFlags.GcType) != 0) Gc.CountDeallocation();
        }
        ObjectsFreed++;
        if (Observer is not null) EmitObject(Tracing.HeapEventKind.Free, o, bytes);
        if ((flags & ObjectFlags.Interned) != 0) ForgetInterned(o);
        T.ReleaseSlot(o);
        if (kind == TypeKind.Instance && T.TypeInfoOfType(type).IsHeapType)
        {
            // subtype_dealloc: Py_DECREF(type) after tp_free.
            PushRelease(type);
        }
    }
}
