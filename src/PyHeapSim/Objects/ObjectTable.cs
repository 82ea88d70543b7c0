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
///   _payload   8   per-kind host data (item arrays, dict tables …), null for most scalars; chunked,
///                  and a chunk no object wrote is never made (PayloadColumn)
/// </code>
/// About 64 bytes per object, plus a list's item array. The collector's columns stay separate: a
/// collection walks links and gc_refs, not headers. Every column but the payload is native memory
/// (<see cref="Column{T}"/>): pages a workload never writes cost nothing, and doubling the table does not
/// copy it on Linux (see <see cref="ZeroPages"/> for the measurement). Handles are checked against the
/// high-water mark, so no slot beyond it is ever read through the public API.
/// </remarks>
internal sealed unsafe partial class ObjectTable
{
    /// <summary>Reserved list-head slots: generations, permanent generation and collector scratch lists.</summary>
    public const int ListHeadCount = 16;
    public const int FirstObjectSlot = 1 + ListHeadCount;

    // Native columns (Column.cs, ZeroPages.cs): zero until written, grown without copying on Linux. The
    // payload holds host objects, so it is managed, in chunks made on first write (PayloadColumn.cs).
    private Column<ObjectHeader> _header;
    private Column<int> _gcNext;
    private Column<int> _gcPrev;
    private Column<int> _gcRefs;
    private Column<long> _scalar;
    private Column<long> _address;
    private Column<int> _blockBytes;
    private PayloadColumn _payload; // a mutable struct field: one load less per access than a separate object

    private int _capacity;
    private long _nativeBytes;                // reported to the host GC as memory pressure
    private int _highWater = FirstObjectSlot; // first never-used slot
    private int _freeHead;                    // intrusive free-slot list through _scalar; 0 = empty
    private int _liveCount;

    public ObjectTable(PythonProfile profile, int initialCapacity = 1024)
    {
        Profile = profile;
        int cap = Math.Max(initialCapacity, FirstObjectSlot + 16);
        _header.Allocate(cap);
        _gcNext.Allocate(cap);
        _gcPrev.Allocate(cap);
        _gcRefs.Allocate(cap);
        _scalar.Allocate(cap);
        _address.Allocate(cap);
        _blockBytes.Allocate(cap);
        _payload.EnsureCapacity(cap);
        _capacity = cap;
        AddPressure(cap);
        for (int h = 1; h < FirstObjectSlot; h++)
        {
            _header.Items[h].Flags = ObjectFlags.ListHead;
            _gcNext.Items[h] = h;
            _gcPrev.Items[h] = h;
        }
    }

    /// <summary>Gives the native columns back when the heap is no longer reachable.</summary>
    ~ObjectTable()
    {
        int cap = _capacity;
        _header.Free(cap);
        _gcNext.Free(cap);
        _gcPrev.Free(cap);
        _gcRefs.Free(cap);
        _scalar.Free(cap);
        _address.Free(cap);
        _blockBytes.Free(cap);
        if (_nativeBytes > 0) GC.RemoveMemoryPressure(_nativeBytes);
        _capacity = 0;
    }

    /// <summary>Native bytes per slot, all columns but the payload.</summary>
    private static long NativeBytesPerSlot =>
        Column<ObjectHeader>.BytesPerSlot + 3 * Column<int>.BytesPerSlot + 2 * Column<long>.BytesPerSlot + Column<int>.BytesPerSlot;

    /// <summary>Lets the host GC know a heap holds native memory, so unreachable big heaps are finalized promptly.</summary>
    private void AddPressure(int slots)
    {
        long bytes = slots * NativeBytesPerSlot;
        _nativeBytes += bytes;
        GC.AddMemoryPressure(bytes);
    }

    public PythonProfile Profile { get; }

    public int Capacity => _capacity;
    public int HighWater => _highWater;
    public int LiveCount => _liveCount;

    // ---- column access (inside the heap; the slot is trusted) ----

    public ref ObjectHeader Header(int o) => ref _header.Items[o];
    public long RefCount(int o) => _header.Items[o].RefCount;
    public void SetRefCount(int o, long value) => _header.Items[o].RefCount = value;
    public int TypeOf(int o) => _header.Items[o].Type;
    public TypeKind Kind(int o) => _header.Items[o].Kind;
    public ObjectFlags Flags(int o) => _header.Items[o].Flags;
    public bool Has(int o, ObjectFlags f) => (_header.Items[o].Flags & f) != 0;
    public void Set(int o, ObjectFlags f) => _header.Items[o].Flags |= f;
    public void Clear(int o, ObjectFlags f) => _header.Items[o].Flags &= ~f;
    public uint Stamp(int o) => _header.Items[o].Stamp;
    public long Scalar(int o) => _scalar.Items[o];
    public void SetScalar(int o, long v) => _scalar.Items[o] = v;
    public long Address(int o) => _address.Items[o];
    public void SetAddress(int o, long a) => _address.Items[o] = a;
    public int BlockBytes(int o) => _blockBytes.Items[o];

    /// <summary>The object's block: its simulated address, and its size in <paramref name="bytes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Block(int o, out int bytes)
    {
        bytes = _blockBytes.Items[o];
        return _address.Items[o];
    }
    public void SetBlockBytes(int o, int bytes) => _blockBytes.Items[o] = bytes;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public object? Payload(int o) => _payload.Get(o);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetPayload(int o, object? p) => _payload.Set(o, p);
    public int External(int o) => _header.Items[o].External;
    public ref int ExternalRef(int o) => ref _header.Items[o].External;
    public int GcNext(int o) => _gcNext.Items[o];
    public int GcPrev(int o) => _gcPrev.Items[o];
    public void SetGcNext(int o, int v) => _gcNext.Items[o] = v;
    public void SetGcPrev(int o, int v) => _gcPrev.Items[o] = v;
    public int GcRefs(int o) => _gcRefs.Items[o];
    public void SetGcRefs(int o, int v) => _gcRefs.Items[o] = v;
    public ref int GcRefsRef(int o) => ref _gcRefs.Items[o];

    public bool IsLive(int o) => (uint)o < (uint)_highWater && (_header.Items[o].Flags & ObjectFlags.Live) != 0;

    /// <summary>True when <paramref name="r"/> names a live object whose stamp matches (CPython's <c>valid_index</c>
    /// idea: one unsigned compare for the bounds, one for the stamp; odd stamps mark live slots).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsValid(PyRef r)
    {
        // Bounded by the high-water mark, not the capacity: slots past it were never handed out.
        int i = r.Index;
        return (uint)i < (uint)_highWater && _header.Items[i].Stamp == r.Stamp && (r.Stamp & 1) != 0;
    }

    /// <summary>
    /// The header of the live object <paramref name="r"/> names, or a <see cref="StaleReferenceException"/>.
    /// One bounds check; the returned reference is valid until the table grows (callers use it at once and
    /// never across an allocation).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref ObjectHeader LiveHeader(PyRef r)
    {
        int i = r.Index;
        if ((uint)i >= (uint)_highWater) Throw.Stale(r);
        ref ObjectHeader h = ref _header.Items[i];
        if (h.Stamp != r.Stamp || (r.Stamp & 1) == 0) Throw.Stale(r);
        return ref h;
    }

    public PyRef RefTo(int o) => new(o, _header.Items[o].Stamp);

    /// <summary>Points a slot at a type (used once, for <c>type</c> itself).</summary>
    public void SetStampedType(int o, int typeSlot) => _header.Items[o].Type = typeSlot;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TypeInfo TypeInfoOf(int o) => (TypeInfo)_payload.Get(_header.Items[o].Type)!;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TypeInfo TypeInfoOfType(int typeSlot) => (TypeInfo)_payload.Get(typeSlot)!;

    /// <summary>Takes a free slot and initialises its header. The caller fills the payload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NewSlot(int typeSlot, TypeKind kind, ObjectFlags flags) => NewSlot(typeSlot, kind, flags, 0, 0);

    /// <summary>
    /// <see cref="NewSlot(int, TypeKind, ObjectFlags)"/> for an object whose memory block is already known:
    /// writes the header, scalar, address and block size in one pass. The column pointers are copied to locals
    /// first because a store through one pointer could alias the table's own fields as far as the JIT knows,
    /// which made it reload every column pointer after every store.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NewSlot(int typeSlot, TypeKind kind, ObjectFlags flags, long address, int blockBytes)
    {
        long* scalar = _scalar.Items;
        int o = _freeHead;
        if (o != 0)
        {
            _freeHead = (int)scalar[o];
        }
        else
        {
            o = _highWater;
            if (o == _capacity)
            {
                Grow();
                scalar = _scalar.Items;
            }
            _highWater = o + 1;
        }
        ObjectHeader* h = _header.Items + o;
        long* addresses = _address.Items;
        int* sizes = _blockBytes.Items;
        h->RefCount = 1;
        h->Type = typeSlot;
        h->Kind = kind;
        h->Flags = flags | ObjectFlags.Live;
        h->Stamp++; // even (free) -> odd (live)
        scalar[o] = 0;
        addresses[o] = address;
        sizes[o] = blockBytes;
        _liveCount++;
        return o;
    }

    /// <summary>
    /// Returns a slot to the free list and bumps its stamp so old handles go stale. Only the header and the
    /// payload are cleared: the GC links are already 0 (the object was untracked), and address, block size
    /// and scalar are written by the next <see cref="NewSlot(int, TypeKind, ObjectFlags, long, int)"/> / allocation before anyone reads them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReleaseSlot(int o)
    {
        System.Diagnostics.Debug.Assert(_gcNext.Items[o] == 0, "a slot is released only after its object was untracked");
        ObjectHeader* h = _header.Items + o;
        long* scalar = _scalar.Items;
        h->Stamp++; // odd (live) -> even (free): every handle to the old object is now stale
        h->Flags = ObjectFlags.None;
        h->Kind = TypeKind.Free;
        h->RefCount = 0;
        h->External = 0;
        h->Type = 0;
        _payload.Set(o, null); // let the host GC have it
        scalar[o] = _freeHead;
        _freeHead = o;
        _liveCount--;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        int old = _capacity;
        int n = checked(old * 2);
        _header.Grow(old, n);
        _gcNext.Grow(old, n);
        _gcPrev.Grow(old, n);
        _gcRefs.Grow(old, n);
        _scalar.Grow(old, n);
        _address.Grow(old, n);
        _blockBytes.Grow(old, n);
        _payload.EnsureCapacity(n);
        _capacity = n;
        AddPressure(n - old);
    }

    /// <summary>Live object slots in slot order (O(table)).</summary>
    public IEnumerable<int> LiveSlots()
    {
        for (int o = FirstObjectSlot; o < _highWater; o++)
        {
            if ((Flags(o) & ObjectFlags.Live) != 0) yield return o; // through a method: an iterator body cannot touch pointers
        }
    }

    // ---- generation lists: intrusive, doubly linked, head sentinels at slots 1..ListHeadCount ----

    /// <summary>Appends <paramref name="o"/> at the tail of list <paramref name="head"/> (<c>gc_list_append</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ListAppend(int head, int o)
    {
        int* next = _gcNext.Items; // locals: see NewSlot
        int* prev = _gcPrev.Items;
        int last = prev[head];
        next[last] = o;
        prev[o] = last;
        next[o] = head;
        prev[head] = o;
    }

    /// <summary>Unlinks <paramref name="o"/> from whatever list it is on (<c>gc_list_remove</c>); leaves it untracked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ListRemove(int o)
    {
        int* next = _gcNext.Items;
        int* prev = _gcPrev.Items;
        int p = prev[o];
        int n = next[o];
        next[p] = n;
        prev[n] = p;
        next[o] = 0;
        prev[o] = 0;
    }

    /// <summary>Moves <paramref name="o"/> to the tail of <paramref name="head"/> (<c>gc_list_move</c>).</summary>
    public void ListMove(int o, int head)
    {
        int prev = _gcPrev.Items[o];
        int next = _gcNext.Items[o];
        _gcNext.Items[prev] = next;
        _gcPrev.Items[next] = prev;
        ListAppend(head, o);
    }

    /// <summary>Appends every object of <paramref name="from"/> to <paramref name="to"/>, emptying <paramref name="from"/> (<c>gc_list_merge</c>).</summary>
    public void ListMerge(int from, int to)
    {
        if (_gcNext.Items[from] == from) return;
        int toTail = _gcPrev.Items[to];
        int fromHead = _gcNext.Items[from];
        int fromTail = _gcPrev.Items[from];
        _gcNext.Items[toTail] = fromHead;
        _gcPrev.Items[fromHead] = toTail;
        _gcNext.Items[fromTail] = to;
        _gcPrev.Items[to] = fromTail;
        _gcNext.Items[from] = from;
        _gcPrev.Items[from] = from;
    }

    public bool ListIsEmpty(int head) => _gcNext.Items[head] == head;

    public int ListSize(int head)
    {
        int n = 0;
        for (int o = _gcNext.Items[head]; o != head; o = _gcNext.Items[o]) n++;
        return n;
    }

    public bool IsTracked(int o) => _gcNext.Items[o] != 0;
}
