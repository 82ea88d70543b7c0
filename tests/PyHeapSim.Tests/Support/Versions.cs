using PyHeapSim.Profiles;

namespace PyHeapSim.Tests.Support;

/// <summary>Test sources: every supported version.</summary>
public static class Versions
{
    public static IEnumerable<PythonVersion> All => Enum.GetValues<PythonVersion>();

    public static PyHeap Heap(PythonVersion v) => new(PythonProfiles.For(v));
}
