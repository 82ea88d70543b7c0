namespace PyHeapSim.Objects.Caches;

/// <summary>
/// Interned strings (<c>PyUnicode_InternInPlace</c>). The table does not own its strings: CPython
/// subtracts the interned dict's references, so an interned mortal string shows an ordinary count and
/// leaves the table when it dies. In 3.12 every interned string is made immortal instead.
/// </summary>
internal sealed class InternTable
{
    private readonly Dictionary<string, int> _bySlot = new(StringComparer.Ordinal);

    public bool TryGet(string s, out int o) => _bySlot.TryGetValue(s, out o);

    public void Add(string s, int o) => _bySlot[s] = o;

    public void Remove(string s, int o)
    {
        if (_bySlot.TryGetValue(s, out int cur) && cur == o) _bySlot.Remove(s);
    }

    public int Count => _bySlot.Count;
}
