namespace PyHeapSim.Objects.Types;

/// <summary>
/// <c>traceback</c> objects (<c>Python/traceback.c</c>): one per frame an exception passes through, made by
/// <c>PyTraceBack_Here</c> (<c>tb_create_raw</c>) and linked newest first through <c>tb_next</c>; the
/// exception's <c>__traceback__</c> holds the head. A GC type of 40 bytes on every version
/// (<c>PyObject_HEAD</c>, <c>tb_next</c>, <c>tb_frame</c>, <c>tb_lasti</c>, <c>tb_lineno</c>): a 56-byte block
/// with its GC header, which is what <c>sys.getsizeof</c> reports (measured on 3.8–3.13).
/// </summary>
/// <remarks>
/// The references are laid out as <see cref="NextRef"/>, <see cref="FrameRef"/>: <c>tb_dealloc</c> drops
/// <c>tb_next</c> before <c>tb_frame</c>, so a chain dies from its head down to the frame the exception was
/// raised in before the frames the head entries point at are released — the innermost frame's locals die
/// first. The host data is the line number (<c>tb_lineno</c>).
/// </remarks>
internal static class TracebackType
{
    /// <summary>40 bytes without the GC header: <c>sizeof(PyTracebackObject)</c> on 64-bit builds.</summary>
    public const int BasicSize = 40;

    /// <summary>Index of <c>tb_next</c> (0 = NULL: the entry of the frame the exception was raised in).</summary>
    public const int NextRef = 0;

    /// <summary>Index of <c>tb_frame</c> (0 when the frame is not modelled as an object).</summary>
    public const int FrameRef = 1;

    /// <summary><c>tb_create_raw</c>: a new, tracked traceback owning new references to <paramref name="next"/> and
    /// <paramref name="frame"/> (either may be 0).</summary>
    public static int New(PyHeap heap, int type, int next, int frame, int line) =>
        GenericType.New(heap, type, [next, frame], line);

    /// <summary><c>tb_next</c> (borrowed), or 0.</summary>
    public static int Next(PyHeap heap, int tb) => GenericType.Data(heap, tb).Refs[NextRef];

    /// <summary><c>tb_frame</c> (borrowed), or 0.</summary>
    public static int Frame(PyHeap heap, int tb) => GenericType.Data(heap, tb).Refs[FrameRef];

    /// <summary><c>tb_lineno</c>.</summary>
    public static int Line(PyHeap heap, int tb) => GenericType.Data(heap, tb).Host is int line ? line : 0;
}
