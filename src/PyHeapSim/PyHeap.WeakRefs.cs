using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;

namespace PyHeapSim;

public sealed partial class PyHeap
{
    // Referent slot -> its weak references, newest first (tp_weaklist). Only objects flagged HasWeakRefs have an entry.
    private readonly Dictionary<int, List<int>> _weakRefs = new();

    internal List<int>? WeakRefsOf(int referent, bool create)
    {
        if (_weakRefs.TryGetValue(referent, out List<int>? list)) return list;
        if (!create) return null;
        list = new List<int>(2);
        _weakRefs[referent] = list;
        return list;
    }

    internal void RemoveWeakRef(int referent, int weakRef)
    {
        if (!_weakRefs.TryGetValue(referent, out List<int>? list)) return;
        list.Remove(weakRef);
        if (list.Count == 0)
        {
            _weakRefs.Remove(referent);
            T.Clear(referent, ObjectFlags.HasWeakRefs);
        }
    }

    /// <summary>
    /// Drops <paramref name="referent"/>'s weak-reference list after the caller cleared each entry
    /// itself (the collector's <c>handle_weakrefs</c>). Allocation-free.
    /// </summary>
    internal void ForgetWeakRefs(int referent)
    {
        _weakRefs.Remove(referent);
        T.Clear(referent, ObjectFlags.HasWeakRefs);
    }

    /// <summary>
    /// <c>PyObject_ClearWeakRefs</c>: every weak reference to <paramref name="referent"/> stops pointing
    /// at it; then, if <paramref name="callCallbacks"/>, the callbacks run, newest reference first.
    /// </summary>
    internal void ClearWeakRefs(int referent, bool callCallbacks)
    {
        if (!_weakRefs.Remove(referent, out List<int>? list)) return;
        T.Clear(referent, ObjectFlags.HasWeakRefs);
        var withCallbacks = new List<int>();
        foreach (int w in list)
        {
            var data = (WeakRefData)T.Payload(w)!;
            data.Referent = 0;
            if (data.Callback != 0 && callCallbacks)
            {
                IncRef(w);
                withCallbacks.Add(w);
            }
        }
        foreach (int w in withCallbacks)
        {
            var data = (WeakRefData)T.Payload(w)!;
            int cb = data.Callback;
            if (Callbacks is not null && cb != 0)
            {
                IncRef(cb);
                Callbacks.RunWeakRefCallback(this, T.RefTo(cb), T.RefTo(w));
                DecRef(cb);
            }
            DecRef(w);
        }
    }
}
