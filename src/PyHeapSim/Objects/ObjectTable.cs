using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PyHeapSim.Profiles;

namespace PyHeapSim.Objects;

/// <summary>
/// The simulated objects, as struct-of-arrays columns indexed by slot. Slot 0 is NULL; slots
/// 1 … <see cref="FirstObjectSlot"/>−1 are generation-list heads. A held reference inside the heap is a
/// bare slot number (a held object is live by definition); stamps are checked only at the public
/// boundary (<see cref="PyRef"/>).
/// </summary>
/// <remarks>
/// Columns, bytes per object:
/// <code>
///   _header   24   ObjectHeader: ob_refcnt, stamp, external references, ob_type, flags, kind —
///                  everything incref/decref and dispatch read, in one cache line
///   _gcNext    4   generation list link; 0 = not tracked (_PyObject_GC_IS_TRACKED)
///   _gcPrev    4   generation list link
///   _gcRefs    4   collector scratch (gc_refs)
///   _scalar    8   int value / float bits / ob_size / iterator cursor / free-slot link
///   _address   8   simulated address of the object's memory block
///   _blockBytes 4  bytes requested for that block (freed with the same size)
///   _payload   8   per-kind host data (item arrays, dict tables …), null for most scalars
/// </code>
/// About 64 bytes per object, plus a list's item array. The collector's columns stay separate: a
/// collection walks links and gc_refs, not headers.
/// </remarks>
internal sealed partial class ObjectTable
{
    /// <summary>Reserved list-head slots: generations, permanent generation and collector scratch lists.</summary>
    public const int ListHeadCount = 16;
    public const int FirstObjectSlot = 1 + ListHeadCount;

    private ObjectHeader[] _header;
    private int[] _gcNext;
    private int[] _gcPrev;
    private int[] _gcRefs;
    private long[] _scalar;
    private long[] _address;
    private int[] _blockBytes;
    private object?[] _payload;

    private int _highWater = FirstObjectSlot; // first never-used slot
    private int _freeHead;                    // intrusive free-slot list through _scalar; 0 = empty
    private int _liveCount;

    public ObjectTable(PythonProfile profile, int initialCapacity = 1024)
    {
        Profile = profile;
        int cap = Math.Max(initialCapacity, FirstObjectSlot + 16);
        _header = new ObjectHeader[cap];
        _gcNext = new int[cap];
        _gcPrev = new int[cap];
        _gcRefs = new int[cap];
        _scalar = new long[cap];
        _address = new long[cap];
        _blockBytes = new int[cap];
        _payload = new object?[cap];
        for (int h = 1; h < FirstObjectSlot; h++)
        {
            _header[h].Flags = ObjectFlags.ListHead;
            _gcNext[h] = h;
            _gcPrev[h] = h;
        }
    }

    public PythonProfile Profile { get; }

    public int Capacity => _header.Length;
    public int HighWater => _highWater;
    public int LiveCount => _liveCount;

    // ---- column access (inside the heap; the slot is trusted) ----

    public ref ObjectHeader Header(int o) => ref _header[o];
    public long RefCount(int o) => _header[o].RefCount;
    public void SetRefCount(int o, long value) => _header[o].RefCount = value;
    public int TypeOf(int o) => _header[o].Type;
    public TypeKind Kind(int o) => _header[o].Kind;
    public ObjectFlags Flags(int o) => _header[o].Flags;
    public bool Has(int o, ObjectFlags f) => (_header[o].Flags & f) != 0;
    public void Set(int o, ObjectFlags f) => _header[o].Flags |= f;
    public void Clear(int o, ObjectFlags f) => _header[o].Flags &= ~f;
    public uint Stamp(int o) => _header[o].Stamp;
    public long Scalar(int o) => _scalar[o];
    public void SetScalar(int o, long v) => _scalar[o] = v;
    public long Address(int o) => _address[o];
    public void SetAddress(int o, long a) => _address[o] = a;
    public int BlockBytes(int o) => _blockBytes[o];
    public void SetBlockBytes(int o, int bytes) => _blockBytes[o] = bytes;
    public object? Payload(int o) => _payload[o];
    public void SetPayload(int o, object? p) => _payload[o] = p;
    public int External(int o) => _header[o].External;
    public ref int ExternalRef(int o) => ref _header[o].External;
    public int GcNext(int o) => _gcNext[o];
    public int GcPrev(int o) => _gcPrev[o];
    public void SetGcNext(int o, int v) => _gcNext[o] = v;
    public void SetGcPrev(int o, int v) => _gcPrev[o] = v;
    public int GcRefs(int o) => _gcRefs[o];
    public void SetGcRefs(int o, int v) => _gcRefs[o] = v;
    public ref int GcRefsRef(int o) => ref _gcRefs[o];

    public bool IsLive(int o) => (uint)o < (uint)_highWater && (_header[o].Flags & ObjectFlags.Live) != 0;

    /// <summary>True when <paramref name="r"/> names a live object whose stamp matches (CPython's <c>valid_index</c>
    /// idea: one unsigned compare for the bounds, one for the stamp; odd stamps mark live slots).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsValid(PyRef r)
    {
        ObjectHeader[] headers = _header;
        int i = r.Index;
        return (uint)i < (uint)headers.Length && headers[i].Stamp == r.Stamp && (r.Stamp & 1) != 0;
    }

    /// <summary>
    /// The header of the live object <paramref name="r"/> names, or a <see cref="StaleReferenceException"/>.
    /// One bounds check; the returned reference is valid until the table grows (callers use it at once and
    /// never across an allocation).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref ObjectHeader LiveHeader(PyRef r)
    {
        ObjectHeader[] headers = _header;
        int i = r.Index;
        if ((uint)i >= (uint)headers.Length) Throw.Stale(r);
        ref ObjectHeader h = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(headers), i);
        if (h.Stamp != r.Stamp || (r.Stamp & 1) == 0) Throw.Stale(r);
        return ref h;
    }

    public PyRef RefTo(int o) => new(o, _header[o].Stamp);

    /// <summary>Points a slot at a type (used once, for <c>type</c> itself).</summary>
    public void SetStampedType(int o, int typeSlot) => _header[o].Type = typeSlot;

    public TypeInfo TypeInfoOf(int o) => (TypeInfo)_payload[_header[o].Type]!;

    public TypeInfo TypeInfoOfType(int typeSlot) => (TypeInfo)_payload[typeSlot]!;

    /// <summary>Takes a free slot and initialises its header. The caller fills the payload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NewSlot(int typeSlot, TypeKind kind, ObjectFlags flags)
    {
        int o = _freeHead;
        if (o != 0)
        {
            _freeHead = (int)_scalar[o];
        }
        else
        {
            o = _highWater;
            if (o == _header.Length) Grow();
            _highWater = o + 1;
        }
        ref ObjectHeader h = ref _header[o];
        h.RefCount = 1;
        h.Type = typeSlot;
        h.Kind = kind;
        h.Flags = flags | ObjectFlags.Live;
        h.Stamp++; // even (free) -> odd (live)
        _scalar[o] = 0;
        _liveCount++;
        return o;
    }

    /// <summary>
    /// Returns a slot to the free list and bumps its stamp so old handles go stale. Only the header and the
    /// payload are cleared: the GC links are already 0 (the object was untracked), and address, block size
    /// and scalar are written by the next <see cref="NewSlot"/> / allocation before anyone reads them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReleaseSlot(int o)
    {
        System.Diagnostics.Debug.Assert(_gcNext[o] == 0, "a slot is released only after its object was untracked");
        ref ObjectHeader h = ref _header[o];
        h.Stamp++; // odd (live) -> even (free): every handle to the old object is now stale
        h.Flags = ObjectFlags.None;
        h.Kind = TypeKind.Free;
        h.RefCount = 0;
        h.External = 0;
        h.Type = 0;
        _payload[o] = null; // let the host GC have it
        _scalar[o] = _freeHead;
        _freeHead = o;
        _liveCount--;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        int n = _header.Length * 2;
        Array.Resize(ref _header, n);
        Array.Resize(ref _gcNext, n);
        Array.Resize(ref _gcPrev, n);
        Array.Resize(ref _gcRefs, n);
        Array.Resize(ref _scalar, n);
        Array.Resize(ref _address, n);
        Array.Resize(ref _blockBytes, n);
        Array.Resize(ref _payload, n);
    }

    /// <summary>Live object slots in slot order (O(table)).</summary>
    public IEnumerable<int> LiveSlots()
    {
        for (int o = FirstObjectSlot; o < _highWater; o++)
        {
            if ((_header[o].Flags & ObjectFlags.Live) != 0) yield return o;
        }
    }

    // ---- generation lists: intrusive, doubly linked, head sentinels at slots 1..ListHeadCount ----

    /// <summary>Appends <paramref name="o"/> at the tail of list <paramref name="head"/> (<c>gc_list_append</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ListAppend(int head, int o)
    {
        int last = _gcPrev[head];
        _gcNext[last] = o;
        _gcPrev[o] = last;
        _gcNext[o] = head;
        _gcPrev[head] = o;
    }

    /// <summary>Unlinks <paramref name="o"/> from whatever list it is on (<c>gc_list_remove</c>); leaves it untracked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ListRemove(int o)
    {
        int prev = _gcPrev[o];
        int next = _gcNext[o];
        _gcNext[prev] = next;
        _gcPrev[next] = prev;
        _gcNext[o] = 0;
        _gcPrev[o] = 0;
    }

    /// <summary>Moves <paramref name="o"/> to the tail of <paramref name="head"/> (<c>gc_list_move</c>).</summary>
    public void ListMove(int o, int head)
    {
        int prev = _gcPrev[o];
        int next = _gcNext[o];
        _gcNext[prev] = next;
        _gcPrev[next] = prev;
        ListAppend(head, o);
    }

    /// <summary>Appends every object of <paramref name="from"/> to <paramref name="to"/>, emptying <paramref name="from"/> (<c>gc_list_merge</c>).</summary>
    public void ListMerge(int from, int to)
    {
        if (_gcNext[from] == from) return;
        int toTail = _gcPrev[to];
        int fromHead = _gcNext[from];
        int fromTail = _gcPrev[from];
        _gcNext[toTail] = fromHead;
        _gcPrev[fromHead] = toTail;
        _gcNext[fromTail] = to;
        _gcPrev[to] = fromTail;
        _gcNext[from] = from;
        _gcPrev[from] = from;
    }

    public bool ListIsEmpty(int head) => _gcNext[head] == head;

    public int ListSize(int head)
    {
        int n = 0;
        for (int o = _gcNext[head]; o != head; o = _gcNext[o]) n++;
        return n;
    }

    public bool IsTracked(int o) => _gcNext[o] != 0;
}
