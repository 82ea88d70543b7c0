using System.Reflection;

namespace PyHeapSim.Tests.Objects;

/// <summary>Every recorded <c>sequences</c> key of <c>data/sizes/*.json</c> has a test marked with <see cref="RecordedKeyAttribute"/>.</summary>
public sealed class RecordedSizesCoverageTests
{
    [Test]
    public void EveryRecordedSequence_HasATest()
    {
        HashSet<string> tested = typeof(RecordedSizesCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<RecordedKeyAttribute>())
            .SelectMany(a => a.Keys)
            .ToHashSet();
        foreach (PythonProfile p in PythonProfiles.All)
        {
            RecordedSizes.For(p).SequenceKeys().Except(tested).Should().BeEmpty($"every sequence recorded for {p.Name} needs a test");
        }
    }
}
