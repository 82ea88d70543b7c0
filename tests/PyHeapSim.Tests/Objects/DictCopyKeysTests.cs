namespace PyHeapSim.Tests.Objects;

/// <summary>
/// <c>clone_combined_dict_keys</c> (behind <c>d.copy()</c> and <c>{**d}</c>/<c>f(**d)</c> of a fresh small dict)
/// allocates a new keys table with <c>PyObject_Malloc</c>; only <c>new_keys_object</c> takes tables from the
/// keys free list, but both are parked there when freed. So each round of "build a one-key dict, copy it,
/// drop both" leaves one more 8-slot table on the free list — traced — until the list is full.
/// Probed on CPython 3.8.18 … 3.13.0: +168 bytes a round up to 3.10, +120 from 3.11 (32-byte header,
/// 16-byte str entries).
/// </summary>
[TestFixtureSource(typeof(Versions), nameof(Versions.All))]
public sealed class DictCopyKeysTests(PythonVersion version)
{
    [Test]
    public void CopyOfASmallDict_ParksOneMoreKeysTablePerRound_UntilTheFreeListIsFull()
    {
        PyHeap heap = Versions.Heap(version);
        long table = version >= PythonVersion.Py311 ? 120 : 168;
        heap.TracemallocStart();
        PyRef key = heap.NewStr("casting");
        PyRef value = heap.NewStr("unsafe");
        long Round()
        {
            long before = heap.TracemallocGetTracedMemory().Current;
            PyRef d = heap.NewDict();
            heap.DictSetItem(d, key, value);
            PyRef c = heap.DictCopy(d);
            heap.DecRef(c);
            heap.DecRef(d);
            return heap.TracemallocGetTracedMemory().Current - before;
        }
        Round();
        long[] first = [Round(), Round(), Round()];
        first.Should().Equal(table, table, table);
        long[] all = [.. Enumerable.Range(0, heap.Profile.FreeLists.DictKeys + 2).Select(_ => Round())];
        all[^1].Should().Be(0, "a full keys free list frees the extra table");
        heap.DecRef(key);
        heap.DecRef(value);
        heap.Verify();
    }
}
