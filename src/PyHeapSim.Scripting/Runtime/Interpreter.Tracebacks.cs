using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Compilation;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// Traceback objects and the frame objects they keep alive.
/// </summary>
/// <remarks>
/// <para>Each frame an exception passes through adds one <c>traceback</c> (<c>PyTraceBack_Here</c>) whose
/// <c>tb_frame</c> is the frame's object. ≤3.10 function frames are objects from the start
/// (<see cref="EnterHeapFrame"/>); from 3.11 a frame is made an object only when something needs one
/// (<c>_PyFrame_GetFrameObject</c>), and the module frame's object, once made, lives as long as the module code
/// runs. A frame object whose frame finishes while something else still holds it (a traceback, a callee
/// frame's <c>f_back</c>) takes over the frame's locals: they live until the frame object dies.</para>
/// <para>Frame object layout (references of the generic object): <c>[f_back]</c> while the frame runs;
/// <c>[locals…, frees…, return value, function, f_back]</c> once the object owns them, so deallocation drops
/// the locals in slot order before <c>f_back</c> (<c>frame_dealloc</c>). ≤3.10 the dying object then goes
/// back to its code's zombie slot or the free list (<see cref="FrameObjectKeeper"/>).</para>
/// </remarks>
public sealed partial class Interpreter
{
    /// <summary>
    /// <c>PyTraceBack_Here(frame)</c>, when the frame the exception is now in has not added its entry yet:
    /// a new <c>traceback</c> whose <c>tb_next</c> is the exception's <c>__traceback__</c> becomes the
    /// exception's <c>__traceback__</c>. From 3.11 this is what makes the frame an object.
    /// </summary>
    internal void TracebackHere(PyException e, Frame frame)
    {
        if (!e.TracebackPending) return;
        e.TracebackPending = false;
        int exc = e.ExceptionObject;
        if (exc == 0 || Kind(exc) != TypeKind.Instance) return;
        int slot = InstanceType.SlotIndex(T.TypeInfoOf(exc), RuntimeTypes.TracebackSlot);
        if (slot < 0) return;
        int fo = FrameObject(frame);
        int[] slots = InstanceType.Data(Heap, exc).Slots;
        // tb_create_raw takes new references to tb_next and the frame; PyException_SetTraceback then replaces
        // the exception's reference to the old head by the new one.
        int tb = TracebackType.New(Heap, Types.Traceback, slots[slot], fo, frame.Line);
        int old = slots[slot];
        slots[slot] = tb;
        XDecRef(old);
    }

    /// <summary>
    /// A bare <c>raise</c> (<c>do_raise</c> with no argument): the handled exception again, with a new reference
    /// to its object (the handler keeps its own until it ends) and its traceback as it is — no entry for this
    /// frame (<c>goto exception_unwind</c>).
    /// </summary>
    internal PyException Reraise(PyException handled)
    {
        var again = new PyException(NewRef(handled.ExceptionObject), handled.TypeName, handled.PythonMessage) { TracebackPending = false };
        again.Traceback.AddRange(handled.Traceback);
        return again;
    }

    /// <summary>
    /// The object standing for <paramref name="frame"/> (borrowed), or 0 when the frame has none (≤3.10 the
    /// module frame, which CPython made before the script). 3.11+ <c>_PyFrame_GetFrameObject</c>: made on
    /// first need, untracked, sized by the code's slots, held by the frame (<c>frame_obj</c>).
    /// </summary>
    private int FrameObject(Frame frame)
    {
        if (frame.HeapFrame != 0 || Profile.Compiler.FramesAreHeapObjects) return frame.HeapFrame;
        int block = Profile.Layout.MaterializedFrameBaseSize + 8 * FrameSlotsOf(frame.Code);
        frame.HeapFrame = GenericType.New(Heap, Types.Frame, [0], null, track: false, blockBytes: block);
        return frame.HeapFrame;
    }

    /// <summary>
    /// <c>co_nlocalsplus + co_stacksize</c>: known for comprehension codes; for other code the locals, cells and
    /// free variables plus an estimated stack of <see cref="EstimatedStackSize"/> (the compiler's stack depth of
    /// function and module bodies is not modelled).
    /// </summary>
    private static int FrameSlotsOf(CodeInfo code) =>
        code.FrameSlots > 0 ? code.FrameSlots : code.LocalNames.Length + code.FreeNames.Length + EstimatedStackSize;

    private const int EstimatedStackSize = 4;

    /// <summary>
    /// A frame finishes (returns or raises). When nothing but the frame holds its object, the frame is cleared as
    /// before (≤3.10 <c>frame_dealloc</c>: locals, then the object parks; 3.11+ <c>_PyFrame_Clear</c>: the object
    /// dies first, then the locals). Otherwise the object takes over the locals (≤3.10 the frame just stays
    /// alive, tracked; 3.11+ <c>take_ownership</c>, which links <c>f_back</c> to the caller's frame object —
    /// made now if needed — and tracks it) and the frame drops its reference.
    /// </summary>
    internal void ExitFrame(Frame frame)
    {
        int fo = frame.HeapFrame;
        if (fo == 0 || T.RefCount(fo) == 1)
        {
            if (Profile.Compiler.FramesAreHeapObjects)
            {
                ClearFrame(frame);
                return;
            }
            if (fo != 0)
            {
                frame.HeapFrame = 0;
                DecRef(fo);
            }
            ClearLocals(frame);
            return;
        }
        GenericData data = GenericType.Data(Heap, fo);
        int back = data.Refs[^1];
        if (!Profile.Compiler.FramesAreHeapObjects && frame.Back is { } caller)
        {
            back = FrameObject(caller);
            IncRef(back);
        }
        var owned = new List<int>(frame.Locals.Length + frame.Frees.Length + 3);
        foreach (int v in frame.Locals) owned.Add(v);
        foreach (int v in frame.Frees) owned.Add(v);
        owned.Add(frame.ReturnValue);
        owned.Add(frame.Function);
        owned.Add(back);
        Array.Clear(frame.Locals);
        Array.Clear(frame.Frees);
        frame.ReturnValue = 0;
        frame.Function = 0;
        data.Refs = [.. owned];
        if (Profile.Compiler.FramesAreHeapObjects) data.Host = new FrameObjectKeeper(this, frame.Code);
        if (!T.IsTracked(fo)) Heap.Gc.Track(fo);
        frame.HeapFrame = 0;
        DecRef(fo);
    }

    /// <summary>≤3.10: the end of <c>frame_dealloc</c> — the code's zombie slot, else the free list (at most 200),
    /// else false (the object is freed). The object's references must already be dropped.</summary>
    internal bool ParkFrameObject(CodeInfo code, int fo)
    {
        if (code.ZombieFrame == 0)
        {
            code.ZombieFrame = fo;
            return true;
        }
        if (_framePool.Count < MaxFreeFrames)
        {
            _framePool.Push(fo);
            return true;
        }
        return false;
    }

    /// <summary><c>PyFrame_MAXFREELIST</c>.</summary>
    private const int MaxFreeFrames = 200;

    /// <summary><c>e.__traceback__</c>: a new reference to the head of the exception's traceback, or None.</summary>
    internal int ExceptionTraceback(int exc)
    {
        int slot = InstanceType.SlotIndex(T.TypeInfoOf(exc), RuntimeTypes.TracebackSlot);
        int tb = slot < 0 ? 0 : InstanceType.Data(Heap, exc).Slots[slot];
        return NewRef(tb != 0 ? tb : None);
    }

    /// <summary>
    /// ≤3.10 host data of a frame object that took over its frame's locals: when the object dies,
    /// <c>frame_dealloc</c> drops the locals (in slot order) and <c>f_back</c>, then parks the object.
    /// </summary>
    private sealed class FrameObjectKeeper(Interpreter interp, CodeInfo code) : IHostFreeList
    {
        public bool TryPark(PyHeap heap, int o)
        {
            GenericData data = GenericType.Data(heap, o);
            int[] owned = data.Refs;
            data.Refs = [0];
            data.Host = null;
            foreach (int r in owned) interp.XDecRef(r);
            return interp.ParkFrameObject(code, o);
        }
    }
}
