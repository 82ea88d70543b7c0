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
    public void SeedStartupFreeLists() => SetFreeListCensus(Profile.Startup.Census);

    /// <summary>
    /// Brings the free lists to <paramref name="census"/> (counts the script runtime knows CPython reaches, e.g.
    /// after importing a module written in Python: <see cref="StartupState.AfterSourceImports"/>): extra parked
    /// blocks are freed, missing ones allocated and parked. Null counts leave their free list alone. Run
    /// between statements, before the script traces anything, so none of it is traced.
    /// </summary>
    public void SetFreeListCensus(FreeListCensus census)
    {
        ArgumentNullException.ThrowIfNull(census);
        ObjectLayout l = Profile.Layout;
        Adjust(FreeLists.Lists, census.Lists, l.GcHeaderSize + l.ListBasicSize);
        Adjust(FreeLists.Dicts, census.Dicts, l.GcHeaderSize + l.DictBasicSize);
        Adjust(FreeLists.Floats, census.Floats, l.FloatSize);
        if (census.Methods is int m && FreeLists.Methods is { } methods) Adjust(methods, m, l.BuiltinSizes["method"]);
        if (census.BuiltinMethods is int b && FreeLists.BuiltinMethods is { } builtins)
            Adjust(builtins, b, l.BuiltinSizes["builtin_function_or_method"]);
        int entry = l.DictUnicodeEntries ? 16 : 24;
        if (census.DictKeys is int k) Adjust(FreeLists.DictKeys, k, l.DictKeysHeaderSize + 8 + DictType.UsableFraction(8) * entry);
        for (int n = 0; n < census.Tuples.Count; n++)
        {
            FreeLists.BlockStack? stack = FreeLists.Tuples(n + 1);
            if (stack is not null) Adjust(stack, census.Tuples[n], TupleType.BlockBytes(this, n + 1));
        }
    }

    private void Adjust(FreeLists.BlockStack stack, int count, int bytes)
    {
        count = Math.Min(count, stack.Capacity);
        while (stack.Count > count && stack.TryPop(out long address)) Memory.Free(address, bytes);
        Park(stack, count - stack.Count, bytes);
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
