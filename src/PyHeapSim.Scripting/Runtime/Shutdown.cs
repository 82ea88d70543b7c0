using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// Interpreter shutdown, the part of <c>Py_FinalizeEx</c> (Python/pylifecycle.c) a script can observe:
/// which <c>__del__</c>, weakref callbacks and <c>weakref.finalize</c> callbacks run at exit, and in which
/// order. The same steps in 3.8–3.13:
/// <list type="number">
/// <item><c>call_py_exitfuncs</c> / <c>_PyAtExit_Call</c>: the <c>atexit</c> handlers, newest first
/// (<c>weakref.finalize</c> registers one that calls every pending finalizer);</item>
/// <item><c>_PyGC_CollectIfEnabled</c> (3.8) / <c>PyGC_Collect</c> (3.9+): a full collection with
/// <c>gc.callbacks</c>, skipped after <c>gc.disable()</c>. The module globals still hold everything, so it
/// frees little — but its <c>move_unreachable</c> decides the order the survivors keep in generation 2.
/// The namespace starts in an older generation (<see cref="MainModule"/>), so it is scanned after the
/// script's objects and rescues the names in dict order; an object held only by a container (a list's
/// item, an attribute value, a function default) is rescued later still, when its holder is scanned;</item>
/// <item><c>finalize_modules</c> (<c>PyImport_Cleanup</c> in 3.8): <see cref="DeleteSpecial"/> (the uncaught
/// exception in <c>sys.last_value</c>), then <see cref="FinalizeModules"/>;</item>
/// <item><c>finalize_interp_clear</c>: one last <c>_PyGC_CollectNoFail</c>.</item>
/// </list>
/// Hence the classic exit order: the <c>__main__</c> module dies by refcount, its dict (in a cycle with every
/// function's <c>__globals__</c> and so every class) becomes cyclic garbage, and <c>finalize_garbage</c>
/// runs the finalizers in generation-list order — names bound directly first, objects held in containers
/// after them (in the order they were rescued in step 2), everything still reachable from the dict while
/// they run; <c>delete_garbage</c> then clears the dict.
/// </summary>
internal static class Shutdown
{
    /// <summary>Runs the shutdown steps after the script's frame is gone (the AST arena already freed).</summary>
    /// <param name="interp">The interpreter.</param>
    /// <param name="uncaught">The exception that ended the script, which <c>PyErr_Print</c> left in
    /// <c>sys.last_value</c> / <c>sys.last_traceback</c> (with the frames it unwound); null when none.</param>
    internal static void FinalizeEx(Interpreter interp, PyException? uncaught)
    {
        PyHeap heap = interp.Heap;
        interp.RunExitHooks();
        // flush_std_files(): sys.stdout's pending bytes go out before the collections of shutdown.
        interp.StdoutStream.WriteFlush();
        // "Collect garbage. This may call finalizers; it's nice to call these before all modules are destroyed."
        if (heap.CollectorEnabled) heap.Collect(2);
        DeleteSpecial(interp, uncaught);
        FinalizeModules(interp);
        // finalize_interp_clear: "Last garbage collection on this interpreter".
        heap.CollectNoFail();
    }

    /// <summary>
    /// <c>finalize_modules_delete_special</c> (the start of <c>finalize_modules</c>): <c>sys.last_type</c>,
    /// <c>sys.last_value</c>, <c>sys.last_traceback</c> … are set to <c>None</c>, so the uncaught exception
    /// dies here by refcount — after the exit hooks and the exit collection, before the modules go — and
    /// with it the frames its traceback kept (<see cref="Interpreter.ReleaseException"/>).
    /// </summary>
    private static void DeleteSpecial(Interpreter interp, PyException? uncaught)
    {
        if (uncaught is not null) interp.ReleaseException(uncaught);
    }

    /// <summary>
    /// <c>finalize_modules</c>: remove the modules from <c>sys.modules</c> keeping weak references to them
    /// (<c>finalize_remove_modules</c>); collect (<c>_PyGC_CollectNoFail</c>, even after <c>gc.disable()</c>,
    /// never the frozen generation); clear the globals of every module still alive, newest first
    /// (<c>finalize_modules_clear_weaklist</c> → <c>_PyModule_Clear</c>); collect once more.
    /// </summary>
    /// <remarks>
    /// Only the modules CPython implements in Python are removed (<see cref="ModuleInfo.FromSource"/>):
    /// the simulator's others (<c>sys</c>, <c>gc</c> …) stand for C modules whose namespaces hold nothing of
    /// the script's, and the collector keeps using some of their objects (<c>gc.callbacks</c>,
    /// <c>gc.garbage</c>), as CPython's <c>gcstate</c> keeps its own references to them until <c>_PyGC_Fini</c>.
    /// </remarks>
    private static void FinalizeModules(Interpreter interp)
    {
        PyHeap heap = interp.Heap;
        List<PyRef> weaklist = RemoveModules(interp);
        heap.CollectNoFail();
        for (int i = weaklist.Count - 1; i >= 0; i--) ClearIfAlive(interp, weaklist[i]);
        heap.CollectNoFail();
    }

    /// <summary>
    /// <c>finalize_remove_modules</c>: <c>sys.modules[name] = None</c> for each module, in import order. When
    /// that was a module's last reference, <c>module_dealloc</c> runs at once; it does not clear the
    /// namespace, it only drops its reference to the dict (<c>Py_XDECREF(m->md_dict)</c>), so a dict held
    /// by functions' <c>__globals__</c> lives on as cyclic garbage. Returns the weaklist: "weak references"
    /// to the removed modules.
    /// </summary>
    private static List<PyRef> RemoveModules(Interpreter interp)
    {
        var weaklist = new List<PyRef>();
        foreach ((string name, int module) in interp.Modules.ToList())
        {
            if (GenericType.Data(interp.Heap, module).Host is not ModuleInfo { FromSource: true }) continue;
            weaklist.Add(interp.Heap.T.RefTo(module));
            interp.Modules.Remove(name);
            interp.DecRef(module);
        }
        return weaklist;
    }

    /// <summary>
    /// <c>finalize_modules_clear_weaklist</c>: a module something still holds (a frozen cycle, say) gets
    /// <c>_PyModule_Clear</c>, so its globals die by refcount, one name at a time.
    /// </summary>
    private static void ClearIfAlive(Interpreter interp, PyRef weakModule)
    {
        if (!interp.Heap.IsAlive(weakModule)) return;
        int module = weakModule.Index;
        interp.IncRef(module);
        try
        {
            ModuleClearDict(interp, GenericType.Data(interp.Heap, module).Refs[0]);
        }
        finally
        {
            interp.DecRef(module);
        }
    }

    /// <summary>
    /// <c>_PyModule_ClearDict</c> (Objects/moduleobject.c): first every name starting with a single
    /// underscore is set to <c>None</c>, then every other name but <c>__builtins__</c>, each pass in dict
    /// order ("we try to free the module's globals in a reasonable order").
    /// </summary>
    private static void ModuleClearDict(Interpreter interp, int dict)
    {
        ClearNames(interp, dict, privateOnly: true);
        ClearNames(interp, dict, privateOnly: false);
    }

    private static void ClearNames(Interpreter interp, int dict, bool privateOnly)
    {
        PyHeap heap = interp.Heap;
        foreach ((int key, _) in DictType.Entries(heap, dict))
        {
            if (heap.T.Kind(key) != Objects.TypeKind.Str) continue;
            string name = StrType.Value(heap, key);
            bool single = name.Length > 0 && name[0] == '_' && (name.Length < 2 || name[1] != '_');
            if (privateOnly ? !single : name == "__builtins__") continue;
            int current = DictType.GetItem(heap, dict, key);
            if (current == 0 || current == interp.None) continue;
            interp.IncRef(key);
            try
            {
                DictType.SetItem(heap, dict, key, interp.None);
            }
            finally
            {
                interp.DecRef(key);
            }
        }
    }
}
