using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>
/// <c>weakref.finalize._registry</c> (Lib/weakref.py): a dict mapping each pending finalizer to its
/// <c>_Info</c>, here a tuple <c>(weakref, func, args, kwargs or None)</c>. It is a simulated dict that the
/// <c>weakref</c> module object holds (CPython reaches it through the module's namespace, the class
/// <c>finalize</c> and its dict), so the references it keeps are ordinary ones: the exit collection
/// reorders what it holds like anything else, and at shutdown, when <c>weakref</c> leaves
/// <c>sys.modules</c>, it dies with the module's namespace in the shutdown collection. Like CPython's
/// empty dict it starts untracked and is tracked when the first <c>_Info</c> goes in.
/// </summary>
internal sealed class FinalizeRegistry
{
    private readonly PyHeap _heap;
    private readonly PyRef _dict;
    private readonly Dictionary<int, Meta> _meta = [];

    /// <summary>The plain-data fields of <c>_Info</c>: <c>index</c> (creation order) and <c>atexit</c>.</summary>
    private sealed class Meta(int index)
    {
        public int Index { get; } = index;

        public bool AtExit { get; set; } = true;
    }

    /// <param name="heap">The heap.</param>
    /// <param name="dict">The registry dict (borrowed: the <c>weakref</c> module owns it).</param>
    public FinalizeRegistry(PyHeap heap, int dict)
    {
        _heap = heap;
        _dict = heap.T.RefTo(dict);
    }

    private int _nextIndex;

    /// <summary><c>finalize._registered_with_atexit</c>.</summary>
    public bool RegisteredWithAtexit { get; set; }

    /// <summary><c>finalize._shutdown</c>: set once <c>_exitfunc</c> has run.</summary>
    public bool Shutdown { get; set; }

    /// <summary>The dict, or 0 once it has died with the module at shutdown.</summary>
    private int Dict => _heap.IsAlive(_dict) ? _dict.Index : 0;

    /// <summary><c>self._registry[self] = info</c>: takes over <paramref name="info"/> (a new reference).</summary>
    public void Add(int finalizer, int info)
    {
        int d = Dict;
        if (d != 0) DictType.SetItem(_heap, d, finalizer, info);
        _heap.DecRef(info);
        _meta[finalizer] = new Meta(_nextIndex++);
    }

    /// <summary><c>self._registry.pop(self, None)</c>: the <c>_Info</c> tuple (owned by the caller), or 0.</summary>
    public int Pop(int finalizer)
    {
        _meta.Remove(finalizer);
        int d = Dict;
        if (d == 0) return 0;
        int info = DictType.PopItem(_heap, d, finalizer, out int key);
        if (info != 0) _heap.DecRef(key);
        return info;
    }

    /// <summary><c>self._registry.get(self)</c>: the <c>_Info</c> tuple (borrowed), or 0.</summary>
    public int Get(int finalizer) => _meta.ContainsKey(finalizer) && Dict != 0 ? DictType.GetItem(_heap, Dict, finalizer) : 0;

    /// <summary><c>self in self._registry</c>.</summary>
    public bool Contains(int finalizer) => _meta.ContainsKey(finalizer) && Dict != 0 && DictType.GetItem(_heap, Dict, finalizer) != 0;

    /// <summary><c>_Info.atexit</c> of a pending finalizer (false when it is not pending).</summary>
    public bool AtExit(int finalizer) => Contains(finalizer) && _meta[finalizer].AtExit;

    /// <summary>The <c>atexit</c> property's setter: ignored once the finalizer is dead.</summary>
    public void SetAtExit(int finalizer, bool value)
    {
        if (Contains(finalizer)) _meta[finalizer].AtExit = value;
    }

    /// <summary><c>_select_for_exit</c>, one at a time: the newest pending finalizer with <c>atexit</c> true, or 0.</summary>
    public int NewestForExit()
    {
        int best = 0, bestIndex = -1;
        foreach ((int f, Meta m) in _meta)
        {
            if (m.AtExit && m.Index > bestIndex && Contains(f))
            {
                best = f;
                bestIndex = m.Index;
            }
        }
        return best;
    }
}
