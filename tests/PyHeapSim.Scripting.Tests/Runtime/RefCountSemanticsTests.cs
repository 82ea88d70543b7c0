using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>References held where CPython holds them: names, stacks, frames, containers (cpython-facts §4.3).
/// Expected values recorded from CPython 3.8–3.13.</summary>
public sealed class RefCountSemanticsTests
{
    private static readonly PythonVersion[] Old = [PythonVersion.Py38, PythonVersion.Py39, PythonVersion.Py310];
    private static readonly PythonVersion[] New = [PythonVersion.Py311, PythonVersion.Py312, PythonVersion.Py313];
    private static readonly PythonVersion[] All = Enum.GetValues<PythonVersion>();

    private const string Args = """
        import sys
        def count(arg):
            return sys.getrefcount(arg)
        def count_local(arg):
            other = arg
            return sys.getrefcount(arg)
        data = [7, 8, 9]
        print(sys.getrefcount(data), count(data), count_local(data), count([1, 2]), sys.getrefcount(data))
        """;

    [TestCaseSource(nameof(Old))]
    public void FunctionArgument_UpTo310_CallerStackAndFrameBothHoldIt(PythonVersion v) =>
        Script.Output(Args, v).Should().Be("2 4 5 3 2\n");

    [TestCaseSource(nameof(New))]
    public void FunctionArgument_From311_ArgumentMovedIntoFrame(PythonVersion v) =>
        Script.Output(Args, v).Should().Be("2 3 4 2 2\n");

    [TestCaseSource(nameof(All))]
    public void Names_Containers_LiteralConstants(PythonVersion v)
    {
        const string src = """
            import sys
            x = []
            y = x
            holder = [x, x]
            d = {"k": x}
            t = (x,)
            print(sys.getrefcount(x))
            s = "hello world xyz"
            print(sys.getrefcount(s))
            n = 12345678
            print(sys.getrefcount(n))
            del y
            holder.pop()
            print(sys.getrefcount(x))
            """;
        Script.Output(src, v).Should().Be("7\n4\n4\n5\n");
    }

    [TestCaseSource(nameof(All))]
    public void DelThenUse_RaisesNameError_ExitStatus1(PythonVersion v)
    {
        (string o, string e, int rc) = Script.Run("x = 1\ndel x\nprint('before')\nprint(x)\n", v);
        o.Should().Be("before\n");
        rc.Should().Be(1);
        e.Should().EndWith("NameError: name 'x' is not defined\n");
    }

    [TestCaseSource(nameof(All))]
    public void Finalizers_RunWhenLastReferenceDies_AndAtExit(PythonVersion v)
    {
        const string src = """
            class T:
                def __init__(self, name):
                    self.name = name
                def __del__(self):
                    print("del", self.name)
            a = T("a")
            a = T("b")
            print("rebound")
            T("temp")
            keep = T("kept")
            print("end")
            """;
        Script.Output(src, v).Should().Be("del a\nrebound\ndel temp\nend\ndel b\ndel kept\n");
    }
}
