using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// <c>Py_ReprEnter</c> / <c>Py_ReprLeave</c> (<c>Objects/object.c</c>): the containers whose repr is
/// running, so that a container inside itself prints as <c>[...]</c>. CPython keeps them in a list stored
/// under <c>"Py_Repr"</c> in the thread state's dict; both are made by the first container repr of the
/// process (<c>PyThreadState_GetDict</c> creates the dict lazily) and live on, so that repr is two GC
/// allocations more than the later ones (measured on 3.8–3.13: <c>repr([1])</c> right after a collection
/// counts 2 the first time, 0 afterwards). The list holds a reference to each container while its repr runs.
/// </summary>
public sealed partial class Interpreter
{
    // Membership test for the heap list below (CPython scans the list from its end).
    private readonly HashSet<int> _reprActive = [];

    /// <summary>The thread state's dict (<c>tstate-&gt;dict</c>), 0 until first needed (owned).</summary>
    private int _threadStateDict;

    /// <summary>The <c>Py_Repr</c> list in <see cref="_threadStateDict"/> (borrowed from it), 0 until first needed.</summary>
    private int _reprList;

    /// <summary><c>Py_ReprEnter</c>: false when <paramref name="o"/> is already being repr'd; otherwise records it.</summary>
    private bool ReprEnter(int o)
    {
        MakeReprList();
        if (!_reprActive.Add(o)) return false;
        ListType.Append(Heap, _reprList, o);
        return true;
    }

    /// <summary>
    /// The thread state's dict and its <c>Py_Repr</c> list, made by the first container repr (or by an import
    /// that reprs one: <see cref="Profiles.FreeListCensus.MadeReprList"/>). The key is an identifier string
    /// (<see cref="PyHeap.IdentifierStr"/>): made and interned up to 3.10, static from 3.11.
    /// </summary>
    private void MakeReprList()
    {
        if (_reprList != 0) return;
        _threadStateDict = NewDict();
        int list = NewList();
        int key = Heap.IdentifierStr("Py_Repr");
        DictType.SetItem(Heap, _threadStateDict, key, list);
        DecRef(key);
        DecRef(list);
        _reprList = list;
    }

    /// <summary><c>Py_ReprLeave</c>: removes the last occurrence of <paramref name="o"/> from the list.</summary>
    private void ReprLeave(int o)
    {
        _reprActive.Remove(o);
        Span<int> items = ListType.Items(Heap, _reprList);
        for (int i = items.Length - 1; i >= 0; i--)
        {
            if (items[i] != o) continue;
            ListType.AssignSlice(Heap, _reprList, i, i + 1, []);
            return;
        }
    }
}
