namespace PyHeapSim;

/// <summary>
/// What the heap asks of whoever runs Python code on it (the script runtime, or a test): calling a
/// class's <c>__del__</c> and a weak reference's callback. Neither is on the hot path: they run only
/// for objects whose class has a finalizer or that have weak references with callbacks.
/// </summary>
public interface IHeapCallbacks
{
    /// <summary>Runs the finalizer (<c>__del__</c>) of <paramref name="obj"/>. The heap holds a temporary
    /// reference during the call; if the finalizer stores the object somewhere, it is resurrected.</summary>
    void RunFinalizer(PyHeap heap, PyRef obj);

    /// <summary>Calls <paramref name="callback"/> with the (already cleared) weak reference <paramref name="weakRef"/>.</summary>
    void RunWeakRefCallback(PyHeap heap, PyRef callback, PyRef weakRef);
}
