using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Builtins;

namespace PyHeapSim.Scripting.Runtime;

/// <summary><c>PyObject_IsTrue</c> and <c>PyObject_Size</c> (<c>len</c>).</summary>
public sealed partial class Interpreter
{
    internal partial bool IsTrue(int o)
    {
        if (o == Heap.TrueObj) return true;
        if (o == Heap.FalseObj || o == Heap.NoneObj) return false;
        switch (Kind(o))
        {
            case TypeKind.Int:
                return IntType.TryGetInt64(Heap, o, out long v) ? v != 0 : !IntType.Value(Heap, o).IsZero;
            case TypeKind.Float:
                return FloatType.Value(Heap, o) != 0;
            case TypeKind.Str:
                return StrType.Length(Heap, o) != 0;
            case TypeKind.Bytes:
                return BytesType.Value(Heap, o).Length != 0;
            case TypeKind.Tuple:
                return TupleType.Items(Heap, o).Length != 0;
            case TypeKind.List:
                return ListType.Size(Heap, o) != 0;
            case TypeKind.Dict:
                return DictType.Count(Heap, o) != 0;
            case TypeKind.Set:
            case TypeKind.FrozenSet:
                return SetType.Count(Heap, o) != 0;
            case TypeKind.Instance:
            {
                int method = LookupSpecial(o, "__bool__");
                if (method != 0)
                {
                    int r;
                    try
                    {
                        r = CallMethod(method, o, []);
                    }
                    finally
                    {
                        DecRef(method);
                    }
                    try
                    {
                        if (Kind(r) != TypeKind.Bool) Raise("TypeError", $"__bool__ should return bool, returned {TypeName(r)}");
                        return r == Heap.TrueObj;
                    }
                    finally
                    {
                        DecRef(r);
                    }
                }
                method = LookupSpecial(o, "__len__");
                if (method != 0)
                {
                    DecRef(method);
                    return Length(o) != 0;
                }
                return true;
            }
            case TypeKind.Generic:
            {
                if (T.TypeOf(o) == Types.Range) return ((RangeInfo)GenericType.Data(Heap, o).Host!).Length != 0;
                int type = T.TypeOf(o);
                if (type == Types.DictKeys || type == Types.DictValues || type == Types.DictItems) return Length(o) != 0;
                if (GenericType.Data(Heap, o).Host is NdArrayInfo a)
                {
                    if (a.Length == 1 && a.Shape.Length <= 1) return NdArrays.ItemTruth(this, o);
                    if (a.Size == 0) return false;
                    throw Raise("ValueError", "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
                }
                return true;
            }
            default:
                return true;
        }
    }

    /// <summary><c>len(o)</c> (<c>PyObject_Size</c>); TypeError "object of type 'int' has no len()".</summary>
    internal long Length(int o)
    {
        switch (Kind(o))
        {
            case TypeKind.Str: return StrType.Length(Heap, o);
            case TypeKind.Bytes: return BytesType.Value(Heap, o).Length;
            case TypeKind.Tuple: return TupleType.Items(Heap, o).Length;
            case TypeKind.List: return ListType.Size(Heap, o);
            case TypeKind.Dict: return DictType.Count(Heap, o);
            case TypeKind.Set:
            case TypeKind.FrozenSet: return SetType.Count(Heap, o);
            case TypeKind.Instance:
            {
                int method = LookupSpecial(o, "__len__");
                if (method == 0) break;
                int r;
                try
                {
                    r = CallMethod(method, o, []);
                }
                finally
                {
                    DecRef(method);
                }
                try
                {
                    if (Kind(r) is not (TypeKind.Int or TypeKind.Bool)) Raise("TypeError", $"'{TypeName(r)}' object cannot be interpreted as an integer");
                    var v = IntType.Value(Heap, r);
                    if (v.Sign < 0) Raise("ValueError", "__len__() should return >= 0");
                    return (long)v;
                }
                finally
                {
                    DecRef(r);
                }
            }
            case TypeKind.Generic:
            {
                int type = T.TypeOf(o);
                GenericData data = GenericType.Data(Heap, o);
                if (type == Types.Range) return ((RangeInfo)data.Host!).Length;
                if (type == Types.DictKeys || type == Types.DictValues || type == Types.DictItems) return DictType.Count(Heap, data.Refs[0]);
                if (data.Host is NdArrayInfo a)
                {
                    if (a.Shape.Length == 0) Raise("TypeError", "len() of unsized object");
                    return a.Shape[0];
                }
                break;
            }
        }
        throw Raise("TypeError", $"object of type '{TypeName(o)}' has no len()");
    }
}
