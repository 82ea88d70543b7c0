using PyHeapSim.Scripting.Compilation;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// Host data of a Python function object. The object's references are laid out as
/// <see cref="CodeRef"/>, <see cref="GlobalsRef"/>, <see cref="DefaultsRef"/>, <see cref="ClosureRef"/>,
/// <see cref="NameRef"/> (0 = NULL), as <c>PyFunctionObject</c> holds them.
/// </summary>
internal sealed record FunctionInfo(CodeInfo Code)
{
    public const int CodeRef = 0;
    public const int GlobalsRef = 1;
    public const int DefaultsRef = 2;
    public const int ClosureRef = 3;
    public const int NameRef = 4;
    public const int RefCount = 5;
}

/// <summary>Host data of a generator object: the suspended evaluation and its frame, which owns the
/// generator's locals (its iterator among them) until the generator is exhausted or dies.</summary>
internal sealed class GeneratorState(Interpreter interp, Frame frame, IEnumerator<int> steps) : IHostIterator, PyHeapSim.Objects.IHostReferences
{
    public Frame Frame { get; } = frame;
    public bool Finished { get; private set; }

    public int Next(Interpreter i, int self)
    {
        if (Finished) return 0;
        Frame? saved = i.CurrentFrame;
        i.CurrentFrame = Frame;
        try
        {
            if (steps.MoveNext()) return steps.Current;
        }
        catch
        {
            Finish();
            throw;
        }
        finally
        {
            i.CurrentFrame = saved;
        }
        Finish();
        return 0;
    }

    private void Finish()
    {
        if (Finished) return;
        Finished = true;
        steps.Dispose();
        interp.ExitFrame(Frame);
    }

    public void Release(PyHeap heap) => Finish();
}
