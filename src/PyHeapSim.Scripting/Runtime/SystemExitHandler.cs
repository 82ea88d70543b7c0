using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// <c>handle_system_exit</c> (Python/pythonrun.c): an uncaught <c>SystemExit</c> prints no traceback; its
/// code decides the exit status — none or <c>None</c>: 0; an int: that int (the OS keeps its low 8 bits);
/// anything else is printed to stderr and the status is 1. Then <c>Py_Exit</c> finalizes as usual.
/// </summary>
internal static class SystemExitHandler
{
    /// <summary>The exit status for <paramref name="e"/>, or null when it is not a <c>SystemExit</c>.</summary>
    internal static int? ExitStatus(Interpreter interp, PyException e)
    {
        int exc = e.ExceptionObject;
        if (exc == 0 || !Exceptions.IsSubclass(interp, interp.T.TypeOf(exc), interp.Types.ExceptionType("SystemExit"))) return null;
        int args = Exceptions.Args(interp, exc);
        // SystemExit.code: args[0] with one argument, the args tuple with several, None with none.
        int code = args == 0 || interp.Kind(args) != TypeKind.Tuple ? interp.None
            : TupleType.Items(interp.Heap, args).Length switch { 0 => interp.None, 1 => TupleType.Items(interp.Heap, args)[0], _ => args };
        if (code == interp.None) return 0;
        if (interp.Kind(code) == TypeKind.Bool) return code == interp.Heap.TrueObj ? 1 : 0;
        if (interp.Kind(code) == TypeKind.Int) return (int)(IntType.Value(interp.Heap, code) & 0xff);
        interp.Stderr.WriteLine(interp.Str(code));
        return 1;
    }
}
