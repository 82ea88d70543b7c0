using PyHeapSim.Objects;

namespace PyHeapSim.Collector;

/// <summary>
/// <c>validate_list</c>: the phases check the lists they hand over when
/// <see cref="PyHeapOptions.VerifyCollectorPhases"/> is set. O(list) per call; off by default.
/// </summary>
internal sealed partial class CycleCollection
{
    private const ObjectFlags FlagsClear = ObjectFlags.None;
    private const ObjectFlags CollectingOnly = ObjectFlags.Collecting;
    private const ObjectFlags CollectingAndUnreachable = ObjectFlags.Collecting | ObjectFlags.Unreachable;

    private readonly bool _verify;

    /// <summary>
    /// Checks that <paramref name="head"/> is a well-linked list of live GC objects whose collector
    /// flags are exactly <paramref name="expected"/> (CPython's <c>collecting_clear_unreachable_clear</c>,
    /// <c>collecting_set_unreachable_clear</c>, <c>collecting_set_unreachable_set</c>).
    /// </summary>
    private void ValidateList(int head, ObjectFlags expected)
    {
        if (!_verify) return;
        const ObjectFlags mask = ObjectFlags.Collecting | ObjectFlags.Unreachable;
        List<string>? problems = null;
        int prev = head;
        int steps = 0;
        for (int o = _t.GcNext(head); o != head; o = _t.GcNext(o))
        {
            if (++steps > _t.HighWater)
            {
                (problems ??= []).Add($"list {head} does not return to its head");
                break;
            }
            if (_t.GcPrev(o) != prev) (problems ??= []).Add($"list {head}: #{o}'s gc_prev is not its predecessor");
            if (!_t.IsLive(o) || !_t.Has(o, ObjectFlags.GcType))
            {
                (problems ??= []).Add($"list {head}: #{o} is not a live GC object");
            }
            else if ((_t.Flags(o) & mask) != expected)
            {
                (problems ??= []).Add($"list {head}: #{o} ({ObjectModel.TypeName(_heap, o)}) has flags {_t.Flags(o) & mask}, expected {expected}");
            }
            prev = o;
        }
        if (_t.GcPrev(head) != prev) (problems ??= []).Add($"list {head}: the head's gc_prev is not the last object");
        if (problems is not null) throw new HeapCorruptedException(problems);
    }
}
