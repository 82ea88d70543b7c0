using PyHeapSim.Objects.Stores;

namespace PyHeapSim;

/// <summary>Host-side pools of payload objects, so simulated objects that come and go cost no host allocation.</summary>
public sealed partial class PyHeap
{
    private readonly Stack<ListData> _listDataPool = new();
    private readonly Stack<DictData> _dictDataPool = new();

    internal ListData RentListData() => _listDataPool.TryPop(out ListData? d) ? d : new ListData();

    internal void ReturnListData(ListData d)
    {
        d.Items = [];
        d.Allocated = 0;
        d.ItemsAddress = 0;
        d.ItemsBytes = 0;
        if (_listDataPool.Count < 4096) _listDataPool.Push(d);
    }

    internal DictData RentDictData() => _dictDataPool.TryPop(out DictData? d) ? d : new DictData();

    internal void ReturnDictData(DictData d)
    {
        d.Reset();
        if (_dictDataPool.Count < 4096) _dictDataPool.Push(d);
    }
}
