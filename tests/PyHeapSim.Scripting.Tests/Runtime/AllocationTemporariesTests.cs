using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>
/// Temporaries behind tracemalloc peaks: builtin_sum's C total, generator expressions as calls (function,
/// frame, generator with embedded frame slots), the frame free list, long arithmetic block sizes, the 3.9
/// keys free list. Expected values recorded from CPython 3.8.18 … 3.13.0.
/// </summary>
public sealed class AllocationTemporariesTests
{
    private const string Phase = """
        import gc
        import tracemalloc
        gc.disable()
        base = 0
        total = 0
        cur = 0
        peak = 0
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        total = STMT
        cur = tracemalloc.get_traced_memory()[0] - base
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
        print(cur, peak)
        """;

    private static string Measure(string expression, PythonVersion v) => Script.Output(Phase.Replace("STMT", expression), v).Trim();

    // Current: the result (PyLong_FromLong, 32 bytes in 3.11; PyLong_FromSsize_t, 28, from 3.12). Peak: range + its
    // length int + range iterator + one item; the result is boxed after the iterator dies.
    [TestCase(PythonVersion.Py38, "28 152")]
    [TestCase(PythonVersion.Py39, "28 152")]
    [TestCase(PythonVersion.Py310, "28 152")]
    [TestCase(PythonVersion.Py311, "32 160")]
    [TestCase(PythonVersion.Py312, "28 152")]
    [TestCase(PythonVersion.Py313, "28 152")]
    public void SumOfRange_KeepsTheTotalInACVariable(PythonVersion v, string want) =>
        Measure("sum(range(300))", v).Should().Be(want);

    // Peak: the genexpr function + range iterator + generator (≤3.10 the frame comes from the free list).
    [TestCase(PythonVersion.Py38, "0 296")]
    [TestCase(PythonVersion.Py39, "0 296")]
    [TestCase(PythonVersion.Py310, "0 296")]
    [TestCase(PythonVersion.Py311, "0 400")]
    [TestCase(PythonVersion.Py312, "0 392")]
    [TestCase(PythonVersion.Py313, "0 392")]
    public void SumOfGeneratorExpression_FunctionIteratorAndGenerator(PythonVersion v, string want) =>
        Measure("sum(x for x in range(0))", v).Should().Be(want);

    [TestCase("(x for x in L)", 112, 112, 104, 200, 192, 192)]
    [TestCase("(1 + (2 + x * 3) for x in L)", 112, 112, 104, 224, 216, 216)]
    [TestCase("(max(x, key=abs) for x in L)", 112, 112, 104, 224, 216, 224)]
    [TestCase("(x and 1 for x in L)", 112, 112, 104, 200, 200, 200)]
    [TestCase("(0 < x < 1 for x in L)", 112, 112, 104, 216, 208, 208)]
    [TestCase("(x + z for x in L for z in L)", 112, 112, 104, 224, 216, 216)]
    [TestCase("([x, x, x] for x in L)", 112, 112, 104, 216, 208, 208)]
    [TestCase("(a + b for a, b in P)", 112, 112, 104, 216, 208, 208)]
    [TestCase("([y for y in L] for x in L)", 112, 112, 104, 208, 224, 224)]
    public void GeneratorSize_FollowsLocalsAndStackDepthFrom311(string genexpr, int s38, int s39, int s310, int s311, int s312, int s313)
    {
        int[] want = [s38, s39, s310, s311, s312, s313];
        foreach (PythonVersion v in Enum.GetValues<PythonVersion>())
        {
            string src = "import sys\nL = [1]\nP = [(1, 2)]\nprint(sys.getsizeof(" + genexpr + "))\n";
            Script.Output(src, v).Should().Be(want[(int)v] + "\n", $"{genexpr} on {v}");
        }
    }

    // ≤3.10: five frames are free after `import tracemalloc`; the sixth new comprehension code allocates its frame.
    [TestCase(PythonVersion.Py38, 424)]
    [TestCase(PythonVersion.Py39, 424)]
    [TestCase(PythonVersion.Py310, 416)]
    public void ComprehensionFrames_ComeFromTheFreeListUntilItIsEmpty(PythonVersion v, int newFrame)
    {
        var src = new System.Text.StringBuilder("import gc\nimport tracemalloc\ngc.disable()\nbase = 0\nkept = None\nr = [0] * 7\n");
        for (int i = 0; i < 7; i++)
        {
            src.Append("tracemalloc.start()\nbase = tracemalloc.get_traced_memory()[0]\nkept = [x for x in range(0)]\n");
            src.Append($"r[{i}] = tracemalloc.get_traced_memory()[0] - base\ntracemalloc.stop()\n");
        }
        src.Append("print(r)\n");
        string want = $"[0, 0, 0, 0, 0, {newFrame}, {newFrame}]\n";
        Script.Output(src.ToString(), v).Should().Be(want);
    }

    // x_add asks for three digits for 2**31 (36 bytes); getsizeof reports the two in use.
    [TestCase(PythonVersion.Py38, "36 32")]
    [TestCase(PythonVersion.Py311, "36 32")]
    [TestCase(PythonVersion.Py313, "36 32")]
    public void IntAddition_TracesTheUnnormalisedBlock(PythonVersion v, string want)
    {
        const string src = """
            import sys
            import tracemalloc
            a = 2 ** 30
            r = None
            base = 0
            tracemalloc.start()
            base = tracemalloc.get_traced_memory()[0]
            r = a + a
            print(tracemalloc.get_traced_memory()[0] - base, sys.getsizeof(r))
            """;
        Script.Output(src, v).Trim().Should().Be(want);
    }

    // 3.9 starts with four parked 8-slot keys tables (3.8 and 3.10 with none): the first dicts' keys are free.
    [TestCase(PythonVersion.Py38, "168 168 168")]
    [TestCase(PythonVersion.Py39, "0 0 168")]
    [TestCase(PythonVersion.Py310, "168 168 168")]
    public void DictKeysFreeList_AtStartup(PythonVersion v, string want)
    {
        const string src = """
            import gc
            import tracemalloc
            gc.disable()
            tracemalloc.start()
            res = [0] * 8
            keep = [None] * 8
            t0 = 0
            t1 = 0
            i = 0
            for i in range(8):
                t0 = tracemalloc.get_traced_memory()[0]
                keep[i] = {"a": None}
                t1 = tracemalloc.get_traced_memory()[0]
                res[i] = t1 - t0
            print(res[2], res[3], res[4])
            """;
        Script.Output(src, v).Trim().Should().Be(want);
    }

    [TestCase(PythonVersion.Py311, "0.9999999999999999")]
    [TestCase(PythonVersion.Py312, "1.0")]
    public void SumOfFloats_CompensatedFrom312(PythonVersion v, string want) =>
        Script.Output("print(sum([0.1] * 10))\n", v).Trim().Should().Be(want);
}
