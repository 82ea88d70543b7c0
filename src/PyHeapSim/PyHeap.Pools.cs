using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PyHeapSim.Objects.Stores;

namespace PyHeapSim;

/// <summary>Host-side pools of payload objects, so simulated objects that come and go cost no host allocation.</summary>
public sealed partial class PyHeap
{
    /// <summary>Most spare payload records of each kind kept for reuse.</summary>
    private const int PooledRecordsPerKind = 4096;

    private HostPool<ListData> _listDataPool = new(PooledRecordsPerKind);
    private HostPool<DictData> _dictDataPool = new(PooledRecordsPerKind);
    private HostPool<InstanceData> _instanceDataPool = new(PooledRecordsPerKind);

    /// <summary>Run by a full collection just before the heap's own free lists are cleared: a host that keeps
    /// free lists of objects of its own (the interpreter's ≤3.10 frame free list) frees them here.</summary>
    internal Action? ClearingFreeLists { get; set; }

    /// <summary>Item arrays of dead tuples by length (1 … <see cref="PooledTupleMaxLength"/>), so a tuple that
    /// comes from CPython's tuple free list costs no host allocation either. Plain arrays with a count rather
    /// than <see cref="Stack{T}"/>: the shared generic code of a stack of arrays cost a type-handle lookup per pop.</summary>
    private readonly int[][]?[] _tupleItemsPool = new int[][]?[PooledTupleMaxLength + 1];

    private readonly int[] _tupleItemsPooled = new int[PooledTupleMaxLength + 1];

    /// <summary>CPython's <c>PyTuple_MAXSAVESIZE</c>: longer tuples are not worth keeping.</summary>
    internal const int PooledTupleMaxLength = 20;

    private const int PooledTupleArraysPerLength = 2000;

    internal ListData RentListData() => _listDataPool.TryPop(out ListData? d) ? d : new ListData();

    internal void ReturnListData(ListData d)
    {
        d.Items = [];
        d.Allocated = 0;
        d.ItemsAddress = 0;
        d.ItemsBytes = 0;
        _listDataPool.Push(d);
    }

    internal InstanceData RentInstanceData() => _instanceDataPool.TryPop(out InstanceData? d) ? d : new InstanceData();

    internal void ReturnInstanceData(InstanceData d)
    {
        d.Reset();
        _instanceDataPool.Push(d);
    }

    internal DictData RentDictData() => _dictDataPool.TryPop(out DictData? d) ? d : new DictData();

    internal void ReturnDictData(DictData d)
    {
        d.Reset();
        _dictDataPool.Push(d);
    }

    /// <summary>An item array for a tuple of <paramref name="length"/> items, holding stale slots the caller
    /// overwrites; true when it is pooled (to be given back by <see cref="ReturnTupleItems"/>).</summary>
    internal int[] RentTupleItems(int length, out bool pooled)
    {
        pooled = length <= PooledTupleMaxLength;
        if (pooled)
        {
            int n = _tupleItemsPooled[length];
            if (n > 0)
            {
                _tupleItemsPooled[length] = n - 1;
                return _tupleItemsPool[length]![n - 1];
            }
        }
        return new int[length];
    }

    /// <summary>Keeps a dead tuple's item array for the next tuple of its length. Not cleared: the slots are
    /// plain ints (no host reference is kept alive) and <see cref="RentTupleItems"/>' caller overwrites them.</summary>
    internal void ReturnTupleItems(int[] items)
    {
        int length = items.Length;
        if (length > PooledTupleMaxLength) return;
        int n = _tupleItemsPooled[length];
        if (n >= PooledTupleArraysPerLength) return;
        int[][] pool = _tupleItemsPool[length] ??= new int[16][];
        if (n == pool.Length) _tupleItemsPool[length] = pool = GrowPool(pool);
        // Stored through a ref: an int[] in an int[][] needs no covariance check, which the indexer would make.
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(pool), n) = items;
        _tupleItemsPooled[length] = n + 1;
    }

    private static int[][] GrowPool(int[][] pool)
    {
        Array.Resize(ref pool, pool.Length * 2);
        return pool;
    }
}
