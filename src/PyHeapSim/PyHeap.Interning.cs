using PyHeapSim.Objects;
using PyHeapSim.Objects.Caches;
using PyHeapSim.Objects.Types;
using PyHeapSim.Profiles;

namespace PyHeapSim;

public sealed partial class PyHeap
{
    private readonly InternTable _interned = new();

    /// <summary>
    /// <c>sys.intern</c> / compiler interning: the interned string equal to <paramref name="s"/>, as a new
    /// reference. Interned strings are immortal in 3.12 (cpython-facts §4.2); <paramref name="immortalize"/>
    /// is 3.13's <c>_PyUnicode_InternImmortal</c> (names of code objects).
    /// </summary>
    internal int InternStr(string s, bool immortalize = false)
    {
        if (_interned.TryGet(s, out int existing))
        {
            if (immortalize) ImmortalizeInterned(existing);
            return NewRef(existing);
        }
        int o = StrType.New(this, s);
        return InternExisting(o, immortalize);
    }

    private readonly Dictionary<string, int> _staticIdentifiers = new(StringComparer.Ordinal);

    /// <summary>
    /// The string C code names as an identifier (<c>_Py_ID(name)</c> from 3.11, <c>_Py_IDENTIFIER</c> before), as
    /// a new reference. Up to 3.10 it is made and interned on first use; from 3.11 it is statically allocated
    /// (<see cref="RefCountRules.StaticIdentifiers"/>): no block, and interned only where start-up interns the
    /// static strings (3.12+).
    /// </summary>
    internal int IdentifierStr(string s)
    {
        if (!Profile.RefCounts.StaticIdentifiers || Profile.RefCounts.StaticInternedStrings.Contains(s)) return InternStr(s);
        if (!_staticIdentifiers.TryGetValue(s, out int st))
        {
            st = NewStaticObject(Types.Str, TypeKind.Str, deepFrozen: true);
            StrType.Init(this, st, s);
            _staticIdentifiers.Add(s, st);
        }
        return NewRef(st);
    }

    /// <summary>
    /// Interns an existing string object (steals the caller's reference, returns the interned one), in
    /// 3.13 <c>intern_common</c>'s order: an interned equal (made immortal when asked), then a string
    /// start-up interned (<see cref="RefCountRules.StaticInternedStrings"/>,
    /// <see cref="RefCountRules.StartupInternedStrings"/>), then the object itself.
    /// </summary>
    internal int InternExisting(int o, bool immortalize = false)
    {
        string s = StrType.Value(this, o);
        if (_interned.TryGet(s, out int existing))
        {
            if (immortalize) ImmortalizeInterned(existing);
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
        if (Profile.RefCounts.StaticInternedStrings.Contains(s) || Profile.RefCounts.StartupInternedStrings.Contains(s))
        {
            // Created on first use: these exist before the script and are never freed, so nothing of their
            // allocation is observable and this equals creating all of them at start-up.
            int st = NewStaticObject(Types.Str, TypeKind.Str, deepFrozen: true);
            StrType.Init(this, st, s);
            T.Set(st, ObjectFlags.Interned);
            _interned.Add(s, st);
            DecRef(o);
            return st;
        }
        if (Profile.RefCounts.StartupMortalStrings.TryGetValue(s, out int holders))
        {
            // A mortal string start-up interned, held by start-up objects the heap does not model: static
            // here (not the script's allocation, never freed), counting those holders plus ours.
            int st = T.NewSlot(Types.Str, TypeKind.Str, ObjectFlags.Static);
            T.SetAddress(st, StaticAddress(st));
            StrType.Init(this, st, s);
            T.Set(st, ObjectFlags.Interned);
            T.SetRefCount(st, holders + 1);
            _interned.Add(s, st);
            DecRef(o);
            return st;
        }
        _interned.Add(s, o);
        T.Set(o, ObjectFlags.Interned);
        if (Profile.RefCounts.InternedStringsImmortal || immortalize)
        {
            T.Set(o, ObjectFlags.Immortal);
            T.SetRefCount(o, Profile.RefCounts.ImmortalRefCount);
        }
        return o;
    }

    /// <summary>3.13 <c>immortalize_interned</c>: an interned mortal string becomes immortal for good.</summary>
    private void ImmortalizeInterned(int o)
    {
        if (T.Has(o, ObjectFlags.Immortal) || Profile.RefCounts.Immortality != ImmortalityModel.Immortal) return;
        T.Set(o, ObjectFlags.Immortal);
        T.SetRefCount(o, Profile.RefCounts.ImmortalRefCount);
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
