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
    public void Reset()
    {
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
