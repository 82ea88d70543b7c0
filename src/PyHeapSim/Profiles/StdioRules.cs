namespace PyHeapSim.Profiles;

/// <summary>
/// What <c>print()</c> and <c>sys.stdout</c> (a block-buffered <c>io.TextIOWrapper</c> when stdout is a pipe
/// or a file) allocate, where a script can see it: the collector's generation-0 count, refcounts of printed
/// strings (the wrapper keeps them as pending bytes), free lists. Measured on every version with stdout
/// redirected, as the corpus is recorded.
/// </summary>
public sealed record StdioRules
{
    /// <summary>
    /// <c>TextIOWrapper._CHUNK_SIZE</c>: pending bytes are written to the buffer once they reach it
    /// (<c>pending_bytes_count &gt;= chunk_size</c> in <c>_io_TextIOWrapper_write_impl</c>); ASCII text longer
    /// than this is encoded instead of kept as the str itself.
    /// </summary>
    public int ChunkSize { get; init; } = 8192;

    /// <summary>
    /// The <c>BufferedWriter</c> buffer under the wrapper: <c>raw._blksize</c>, the <c>st_blksize</c> of
    /// stdout, 4096 for a pipe or a file on Linux (measured on every version). Bytes that do not fit go to
    /// the raw file through a memoryview (<c>_bufferedwriter_raw_write</c>): two transient GC objects.
    /// </summary>
    public int BufferSize { get; init; } = 4096;

    /// <summary>When a write flushes what is pending before adding its own bytes.</summary>
    public PendingFlushRule FlushBeforeAppend { get; init; } = PendingFlushRule.WhenTotalWouldExceedChunk;

    /// <summary>
    /// <c>print(*args)</c> receives its positional arguments as a tuple (Argument Clinic's <c>*args</c>,
    /// 3.11+): a tuple of that length is made for each call with arguments (from the tuple free list).
    /// Up to 3.10 print is <c>METH_FASTCALL</c> and reads the caller's stack.
    /// </summary>
    public bool PrintPacksArguments { get; init; }

    /// <summary>When print's static <c>_PyArg_Parser</c> builds its keyword-name tuple (a GC object kept forever).</summary>
    public KeywordParserInit PrintKeywordTuple { get; init; } = KeywordParserInit.FirstKeywordCall;

    /// <summary>
    /// 3.8: <c>print(..., flush=True)</c> calls <c>file.flush()</c> and <c>TextIOWrapper.flush</c> calls
    /// <c>buffer.flush()</c> through <c>_PyObject_CallMethodId</c>, which binds a built-in method object
    /// each time; from 3.9 they are called unbound (<c>_PyObject_CallMethodIdNoArgs</c>).
    /// </summary>
    public bool FlushBindsMethods { get; init; } = true;
}

/// <summary>When <c>TextIOWrapper.write</c> flushes the pending bytes before taking new ones.</summary>
public enum PendingFlushRule
{
    /// <summary>bpo-43260 (3.8.9+ … 3.12): when pending + new bytes would exceed the chunk size, so that at
    /// most a chunk is ever concatenated.</summary>
    WhenTotalWouldExceedChunk,

    /// <summary>gh-119506 (3.13): only when the new bytes alone are at least a chunk; smaller writes are
    /// appended and the chunk-size check after the append flushes them all.</summary>
    WhenWriteFillsChunk,
}

/// <summary>When a built-in's static argument parser creates its keyword tuple (<c>parser_init</c> in <c>Python/getargs.c</c>).</summary>
public enum KeywordParserInit
{
    /// <summary>3.8–3.10 (<c>_PyArg_ParseStackAndKeywords</c>, called only when keywords are passed): on the first call with keywords.</summary>
    FirstKeywordCall,

    /// <summary>3.11 (Argument Clinic, <c>_PyArg_UnpackKeywordsWithVararg</c> on every call): on the first call.</summary>
    FirstCall,

    /// <summary>3.12+: Argument Clinic emits the keyword tuple as a static object; nothing is allocated.</summary>
    Static,
}
