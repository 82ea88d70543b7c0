namespace PyHeapSim.Objects.Stores;

/// <summary>
/// Payload of an instance of a class: its <c>__dict__</c> object (if created), its 3.11+ attribute
/// values stored without a dict object, and its <c>__slots__</c> members.
/// </summary>
internal sealed class InstanceData
{
    /// <summary>Slot of the <c>__dict__</c> object, 0 if none exists (yet).</summary>
    public int Dict;
    /// <summary>3.11+: values indexed by entry number of the class's shared keys; null once a dict object owns them.</summary>
    public int[]? Values;
    /// <summary>3.11+: the order in which this instance's attributes were first stored (entry numbers).</summary>
    public List<int>? Order;
    public int ValuesCapacity;
    public long ValuesAddress;
    public int ValuesBytes;
    /// <summary><c>__slots__</c> members, 0 = unset.</summary>
    public int[] Slots = [];

    /// <summary>An emptied order list kept from this payload's previous life (host pooling only).</summary>
    private List<int>? _spareOrder;

    /// <summary>An empty order list, reusing the one a previous owner of this payload left behind.</summary>
    public List<int> NewOrder()
    {
        List<int>? spare = _spareOrder;
        _spareOrder = null;
        return spare ?? [];
    }

    /// <summary>Forgets the dead instance's state so the payload can serve a new instance. A dict that took
    /// over the values and order (materialised <c>__dict__</c>) already owns them: only lists still ours are kept.</summary>
    /// <summary>The values array of the instance this record last served, kept for the next instance of the same
    /// capacity so that <c>x = C()</c> makes no host allocation. Only kept when no dict was ever made for the
    /// instance: a dict may share the array (3.13 embedded values).</summary>
    private int[]? _spareValues;

    /// <summary>A zeroed values array of <paramref name="capacity"/> slots.</summary>
    public int[] NewValues(int capacity)
    {
        int[]? spare = _spareValues;
        _spareValues = null;
        if (spare is null || spare.Length != capacity) return new int[capacity];
        for (int i = 0; i < spare.Length; i++) spare[i] = 0; // a few slots: cheaper than Array.Clear's call
        return spare;
    }

    public void Reset()
    {
        if (Values is not null && Dict == 0) _spareValues = Values;
        if (Order is not null)
        {
            Order.Clear();
            _spareOrder = Order;
        }
        Dict = 0;
        Values = null;
        Order = null;
        ValuesCapacity = 0;
        ValuesAddress = 0;
        ValuesBytes = 0;
        Slots = [];
    }
}
