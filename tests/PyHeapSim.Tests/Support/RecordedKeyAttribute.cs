namespace PyHeapSim.Tests.Support;

/// <summary>
/// Marks a test as the check of one or more <c>sequences</c> keys of the recorded <c>sizes/*.json</c>;
/// <c>RecordedSizesCoverageTests</c> fails when a recorded key has no test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RecordedKeyAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
