using PyHeapSim.Memory;
using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;

namespace PyHeapSim;

public sealed partial class PyHeap
{
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
        // getsizeof of a method / builtin method is its whole block (GC header included).
        if (FreeLists.Methods is { } methods) Park(methods, s.FreeMethods, l.BuiltinSizes["method"]);
        if (FreeLists.BuiltinMethods is { } builtins) Park(builtins, s.FreeBuiltinMethods, l.BuiltinSizes["builtin_function_or_method"]);
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
