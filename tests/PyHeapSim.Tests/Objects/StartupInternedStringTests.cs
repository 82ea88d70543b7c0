namespace PyHeapSim.Tests.Objects;

/// <summary>
/// <c>t = sys.intern(s)</c> for a string built at run time that equals one CPython 3.12/3.13 interned
/// before the script started: a statically allocated identifier (<c>_Py_ID(append)</c>, 3.13's
/// <c>_Py_STR(utf_8)</c>), a name in the code of a start-up module (<c>other</c>), or a string 3.13
/// interned mortal at start-up (<c>width</c>, <c>isdigit</c>), whose count includes start-up holders.
/// Expected values: <c>s = 'dneppa'[::-1]; t = sys.intern(s); print(t is s, sys.getrefcount(t))</c> on
/// 3.12.1 and 3.13.0.
/// </summary>
public sealed class StartupInternedStringTests
{
    private const long Immortal = 4294967295;

    [TestCase(PythonVersion.Py312, "append", false, Immortal)]
    [TestCase(PythonVersion.Py313, "append", false, Immortal)]
    [TestCase(PythonVersion.Py312, "utf-8", true, Immortal)]
    [TestCase(PythonVersion.Py313, "utf-8", false, Immortal)]
    [TestCase(PythonVersion.Py312, "other", false, Immortal)]
    [TestCase(PythonVersion.Py313, "other", false, Immortal)]
    [TestCase(PythonVersion.Py312, "width", false, Immortal)]
    [TestCase(PythonVersion.Py313, "width", false, 4)]
    [TestCase(PythonVersion.Py313, "isdigit", false, 8)]
    [TestCase(PythonVersion.Py312, "identifier_like_q", true, Immortal)]
    [TestCase(PythonVersion.Py313, "identifier_like_q", true, 3)]
    public void Intern_RuntimeStringEqualToAStartupString_ReturnsThatString(PythonVersion version, string text, bool same, long count)
    {
        PyHeap heap = Versions.Heap(version);
        PyRef s = heap.NewStr(text);
        PyRef t = heap.Intern(s);
        (t == s).Should().Be(same);
        heap.GetRefCount(t).Should().Be(count);
        heap.DecRef(t);
        heap.DecRef(s);
        heap.Verify();
    }

    [Test]
    public void Intern_StartupMortalString_DropsBackToItsStartupHolders()
    {
        PyHeap heap = Versions.Heap(PythonVersion.Py313);
        PyRef t1 = heap.Intern(heap.NewStr("width"));
        PyRef t2 = heap.Intern(heap.NewStr("width"));
        t2.Should().Be(t1);
        heap.GetRefCount(t1).Should().Be(5);
        heap.DecRef(t2);
        heap.DecRef(t1);
        heap.IsAlive(t1).Should().BeTrue("start-up objects still hold it");
        heap.Verify();
    }

    [Test]
    public void StaticTables_AreThoseOfEachVersion()
    {
        // _Py_ID(append) is static in both; _Py_STR(utf_8) is interned at start-up only from 3.13.
        PythonProfiles.Py312.RefCounts.StaticInternedStrings.Should().Contain("append").And.NotContain("utf-8");
        PythonProfiles.Py313.RefCounts.StaticInternedStrings.Should().Contain(["append", "utf-8", "<module>"]);
        PythonProfiles.Py311.RefCounts.StaticInternedStrings.Should().BeEmpty();
        PythonProfiles.Py313.RefCounts.StartupMortalStrings["isdigit"].Should().Be(6);
    }
}
