using PyHeapSim.Collector;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>The <c>gc</c> module (<c>Modules/gcmodule.c</c>) over the heap's collector.</summary>
internal static class GcModule
{
    public static void Register(Interpreter interp)
    {
        PyHeap heap = interp.Heap;
        int m = interp.NewModule("gc");
        interp.ModuleDef(m, "collect", Collect);
        interp.ModuleDef(m, "get_count", (i, a, k) =>
        {
            // Py_BuildValue("(iii)"): counts read first, then the tuple is allocated.
            (int c0, int c1, int c2) = i.Heap.CollectorCounts;
            return Triple(i, c0, c1, c2);
        });
        interp.ModuleDef(m, "get_threshold", (i, a, k) =>
        {
            (int t0, int t1, int t2) = i.Heap.CollectorThresholds;
            return Triple(i, t0, t1, t2);
        });
        interp.ModuleDef(m, "set_threshold", (i, a, k) =>
        {
            if (a.Length is < 1 or > 3)
            {
                // PyArg_ParseTuple("i|ii:set_threshold") up to 3.12.
                bool few = a.Length < 1;
                i.Raise("TypeError", string.Format(System.Globalization.CultureInfo.InvariantCulture, i.Profile.Messages.SetThresholdArity,
                    a.Length, few ? "at least" : "at most", few ? 1 : 3, few ? "" : "s"));
            }
            i.Heap.SetCollectorThresholds((int)BuiltinsModule.IntArg(i, a[0]),
                a.Length > 1 ? (int)BuiltinsModule.IntArg(i, a[1]) : null, a.Length > 2 ? (int)BuiltinsModule.IntArg(i, a[2]) : null);
            return i.NewNone();
        }, varArgs: true); // gc_set_threshold parses a METH_VARARGS tuple
        interp.ModuleDef(m, "enable", (i, a, k) => { i.Heap.CollectorEnabled = true; return i.NewNone(); });
        interp.ModuleDef(m, "disable", (i, a, k) => { i.Heap.CollectorEnabled = false; return i.NewNone(); });
        interp.ModuleDef(m, "isenabled", (i, a, k) => i.NewBool(i.Heap.CollectorEnabled));
        interp.ModuleDef(m, "is_tracked", (i, a, k) => i.NewBool(i.Heap.T.IsTracked(BuiltinsModule.One(i, "gc", "is_tracked", a))));
        if (interp.Profile.Collector.HasIsFinalized)
        {
            interp.ModuleDef(m, "is_finalized", (i, a, k) => i.NewBool(i.Heap.T.Has(BuiltinsModule.One(i, "gc", "is_finalized", a), ObjectFlags.Finalized)));
        }
        interp.ModuleDef(m, "freeze", (i, a, k) => { i.Heap.Freeze(); return i.NewNone(); });
        interp.ModuleDef(m, "unfreeze", (i, a, k) => { i.Heap.Unfreeze(); return i.NewNone(); });
        interp.ModuleDef(m, "get_freeze_count", (i, a, k) => i.NewInt(i.Heap.FreezeCount));
        interp.ModuleDef(m, "get_referents", GetReferents);
        interp.ModuleDef(m, "get_referrers", GetReferrers);
        interp.ModuleDef(m, "get_objects", GetObjects);
        interp.ModuleDef(m, "get_stats", GetStats);
        interp.ModuleDef(m, "set_debug", (i, a, k) =>
        {
            i.Heap.CollectorDebug = (CollectorDebugFlags)BuiltinsModule.IntArg(i, BuiltinsModule.One(i, "gc", "set_debug", a));
            return i.NewNone();
        });
        interp.ModuleDef(m, "get_debug", (i, a, k) => i.NewInt((long)i.Heap.CollectorDebug));
        foreach ((string name, CollectorDebugFlags flag) in new[]
        {
            ("DEBUG_STATS", CollectorDebugFlags.Stats), ("DEBUG_COLLECTABLE", CollectorDebugFlags.Collectable),
            ("DEBUG_UNCOLLECTABLE", CollectorDebugFlags.Uncollectable), ("DEBUG_SAVEALL", CollectorDebugFlags.SaveAll),
            ("DEBUG_LEAK", CollectorDebugFlags.Leak),
        })
        {
            int v = interp.NewInt((long)flag);
            interp.ModuleSet(m, name, v);
            interp.DecRef(v);
        }
        interp.ModuleSet(m, "garbage", heap.Gc.EnsureGarbageList(heap));
        int callbacks = interp.NewList();
        interp.ModuleSet(m, "callbacks", callbacks);
        heap.CollectionStarting += info => InvokeCallbacks(interp, callbacks, "start", info);
        heap.CollectionFinished += info => InvokeCallbacks(interp, callbacks, "stop", info);
        interp.DecRef(callbacks);
        heap.Gc.DebugOutput = line => interp.Stderr.WriteLine(line);
    }

    private static int Triple(Interpreter interp, long a, long b, long c)
    {
        int[] items = new int[3];
        int t = interp.NewTupleStealing(items);
        items[0] = interp.NewInt(a);
        items[1] = interp.NewInt(b);
        items[2] = interp.NewInt(c);
        return t;
    }

    private static int Collect(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        // Argument Clinic (_PyArg_UnpackKeywords), all versions.
        if (args.Length > 1) interp.Raise("TypeError", $"collect() takes at most 1 argument ({args.Length} given)");
        int g = args.Length > 0 ? args[0] : kw.Get("generation");
        long generation = g == 0 ? 2 : BuiltinsModule.IntArg(interp, g);
        if (generation is < 0 or > 2) interp.Raise("ValueError", "invalid generation");
        return interp.NewInt(interp.Heap.Collect((int)generation));
    }

    // invoke_gc_callback: nothing is allocated when the list is empty; otherwise an info dict, then each callback.
    private static void InvokeCallbacks(Interpreter interp, int callbacks, string phase, CollectionInfo info)
    {
        if (ListType.Size(interp.Heap, callbacks) == 0) return;
        int dict = interp.NewDict();
        SetInt(interp, dict, "generation", info.Generation);
        SetInt(interp, dict, "collected", info.Collected);
        SetInt(interp, dict, "uncollectable", info.Uncollectable);
        int phaseObj = interp.NewStr(phase);
        int[] snapshot = ListType.Items(interp.Heap, callbacks).ToArray();
        foreach (int cb in snapshot) interp.IncRef(cb);
        try
        {
            foreach (int cb in snapshot)
            {
                try
                {
                    interp.DecRef(interp.Call(cb, [phaseObj, dict], KeywordArguments.None));
                }
                catch (PyException e)
                {
                    interp.WriteUnraisable(e, "Exception ignored in garbage collector callback " + interp.Repr(cb));
                }
            }
        }
        finally
        {
            foreach (int cb in snapshot) interp.DecRef(cb);
            interp.DecRef(phaseObj);
            interp.DecRef(dict);
        }
    }

    private static void SetInt(Interpreter interp, int dict, string key, long value)
    {
        int k = interp.Intern(key);
        int v = interp.NewInt(value);
        DictType.SetItem(interp.Heap, dict, k, v);
        interp.DecRef(k);
        interp.DecRef(v);
    }

    private readonly struct Collector(List<int> into) : IReferentVisitor
    {
        public void Visit(int referent) => into.Add(referent);
    }

    private static List<int> Referents(PyHeap heap, int o)
    {
        var list = new List<int>();
        var v = new Collector(list);
        ObjectModel.Traverse(heap, o, ref v);
        return list;
    }

    private static int GetReferents(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        int result = interp.NewList();
        foreach (int o in args)
        {
            foreach (int r in Referents(interp.Heap, o)) ListType.Append(interp.Heap, result, r);
        }
        return result;
    }

    /// <summary>Tracked objects of the generations (oldest first as CPython walks 0, 1, 2), excluding <paramref name="exclude"/>.</summary>
    private static List<int> Tracked(PyHeap heap, int exclude, int onlyGeneration = -1)
    {
        var list = new List<int>();
        ObjectTable t = heap.T;
        for (int g = 0; g < GenerationalCollector.Generations; g++)
        {
            if (onlyGeneration >= 0 && g != onlyGeneration) continue;
            int head = GenerationalCollector.Head(g);
            for (int o = t.GcNext(head); o != head; o = t.GcNext(o))
            {
                if (o != exclude) list.Add(o);
            }
        }
        return list;
    }

    private static int GetReferrers(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        int result = interp.NewList();
        var targets = new HashSet<int>(args.ToArray());
        foreach (int o in Tracked(interp.Heap, result))
        {
            foreach (int r in Referents(interp.Heap, o))
            {
                if (targets.Contains(r))
                {
                    ListType.Append(interp.Heap, result, o);
                    break;
                }
            }
        }
        return result;
    }

    private static int GetObjects(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        int g = args.Length > 0 ? args[0] : kw.Get("generation");
        int generation = g == 0 || g == interp.None ? -1 : (int)BuiltinsModule.IntArg(interp, g);
        int result = interp.NewList();
        foreach (int o in Tracked(interp.Heap, result, generation)) ListType.Append(interp.Heap, result, o);
        return result;
    }

    private static int GetStats(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        var stats = new GenerationStats[3];
        for (int g = 0; g < 3; g++) stats[g] = interp.Heap.CollectorStats(g);
        int result = interp.NewList();
        foreach (GenerationStats s in stats)
        {
            int d = interp.NewDict();
            SetInt(interp, d, "collections", s.Collections);
            SetInt(interp, d, "collected", s.Collected);
            SetInt(interp, d, "uncollectable", s.Uncollectable);
            ListType.Append(interp.Heap, result, d);
            interp.DecRef(d);
        }
        return result;
    }
}
