namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// A Python exception in flight: carries an owned reference to the exception object (an instance of a
/// built-in exception class or a subclass) and the traceback lines collected while it unwinds.
/// </summary>
public sealed class PyException : Exception
{
    internal PyException(int exceptionObject, string typeName, string message)
        : base(typeName + (message.Length > 0 ? ": " + message : ""))
    {
        ExceptionObject = exceptionObject;
        TypeName = typeName;
        PythonMessage = message;
    }

    /// <summary>Slot of the exception object (owned by this exception while in flight).</summary>
    internal int ExceptionObject { get; set; }

    /// <summary>The exception class name (<c>type(e).__name__</c>).</summary>
    public string TypeName { get; }

    /// <summary><c>str(e)</c>.</summary>
    public string PythonMessage { get; }

    /// <summary>
    /// True while the frame the exception is now in has not yet added its traceback entry: set by a new raise
    /// and when the exception leaves a frame (the caller's call failed), cleared by
    /// <see cref="Interpreter.TracebackHere"/>. A bare <c>raise</c> and the implicit re-raise at the end of a
    /// <c>finally</c> or of unmatched handlers rethrow with it clear, as CPython jumps to
    /// <c>exception_unwind</c> past <c>PyTraceBack_Here</c> for them.
    /// </summary>
    internal bool TracebackPending { get; set; } = true;

    /// <summary>Traceback entries, outermost first once complete: (file, line, function name, source line).</summary>
    public List<TracebackEntry> Traceback { get; } = [];
}

/// <summary>One line of a traceback.</summary>
/// <param name="FileName">Script file name as given to the runner.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Function"><c>&lt;module&gt;</c> or the function name.</param>
public readonly record struct TracebackEntry(string FileName, int Line, string Function);
