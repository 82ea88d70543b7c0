using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>The README's main command runs docs/examples/leccion_4_1.py; it must run on every version and print
/// the figures the real interpreters print (checked against CPython 3.8–3.13 with numpy's three printed values).</summary>
public sealed class SeedLessonTests
{
    /// <summary>The lesson is copied next to the test assembly from docs/examples (see the csproj).</summary>
    private static string LessonPath() => Path.Combine(TestContext.CurrentContext.TestDirectory, "examples", "leccion_4_1.py");

    [TestCase(PythonVersion.Py38, 88, 360, 48, 8697456)]
    [TestCase(PythonVersion.Py310, 88, 360, 48, 8448728)]
    [TestCase(PythonVersion.Py311, 88, 272, 56, 8448728)]
    [TestCase(PythonVersion.Py313, 88, 272, 48, 8448728)]
    public void SeedLesson_RunsToTheEnd_WithTheVersionsFigures(PythonVersion v, int listOfOne, int dictOfSix, int instance, int bigList)
    {
        string output = Script.Output(File.ReadAllText(LessonPath()), v);
        output.Should().Contain("después de a = None: 2\n");
        output.Should().Contain($"con 1 elementos: {listOfOne} bytes\n");
        output.Should().Contain($"con 6 claves: {dictOfSix}\n");
        output.Should().Contain($"tamaño del objeto: {instance}\n");
        output.Should().Contain("NameError: name 'x' is not defined\n");
        output.Should().Contain($"lista grande: {bigList} bytes\n");
        output.Should().EndWith("fin de la lección\n");
    }
}
