namespace PyHeapSim;

public sealed partial class PyHeap
{
    /// <summary>
    /// Counts one GC allocation made by code the simulator does not run object by object (an import's
    /// Python code: <see cref="Profiles.SourceImportWalk"/>), with the automatic collection it triggers, as
    /// <c>_PyObject_GC_Alloc</c> / <c>_PyObject_GC_Link</c> would. A collection 3.12+ schedules runs at once
    /// (such code reaches an eval-breaker check within a few allocations). No block is allocated. O(1) unless
    /// it collects.
    /// </summary>
    internal void CountUnmodelledAllocation()
    {
        if (Gc.CountAllocation()) CollectAutomatic();
        else if (Gc.Trigger.Scheduled) RunScheduledCollection();
    }

    /// <summary>Counts one GC deallocation made by such code (<c>PyObject_GC_Del</c>: never below 0). O(1).</summary>
    internal void CountUnmodelledDeallocation() => Gc.CountDeallocation();

    /// <summary>Automatic plus explicit collections run so far, all generations. O(1).</summary>
    internal long CollectionsSoFar => CollectorStats(0).Collections + CollectorStats(1).Collections + CollectorStats(2).Collections;
}
