using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>
/// <c>multiarray.copyto(dst, src, casting=…)</c> as NumPy's Python code calls it (<c>np.ones</c>): the
/// <c>__array_function__</c> dispatch wrapper that <c>array_function_dispatch</c> puts around the C function
/// (<c>numpy/core/overrides.py</c>, 1.24), then <c>array_copyto</c> itself.
/// </summary>
/// <remarks>
/// The wrapper is <c>def public_api(*args, **kwargs)</c>; its first line, <c>dispatcher(*args, **kwargs)</c>,
/// copies the keyword dict (<c>BUILD_MAP</c> + <c>DICT_MERGE</c>: <c>clone_combined_dict_keys</c> allocates a new
/// keys table while the callee's own <c>**kwargs</c> dict took one from the free list). Both tables are parked
/// on the dict-keys free list when the call ends, so until that list is full every call leaves one more
/// table there: the 120 bytes (3.11) that each <c>np.ones</c> keeps.
/// </remarks>
internal static class NdCopyto
{
    /// <summary>Calls the wrapper with <c>(dst, src)</c> and one keyword; <paramref name="src"/> is stolen.</summary>
    public static void FromPython(Interpreter interp, int dst, int src, string keyword, string value)
    {
        PyHeap heap = interp.Heap;
        // The wrapper's frame: *args as a tuple, **kwargs as a new dict (the keyword and its value are
        // constants of the caller's code, interned).
        int args = interp.NewTuple([dst, src]);
        interp.DecRef(src);
        int key = interp.Intern(keyword);
        int val = interp.Intern(value);
        int kwargs = DictType.New(heap);
        DictType.SetItem(heap, kwargs, key, val);
        int relevant = 0;
        try
        {
            relevant = CallDispatcher(interp, args, kwargs, key);
            // implement_array_function(implementation, public_api, relevant_args, args, kwargs) is METH_VARARGS:
            // its arguments are packed in a 5-tuple. Neither an exact ndarray nor a Python scalar overrides
            // __array_function__, so it calls implementation(*args, **kwargs) with the same tuple and dict.
            int packed = interp.NewTuple([interp.None, interp.None, relevant, args, kwargs]);
            try
            {
                ArrayCopyto(interp, dst, TupleType.Items(heap, args)[1], keyword);
            }
            finally
            {
                interp.DecRef(packed);
            }
        }
        finally
        {
            // The wrapper returns: its frame drops args, kwargs and relevant_args.
            interp.DecRef(args);
            interp.DecRef(kwargs);
            if (relevant != 0) interp.DecRef(relevant);
            interp.DecRef(key);
            interp.DecRef(val);
        }
    }

    /// <summary>
    /// <c>relevant_args = dispatcher(*args, **kwargs)</c>: the keyword dict is merged into a new one, then
    /// <c>PyObject_Call</c> of the Python dispatcher unpacks it (<c>_PyStack_UnpackDict</c>: an argument array of
    /// 1 + nargs + nkwargs pointers and a kwnames tuple), and the dispatcher returns <c>(dst, src, where)</c>.
    /// </summary>
    private static int CallDispatcher(Interpreter interp, int args, int kwargs, int key)
    {
        PyHeap heap = interp.Heap;
        int merged = DictType.New(heap);
        DictType.Merge(heap, merged, kwargs);
        int nargs = TupleType.Items(heap, args).Length;
        long stackBytes = 8L * (1 + nargs + DictType.Count(heap, merged));
        long stack = heap.Memory.Malloc(stackBytes);
        int kwnames = interp.NewTuple([key]);
        ReadOnlySpan<int> items = TupleType.Items(heap, args);
        int relevant = interp.NewTuple([items[0], items[1], interp.None]);
        interp.DecRef(kwnames);
        heap.Memory.Free(stack, stackBytes);
        interp.DecRef(merged);
        return relevant;
    }

    /// <summary>
    /// <c>array_copyto</c>: <c>PyArg_ParseTupleAndKeywords</c> converts <c>src</c> with <c>PyArray_Converter</c>
    /// (a Python scalar becomes a new 0-d array: object and 8 data bytes, no dimensions block), looks the
    /// keyword up by a temporary str made from the C name, assigns the scalar to every element of
    /// <paramref name="dst"/> (<c>PyArray_AssignRawScalar</c>, a stack buffer for the cast value), then drops
    /// the 0-d array.
    /// </summary>
    private static void ArrayCopyto(Interpreter interp, int dst, int src, string keyword)
    {
        int src0d = NdArrays.NewScalarArray(interp, src);
        try
        {
            int name = interp.NewStr(keyword);
            interp.DecRef(name);
            NdArrays.FillWritten(interp, dst);
        }
        finally
        {
            interp.DecRef(src0d);
        }
    }
}
