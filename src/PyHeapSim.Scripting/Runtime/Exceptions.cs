using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>Exception objects: instances of the built-in exception classes (or subclasses) whose
/// <c>args</c> tuple lives in a slot.</summary>
internal static class Exceptions
{
    /// <summary>A new exception instance of <paramref name="type"/> with <c>args</c> = new references to <paramref name="args"/>.</summary>
    public static int NewInstance(Interpreter interp, int type, ReadOnlySpan<int> args)
    {
        int exc = InstanceType.New(interp.Heap, type);
        int tuple = interp.NewTuple(args);
        int name = interp.Intern("args");
        InstanceType.SetAttr(interp.Heap, exc, name, tuple);
        interp.DecRef(name);
        interp.DecRef(tuple);
        return exc;
    }

    /// <summary>The <c>args</c> tuple (borrowed), or 0.</summary>
    public static int Args(Interpreter interp, int exc)
    {
        int name = interp.Intern("args");
        int args = InstanceType.GetAttr(interp.Heap, exc, name);
        interp.DecRef(name);
        return args;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="ancestor"/> or derives from it.</summary>
    public static bool IsSubclass(Interpreter interp, int type, int ancestor)
    {
        for (int t = type; t != 0; t = interp.Heap.T.TypeInfoOfType(t).Base)
        {
            if (t == ancestor) return true;
        }
        return false;
    }
}
