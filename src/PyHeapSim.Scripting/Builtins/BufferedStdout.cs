using System.Text;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>
/// <c>sys.stdout</c> as CPython has it when stdout is a pipe or a file (as the corpus is recorded): an
/// <c>io.TextIOWrapper</c> without line buffering or write-through over a <c>BufferedWriter</c>. Only what
/// is visible from a script is modelled, all of it in <c>Modules/_io/textio.c</c>
/// (<c>_io_TextIOWrapper_write_impl</c>, <c>_textiowrapper_writeflush</c>) and
/// <c>Objects/fileobject.c</c> (<c>PyFile_WriteObject</c>):
/// <list type="bullet">
/// <item>every write looks up the bound built-in method <c>write</c> (a GC object, freed after the call;
/// 3.8 takes and parks it on the built-in-method free list);</item>
/// <item>the wrapper keeps the written text as <em>pending bytes</em>: the str itself when it is ASCII
/// and at most a chunk long, otherwise its UTF-8 encoding as a bytes object; a second pending piece turns
/// the pending object into a list (<c>PyList_New(2)</c>: a GC allocation unless a list is parked), later
/// pieces are appended to it;</item>
/// <item>when the pending bytes reach the chunk size (8192) they are joined into one bytes object and
/// handed to the buffer, and the list dies (parked on the list free list when there is room).</item>
/// </list>
/// The <c>BufferedWriter</c> under the wrapper (<c>Modules/_io/bufferedio.c</c>) copies what fits into its
/// 4096-byte buffer; otherwise it writes its buffer and then the data to the raw file, each raw write
/// through a memoryview over a managed buffer (two GC objects, freed at once, which can still start an
/// automatic collection). The text itself reaches the host's writer at once.
/// </summary>
internal sealed class BufferedStdout
{
    private readonly Interpreter _interp;
    private readonly StdioRules _rules;

    /// <summary><c>self-&gt;pending_bytes</c>: 0 (NULL), a str, a bytes object or a list of them (owned).</summary>
    private int _pending;

    /// <summary><c>self-&gt;pending_bytes_count</c>: bytes held by <see cref="_pending"/>.</summary>
    private long _pendingCount;

    /// <summary>Bytes in the BufferedWriter's buffer not yet written to the raw file.</summary>
    private long _buffered;

    public BufferedStdout(Interpreter interp)
    {
        _interp = interp;
        _rules = interp.Profile.Stdio;
    }

    private PyHeap Heap => _interp.Heap;

    /// <summary>
    /// <c>PyFile_WriteObject(v, stdout, Py_PRINT_RAW)</c>: binds <c>write</c>, converts with
    /// <c>PyObject_Str</c>, calls, then releases the str, the method and the result in that order.
    /// </summary>
    public void WriteObject(int v)
    {
        int writer = BindMethod("write");
        int value = -1;
        try
        {
            value = StrObject(v);
            int result = Write(value);
            _interp.DecRef(value);
            value = -1;
            _interp.DecRef(writer);
            writer = -1;
            _interp.DecRef(result);
        }
        finally
        {
            if (value >= 0) _interp.DecRef(value);
            if (writer >= 0) _interp.DecRef(writer);
        }
    }

    /// <summary><c>PyFile_WriteString(s, stdout)</c>: the str from <c>PyUnicode_FromString</c> (one-character
    /// strings are the cached singletons), written as by <see cref="WriteObject"/>.</summary>
    public void WriteString(string s)
    {
        int str = _interp.NewStr(s);
        try
        {
            WriteObject(str);
        }
        finally
        {
            _interp.DecRef(str);
        }
    }

    /// <summary>
    /// <c>file.flush()</c> as <c>print(..., flush=True)</c> calls it: <c>TextIOWrapper.flush</c> writes the
    /// pending bytes and flushes the buffer. 3.8 binds a built-in method for each of the two calls.
    /// </summary>
    public void Flush()
    {
        int printFlush = _rules.FlushBindsMethods ? BindMethod("flush") : -1;
        try
        {
            WriteFlush();
            int bufferFlush = _rules.FlushBindsMethods ? BindMethod("flush") : -1;
            // buffered_flush -> _bufferedwriter_flush_unlocked: the buffered bytes go to the raw file.
            if (_buffered > 0) RawWrite(_buffered);
            _buffered = 0;
            if (bufferFlush >= 0) _interp.DecRef(bufferFlush);
        }
        finally
        {
            if (printFlush >= 0) _interp.DecRef(printFlush);
        }
        _interp.Stdout.Flush();
    }

    /// <summary>
    /// <c>_io_TextIOWrapper_write_impl(text)</c> for an exact str (borrowed); returns the character count
    /// (a new reference). The characters go to the host writer at once.
    /// </summary>
    public int Write(int text)
    {
        string s = StrType.Value(Heap, text);
        _interp.Stdout.Write(s);
        // Fast path (bpo-36748 with the bpo-43260 length limit): ASCII text of at most a chunk is kept as is.
        int b;
        if (s.Length <= _rules.ChunkSize && IsAscii(s)) b = _interp.NewRef(text);
        else b = BytesType.New(Heap, Encoding.UTF8.GetBytes(s));
        long bytesLen = Length(b);

        bool flushFirst = _rules.FlushBeforeAppend switch
        {
            PendingFlushRule.WhenTotalWouldExceedChunk => _pendingCount + bytesLen > _rules.ChunkSize,
            _ => bytesLen >= _rules.ChunkSize,
        };
        if (flushFirst) WriteFlush();

        if (_pending == 0)
        {
            _pendingCount = 0;
            _pending = b;
        }
        else if (_interp.Kind(_pending) != TypeKind.List)
        {
            // PyList_New(2) with both pieces stolen.
            int list = ListType.NewExact(Heap, [_pending, b]);
            _interp.DecRef(_pending);
            _interp.DecRef(b);
            _pending = list;
        }
        else
        {
            ListType.AppendStealing(Heap, _pending, b);
        }
        _pendingCount += bytesLen;
        if (_pendingCount >= _rules.ChunkSize) WriteFlush();
        return _interp.NewInt(StrType.Length(Heap, text));
    }

    /// <summary>
    /// <c>_textiowrapper_writeflush</c>: the pending bytes become one bytes object (the pending bytes object
    /// itself, or a copy), the pending object is released, and the buffer's <c>write</c> takes the copy
    /// (its own buffer is preallocated; nothing it keeps is a Python object).
    /// </summary>
    public void WriteFlush()
    {
        if (_pending == 0) return;
        int pending = _pending;
        int b = _interp.Kind(pending) switch
        {
            TypeKind.Bytes => _interp.NewRef(pending),
            TypeKind.Str => BytesType.New(Heap, Encoding.ASCII.GetBytes(StrType.Value(Heap, pending))),
            // PyBytes_FromStringAndSize(NULL, count): never one of the cached one-byte singletons.
            _ => _pendingCount == 0 ? BytesType.New(Heap, []) : BytesType.NewFresh(Heap, new byte[_pendingCount]),
        };
        long count = _pendingCount;
        _pendingCount = 0;
        _pending = 0;
        _interp.DecRef(pending);
        BufferedWrite(count);
        _interp.DecRef(b);
    }

    /// <summary>
    /// <c>_io__Buffered_write_impl</c> for <paramref name="length"/> bytes: copied when they fit; otherwise
    /// the buffer is written out, then data longer than the buffer goes straight to the raw file and the
    /// rest is copied.
    /// </summary>
    private void BufferedWrite(long length)
    {
        if (length <= _rules.BufferSize - _buffered)
        {
            _buffered += length;
            return;
        }
        if (_buffered > 0) RawWrite(_buffered);
        long remaining = length;
        if (remaining > _rules.BufferSize)
        {
            RawWrite(remaining);
            remaining = 0;
        }
        _buffered = remaining;
    }

    /// <summary>
    /// <c>_bufferedwriter_raw_write</c>: <c>PyMemoryView_FromBuffer</c> (a managed buffer, then the view),
    /// <c>FileIO.write</c> returns the count, the view dies (taking the managed buffer with it).
    /// </summary>
    private void RawWrite(long length)
    {
        int managed = GenericType.New(Heap, _interp.Types.ManagedBuffer, [], null);
        int view = GenericType.New(Heap, _interp.Types.MemoryView, [managed], null);
        _interp.DecRef(managed);
        int written = _interp.NewInt(length);
        _interp.DecRef(view);
        _interp.DecRef(written);
    }

    private long Length(int bytesOrStr) => _interp.Kind(bytesOrStr) == TypeKind.Bytes
        ? BytesType.Value(Heap, bytesOrStr).Length
        : StrType.Length(Heap, bytesOrStr);

    /// <summary><c>PyObject_Str</c>: an exact str is returned itself, anything else is converted.</summary>
    private int StrObject(int v) => _interp.StrObject(v);

    /// <summary>A bound built-in method of the stream (<c>PyObject_GetAttr(f, name)</c>), a new reference.</summary>
    private int BindMethod(string name) => _interp.NewBuiltinFunction(name, static (i, _, _) => i.NewNone());

    private static bool IsAscii(string s)
    {
        foreach (char c in s) if (c >= 128) return false;
        return true;
    }
}
