using CsCheck;
using PyHeapSim.Collector;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Tests.Collector;

/// <summary>
/// Properties of the collector on random heaps, checked against a plain reachability walk. Inputs come
/// from CsCheck generators driven by fixed seeds (<see cref="Cases"/>), so every run checks the same
/// heaps; a failure names the seed that produced it.
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class CollectorPropertyTests(PythonVersion version)
{
    private const int SlotCount = 3;

    /// <summary>Node kinds: list, dict, instance, instance with <c>__del__</c>, instance with <c>__slots__</c>.</summary>
    private enum Kind { List, Dict, Instance, Finalizable, Slotted }

    /// <param name="Kinds">One kind per node.</param>
    /// <param name="Edges">Stores, in order: node From stores a reference to node To (self-loops included).</param>
    /// <param name="Drop">For each node: its root is dropped (true) or kept.</param>
    /// <param name="Weak">Nodes that get a weakref with a callback (instances only).</param>
    /// <param name="Collections">Generations collected while the roots are being dropped.</param>
    private sealed record GraphCase(Kind[] Kinds, (int From, int To)[] Edges, bool[] Drop, int[] Weak, int[] Collections);

    private static readonly Gen<GraphCase> Graphs =
        Gen.Int[1, 40].SelectMany(n => Gen.Select(
            Gen.Int[0, 4].Select(k => (Kind)k).Array[n],
            Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1]).Array[0, 3 * n],
            Gen.Int[0, 3].Select(x => x != 0).Array[n],
            Gen.Int[0, n - 1].Array[0, 6],
            Gen.Int[0, 2].Array[0, 4],
            (kinds, edges, drop, weak, collections) => new GraphCase(kinds, edges, drop, weak, collections)));

    /// <summary>Generates <paramref name="count"/> values of <paramref name="gen"/> from fixed seeds.</summary>
    private static IEnumerable<(ulong Seed, T Value)> Cases<T>(Gen<T> gen, int count)
    {
        for (ulong seed = 1; seed <= (ulong)count; seed++)
        {
            yield return (seed, gen.Generate(new PCG(7, seed), null, out _));
        }
    }

    private sealed class Host : IHeapCallbacks
    {
        public Dictionary<PyRef, int> Finalized { get; } = [];
        public List<PyRef> Saved { get; } = [];
        public bool Resurrect { get; set; }
        public int Callbacks { get; private set; }

        public void RunFinalizer(PyHeap heap, PyRef obj)
        {
            Finalized[obj] = Finalized.GetValueOrDefault(obj) + 1;
            if (Resurrect && obj.Index % 3 == 0)
            {
                heap.IncRef(obj);
                Saved.Add(obj);
            }
        }

        public void RunWeakRefCallback(PyHeap heap, PyRef callback, PyRef weakRef) => Callbacks++;
    }

    [Test]
    public void FullCollection_RandomGraph_LeavesExactlyWhatTheRemainingRootsReach()
    {
        foreach ((ulong seed, GraphCase g) in Cases(Graphs, 120))
        {
            try
            {
                CheckGraph(g);
            }
            catch (Exception e)
            {
                throw new AssertionException($"seed {seed}: {Describe(g)}\n{e.Message}", e);
            }
        }
    }

    private void CheckGraph(GraphCase g)
    {
        var host = new Host();
        var heap = new PyHeap(PythonProfiles.For(version), new PyHeapOptions { VerifyCollectorPhases = true }) { Callbacks = host };
        PyRef plain = heap.NewClass("C");
        PyRef finalizable = heap.NewClass("F");
        heap.SetHasFinalizer(finalizable);
        PyRef slotted = heap.NewClass("S", slots: ["a0", "a1", "a2", "__weakref__"]);
        PyRef callback = heap.Owned(GenericType.New(heap, heap.Types.Function, ReadOnlySpan<int>.Empty, "cb"));

        int n = g.Kinds.Length;
        var nodes = new PyRef[n];
        for (int i = 0; i < n; i++)
        {
            nodes[i] = g.Kinds[i] switch
            {
                Kind.List => heap.NewList(),
                Kind.Dict => heap.NewDict(),
                Kind.Instance => heap.NewInstance(plain),
                Kind.Finalizable => heap.NewInstance(finalizable),
                _ => heap.NewInstance(slotted),
            };
        }

        // The model: each node's outgoing references (a slot store replaces the slot's previous one).
        var outgoing = new List<int>[n];
        var slots = new int[n, SlotCount];
        for (int i = 0; i < n; i++)
        {
            outgoing[i] = [];
            for (int s = 0; s < SlotCount; s++) slots[i, s] = -1;
        }
        for (int e = 0; e < g.Edges.Length; e++)
        {
            (int from, int to) = g.Edges[e];
            switch (g.Kinds[from])
            {
                case Kind.List:
                    heap.ListAppend(nodes[from], nodes[to]);
                    outgoing[from].Add(to);
                    break;
                case Kind.Dict:
                {
                    PyRef key = e % 2 == 0 ? heap.NewStr("k" + e) : heap.NewInt(e);
                    heap.DictSetItem(nodes[from], key, nodes[to]);
                    heap.DecRef(key);
                    outgoing[from].Add(to);
                    break;
                }
                case Kind.Slotted:
                    heap.SetAttr(nodes[from], "a" + (e % SlotCount), nodes[to]);
                    slots[from, e % SlotCount] = to;
                    break;
                default:
                    heap.SetAttr(nodes[from], "e" + e, nodes[to]);
                    outgoing[from].Add(to);
                    break;
            }
        }

        var weakRefs = new List<(int Node, PyRef Ref)>();
        foreach (int w in g.Weak.Distinct())
        {
            if (g.Kinds[w] is Kind.List or Kind.Dict) continue;
            weakRefs.Add((w, heap.NewWeakRef(nodes[w], callback)));
        }

        bool[] Reachable(Func<int, bool> isRoot)
        {
            var seen = new bool[n];
            var stack = new Stack<int>();
            for (int i = 0; i < n; i++)
            {
                if (!isRoot(i)) continue;
                seen[i] = true;
                stack.Push(i);
            }
            while (stack.Count > 0)
            {
                int x = stack.Pop();
                IEnumerable<int> targets = g.Kinds[x] == Kind.Slotted
                    ? Enumerable.Range(0, SlotCount).Select(s => slots[x, s]).Where(t => t >= 0)
                    : outgoing[x];
                foreach (int t in targets)
                {
                    if (seen[t]) continue;
                    seen[t] = true;
                    stack.Push(t);
                }
            }
            return seen;
        }

        // Drop the roots one by one, with partial collections in between: none may free a reachable object.
        var held = new bool[n];
        Array.Fill(held, true);
        int collectionAt = 0;
        for (int i = 0; i < n; i++)
        {
            if (!g.Drop[i]) continue;
            heap.DecRef(nodes[i]);
            held[i] = false;
            if (collectionAt < g.Collections.Length && i % 3 == 0)
            {
                heap.Collect(g.Collections[collectionAt++]);
                heap.Verify();
                bool[] stillReachable = Reachable(x => held[x]);
                for (int x = 0; x < n; x++)
                {
                    if (stillReachable[x]) heap.IsAlive(nodes[x]).Should().BeTrue($"node {x} is reachable after collect({g.Collections[collectionAt - 1]})");
                }
            }
        }

        heap.Collect();
        heap.Verify();
        bool[] reachable = Reachable(x => !g.Drop[x]);
        for (int x = 0; x < n; x++)
        {
            heap.IsAlive(nodes[x]).Should().Be(reachable[x], $"node {x} ({g.Kinds[x]}) is {(reachable[x] ? "" : "un")}reachable");
            int finalizations = host.Finalized.GetValueOrDefault(nodes[x]);
            if (g.Kinds[x] == Kind.Finalizable && !reachable[x]) finalizations.Should().Be(1, $"garbage node {x} is finalized once");
            if (reachable[x]) finalizations.Should().Be(0, $"live node {x} is not finalized");
        }
        foreach ((int node, PyRef w) in weakRefs)
        {
            PyRef target = heap.WeakRefTarget(w);
            (target == heap.None).Should().Be(!reachable[node], $"weakref to node {node}");
            heap.DecRef(target);
        }
        host.Callbacks.Should().Be(weakRefs.Count(w => !reachable[w.Node]));
    }

    private static string Describe(GraphCase g) =>
        $"kinds [{string.Join(",", g.Kinds)}] edges [{string.Join(" ", g.Edges.Select(e => $"{e.From}->{e.To}"))}] " +
        $"dropped [{string.Join(",", g.Drop.Select((d, i) => d ? i : -1).Where(i => i >= 0))}] weak [{string.Join(",", g.Weak)}] collections [{string.Join(",", g.Collections)}]";

    // ---- random operation sequences ----

    private static readonly Gen<(int Op, int A, int B, int C)[]> Programs =
        Gen.Select(Gen.Int[0, 19], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000]).Array[1, 120];

    [Test]
    public void Verify_HoldsAfterEveryOperation_OfRandomPrograms()
    {
        foreach ((ulong seed, (int Op, int A, int B, int C)[] program) in Cases(Programs, 100))
        {
            int step = 0;
            try
            {
                RunProgram(program, ref step);
            }
            catch (Exception e)
            {
                throw new AssertionException($"seed {seed}, step {step} (op {program[Math.Min(step, program.Length - 1)]}): {e}", e);
            }
        }
    }

    private void RunProgram((int Op, int A, int B, int C)[] program, ref int step)
    {
        var host = new Host { Resurrect = true };
        var heap = new PyHeap(PythonProfiles.For(version), new PyHeapOptions { VerifyCollectorPhases = true }) { Callbacks = host };
        PyRef plain = heap.NewClass("C");
        PyRef finalizable = heap.NewClass("F");
        heap.SetHasFinalizer(finalizable);
        PyRef callback = heap.Owned(GenericType.New(heap, heap.Types.Function, ReadOnlySpan<int>.Empty, "cb"));
        var pool = new List<PyRef>();
        var created = new List<PyRef>();
        var weak = new List<PyRef>();

        PyRef Pick(int i) => pool[i % pool.Count];
        void Add(PyRef r)
        {
            pool.Add(r);
            created.Add(r);
        }

        for (step = 0; step < program.Length; step++)
        {
            (int op, int a, int b, int c) = program[step];
            switch (op)
            {
                case 0: Add(heap.NewList()); break;
                case 1: Add(heap.NewDict()); break;
                case 2: Add(heap.NewInstance(plain)); break;
                case 3: Add(heap.NewInstance(finalizable)); break;
                case 4:
                    Add(pool.Count == 0 ? heap.NewList() : heap.NewTuple(Pick(a), Pick(b)));
                    break;
                case 5 when pool.Count > 0 && heap.TypeName(Pick(a)) == "list":
                    heap.ListAppend(Pick(a), Pick(b));
                    break;
                case 6 when pool.Count > 0 && heap.TypeName(Pick(a)) == "dict":
                {
                    PyRef key = c % 2 == 0 ? heap.NewStr("k" + (c % 7)) : heap.NewInt(c % 7);
                    heap.DictSetItem(Pick(a), key, Pick(b));
                    heap.DecRef(key);
                    break;
                }
                case 7 when pool.Count > 0 && heap.TypeName(Pick(a)) is "C" or "F":
                    heap.SetAttr(Pick(a), "x" + (c % 4), Pick(b));
                    break;
                case 8 when pool.Count > 0 && heap.TypeName(Pick(a)) is "C" or "F":
                    if (!heap.GetAttr(Pick(a), "x" + (c % 4)).IsNull) heap.DelAttr(Pick(a), "x" + (c % 4));
                    break;
                case 9 when pool.Count > 0 && heap.TypeName(Pick(a)) == "list" && heap.ListLength(Pick(a)) > 0:
                    heap.DecRef(heap.ListPop(Pick(a), 0));
                    break;
                case 10 when pool.Count > 0:
                case 11 when pool.Count > 0:
                {
                    int i = a % pool.Count;
                    heap.DecRef(pool[i]);
                    pool.RemoveAt(i);
                    break;
                }
                case 12: heap.Collect(b % 3); break;
                case 13:
                    if (heap.FreezeCount > 0 && b % 2 == 0) heap.Unfreeze();
                    else heap.Freeze();
                    break;
                case 14 when pool.Count > 0 && heap.TypeName(Pick(a)) is "C" or "F":
                    weak.Add(heap.NewWeakRef(Pick(a), b % 2 == 0 ? callback : PyRef.Null));
                    break;
                case 15: heap.SetCollectorThresholds(1 + b % 12, 1 + c % 4, 1 + a % 4); break;
                case 16: heap.RunScheduledCollection(); break;
                case 17 when pool.Count > 0 && heap.TypeName(Pick(a)) is "C" or "F":
                    heap.GetInstanceDict(Pick(a));
                    break;
                case 18 when pool.Count > 0 && heap.TypeName(Pick(a)) == "list":
                    heap.ListClear(Pick(a));
                    break;
                case 19:
                    heap.CollectorDebug = heap.CollectorDebug == CollectorDebugFlags.None
                        ? CollectorDebugFlags.SaveAll
                        : CollectorDebugFlags.None;
                    break;
            }
            heap.RunScheduledCollection();
            heap.Verify();
        }

        // Release everything the program holds: every object it created dies.
        host.Resurrect = false;
        heap.CollectorDebug = CollectorDebugFlags.None;
        heap.Unfreeze();
        foreach (PyRef r in pool) heap.DecRef(r);
        foreach (PyRef r in weak) heap.DecRef(r);
        while (host.Saved.Count > 0)
        {
            PyRef r = host.Saved[^1];
            host.Saved.RemoveAt(host.Saved.Count - 1);
            heap.DecRef(r);
        }
        PyRef garbage = heap.Garbage;
        heap.ListClear(garbage);
        heap.Collect();
        heap.Collect();
        heap.Verify();
        foreach (PyRef r in created) heap.IsAlive(r).Should().BeFalse($"{r} was released");
        host.Finalized.Values.Should().NotContain(times => times != 1, "no object is finalized twice");
    }
}
