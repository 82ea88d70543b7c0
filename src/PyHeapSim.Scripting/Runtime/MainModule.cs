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
    internal static int Create(Interpreter interp, string fileName)
    {
        int main = interp.NewModule("__main__", fromSource: true);
        InitNamespace(interp, main, fileName);
        int globals = GenericType.Data(interp.Heap, main).Refs[0];
        int generation = interp.Profile.Startup.MainModuleGeneration;
        interp.Heap.Gc.MoveToGeneration(main, generation);
        interp.Heap.Gc.MoveToGeneration(globals, generation);
        return main;
    }

    /// <summary>
    /// The nine names CPython's <c>__main__</c> holds before a script's first statement, in its order
    /// (<c>module_init_dict</c>: <c>__name__ __doc__ __package__ __loader__ __spec__</c>; <c>add_main_module</c>:
    /// <c>__annotations__</c>, <c>__builtins__</c>; <c>_PyRun_SimpleFileObject</c>: <c>__file__ __cached__</c>). The
    /// script's own globals join a dict that already holds them, so it resizes when CPython's does (a resize
    /// under tracemalloc is a traced keys table). The loader is a stand-in without GC tracking.
    /// </summary>
    private static void InitNamespace(Interpreter interp, int main, string fileName)
    {
        interp.ModuleSet(main, "__name__", interp.InternedName("__main__"));
        interp.ModuleSet(main, "__doc__", interp.None);
        interp.ModuleSet(main, "__package__", interp.None);
        int loader = interp.Heap.NewPlainObject();
        interp.ModuleSet(main, "__loader__", loader);
        interp.DecRef(loader);
        interp.ModuleSet(main, "__spec__", interp.None);
        int annotations = interp.NewDict();
        interp.ModuleSet(main, "__annotations__", annotations);
        interp.DecRef(annotations);
        int builtins = interp.NewModule("builtins"); // owned by the module table, as sys.modules owns it
        interp.ModuleSet(main, "__builtins__", builtins);
        int file = interp.NewStr(fileName);
        interp.ModuleSet(main, "__file__", file);
        interp.DecRef(file);
        interp.ModuleSet(main, "__cached__", interp.None);
    }
}
