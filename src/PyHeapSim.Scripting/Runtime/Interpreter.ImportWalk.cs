using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;
using PyHeapSim.Scripting.Compilation;
using PyHeapSim.Scripting.Syntax;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>What the collector sees during an import of a module written in Python (<see cref="SourceImportWalk"/>).</summary>
public sealed partial class Interpreter
{
    /// <summary>The part of <c>Lib/types.py</c> that leaves garbage: the class made for <c>MethodType</c>.</summary>
    private const string TypesClassSource = "class _C:\n    def _m(self): pass\n";

    /// <summary>
    /// Replays the import's walk of generation 0's count: its GC allocations are counted one by one, so the
    /// automatic collections (and their generations: gen-1 and gen-2 counts, the long-lived rule) come where
    /// CPython's do, and <c>types._C</c> is made and dropped at its recorded steps as real objects, which those
    /// collections — or the script's first one — find like any other cycle. <paramref name="imports"/> is the
    /// key of <see cref="StartupState.SourceImportWalks"/> (the source modules imported so far, in order).
    /// </summary>
    private void WalkSourceImport(string imports)
    {
        if (!Profile.Startup.SourceImportWalks.TryGetValue(imports, out SourceImportWalks? walks)) return;
        // A full collection emptied the free lists the import would otherwise take its objects from.
        SourceImportWalk walk = _fullCollections > _fullCollectionsAtStartup ? walks.AfterFullCollection : walks.Fresh;
        int step = 0;
        int types = 0;
        if (walk.ClassCycleAt is int classAt)
        {
            types = CompileTypesClass();
            step = CountImportAllocations(step, classAt);
            step += RunTypesClass(types);
            step = CountImportAllocations(step, walk.ClassCycleDroppedAt);
            // types.py: del sys, _f, _g, _C, _c, _ag — only _C is left in a cycle.
            int ns = TypesNamespace(types);
            DictType.DelItem(Heap, ns, InternedName("_C"));
        }
        CountImportAllocations(step, walk.Rise + walk.Dip);
        for (int i = 0; i < walk.Dip; i++) Heap.CountUnmodelledDeallocation();
    }

    private int CountImportAllocations(int step, int to)
    {
        for (; step < to; step++) Heap.CountUnmodelledAllocation();
        return step;
    }

    private CodeInfo? _typesClassCode;
    private int _typesModule;

    /// <summary>
    /// Compiles <see cref="TypesClassSource"/> as module <c>types</c> (not importable from a script). What the
    /// compiler allocates is startup-like bookkeeping, not part of the import's walk: counts are set back and no
    /// collection runs meanwhile. Returns the module (owned by the interpreter).
    /// </summary>
    private int CompileTypesClass()
    {
        if (_typesModule != 0) return _typesModule;
        int[] counts = [Heap.Gc.Count(0), Heap.Gc.Count(1), Heap.Gc.Count(2)];
        bool enabled = Heap.CollectorEnabled;
        Heap.CollectorEnabled = false;
        try
        {
            Syntax.Ast.ScriptModule module = Parser.ParseModule(TypesClassSource, "types.py");
            var builder = new NodeBuilder(this, ScopeAnalyzer.Analyze(module), "types.py") { ModuleName = "types" };
            _typesClassCode = NodeBuilder.BuildModule(builder, module);
            int dict = NewDict();
            _typesModule = GenericType.New(Heap, Types.Module, [dict], new ModuleInfo("types", true) { Imported = true });
            DecRef(dict);
            ModuleSet(_typesModule, "__name__", InternedName("types"));
        }
        finally
        {
            Heap.CollectorEnabled = enabled;
            for (int g = 0; g <= 2; g++) Heap.Gc.SetCount(g, counts[g]);
        }
        return _typesModule;
    }

    private int TypesNamespace(int types) => GenericType.Data(Heap, types).Refs[0];

    /// <summary>Runs the class statement in <c>types</c>' namespace; returns the count's rise it made (its steps of the walk).</summary>
    private int RunTypesClass(int types)
    {
        int before = Heap.Gc.Count(0);
        long collections = Heap.CollectionsSoFar;
        int ns = TypesNamespace(types);
        var frame = new Frame(_typesClassCode!, ns, ns, null);
        DecRef(RunFrame(frame, _typesClassCode!));
        // The seven objects of the cycle, if a collection reset the count in between.
        return Heap.CollectionsSoFar == collections ? Math.Max(0, Heap.Gc.Count(0) - before) : 7;
    }
}
