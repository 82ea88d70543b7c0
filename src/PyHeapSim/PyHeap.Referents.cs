using PyHeapSim.Collector;
using PyHeapSim.Objects;

namespace PyHeapSim;

/// <summary>Looking at the object graph as the collector sees it: <c>gc.get_referents</c>,
/// <c>gc.get_referrers</c>, <c>gc.get_objects</c>, and which generation holds an object. These allocate
/// their result and are meant for tools and tests, not hot loops.</summary>
public sealed partial class PyHeap
{
    /// <summary>Value of <see cref="GenerationOf"/> for an object in the permanent generation (<c>gc.freeze</c>).</summary>
    public const int PermanentGeneration = 3;

    /// <summary>
    /// <c>gc.get_referents(obj)</c>: what <c>tp_traverse</c> visits, in its order — a list or tuple
    /// last item first; a dict's values (general tables: each value, then its key); an instance's
    /// <c>__slots__</c>, then its <c>__dict__</c> (≤3.10; only once created) or its attribute values by
    /// entry number of the class's shared keys (3.11+), then its class; a weakref its callback. Atoms
    /// (ints, strs …) appear too. Empty for objects that are not GC objects. Borrowed handles.
    /// O(referents).
    /// </summary>
    public IReadOnlyList<PyRef> GetReferents(PyRef obj)
    {
        int o = Slot(obj);
        if (!T.Has(o, ObjectFlags.GcType)) return [];
        var found = new List<PyRef>();
        var collect = new ReferentCollector(T, found);
        ObjectModel.Traverse(this, o, ref collect);
        return found;
    }

    /// <summary>
    /// <c>gc.get_referrers(obj)</c>: the tracked objects whose <c>tp_traverse</c> visits
    /// <paramref name="obj"/>, each once, scanning generations 0, 1, 2 in list order (older objects of
    /// a generation first); the permanent generation and untracked objects are not scanned.
    /// Borrowed handles. O(all tracked objects and their referents).
    /// </summary>
    public IReadOnlyList<PyRef> GetReferrers(PyRef obj)
    {
        int target = Slot(obj);
        var result = new List<PyRef>();
        for (int g = 0; g < GenerationalCollector.Generations; g++)
        {
            int head = GenerationalCollector.Head(g);
            for (int o = T.GcNext(head); o != head; o = T.GcNext(o))
            {
                var finder = new ReferrerFinder(target);
                ObjectModel.Traverse(this, o, ref finder);
                if (finder.Found) result.Add(T.RefTo(o));
            }
        }
        return result;
    }

    /// <summary>
    /// <c>gc.get_objects(generation)</c>: the tracked objects of generation 0, 1 or 2 in list order, or
    /// of all three (0 first) when <paramref name="generation"/> is null; never the permanent generation.
    /// Borrowed handles. O(objects returned).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">generation is not null, 0, 1 or 2.</exception>
    public IReadOnlyList<PyRef> GetObjects(int? generation = null)
    {
        if (generation is int only && (uint)only > 2u) throw new ArgumentOutOfRangeException(nameof(generation), only, "invalid generation");
        var result = new List<PyRef>();
        int first = generation ?? 0;
        int last = generation ?? GenerationalCollector.Generations - 1;
        for (int g = first; g <= last; g++)
        {
            int head = GenerationalCollector.Head(g);
            for (int o = T.GcNext(head); o != head; o = T.GcNext(o)) result.Add(T.RefTo(o));
        }
        return result;
    }

    /// <summary>
    /// The generation whose list holds <paramref name="obj"/>: 0–2, <see cref="PermanentGeneration"/>
    /// when frozen, or null when it is not tracked (<c>gc.is_tracked</c> is false). O(objects after it
    /// in its list): the list is walked to its head.
    /// </summary>
    public int? GenerationOf(PyRef obj)
    {
        int g = Gc.GenerationOf(Slot(obj));
        return g < 0 ? null : g;
    }

    private readonly struct ReferentCollector(ObjectTable t, List<PyRef> found) : IReferentVisitor
    {
        public void Visit(int referent) => found.Add(t.RefTo(referent));
    }

    private struct ReferrerFinder(int target) : IReferentVisitor
    {
        public bool Found;

        public void Visit(int referent)
        {
            if (referent == target) Found = true;
        }
    }
}
