using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;

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
    /// at it; then, if <paramref name="callCallbacks"/>, the callbacks run, newest reference first. Each
    /// reference gives up its callback (<c>wr_callback = NULL</c>) before the calls: the callback is released
    /// after its call (one reference) or with the tuple that holds references and callbacks until every call
    /// has run (several; 3.13 always, <see cref="Profiles.CollectorRules.WeakRefCallbacksAlwaysInTuple"/>).
    /// Without <paramref name="callCallbacks"/> (the collector's <c>_PyWeakref_ClearRef</c>) the callbacks
    /// stay with their references.
    /// </summary>
    internal void ClearWeakRefs(int referent, bool callCallbacks)
    {
        if (!_weakRefs.Remove(referent, out List<int>? list)) return;
        T.Clear(referent, ObjectFlags.HasWeakRefs);
        // The callback-less basic reference goes first; count what is left.
        int withCallbacks = 0;
        foreach (int w in list)
        {
            var data = (WeakRefData)T.Payload(w)!;
            if (data.Callback == 0 || !callCallbacks) data.Referent = 0;
            else withCallbacks++;
        }
        if (withCallbacks == 0) return;
        if (withCallbacks == 1 && !Profile.Collector.WeakRefCallbacksAlwaysInTuple)
        {
            foreach (int w in list)
            {
                var data = (WeakRefData)T.Payload(w)!;
                if (data.Callback == 0) continue;
                int callback = data.Callback;
                data.Callback = 0;
                data.Referent = 0;
                Callbacks?.RunWeakRefCallback(this, T.RefTo(callback), T.RefTo(w));
                DecRef(callback);
            }
            return;
        }
        // tuple = PyTuple_New(count * 2): (ref, callback) pairs, each ref with a reference of its own.
        var items = new int[withCallbacks * 2];
        int n = 0;
        foreach (int w in list)
        {
            var data = (WeakRefData)T.Payload(w)!;
            if (data.Callback == 0) continue;
            IncRef(w);
            items[n++] = w;
            items[n++] = data.Callback;
            data.Callback = 0;
            data.Referent = 0;
        }
        int tuple = TupleType.NewStealing(this, items);
        for (int i = 0; i < items.Length; i += 2) Callbacks?.RunWeakRefCallback(this, T.RefTo(items[i + 1]), T.RefTo(items[i]));
        DecRef(tuple);
    }
}
