using PyHeapSim.Collector;
using PyHeapSim.Memory;
using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;

namespace PyHeapSim;

/// <summary>The heap's invariants, checked in full. O(heap): for tests and debugging, not the hot path.</summary>
public sealed partial class PyHeap
{
    /// <summary>
    /// Checks every invariant and throws <see cref="HeapCorruptedException"/> listing the broken ones:
    /// each refcount equals the references other objects hold plus those owned through this API
    /// (<paramref name="strictExternal"/>: exactly; otherwise at least); the generation lists are
    /// well-linked and hold only live GC objects; the allocator's requested bytes equal the sum of the
    /// blocks the objects own.
    /// </summary>
    public void Verify(bool strictExternal = true)
    {
        List<string> problems = VerifyProblems(strictExternal);
        if (problems.Count > 0) throw new HeapCorruptedException(problems);
    }

    internal List<string> VerifyProblems(bool strictExternal)
    {
        var problems = new List<string>();
        var held = new Dictionary<int, long>();
        var refs = new List<int>();
        var keysSeen = new HashSet<DictKeys>(ReferenceEqualityComparer.Instance);
        long bytes = 0;

        void Hold(int target)
        {
            held[target] = held.GetValueOrDefault(target) + 1;
        }

        void CountKeys(DictKeys? k)
        {
            if (k is null || !keysSeen.Add(k)) return;
            bytes += k.Address != 0 ? k.AllocatedBytes : 0;
            if (k.Shared)
            {
                for (int i = 0; i < k.NEntries; i++) if (k.Keys[i] != 0) Hold(k.Keys[i]);
            }
        }

        foreach (int o in T.LiveSlots())
        {
            refs.Clear();
            ObjectModel.OwnedRefs(this, o, refs);
            foreach (int r in refs)
            {
                if (!T.IsLive(r)) problems.Add($"#{o} ({ObjectModel.TypeName(this, o)}) holds a reference to freed slot #{r}");
                else Hold(r);
            }
            TypeKind kind = T.Kind(o);
            if (kind == TypeKind.Type && T.TypeInfoOfType(o).IsHeapType) Hold(T.TypeOf(o));
            if (!T.Has(o, ObjectFlags.Static)) bytes += T.BlockBytes(o);
            switch (kind)
            {
                case TypeKind.List when T.Payload(o) is ListData ld:
                    bytes += ld.ItemsBytes;
                    break;
                case TypeKind.Dict:
                {
                    DictData d = DictType.Data(this, o);
                    CountKeys(d.Keys);
                    bytes += d.ValuesBytes;
                    break;
                }
                case TypeKind.Set:
                case TypeKind.FrozenSet:
                {
                    SetData s = SetType.Data(this, o);
                    if (s.TableAddress != 0) bytes += 16L * s.Keys.Length;
                    break;
                }
                case TypeKind.Instance:
                    bytes += InstanceType.Data(this, o).ValuesBytes;
                    break;
                case TypeKind.Type when T.TypeInfoOfType(o).CachedKeys is { } ck:
                    CountKeys(ck);
                    break;
                case TypeKind.Generic:
                {
                    GenericData g = GenericType.Data(this, o);
                    bytes += g.ExtraBytes;
                    if (g.Host is IHostBuffers buffers) bytes += buffers.OwnedBytes;
                    break;
                }
            }
        }
        if (Gc.GarbageList != 0) Hold(Gc.GarbageList);

        foreach (int o in T.LiveSlots())
        {
            if (T.Has(o, ObjectFlags.Static) || T.Has(o, ObjectFlags.Immortal)) continue;
            long internalRefs = held.GetValueOrDefault(o);
            long expected = internalRefs + T.External(o);
            long actual = T.RefCount(o);
            if (strictExternal ? actual != expected : actual < internalRefs)
            {
                problems.Add($"#{o} ({ObjectModel.TypeName(this, o)}): refcount {actual}, but {internalRefs} held by objects + {T.External(o)} owned through the API");
            }
            if (actual <= 0) problems.Add($"#{o} ({ObjectModel.TypeName(this, o)}) is live with refcount {actual}");
        }

        VerifyGenerationLists(problems);

        VerifyMemory(problems);
        bytes += FreeListBytes();
        if (bytes != Memory.RequestedBytes)
        {
            problems.Add($"allocator accounting: objects own {bytes} bytes but the allocator holds {Memory.RequestedBytes} requested bytes");
        }
        return problems;
    }

    private long FreeListBytes()
    {
        long bytes = FreeLists.ParkedBytes;
        foreach (IParkedBlocks cache in _extensionCaches) bytes += cache.ParkedBytes;
        return bytes;
    }

    private void VerifyGenerationLists(List<string> problems)
    {
        int tracked = 0;
        for (int head = 1; head <= GenerationalCollector.PermanentHead; head++)
        {
            int prev = head;
            int steps = 0;
            for (int o = T.GcNext(head); o != head; o = T.GcNext(o))
            {
                if (++steps > T.HighWater)
                {
                    problems.Add($"generation list {head - 1} does not return to its head");
                    break;
                }
                if (T.GcPrev(o) != prev) problems.Add($"#{o}: gc_prev does not point at its predecessor");
                if (!T.IsLive(o)) problems.Add($"freed slot #{o} is on generation list {head - 1}");
                else if (!T.Has(o, ObjectFlags.GcType)) problems.Add($"#{o} ({ObjectModel.TypeName(this, o)}) is tracked but not a GC type");
                if (T.Has(o, ObjectFlags.Collecting | ObjectFlags.Unreachable) && !Gc.Collecting)
                {
                    problems.Add($"#{o} keeps collector flags outside a collection");
                }
                tracked++;
                prev = o;
            }
            if (T.GcPrev(head) != prev) problems.Add($"generation list {head - 1}: head's gc_prev is not the last object");
        }
        for (int h = GenerationalCollector.UnreachableHead; h < ObjectTable.FirstObjectSlot; h++)
        {
            if (!T.ListIsEmpty(h) && !Gc.Collecting) problems.Add($"scratch list {h} is not empty outside a collection");
        }
        int trackedByFlag = 0;
        foreach (int o in T.LiveSlots()) if (T.IsTracked(o)) trackedByFlag++;
        if (trackedByFlag != tracked && !Gc.Collecting)
        {
            problems.Add($"{trackedByFlag} objects are marked tracked but the generation lists hold {tracked}");
        }
    }
}
