using System.Text;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// <c>_PyUnicodeWriter</c> (<c>Objects/unicodeobject.c</c>) as far as memory goes: the text is built host-side,
/// while the simulated heap sees the buffer str CPython grows — allocated on the first write (over-allocated by a
/// quarter, at least <see cref="MinLength"/>), grown by <c>resize_compact</c> (a realloc), replaced by a wider one
/// when a character does not fit its kind, and cut to size by <c>_PyUnicodeWriter_Finish</c>. A tracemalloc peak
/// taken across a <c>str.format</c> shows that buffer (<c>"{} y {}".format(1, "dos")</c>: 100 bytes over the
/// result, from <c>min_length = len(format) + 100</c>).
/// </summary>
internal sealed class UnicodeWriter(Interpreter interp)
{
    /// <summary><c>OVERALLOCATE_FACTOR</c> (4 everywhere but Windows).</summary>
    private const int OverallocateFactor = 4;

    private readonly StringBuilder _text = new();
    private long _buffer;
    private int _bufferBytes;
    private int _size;
    private int _kind;
    private int _length;
    private int _shared;

    /// <summary><c>writer.overallocate</c>: grow by a quarter more than asked (off for the last part).</summary>
    public bool Overallocate { get; set; }

    /// <summary><c>writer.min_length</c>: the smallest buffer the writer allocates.</summary>
    public int MinLength { get; set; }

    /// <summary>
    /// <c>_PyUnicodeWriter_WriteStr</c>: an empty writer that is not over-allocating shares the str instead of
    /// copying it (<c>readonly</c>), so <c>"{}".format(s)</c> returns <paramref name="str"/> itself.
    /// </summary>
    public void WriteStr(int str)
    {
        string s = StrType.Value(interp.Heap, str);
        (int kind, int length) = StrType.Classify(s);
        if (length == 0) return;
        if (_buffer == 0 && _shared == 0 && !Overallocate)
        {
            _shared = interp.NewRef(str);
            _kind = kind;
            _size = length;
            _length = length;
            _text.Append(s);
            return;
        }
        Write(s, kind, length);
    }

    /// <summary><c>_PyUnicodeWriter_WriteSubstring</c> / <c>WriteASCIIString</c>: text copied into the buffer.</summary>
    public void Write(string s)
    {
        (int kind, int length) = StrType.Classify(s);
        if (length > 0) Write(s, kind, length);
    }

    /// <summary>Room for the digits as ASCII characters (<c>_PyUnicodeWriter_Prepare(writer, n, '9')</c>,
    /// what <c>long_to_decimal_string_internal</c> asks before writing an int's digits), then the digits.</summary>
    public void WriteDigits(string digits) => Write(digits, 0, digits.Length);

    private void Write(string s, int kind, int length)
    {
        if (_shared != 0 || kind > _kind || length > _size - _length) Prepare(length, kind);
        _text.Append(s);
        _length += length;
    }

    /// <summary><c>_PyUnicodeWriter_PrepareInternal</c>.</summary>
    private void Prepare(int length, int kind)
    {
        int newLength = _length + length;
        if (_buffer == 0 && _shared == 0)
        {
            Allocate(Grown(newLength), kind);
            return;
        }
        if (newLength > _size)
        {
            newLength = Grown(newLength);
            if (kind > _kind || _shared != 0)
            {
                // resize + widen: a new buffer, the old one (or the shared str) dropped after the copy
                long old = _buffer;
                int oldBytes = _bufferBytes;
                Allocate(newLength, Math.Max(kind, _kind));
                ReleaseOld(old, oldBytes);
            }
            else
            {
                int bytes = StrType.SizeFor(interp.Heap, _kind, newLength, 0);
                _buffer = interp.Heap.Memory.Realloc(_buffer, _bufferBytes, bytes);
                _bufferBytes = bytes;
                _size = newLength;
            }
            return;
        }
        if (kind > _kind)
        {
            long old = _buffer;
            int oldBytes = _bufferBytes;
            Allocate(_size, kind);
            ReleaseOld(old, oldBytes);
        }
    }

    private int Grown(int length)
    {
        if (Overallocate) length += length / OverallocateFactor;
        return Math.Max(length, MinLength);
    }

    private void Allocate(int length, int kind)
    {
        _bufferBytes = StrType.SizeFor(interp.Heap, kind, length, 0);
        _buffer = interp.Heap.Memory.Malloc(_bufferBytes);
        _size = length;
        _kind = kind;
    }

    private void ReleaseOld(long old, int oldBytes)
    {
        if (old != 0) interp.Heap.Memory.Free(old, oldBytes);
        if (_shared != 0)
        {
            interp.DecRef(_shared);
            _shared = 0;
        }
    }

    /// <summary>
    /// <c>_PyUnicodeWriter_Finish</c>: a shared str is the result; otherwise the buffer is cut to the text
    /// (<c>resize_compact</c>: tracemalloc re-traces it at the final size) and <c>unicode_result</c> swaps an
    /// empty or one-latin-1-character result for the singleton. Here the buffer is freed and the result made.
    /// </summary>
    public int Finish()
    {
        if (_shared != 0)
        {
            int result = _shared;
            _shared = 0;
            return result;
        }
        Dispose();
        return interp.NewStr(_text.ToString());
    }

    /// <summary><c>_PyUnicodeWriter_Dealloc</c>: gives the buffer back (after an error).</summary>
    public void Dispose()
    {
        if (_buffer != 0) interp.Heap.Memory.Free(_buffer, _bufferBytes);
        _buffer = 0;
        if (_shared != 0) interp.DecRef(_shared);
        _shared = 0;
    }
}
