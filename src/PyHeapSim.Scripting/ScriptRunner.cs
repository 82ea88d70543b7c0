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
/// <c>stderr</c>. Then finalizes the way CPython's shutdown does (exit hooks, the exit collection, <c>__main__</c>
/// removed from <c>sys.modules</c> and its namespace left to the collector), so <c>__del__</c> output at
/// exit appears too, in CPython's order.
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

        int main = MainModule.Create(interp, fileName);
        int globals = GenericType.Data(heap, main).Refs[0];
        // The recorded free lists are those CPython has at the script's first statement, after compiling it and
        // filling __main__: what the simulator's own compile and namespace parked or took is set back to them.
        heap.SetFreeListCensus(profile.Startup.Census);
        heap.SeedStartupCounts();
        var frame = new Frame(code, globals, globals, null);
        PyException? uncaught = null;
        try
        {
            int r = interp.RunFrame(frame, code);
            interp.DecRef(r);
        }
        catch (PyException e)
        {
            int? status = SystemExitHandler.ExitStatus(interp, e);
            if (status is null)
            {
                // PyErr_Print: sys.last_value / sys.last_traceback keep it until shutdown.
                PrintTraceback(interp, e, lines);
                uncaught = e;
            }
            else
            {
                // handle_system_exit clears the exception before Py_Exit.
                interp.ReleaseException(e);
            }
            exit = status ?? 1;
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
            Finalize(interp, builder, uncaught);
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
    /// Shutdown as <c>Py_FinalizeEx</c> does it (<see cref="Shutdown"/>): the AST arena is already gone
    /// when it starts (<c>_PyArena_Free</c> at the end of <c>pyrun_file</c>).
    /// </summary>
    private static void Finalize(Interpreter interp, NodeBuilder builder, PyException? uncaught)
    {
        builder.Constants.ReleaseAst();
        Shutdown.FinalizeEx(interp, uncaught);
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
