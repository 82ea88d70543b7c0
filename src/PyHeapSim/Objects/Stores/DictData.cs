namespace PyHeapSim.Objects.Stores;

/// <summary>
/// Payload of a dict object (<c>PyDictObject</c>): <see cref="Keys"/> null means the shared empty keys
/// (<c>Py_EMPTY_KEYS</c>, counted by nobody). A split dict has <see cref="SplitValues"/>, indexed by
/// entry number of its shared keys; <see cref="Order"/> lists the entries in this dict's insertion
/// order (3.11+ split values keep their own order).
/// </summary>
internal sealed class DictData
{
    public DictKeys? Keys;
    public int[]? SplitValues;
    public List<int>? Order;
    public int Used;
    /// <summary>Simulated address of a separately allocated split values array.</summary>
    public long ValuesAddress;
    public int ValuesBytes;
    /// <summary>Entry count of the values array at creation (its capacity).</summary>
    public int ValuesCapacity;

    /// <summary>3.13: the split values are the instance's inline values (<c>values->embedded</c>): the
    /// instance <see cref="EmbeddedOwner"/> owns their references and shares the array and order list with
    /// this dict, which does not traverse them (<c>dict_traverse</c>); clearing the dict empties them in
    /// place and keeps the shared keys; a resize or <c>_PyDict_DetachFromObject</c> ends the sharing.</summary>
    public bool Embedded;
    /// <summary>Slot of the instance whose inline values an <see cref="Embedded"/> dict uses (it holds a reference to this dict).</summary>
    public int EmbeddedOwner;

    public bool IsSplit => SplitValues is not null;

    public void Reset()
    {
        Keys = null;
        SplitValues = null;
        Order = null;
        Used = 0;
        ValuesAddress = 0;
        ValuesBytes = 0;
        ValuesCapacity = 0;
        Embedded = false;
        EmbeddedOwner = 0;
    }
}
