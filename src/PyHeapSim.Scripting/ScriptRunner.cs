using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;
using PyHeapSim.Scripting.Compilation;
using PyHeapSim.Scripting.Runtime;
using PyHeapSim.Scripting.Syntax;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting;

/// <summary>
/// Runs a script of the supported Python subset on a fresh simulated heap of the chosen version, writing
/// what CPython would write: the program's output to <c>stdout</c>, tracebacks and diagnostics to
/// <c>stderr</c>. Then finalizes the way CPython's shutdown does (module globals cleared in order, a last
/// collection), so <c>__del__</c> output at exit appears too.
/// </summary>
public static class ScriptRunner
{
    /// <summary>Runs <paramref name="source"/> (named <paramref name="fileName"/> in tracebacks).</summary>
    /// <param name="source">The script text.</param>
    /// <param name="fileName">Name shown in tracebacks.</param>
    /// <param name="profile">The CPython version to simulate.</param>
    /// <param name="stdout">Where the script's output goes.</param>
    /// <param name="stderr">Where tracebacks and diagnostics go.</param>
    /// <param name="limits">Step and object limits; null for the defaults.</param>
    /// <param name="heapOptions">Heap options; null for the defaults.</param>
    /// <param name="observer">Receives the heap's events from the script's compilation on (interpreter startup excluded); null for none.</param>
    public static ScriptResult Run(string source, string fileName, PythonProfile profile, TextWriter stdout, TextWriter stderr, ScriptLimits? limits = null, PyHeapOptions? heapOptions = null, PyHeapSim.Tracing.IHeapObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(profile);
        limits ??= new ScriptLimits();
        var heap = new PyHeap(profile, (heapOptions ?? new PyHeapOptions()) with { MaxObjects = limits.MaxObjects });
        var interp = new Interpreter(heap, stdout, stderr, limits, fileName);
        string[] lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int exit = 0;
        ScriptModule module;
        try
        {
            module = Parser.ParseModule(source, fileName);
        }
        catch (ScriptSyntaxException e)
        {
            stderr.WriteLine($"  File \"{e.FileName}\", line {e.Line}");
            if (e.Line >= 1 && e.Line <= lines.Length) stderr.WriteLine("    " + lines[e.Line - 1].Trim());
            stderr.WriteLine($"{e.PythonTypeName}: {e.Message}");
            return new ScriptResult(1, heap, Stats(interp));
        }
        catch (ScriptNotSupportedException e)
        {
            stderr.WriteLine($"pyheapsim: {e.FileName}:{e.Line}:{e.Column}: {e.Message}");
            return new ScriptResult(2, heap, Stats(interp));
        }

        interp.RegisterBuiltins();
        interp.CreateResidentObjects();
        heap.SeedStartupFreeLists();
        interp.StartupBaseline = Baseline.Of(heap);
        heap.Observer = observer;
        NodeBuilder builder;
        CodeInfo code;
        try
        {
            ScopeAnalyzer scopes = ScopeAnalyzer.Analyze(module);
            builder = new NodeBuilder(interp, scopes, fileName);
            code = NodeBuilder.BuildModule(builder, module);
        }
        catch (ScriptNotSupportedException e)
        {
            stderr.WriteLine($"pyheapsim: {e.FileName}:{e.Line}:{e.Column}: {e.Message}");
            return new ScriptResult(2, heap, Stats(interp));
        }

        int main = interp.NewModule("__main__");
        int globals = GenericType.Data(heap, main).Refs[0];
        InitMainNamespace(interp, main, fileName);
        // The recorded free lists are those CPython has at the script's first statement, after compiling it and
        // filling __main__: what the simulator's own compile and namespace parked or took is set back to them.
        heap.SetFreeListCensus(profile.Startup.Census);
        var frame = new Frame(code, globals, globals, null);
        try
        {
            int r = interp.RunFrame(frame, code);
            interp.DecRef(r);
        }
        catch (PyException e)
        {
            PrintTraceback(interp, e, lines);
            interp.ReleaseException(e);
            exit = 1;
        }
        catch (SimulatedMemoryException)
        {
            stderr.WriteLine("Traceback (most recent call last):");
            stderr.WriteLine("MemoryError");
            exit = 1;
        }
        catch (ScriptAbortedException e)
        {
            stderr.WriteLine("pyheapsim: stopped: " + e.Message);
            stdout.Flush();
            return new ScriptResult(3, heap, Stats(interp));
        }
        catch (InsufficientExecutionStackException)
        {
            stderr.WriteLine("RecursionError: maximum recursion depth exceeded");
            exit = 1;
        }

        try
        {
            Finalize(interp, builder, globals);
        }
        catch (PyException e)
        {
            interp.WriteUnraisable(e, "Exception ignored during shutdown");
        }
        catch (ScriptAbortedException e)
        {
            stderr.WriteLine("pyheapsim: stopped: " + e.Message);
            exit = 3;
        }
        stdout.Flush();
        return new ScriptResult(exit, heap, Stats(interp));
    }

    /// <summary>
    /// The nine names CPython's <c>__main__</c> holds before a script's first statement, in its order
    /// (<c>module_init_dict</c>: <c>__name__ __doc__ __package__ __loader__ __spec__</c>; <c>add_main_module</c>:
    /// <c>__annotations__</c>, <c>__builtins__</c>; <c>_PyRun_SimpleFileObject</c>: <c>__file__ __cached__</c>). The
    /// script's own globals join a dict that already holds them, so it resizes when CPython's does (a resize
    /// under tracemalloc is a traced keys table). The loader is a stand-in without GC tracking.
    /// </summary>
    private static void InitMainNamespace(Interpreter interp, int main, string fileName)
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

    /// <summary>
    /// Shutdown as <c>Py_FinalizeEx</c> does it: the AST arena is already gone; exit hooks
    /// (<c>weakref.finalize</c>) run; stdout is flushed; a collection if enabled; then <c>__main__</c>'s globals are cleared
    /// (underscore names first, then the rest, in insertion order); then a final collection.
    /// </summary>
    private static void Finalize(Interpreter interp, NodeBuilder builder, int globals)
    {
        builder.Constants.ReleaseAst();
        interp.RunExitHooks();
        // flush_std_files(): sys.stdout's pending bytes go out before the collections of shutdown.
        interp.StdoutStream.WriteFlush();
        if (interp.Heap.CollectorEnabled) interp.Heap.Collect(2);
        // Plain loops, not LINQ: generic LINQ over value tuples cannot be precompiled into this assembly
        // and would be JIT-compiled at every run's exit.
        var entries = DictType.Entries(interp.Heap, globals);
        var order = new List<int>(entries.Count);
        foreach ((int key, _) in entries)
        {
            if (IsPrivate(interp, key)) order.Add(key);
        }
        foreach ((int key, _) in entries)
        {
            if (!IsPrivate(interp, key)) order.Add(key);
        }
        foreach (int key in order)
        {
            string name = StrType.Value(interp.Heap, key);
            if (name == "__builtins__") continue;
            interp.IncRef(key);
            try
            {
                DictType.SetItem(interp.Heap, globals, key, interp.None);
            }
            finally
            {
                interp.DecRef(key);
            }
        }
        interp.Heap.Collect(2);
    }

    private static bool IsPrivate(Interpreter interp, int key)
    {
        string s = StrType.Value(interp.Heap, key);
        return s.Length > 1 && s[0] == '_' && s[1] != '_';
    }

    private static void PrintTraceback(Interpreter interp, PyException e, string[] lines)
    {
        TextWriter err = interp.Stderr;
        err.WriteLine("Traceback (most recent call last):");
        foreach (TracebackEntry t in e.Traceback)
        {
            err.WriteLine($"  File \"{t.FileName}\", line {t.Line}, in {t.Function}");
            if (t.Line >= 1 && t.Line <= lines.Length) err.WriteLine("    " + lines[t.Line - 1].Trim());
        }
        err.WriteLine(e.PythonMessage.Length > 0 ? $"{e.TypeName}: {e.PythonMessage}" : e.TypeName);
    }

    /// <summary>Counters right after startup, so statistics report what the script itself did.</summary>
    internal sealed record Baseline(long Allocated, long Freed, long[] Collections, long[] Collected)
    {
        public static Baseline Of(PyHeap h) => new(h.ObjectsAllocated, h.ObjectsFreed,
            [h.CollectorStats(0).Collections, h.CollectorStats(1).Collections, h.CollectorStats(2).Collections],
            [h.CollectorStats(0).Collected, h.CollectorStats(1).Collected, h.CollectorStats(2).Collected]);
    }

    private static ScriptStatistics Stats(Interpreter interp)
    {
        PyHeap h = interp.Heap;
        Baseline b = interp.StartupBaseline ?? new Baseline(0, 0, [0, 0, 0], [0, 0, 0]);
        Baseline now = Baseline.Of(h);
        return new ScriptStatistics
        {
            BytesAtEnd = h.Memory.RequestedBytes,
            PeakBytes = h.Memory.PeakRequestedBytes,
            ObjectsAllocated = now.Allocated - b.Allocated,
            ObjectsFreed = now.Freed - b.Freed,
            ArenasAtEnd = h.Memory.Pymalloc.ArenasCurrentlyAllocated,
            ArenasHighWater = h.Memory.Pymalloc.ArenasHighwater,
            LiveObjectsAtEnd = h.LiveObjectCount,
            Collections = [now.Collections[0] - b.Collections[0], now.Collections[1] - b.Collections[1], now.Collections[2] - b.Collections[2]],
            Collected = [now.Collected[0] - b.Collected[0], now.Collected[1] - b.Collected[1], now.Collected[2] - b.Collected[2]],
            AllocatedBlocksAtEnd = h.Memory.AllocatedBlocks,
            Steps = interp.StepCount,
        };
    }
}
