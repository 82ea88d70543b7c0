using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>The <c>tracemalloc</c> module over the heap's allocator accounting (simulated bytes).</summary>
internal static class TracemallocModule
{
    public static void Register(Interpreter interp)
    {
        int m = interp.NewModule("tracemalloc", fromSource: true);
        interp.ModuleDef(m, "start", (i, a, k) => { i.Heap.Memory.StartTracing(); return i.NewNone(); });
        interp.ModuleDef(m, "stop", (i, a, k) => { i.Heap.Memory.StopTracing(); return i.NewNone(); });
        interp.ModuleDef(m, "is_tracing", (i, a, k) => i.NewBool(i.Heap.Memory.IsTracing));
        interp.ModuleDef(m, "get_traced_memory", (i, a, k) =>
        {
            // Py_BuildValue("nn", size, peak): values read first, the tuple allocated, then the two ints.
            long current = i.Heap.Memory.TracedCurrent, peak = i.Heap.Memory.TracedPeak;
            int[] items = new int[2];
            int t = i.NewTupleStealing(items);
            items[0] = i.NewInt(current);
            items[1] = i.NewInt(peak);
            return t;
        });
        interp.ModuleDef(m, "clear_traces", (i, a, k) =>
        {
            bool tracing = i.Heap.Memory.IsTracing;
            i.Heap.Memory.StopTracing();
            if (tracing) i.Heap.Memory.StartTracing();
            return i.NewNone();
        });
        if (interp.Profile.Library.HasTracemallocResetPeak)
        {
            interp.ModuleDef(m, "reset_peak", (i, a, k) => { i.Heap.Memory.ResetPeak(); return i.NewNone(); });
        }
    }
}
