using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Builtins;

/// <summary><c>tuple</c> methods (<c>Objects/tupleobject.c</c>).</summary>
internal static class TupleMethods
{
    public static BuiltinFunction? Find(string name) => name switch
    {
        "count" => (i, a, k) =>
        {
            BuiltinsModule.Arity(i, "count", a, 2, 2);
            int n = 0;
            foreach (int x in TupleType.Items(i.Heap, a[0])) if (i.RichCompareBool(x, a[1], CompareOperator.Eq)) n++;
            return i.NewInt(n);
        },
        "index" => (i, a, k) =>
        {
            BuiltinsModule.Arity(i, "index", a, 2, 2);
            int[] items = TupleType.Items(i.Heap, a[0]);
            for (int n = 0; n < items.Length; n++) if (i.RichCompareBool(items[n], a[1], CompareOperator.Eq)) return i.NewInt(n);
            throw i.Raise("ValueError", "tuple.index(x): x not in tuple");
        },
        _ => null,
    };
}
