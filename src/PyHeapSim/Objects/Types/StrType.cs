using System.Text;

namespace PyHeapSim.Objects.Types;

/// <summary>
/// <c>str</c> (<c>Objects/unicodeobject.c</c>, PEP 393). The text is the payload; the scalar packs
/// the code-point length, the storage kind and whether a UTF-8 copy has been materialised:
/// <code>
///   bits 0–2  kind: 0 ASCII, 1 latin-1, 2 UCS-2, 4 UCS-4
///   bit  3    UTF-8 cache present (counted by __sizeof__)
///   bits 8–   length in code points
/// </code>
/// </summary>
internal static class StrType
{
    private const long Utf8CachedBit = 8;

    public static int New(PyHeap heap, string s)
    {
        if (s.Length == 0) return heap.NewRef(heap.EmptyStrObj);
        if (s.Length == 1 && s[0] < 256) return heap.NewRef(heap.Latin1Char(s[0]));
        (int kind, int length) = Classify(s);
        int bytes = SizeFor(heap, kind, length, 0);
        int o = heap.Allocate(heap.Types.Str, TypeKind.Str, bytes, isGc: false);
        heap.T.SetPayload(o, s);
        heap.T.SetScalar(o, ((long)length << 8) | (uint)kind);
        return o;
    }

    /// <summary>
    /// A str that is always a new object, even for one latin-1 character: what <c>long_to_decimal_string</c>
    /// returns (<c>str(5)</c>, <c>repr(5)</c>, printing an int), which fills a <c>PyUnicode_New</c> block itself
    /// instead of going through <c>unicode_result</c> and its one-character cache.
    /// </summary>
    public static int NewFresh(PyHeap heap, string s)
    {
        if (s.Length != 1) return New(heap, s);
        (int kind, int length) = Classify(s);
        int o = heap.Allocate(heap.Types.Str, TypeKind.Str, SizeFor(heap, kind, length, 0), isGc: false);
        heap.T.SetPayload(o, s);
        heap.T.SetScalar(o, ((long)length << 8) | (uint)kind);
        return o;
    }

    /// <summary>Initialises a statically allocated string.</summary>
    public static void Init(PyHeap heap, int o, string s)
    {
        (int kind, int length) = Classify(s);
        heap.T.SetPayload(o, s);
        heap.T.SetScalar(o, ((long)length << 8) | (uint)kind);
        // 3.12+ _PyUnicode_LATIN1_INIT: the static one-character latin-1 singletons carry their UTF-8 copy
        // (cpython-facts §1.5: getsizeof('\xe9') = 56 + 2 + 3 = 61).
        if (kind == 1 && heap.Profile.Layout.Latin1SingletonsHaveUtf8) heap.T.SetScalar(o, heap.T.Scalar(o) | Utf8CachedBit);
    }

    public static string Value(PyHeap heap, int o) => (string)heap.T.Payload(o)!;

    public static int Length(PyHeap heap, int o) => (int)(heap.T.Scalar(o) >> 8);

    public static int Kind(PyHeap heap, int o) => (int)(heap.T.Scalar(o) & 7);

    /// <summary>Marks the UTF-8 copy as materialised (e.g. the string was used as an identifier).</summary>
    public static void MaterialiseUtf8(PyHeap heap, int o)
    {
        if (Kind(heap, o) != 0) heap.T.SetScalar(o, heap.T.Scalar(o) | Utf8CachedBit);
    }

    public static (int Kind, int Length) Classify(string s)
    {
        int max = 0;
        int length = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            if (cp > max) max = cp;
            length++;
        }
        int kind = max < 128 ? 0 : max < 256 ? 1 : max < 65536 ? 2 : 4;
        return (kind, length);
    }

    /// <summary><c>unicode_sizeof_impl</c>: header + (length + 1) × kind, plus a UTF-8 copy when cached.</summary>
    public static int SizeFor(PyHeap heap, int kind, int length, int utf8Bytes)
    {
        var l = heap.Profile.Layout;
        if (kind == 0) return l.StrAsciiHeader + length + 1;
        int size = l.StrCompactHeader + (length + 1) * kind;
        if (utf8Bytes > 0) size += utf8Bytes + 1;
        return size;
    }

    public static int ObjectSizeOf(PyHeap heap, int o)
    {
        long s = heap.T.Scalar(o);
        int kind = (int)(s & 7);
        int utf8 = (s & Utf8CachedBit) != 0 ? Encoding.UTF8.GetByteCount(Value(heap, o)) : 0;
        return SizeFor(heap, kind, (int)(s >> 8), utf8);
    }

    /// <summary>
    /// A deterministic stand-in for CPython's randomised SipHash: str hashes are salted per process in
    /// CPython, so nothing observable may depend on them (the corpus never prints sets of strings).
    /// </summary>
    public static long Hash(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        long r = (long)(h >> 1);
        return r == -1 ? -2 : r;
    }
}
