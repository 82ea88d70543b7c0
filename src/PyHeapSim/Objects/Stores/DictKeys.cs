namespace PyHeapSim.Objects.Stores;

/// <summary>
/// A dict keys object (<c>PyDictKeysObject</c>): the hash index plus the dense entry table, in
/// insertion order. Combined tables keep values in <see cref="Values"/>; a shared (split) keys object
/// keeps none — each dict sharing it has its own values array.
/// </summary>
/// <remarks>
/// <code>
///   Indices  [ 2^Log2Size ]   -1 empty, -2 dummy, else entry number     (index width 1/2/4/8 bytes)
///   entries  [ EntryCapacity ] Hashes / Keys / Values; Keys[i] == 0 marks a deleted entry
/// </code>
/// </remarks>
internal sealed class DictKeys
{
    public const int Empty = -1;
    public const int Dummy = -2;

    public DictKeys(int log2Size, int entryCapacity, bool unicode, bool shared)
    {
        Log2Size = log2Size;
        Indices = new int[1 << log2Size];
        Array.Fill(Indices, Empty);
        Hashes = new long[entryCapacity];
        Keys = new int[entryCapacity];
        Values = shared ? [] : new int[entryCapacity];
        Usable = entryCapacity;
        Unicode = unicode;
        Shared = shared;
    }

    /// <summary>Dicts (and the class cache) holding this keys object.</summary>
    public int RefCount = 1;
    public int Log2Size;
    /// <summary><c>dk_usable</c>: entries that may still be appended.</summary>
    public int Usable;
    /// <summary><c>dk_nentries</c>: entries used so far, deleted ones included.</summary>
    public int NEntries;
    /// <summary>3.11+ <c>DICT_KEYS_UNICODE</c>: every key is an exact str (16-byte entries).</summary>
    public bool Unicode;
    public bool Shared;
    public int[] Indices;
    public long[] Hashes;
    public int[] Keys;
    public int[] Values;
    /// <summary>Simulated address of the keys block, 0 when not allocated through the allocator.</summary>
    public long Address;
    /// <summary>Simulated bytes requested for the block.</summary>
    public int AllocatedBytes;

    public int Size => 1 << Log2Size;
    public int EntryCapacity => Keys.Length;
    public int Mask => (1 << Log2Size) - 1;
}
