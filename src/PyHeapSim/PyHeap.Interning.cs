using PyHeapSim.Objects;
using PyHeapSim.Objects.Caches;
using PyHeapSim.Objects.Types;

namespace PyHeapSim;

public sealed partial class PyHeap
{
    private readonly InternTable _interned = new();

    /// <summary>
    /// <c>sys.intern</c> / compiler interning: the interned string equal to <paramref name="s"/>, as a new
    /// reference. Interned strings are immortal in 3.12 (cpython-facts §4.2).
    /// </summary>
    internal int InternStr(string s)
    {
        if (_interned.TryGet(s, out int existing)) return NewRef(existing);
        int o = StrType.New(this, s);
        return InternExisting(o);
    }

    /// <summary>Interns an existing string object (steals the caller's reference, returns the interned one).</summary>
    internal int InternExisting(int o)
    {
        string s = StrType.Value(this, o);
        if (_interned.TryGet(s, out int existing))
        {
            if (existing == o) return o;
            IncRef(existing);
            DecRef(o);
            return existing;
        }
        if (T.Has(o, ObjectFlags.Static))
        {
            _interned.Add(s, o);
            T.Set(o, ObjectFlags.Interned);
            return o;
        }
        _interned.Add(s, o);
        T.Set(o, ObjectFlags.Interned);
        if (Profile.RefCounts.InternedStringsImmortal)
        {
            T.Set(o, ObjectFlags.Immortal);
            T.SetRefCount(o, Profile.RefCounts.ImmortalRefCount);
        }
        return o;
    }

    internal void ForgetInterned(int o) => _interned.Remove(StrType.Value(this, o), o);

    /// <summary><c>sys.intern(s)</c> on a str handle: returns the interned string (a new reference).</summary>
    public PyRef Intern(PyRef str)
    {
        int o = Slot(str);
        if (T.Kind(o) != TypeKind.Str) Throw.Type($"intern() argument must be str, not {ObjectModel.TypeName(this, o)}");
        IncRef(o);
        return Owned(InternExisting(o));
    }
}
