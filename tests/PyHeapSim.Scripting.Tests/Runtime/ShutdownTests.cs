using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>
/// What runs at interpreter exit and in which order (<c>Py_FinalizeEx</c>: exit hooks, the exit collection,
/// <c>finalize_modules</c>). Expected values recorded from CPython 3.8.18–3.13.0.
/// </summary>
public sealed class ShutdownTests
{
    private static readonly PythonVersion[] All = Enum.GetValues<PythonVersion>();
    private static readonly PythonVersion[] SeparateInstanceDicts = [PythonVersion.Py38, PythonVersion.Py39, PythonVersion.Py310];
    private static readonly PythonVersion[] InlineValues = [PythonVersion.Py312, PythonVersion.Py313];

    private const string ClassT = """
        class T:
            def __init__(self, name):
                self.name = name
            def __del__(self):
                print("bye", self.name)

        """;

    private static string Exit(string body, PythonVersion v) => Script.Output(ClassT + body, v).Replace('\n', ' ').TrimEnd();

    [TestCaseSource(nameof(All))]
    public void NamesFirst_ThenContainerItems_AsTheExitCollectionReorderedThem(PythonVersion v) =>
        Exit("""
            a = T("a")
            b = [T("b")]
            c = T("c")
            d = {"k": T("d")}
            e = T("e")
            """, v).Should().Be("bye a bye c bye e bye b bye d");

    [TestCaseSource(nameof(All))]
    public void FinalizersRunFromTheCollector_WhileTheNamespaceStillHoldsEverything(PythonVersion v)
    {
        const string body = """
            import gc
            class P:
                def __del__(self):
                    print(len(b), gc.is_finalized(self) if hasattr(gc, "is_finalized") else "-")
            p = P()
            b = [T("b")]
            """;
        Exit(body, v).Should().Be(v == PythonVersion.Py38 ? "1 - bye b" : "1 True bye b");
    }

    private const string Attributes = """
        b = (T("tuple"),)
        h = T("holder"); h.x = T("attr")
        l = [1, 2, T("list")]
        z = T("z")
        _p = T("_p")
        """;

    [TestCaseSource(nameof(SeparateInstanceDicts))]
    public void AttributeValue_UpTo310_ComesAfterListItems_ItsDictIsScannedLater(PythonVersion v) =>
        Exit(Attributes, v).Should().Be("bye holder bye z bye _p bye tuple bye list bye attr");

    [Test]
    public void AttributeValue_311_StaysInPlace_TheNamespaceIsInGeneration2() =>
        Exit(Attributes, PythonVersion.Py311).Should().Be("bye holder bye attr bye z bye _p bye tuple bye list");

    [TestCaseSource(nameof(InlineValues))]
    public void AttributeValue_From312_RescuedByItsOwner(PythonVersion v) =>
        Exit(Attributes, v).Should().Be("bye holder bye z bye _p bye tuple bye attr bye list");

    [TestCaseSource(nameof(All))]
    public void GcDisabled_NoExitCollection_CreationOrder(PythonVersion v) =>
        Exit(Attributes + "\nimport gc\ngc.disable()\n", v).Should().Be("bye tuple bye holder bye attr bye list bye z bye _p");

    [TestCaseSource(nameof(All))]
    public void GcCallbacks_HoldTheNamespace_NothingIsFinalized_ShutdownCollectionsCallNoCallback(PythonVersion v) =>
        Exit("""
            import gc
            def cb(phase, info):
                print(phase, info["generation"], info["collected"])
            gc.callbacks.append(cb)
            a = T("a")
            b = [T("b")]
            """, v).Should().Be("start 2 0 stop 2 0");

    [TestCaseSource(nameof(All))]
    public void ModuleKeptAliveByAFrozenCycle_ModuleClearDict_UnderscoreNamesFirst(PythonVersion v) =>
        Exit("""
            import __main__
            import gc
            a = T("a")
            b = [T("b")]
            _c = T("_c")
            p = T("p"); p.me = p
            d = {"k": T("d")}
            gc.freeze()
            e = T("e")
            _f = [T("_f")]
            """, v).Should().Be("bye _c bye _f bye a bye b bye d bye e");

    [TestCaseSource(nameof(All))]
    public void WeakrefFinalize_AtexitOnesBeforeTeardown_OthersNeverRun(PythonVersion v) =>
        Exit("""
            import weakref
            a = T("a")
            fa = weakref.finalize(a, print, "fin a")
            fa.atexit = False
            b = [T("b")]
            fb = weakref.finalize(b[0], print, "fin b")
            r = weakref.ref(b[0], lambda w: print("callback"))
            """, v).Should().Be("fin b bye a bye b");

    [TestCaseSource(nameof(All))]
    public void FinalizeRegistry_DiesWithTheWeakrefModule_AfterTheScriptsObjects_CallbackNeverRuns(PythonVersion v) =>
        Exit("""
            import weakref
            a = T("a")
            c = T("c")
            f = weakref.finalize(c, print, T("arg"))
            f.atexit = False
            b = [T("b")]
            """, v).Should().Be("bye a bye c bye b bye arg");

    [TestCaseSource(nameof(All))]
    public void UncaughtException_LivesThroughExitHooks_ArgumentsDieBeforeTheRaisingFramesLocals(PythonVersion v)
    {
        const string body = """
            import weakref
            def fail():
                local = T("local")
                raise ValueError(T("arg"))
            a = T("a")
            weakref.finalize(a, print, "fin a")
            fail()
            """;
        (string stdout, _, int rc) = Script.Run(ClassT + body, v);
        (stdout.Replace('\n', ' ').TrimEnd(), rc).Should().Be(("fin a bye arg bye local bye a", 1));
    }

    [TestCaseSource(nameof(All))]
    public void SystemExit_NoTraceback_CodeIsTheStatus_ThenShutdown(PythonVersion v)
    {
        (string stdout, string stderr, int rc) = Script.Run(ClassT + "import sys\na = T(\"a\")\nsys.exit(3)\n", v);
        (stdout, stderr, rc).Should().Be(("bye a\n", "", 3));
        Script.Run("import sys\nsys.exit('msg')\n", v).Should().Be(("", "msg\n", 1));
        Script.Run("raise SystemExit\n", v).Should().Be(("", "", 0));
    }
}
