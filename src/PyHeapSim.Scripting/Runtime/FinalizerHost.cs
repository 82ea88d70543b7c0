using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>Runs <c>__del__</c> and weakref callbacks for the heap, printing "Exception ignored in" like
/// CPython's <c>PyErr_WriteUnraisable</c> when they raise.</summary>
internal sealed class FinalizerHost(Interpreter interp) : IHeapCallbacks
{
    public void RunFinalizer(PyHeap heap, PyRef obj)
    {
        int o = obj.Index;
        int del = interp.LookupSpecial(o, "__del__");
        if (del == 0) return;
        try
        {
            int r = interp.CallMethod(del, o, []);
            interp.DecRef(r);
        }
        catch (PyException e)
        {
            interp.WriteUnraisable(e, "Exception ignored in: " + interp.SafeRepr(del, o));
        }
        finally
        {
            interp.DecRef(del);
        }
    }

    public void RunWeakRefCallback(PyHeap heap, PyRef callback, PyRef weakRef)
    {
        try
        {
            int r = interp.Call(callback.Index, [weakRef.Index], KeywordArguments.None);
            interp.DecRef(r);
        }
        catch (PyException e)
        {
            interp.WriteUnraisable(e, "Exception ignored in: " + interp.Repr(callback.Index));
        }
    }
}
