namespace PyHeapSim.Objects.Stores;

/// <summary>
/// Payload of a set or frozenset (<c>PySetObject</c>): an open-addressing table of (hash, key) with
/// CPython's probing, so iteration (and so <c>repr</c>) order is CPython's.
/// </summary>
/// <remarks>
/// <code>
///   Keys[i] == 0  unused      Keys[i] == Dummy  deleted      else the key's slot
///   table size 8 = the inline smalltable (no separate block); larger tables are a separate block
/// </code>
/// </remarks>
internal sealed class SetData
{
    public const int Dummy = -1;
    public const int MinSize = 8;

    public SetData() : this(MinSize) { }

    public SetData(int size)
    {
        Keys = new int[size];
        Hashes = new long[size];
    }

    public int[] Keys;
    public long[] Hashes;
    /// <summary>Active plus dummy entries.</summary>
    public int Fill;
    /// <summary>Active entries.</summary>
    public int Used;
    /// <summary><c>finger</c>: where <c>pop</c> resumes its scan.</summary>
    public int Finger;
    /// <summary>Simulated address of the separate table block (0 while the small table is used).</summary>
    public long TableAddress;

    public int Mask => Keys.Length - 1;
}
