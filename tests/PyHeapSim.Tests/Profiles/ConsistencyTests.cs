using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace PyHeapSim.Tests.Profiles;

/// <summary>
/// House rule 2 (docs/style.md): versions are data. Production code outside <c>src/PyHeapSim/Profiles/</c>
/// reads rule fields of the profile and never asks which version it is. Tests may name versions: their
/// expected values are per-version measurements.
/// </summary>
public sealed partial class ConsistencyTests
{
    [GeneratedRegex(@"\bPythonVersion\.|\bProfile\.Version\b")]
    private static partial Regex VersionCheck();

    /// <summary>The directory holding <c>PyHeapSim.sln</c>, found by walking up from the test binaries, this
    /// source file (builds with <c>--artifacts-path</c> put the binaries outside the repository) or the
    /// working directory.</summary>
    private static string RepoRoot([CallerFilePath] string thisFile = "")
    {
        string[] starts = [TestContext.CurrentContext.TestDirectory, Path.GetDirectoryName(thisFile) ?? "", Directory.GetCurrentDirectory()];
        foreach (string start in starts)
        {
            for (DirectoryInfo? d = start.Length == 0 ? null : new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "PyHeapSim.sln"))) return d.FullName;
            }
        }
        throw new InvalidOperationException("PyHeapSim.sln not found above " + string.Join(", ", starts));
    }

    [Test]
    public void SourceOutsideProfiles_NeverChecksTheVersion()
    {
        string root = RepoRoot();
        string src = Path.Combine(root, "src");
        string profiles = Path.Combine(src, "PyHeapSim", "Profiles") + Path.DirectorySeparatorChar;
        var offenders = new List<string>();
        foreach (string file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            if (file.StartsWith(profiles, StringComparison.Ordinal)) continue;
            string rel = Path.GetRelativePath(root, file);
            string[] parts = rel.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj")) continue;
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (VersionCheck().IsMatch(lines[i])) offenders.Add($"{rel}:{i + 1}: {lines[i].Trim()}");
            }
        }
        offenders.Should().BeEmpty("version differences belong in profile fields (style rule 2)");
    }

    [Test]
    public void ScanFindsTheSourceTree()
    {
        Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "PyHeapSim", "Profiles"), "PythonProfiles.cs").Should().ContainSingle();
    }
}
