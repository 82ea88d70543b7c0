using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// The static types the script runtime adds to the heap's core types: functions, methods, modules,
/// code, frames, cells, iterators, ranges, slices and the exception hierarchy. Sizes come from the
/// profile's recorded <c>BuiltinSizes</c> where present.
/// </summary>
internal sealed class RuntimeTypes
{
    private readonly PyHeap _heap;
    private readonly Dictionary<string, int> _exceptions = new(StringComparer.Ordinal);

    public RuntimeTypes(PyHeap heap)
    {
        _heap = heap;
        BuiltinTypes t = heap.Types;
        Function = t.Function;
        BuiltinFunction = Gc("builtin_function_or_method", 56);
        Method = Gc("method", 48);
        // 3.8: PyMethod_New and PyCFunction_NewEx take parked objects first (classobject.c, methodobject.c).
        heap.T.TypeInfoOfType(BuiltinFunction).FreeList = heap.FreeLists.BuiltinMethods;
        heap.T.TypeInfoOfType(Method).FreeList = heap.FreeLists.Methods;
        Module = Gc("module", 56);
        Code = Plain("code", 160);
        Frame = Gc("frame", 400);
        Traceback = Gc("traceback", TracebackType.BasicSize);
        Cell = Gc("cell", 24);
        ListIterator = Gc("list_iterator", 32);
        TupleIterator = Gc("tuple_iterator", 32);
        RangeIterator = Plain("range_iterator", 48);
        StrIterator = Gc("str_iterator", 32);
        DictKeyIterator = Gc("dict_keyiterator", 56);
        DictValueIterator = Gc("dict_valueiterator", 56);
        DictItemIterator = Gc("dict_itemiterator", 56);
        SetIterator = Gc("set_iterator", 56);
        Enumerate = Gc("enumerate", 48);
        Zip = Gc("zip", 40);
        Generator = Gc("generator", 96);
        Range = Plain("range", 48);
        Slice = Plain("slice", 56);
        DictKeys = Gc("dict_keys", 24);
        DictValues = Gc("dict_values", 24);
        DictItems = Gc("dict_items", 24);
        ClassMethodDescriptor = Plain("method_descriptor", 48);
        Finalize = Gc("finalize", 48);
        // numpy's PyArrayObject_fields: getsizeof(np.zeros(0)) = 112 = 96 + 16 × ndim (3.11-numpy corpus).
        NdArray = Plain("numpy.ndarray", 96);
        GetSetDescriptor = Gc("getset_descriptor", 56);
        // PyMemberDescrObject: one per __slots__ name (getsizeof 64 on 3.8-3.13, measured).
        MemberDescriptor = Gc("member_descriptor", 48);
        ListReverseIterator = Gc("list_reverseiterator", 32);
        Reversed = Gc("reversed", 32);
        // sizeof(PyMemoryViewObject) with one dimension (getsizeof 184 on 3.8-3.13) and of the
        // _PyManagedBufferObject behind it; BufferedWriter's raw writes make both.
        MemoryView = Gc("memoryview", 168);
        ManagedBuffer = Gc("managedbuffer", 112);

        int exceptionSize = heap.Profile.Layout.BuiltinSizes.GetValueOrDefault("BaseException", 80) - heap.Profile.Layout.GcHeaderSize;
        // BaseException_clear order: args before traceback (the size is recorded, the slots only hold references).
        string[] exceptionSlots = ["args", TracebackSlot];
        DefineException("BaseException", t.Object, exceptionSlots, exceptionSize);
        DefineException("Exception", "BaseException");
        DefineException("ArithmeticError", "Exception");
        DefineException("ZeroDivisionError", "ArithmeticError");
        DefineException("OverflowError", "ArithmeticError");
        DefineException("AssertionError", "Exception");
        DefineException("AttributeError", "Exception");
        DefineException("LookupError", "Exception");
        DefineException("IndexError", "LookupError");
        DefineException("KeyError", "LookupError");
        DefineException("NameError", "Exception");
        DefineException("UnboundLocalError", "NameError");
        DefineException("RuntimeError", "Exception");
        DefineException("RecursionError", "RuntimeError");
        DefineException("NotImplementedError", "RuntimeError");
        DefineException("TypeError", "Exception");
        DefineException("ValueError", "Exception");
        DefineException("MemoryError", "Exception");
        DefineException("StopIteration", "Exception");
        DefineException("ReferenceError", "Exception");
        DefineException("ImportError", "Exception");
        DefineException("ModuleNotFoundError", "ImportError");
        DefineException("SystemExit", "BaseException");
        DefineException("KeyboardInterrupt", "BaseException");
    }

    public int Function { get; }
    public int BuiltinFunction { get; }
    public int Method { get; }
    public int Module { get; }
    public int Code { get; }
    public int Frame { get; }

    /// <summary><c>traceback</c> (<see cref="TracebackType"/>).</summary>
    public int Traceback { get; }

    /// <summary>The exception slot holding <c>__traceback__</c> (<c>PyBaseExceptionObject.traceback</c>).</summary>
    public const string TracebackSlot = "__traceback__";
    public int Cell { get; }
    public int ListIterator { get; }
    public int TupleIterator { get; }
    public int RangeIterator { get; }
    public int StrIterator { get; }
    public int DictKeyIterator { get; }
    public int DictValueIterator { get; }
    public int DictItemIterator { get; }
    public int SetIterator { get; }
    public int Enumerate { get; }
    public int Zip { get; }
    public int Generator { get; }
    public int Range { get; }
    public int Slice { get; }
    public int DictKeys { get; }
    public int DictValues { get; }
    public int DictItems { get; }
    public int ClassMethodDescriptor { get; }
    public int Finalize { get; }
    public int NdArray { get; }
    public int GetSetDescriptor { get; }

    /// <summary><c>member_descriptor</c>: the class attribute standing for one <c>__slots__</c> member.</summary>
    public int MemberDescriptor { get; }
    public int ListReverseIterator { get; }
    public int Reversed { get; }
    public int MemoryView { get; }
    public int ManagedBuffer { get; }

    /// <summary>Names of the built-in exception classes, in definition order.</summary>
    public IEnumerable<string> ExceptionNames => _exceptions.Keys;

    /// <summary>The built-in exception class <paramref name="name"/>.</summary>
    public int ExceptionType(string name) =>
        _exceptions.TryGetValue(name, out int t) ? t : throw new InvalidOperationException($"unknown built-in exception {name}");

    public bool TryExceptionType(string name, out int type) => _exceptions.TryGetValue(name, out type);

    private int Gc(string name, int basicSize) => _heap.Types.Define(name, TypeKind.Generic, basicSize, 0, isGc: true);

    private int Plain(string name, int basicSize) => _heap.Types.Define(name, TypeKind.Generic, basicSize, 0, isGc: false);

    private void DefineException(string name, int baseType, string[] slots, int basicSize) =>
        _exceptions[name] = _heap.Types.DefineInstanceType(name, baseType, slots, basicSize);

    private void DefineException(string name, string baseName)
    {
        int b = _exceptions[baseName];
        TypeInfo bi = _heap.T.TypeInfoOfType(b);
        DefineException(name, b, [.. bi.SlotNames], bi.BasicSize);
    }
}
