using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Scripting.Syntax;

namespace PyHeapSim.Scripting.Tests.Syntax;

/// <summary>
/// Every script of the conformance corpus (<c>tests/PyHeapSim.Conformance.Tests/corpus/cases</c>)
/// parses. The corpus is found from the test assembly by walking up to the folder that holds
/// <c>PyHeapSim.sln</c>; without it the test is ignored.
/// </summary>
[TestFixture]
public class CorpusParseTests
{
    private static readonly string? CasesDirectory = FindCasesDirectory();

    private static IEnumerable<TestCaseData> Cases()
    {
        if (CasesDirectory is null)
        {
            yield return new TestCaseData(string.Empty).SetArgDisplayNames("corpus not found")
                .Ignore("tests/PyHeapSim.Conformance.Tests/corpus/cases was not found above the test assembly");
            yield break;
        }

        foreach (string path in Directory.GetFiles(CasesDirectory, "*.py").Order(StringComparer.Ordinal))
        {
            yield return new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void ParseModule_CorpusScript_Parses(string path)
    {
        string source = File.ReadAllText(path);
        Action parse = () => Parser.ParseModule(source, Path.GetFileName(path));
        parse.Should().NotThrow();
    }

    private static string? FindCasesDirectory()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PyHeapSim.sln")))
            {
                string cases = Path.Combine(directory.FullName, "tests", "PyHeapSim.Conformance.Tests", "corpus", "cases");
                return Directory.Exists(cases) ? cases : null;
            }
        }

        return null;
    }
}
