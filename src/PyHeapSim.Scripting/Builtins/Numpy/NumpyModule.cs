using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>
/// A stand-in for <c>numpy</c> (modelled on NumPy 1.24): <c>zeros</c>, <c>ones</c>, <c>empty</c>, <c>arange</c>
/// make an <c>ndarray</c> (not a GC object, 96-byte basic size) with a dimensions/strides block and a data
/// block from NumPy's caches (<see cref="NpyAllocator"/>); indexing and basic slicing make views that share
/// the data and reference the array that owns it. <c>sys.getsizeof</c> = basicsize + 16 × ndim + owned data
/// (<c>array_sizeof</c>; cpython-facts §6.4).
/// </summary>
internal static class NumpyModule
{
    public static void Register(Interpreter interp)
    {
        int m = interp.NewModule("numpy", fromSource: true);
        interp.ModuleDef(m, "zeros", (i, a, k) => NdArrays.Zeros(i, a, k));
        interp.ModuleDef(m, "ones", (i, a, k) => NdArrays.Ones(i, a, k));
        interp.ModuleDef(m, "empty", (i, a, k) => NdArrays.Empty(i, a, k));
        interp.ModuleDef(m, "arange", (i, a, k) => NdArrays.Arange(i, a, k));
        interp.ModuleSet(m, "ndarray", interp.Types.NdArray);
        ((ModuleInfo)GenericType.Data(interp.Heap, m).Host!).OnFirstImport = Import;
    }

    /// <summary>What <c>import numpy</c> leaves behind that later allocations see: the allocator's caches.</summary>
    private static void Import(Interpreter interp)
    {
        var allocator = new NpyAllocator(interp.Heap);
        allocator.FillAtImport();
        interp.Numpy = allocator;
    }
}
