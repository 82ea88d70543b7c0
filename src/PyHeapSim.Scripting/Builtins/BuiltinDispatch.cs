using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Builtins;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>Where the evaluator finds built-in names, methods, attributes and native calls.</summary>
public sealed partial class Interpreter
{
    internal partial void RegisterBuiltins()
    {
        BuiltinsModule.Register(this);
        TypeConstructors.Register(this);
        SysModule.Register(this);
        GcModule.Register(this);
        WeakrefModule.Register(this);
        TracemallocModule.Register(this);
        NumpyModule.Register(this);
    }

    internal partial bool SetBuiltinAttribute(int obj, string name, int value) =>
        T.TypeOf(obj) == Types.Finalize && WeakrefModule.SetFinalizeAttribute(this, obj, name, value);

    internal partial BuiltinFunction? FindBuiltinMethod(int self, string name)
    {
        switch (Kind(self))
        {
            case TypeKind.List: return ListMethods.Find(name);
            case TypeKind.Dict: return DictMethods.Find(name);
            case TypeKind.Set: return SetMethods.Find(name, frozen: false);
            case TypeKind.FrozenSet: return SetMethods.Find(name, frozen: true);
            case TypeKind.Str: return StrMethods.Find(name);
            case TypeKind.Tuple: return TupleMethods.Find(name);
            case TypeKind.Type:
                if (self == Heap.Types.Dict && name == "fromkeys") return DictMethods.Find(name);
                return null;
            case TypeKind.Generic:
                if (GenericType.Data(Heap, self).Host is NdArrayInfo) return NdArrays.FindMethod(name);
                if (T.TypeOf(self) == Types.Finalize) return WeakrefModule.FindFinalizeMethod(name);
                return null;
            default:
                return null;
        }
    }

    internal partial int GetBuiltinAttribute(int obj, string name)
    {
        switch (Kind(obj))
        {
            case TypeKind.Type:
            {
                TypeInfo ti = T.TypeInfoOfType(obj);
                switch (name)
                {
                    case "__name__": return NewStr(ShortTypeName(ti));
                    case "__qualname__": return NewStr(ShortTypeName(ti));
                    case "__module__": return NewStr(ti.IsHeapType ? "__main__" : "builtins");
                }
                return 0;
            }
            case TypeKind.WeakRef:
                if (name == "__callback__")
                {
                    int cb = ((Objects.Stores.WeakRefData)T.Payload(obj)!).Callback;
                    return cb == 0 ? NewNone() : NewRef(cb);
                }
                return 0;
            case TypeKind.Generic:
            {
                GenericData data = GenericType.Data(Heap, obj);
                int type = T.TypeOf(obj);
                if (data.Host is NdArrayInfo) return NdArrays.GetAttribute(this, obj, name);
                if (type == Types.Finalize) return WeakrefModule.GetFinalizeAttribute(this, obj, name);
                if (type == Types.Range)
                {
                    return name switch { "start" => NewRef(data.Refs[0]), "stop" => NewRef(data.Refs[1]), "step" => NewRef(data.Refs[2]), _ => 0 };
                }
                if (type == Types.Slice)
                {
                    return name switch { "start" => NewRef(data.Refs[0]), "stop" => NewRef(data.Refs[1]), "step" => NewRef(data.Refs[2]), _ => 0 };
                }
                if (type == Types.BuiltinFunction && data.Host is NativeFunction nf)
                {
                    if (name == "__name__") return NewStr(nf.Name);
                    if (name == "__self__") return data.Refs.Length > 0 && data.Refs[0] != 0 ? NewRef(data.Refs[0]) : NewNone();
                }
                return 0;
            }
            case TypeKind.Float:
                if (name == "real") return NewRef(obj);
                if (name == "imag") return NewFloat(0.0);
                return 0;
            case TypeKind.Int:
                if (name is "real" or "numerator") return NewRef(obj);
                if (name == "denominator") return NewInt(1);
                if (name == "imag") return NewInt(0);
                return 0;
            default:
                return 0;
        }
    }
}
