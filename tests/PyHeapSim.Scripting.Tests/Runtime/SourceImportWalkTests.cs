using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>
/// <c>import weakref</c> and the garbage cycle <c>types.py</c> leaves (<c>class _C</c>, 7 objects), freed by an
/// automatic collection during the import or by the script's first one (<c>SourceImportWalk</c>).
/// Expected values recorded from CPython 3.8.18–3.13.0.
/// </summary>
public sealed class SourceImportWalkTests
{
    private static readonly PythonVersion[] All = Enum.GetValues<PythonVersion>();

    /// <summary>At the top of a script: 3.9's start-up count puts the import's collection before the class,
    /// 3.10's and 3.12's after <c>del _C</c>; 3.13's never passes threshold 2000; 3.8 and 3.11 make no class.</summary>
    [TestCase(PythonVersion.Py38, "0 0")]
    [TestCase(PythonVersion.Py39, "7 0")]
    [TestCase(PythonVersion.Py310, "0 0")]
    [TestCase(PythonVersion.Py311, "0 0")]
    [TestCase(PythonVersion.Py312, "0 0")]
    [TestCase(PythonVersion.Py313, "7 0")]
    public void FirstCollectAfterImportWeakref_FindsTypesClassWhereNoCollectionFreedIt(PythonVersion v, string expected) =>
        Script.Output("import gc\nimport weakref\nprint(gc.collect(), gc.collect())\n", v).Should().Be(expected + "\n");

    [TestCase(PythonVersion.Py38, "0")]
    [TestCase(PythonVersion.Py39, "0")]
    [TestCase(PythonVersion.Py310, "0")]
    [TestCase(PythonVersion.Py311, "0")]
    [TestCase(PythonVersion.Py312, "0")]
    [TestCase(PythonVersion.Py313, "7")]
    public void ImportAfterFullCollection_FreesTheClassDuringTheImportBefore313(PythonVersion v, string expected) =>
        Script.Output("import gc\ngc.collect()\nimport weakref\nprint(gc.collect())\n", v).Should().Be(expected + "\n");

    /// <summary>With automatic collection off the cycle is always left, in generation 0.</summary>
    [TestCaseSource(nameof(All))]
    public void ImportWithCollectorDisabled_LeavesTheCycleInGeneration0(PythonVersion v)
    {
        string expected = v is PythonVersion.Py38 or PythonVersion.Py311 ? "0 0" : "7 0";
        Script.Output("import gc\ngc.disable()\nimport weakref\nprint(gc.collect(0), gc.collect())\n", v).Should().Be(expected + "\n");
    }
}
