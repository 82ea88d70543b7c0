using PyHeapSim.Memory;
using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;

namespace PyHeapSim;

public sealed partial class PyHeap
{
    /// <summary>
    /// Sets <c>gc.get_count()</c> to what a fresh interpreter of this version shows when a script's first
    /// statement runs (<see cref="StartupState.GcCounts"/>), so the script's automatic collections come when
    /// CPython's do. A script runtime calls this once, just before running the script's code.
    /// </summary>
    public void SeedStartupCounts()
    {
        IReadOnlyList<int> c = Profile.Startup.GcCounts;
        for (int g = 0; g < c.Count && g < 3; g++) Gc.SetCount(g, c[g]);
    }

    /// <summary>
    /// Parks blocks on the free lists as a fresh interpreter of this version has them when a script starts
    /// (<see cref="PythonProfile.Startup"/>). A script runtime calls this once, after building its own
    /// startup objects; the blocks count as allocated (as in CPython) and are not traced.
    /// </summary>
    public void SeedStartupFreeLists()
    {
        StartupState s = Profile.Startup;
        ObjectLayout l = Profile.Layout;
        Park(FreeLists.Lists, s.FreeLists, l.GcHeaderSize + l.ListBasicSize);
        Park(FreeLists.Dicts, s.FreeDicts, l.GcHeaderSize + l.DictBasicSize);
        Park(FreeLists.Floats, s.FreeFloats, l.FloatSize);
        int entry = l.DictUnicodeEntries ? 16 : 24;
        Park(FreeLists.DictKeys, s.FreeDictKeys, l.DictKeysHeaderSize + 8 + DictType.UsableFraction(8) * entry);
        for (int k = 0; k < s.FreeTuples.Count; k++)
        {
            FreeLists.BlockStack? stack = FreeLists.Tuples(k + 1);
            if (stack is not null) Park(stack, s.FreeTuples[k], TupleType.BlockBytes(this, k + 1));
        }
    }

    private void Park(FreeLists.BlockStack stack, int count, int bytes)
    {
        for (int i = 0; i < count; i++)
        {
            long address = Memory.Malloc(bytes);
            if (!stack.TryPush(address, bytes))
            {
                Memory.Free(address, bytes);
                return;
            }
        }
    }
}
