using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>Attribute access (<c>PyObject_GenericGetAttr</c> and friends) for instances, classes, modules and functions.</summary>
public sealed partial class Interpreter
{
    /// <summary><c>getattr(obj, name)</c>: a new reference; AttributeError when absent.</summary>
    public int GetAttr(int obj, string name)
    {
        int v = TryGetAttr(obj, name);
        if (v != 0) return v;
        throw Raise("AttributeError", AttributeErrorMessage(obj, name));
    }

    internal string AttributeErrorMessage(int obj, string name)
    {
        if (T.TypeOf(obj) == Types.Module) return $"module '{((ModuleInfo)GenericType.Data(Heap, obj).Host!).Name}' has no attribute '{name}'";
        if (Kind(obj) == TypeKind.Type) return $"type object '{T.TypeInfoOfType(obj).Name}' has no attribute '{name}'";
        if (IsDeclaredSlot(obj, name)) return string.Format(Profile.Messages.UnsetSlotRead, TypeName(obj), name);
        return $"'{TypeName(obj)}' object has no attribute '{name}'";
    }

    /// <summary>True when <paramref name="name"/> is one of the <c>__slots__</c> of <paramref name="obj"/>'s class (a member descriptor).</summary>
    private bool IsDeclaredSlot(int obj, string name) =>
        Kind(obj) == TypeKind.Instance && T.TypeInfoOf(obj).SlotNames.Contains(name);

    /// <summary>Like <see cref="GetAttr"/> but returns 0 when absent.</summary>
    internal int TryGetAttr(int obj, string name)
    {
        TypeKind kind = Kind(obj);
        int type = T.TypeOf(obj);
        switch (kind)
        {
            case TypeKind.Instance:
            {
                if (name == "__dict__")
                {
                    int d = InstanceType.GetDict(Heap, obj);
                    return d == 0 ? 0 : NewRef(d);
                }
                if (name == "__class__") return NewRef(type);
                int v = InstanceType.GetAttr(Heap, obj, InternedName(name));
                if (v != 0) return NewRef(v);
                if (name == RuntimeTypes.TracebackSlot && IsExceptionClass(type)) return ExceptionTraceback(obj);
                int cv = ClassType.LookupAttribute(Heap, type, InternedName(name));
                // A member descriptor is a data descriptor (member_get): an unset slot is an AttributeError,
                // not the descriptor.
                if (cv != 0 && T.TypeOf(cv) == Types.MemberDescriptor) return 0;
                if (cv != 0) return BindIfFunction(cv, obj);
                return GetBuiltinAttribute(obj, name);
            }
            case TypeKind.Type:
            {
                TypeInfo ti = T.TypeInfoOfType(obj);
                if (name == "__name__") return NewStr(ShortTypeName(ti));
                if (name == "__qualname__") return NewStr(ShortTypeName(ti));
                if (name == "__dict__" && ti.Dict != 0) return NewRef(ti.Dict);
                if (name == "__base__") return NewRef(ti.Base != 0 ? ti.Base : None);
                int v = ClassType.LookupAttribute(Heap, obj, InternedName(name));
                if (v != 0) return NewRef(v);
                BuiltinFunction? tm = FindBuiltinMethod(obj, name);
                if (tm is not null) return NewBuiltinFunction(name, tm, obj);
                return GetBuiltinAttribute(obj, name);
            }
        }
        if (type == Types.Module)
        {
            int dict = GenericType.Data(Heap, obj).Refs[0];
            if (name == "__dict__") return NewRef(dict);
            int v = DictType.GetItem(Heap, dict, InternedName(name));
            return v == 0 ? 0 : NewRef(v);
        }
        if (type == Types.Function)
        {
            GenericData g = GenericType.Data(Heap, obj);
            switch (name)
            {
                case "__name__":
                case "__qualname__":
                    return NewRef(g.Refs[FunctionInfo.NameRef]);
                case "__code__":
                    return NewRef(g.Refs[FunctionInfo.CodeRef]);
                case "__defaults__":
                    return NewRef(g.Refs[FunctionInfo.DefaultsRef] != 0 ? g.Refs[FunctionInfo.DefaultsRef] : None);
            }
        }
        if (type == Types.Traceback)
        {
            switch (name)
            {
                case "tb_next":
                {
                    int next = TracebackType.Next(Heap, obj);
                    return NewRef(next != 0 ? next : None);
                }
                case "tb_frame":
                {
                    // ≤3.10 the module frame is not an object here: the attribute reads as missing.
                    int frame = TracebackType.Frame(Heap, obj);
                    return frame != 0 ? NewRef(frame) : 0;
                }
                case "tb_lineno":
                    return NewInt(TracebackType.Line(Heap, obj));
            }
        }
        if (type == Types.Method)
        {
            int[] refs = GenericType.Data(Heap, obj).Refs;
            if (name == "__self__") return NewRef(refs[1]);
            if (name == "__func__") return NewRef(refs[0]);
        }
        if (name == "__class__") return NewRef(type);
        BuiltinFunction? m = FindBuiltinMethod(obj, name);
        if (m is not null) return NewBuiltinFunction(name, m, obj);
        return GetBuiltinAttribute(obj, name);
    }

    /// <summary>A class attribute read through an instance: functions become bound methods (a new GC object).</summary>
    private int BindIfFunction(int classAttr, int self)
    {
        if (T.TypeOf(classAttr) == Types.Function) return GenericType.New(Heap, Types.Method, [classAttr, self], null);
        return NewRef(classAttr);
    }

    /// <summary><c>obj.name = value</c> (value borrowed).</summary>
    public void SetAttr(int obj, string name, int value)
    {
        switch (Kind(obj))
        {
            case TypeKind.Instance:
                if (name == "__dict__" && SetInstanceDict(obj, value)) return;
                if (!InstanceType.SetAttr(Heap, obj, InternedName(name), value))
                {
                    throw Raise("AttributeError", NoDictAttributeMessage(obj, name));
                }
                return;
            case TypeKind.Type:
            {
                TypeInfo ti = T.TypeInfoOfType(obj);
                if (!ti.IsHeapType) throw Raise("TypeError", $"cannot set '{name}' attribute of immutable type '{ti.Name}'");
                DictType.SetItem(Heap, ti.Dict, InternedName(name), value);
                if (name == "__del__") ti.HasFinalizer = true;
                return;
            }
        }
        if (T.TypeOf(obj) == Types.Module)
        {
            DictType.SetItem(Heap, GenericType.Data(Heap, obj).Refs[0], InternedName(name), value);
            return;
        }
        if (SetBuiltinAttribute(obj, name, value)) return;
        throw Raise("AttributeError", NoDictAttributeMessage(obj, name));
    }

    /// <summary>Setting or deleting <paramref name="name"/> failed on an object without a <c>__dict__</c>.</summary>
    private string NoDictAttributeMessage(int obj, string name) =>
        $"'{TypeName(obj)}' object has no attribute '{name}'{Profile.Messages.NoDictForNewAttributes}";

    /// <summary><c>subtype_setdict</c>: <c>obj.__dict__ = value</c> (0 = <c>del</c>); false when the instance has no <c>__dict__</c>.</summary>
    private bool SetInstanceDict(int obj, int value)
    {
        if (!T.TypeInfoOf(obj).HasInstanceDict) return false;
        if (value != 0 && Kind(value) != TypeKind.Dict)
        {
            throw Raise("TypeError", $"__dict__ must be set to a dictionary, not a '{TypeName(value)}'");
        }
        return InstanceType.SetDict(Heap, obj, value);
    }

    /// <summary><c>del obj.name</c>.</summary>
    internal void DelAttr(int obj, string name)
    {
        if (name == "__dict__" && Kind(obj) == TypeKind.Instance && SetInstanceDict(obj, 0)) return;
        bool ok = Kind(obj) switch
        {
            TypeKind.Instance => InstanceType.DelAttr(Heap, obj, InternedName(name)),
            TypeKind.Type when T.TypeInfoOfType(obj).IsHeapType => DictType.DelItem(Heap, T.TypeInfoOfType(obj).Dict, InternedName(name)),
            _ => T.TypeOf(obj) == Types.Module && DictType.DelItem(Heap, GenericType.Data(Heap, obj).Refs[0], InternedName(name)),
        };
        if (ok) return;
        // member_set with NULL on an unset slot: AttributeError(name) in every version.
        if (IsDeclaredSlot(obj, name)) throw Raise("AttributeError", name);
        bool hasDict = Kind(obj) == TypeKind.Instance ? T.TypeInfoOf(obj).HasInstanceDict : Kind(obj) == TypeKind.Type || T.TypeOf(obj) == Types.Module;
        if (!hasDict) throw Raise("AttributeError", NoDictAttributeMessage(obj, name));
        if (Kind(obj) == TypeKind.Instance) throw Raise("AttributeError", string.Format(Profile.Messages.DeleteMissingInstanceAttribute, TypeName(obj), name));
        throw Raise("AttributeError", AttributeErrorMessage(obj, name));
    }

    /// <summary><c>_PyObject_LookupSpecial</c>: <paramref name="name"/> on the type of <paramref name="obj"/> (a new reference, unbound), or 0.</summary>
    internal int LookupSpecial(int obj, string name)
    {
        int type = T.TypeOf(obj);
        if (!T.TypeInfoOfType(type).IsHeapType && Kind(obj) != TypeKind.Instance) return 0;
        int v = ClassType.LookupAttribute(Heap, type, InternedName(name));
        return v == 0 ? 0 : NewRef(v);
    }

    /// <summary><c>isinstance(obj, cls)</c> for a single class.</summary>
    internal bool IsInstance(int obj, int cls)
    {
        int type = T.TypeOf(obj);
        if (cls == Heap.Types.Object) return true;
        if (cls == Heap.Types.Int && Kind(obj) == TypeKind.Bool) return true;
        for (int t = type; t != 0; t = T.TypeInfoOfType(t).Base)
        {
            if (t == cls) return true;
        }
        return false;
    }

    /// <summary><c>PyErr_WriteUnraisable</c>: reports an exception that cannot propagate (from <c>__del__</c> or a callback) on stderr.</summary>
    internal void WriteUnraisable(PyException e, string header)
    {
        Stderr.WriteLine(header);
        Stderr.WriteLine("Traceback (most recent call last):");
        foreach (TracebackEntry t in e.Traceback) Stderr.WriteLine($"  File \"{t.FileName}\", line {t.Line}, in {t.Function}");
        Stderr.WriteLine(e.Message);
        ReleaseException(e);
    }

    /// <summary>A repr for diagnostics that never throws (e.g. <c>&lt;function C.__del__ at 0x…&gt;</c>).</summary>
    internal string SafeRepr(int function, int self)
    {
        try
        {
            string fn = T.TypeOf(function) == Types.Function ? ((FunctionInfo)GenericType.Data(Heap, function).Host!).Code.Name : TypeName(function);
            return $"<function {T.TypeInfoOf(self).Name}.{fn} at 0x{T.Address(function):x}>";
        }
        catch (PyException)
        {
            return "<object>";
        }
    }

    /// <summary>
    /// Drops the reference an exception in flight holds to its object (the thread state's, or the handler's).
    /// When that was the last one, the object dies with its traceback (<c>BaseException_clear</c>: <c>args</c>
    /// before <c>__traceback__</c>), and the traceback with the frame objects only it kept, and their locals.
    /// </summary>
    internal void ReleaseException(PyException e)
    {
        int exc = e.ExceptionObject;
        e.ExceptionObject = 0;
        XDecRef(exc);
    }
}
