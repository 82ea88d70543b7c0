using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// The <c>__main__</c> module as CPython's startup leaves it for the script: created by
/// <c>add_main_module</c> (Python/pylifecycle.c), its namespace tracked from the start (it holds
/// <c>__builtins__</c> and <c>__loader__</c>, GC objects, so <c>MAINTAIN_TRACKING</c> tracked it), and both
/// aged by the automatic collections of the rest of startup into
/// <see cref="Profiles.StartupState.MainModuleGeneration"/>. Where the namespace sits decides the order in
/// which a full collection's <c>move_unreachable</c> meets the script's objects, and so the order of the
/// finalizers at exit (<see cref="Shutdown"/>).
/// </summary>
internal static class MainModule
{
    /// <summary>Creates <c>__main__</c> (owned by <see cref="Interpreter.Modules"/>; the result is borrowed).</summary>
    internal static int Create(Interpreter interp)
    {
        int main = interp.NewModule("__main__", pythonSource: true);
        interp.ModuleSet(main, "__name__", interp.InternedName("__main__"));
        int globals = GenericType.Data(interp.Heap, main).Refs[0];
        int generation = interp.Profile.Startup.MainModuleGeneration;
        interp.Heap.Gc.MoveToGeneration(main, generation);
        interp.Heap.Gc.MoveToGeneration(globals, generation);
        return main;
    }
}
