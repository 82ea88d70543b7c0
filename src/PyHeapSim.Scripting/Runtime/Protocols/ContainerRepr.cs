using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// <c>list_repr</c>, <c>tuple_repr</c> and <c>dict_repr</c> as objects, the way CPython builds them: a
/// <see cref="UnicodeWriter"/> over-allocating (<c>min_length</c> = the length of the repr if every item took
/// one character), each item's repr made as a str, written and dropped before the next, and the writer cut to
/// size. What a tracemalloc peak taken across <c>repr(lst)</c> or <c>print(lst)</c> sees.
/// </summary>
public sealed partial class Interpreter
{
    /// <summary>The repr of a list, tuple or dict as a new str; 0 for any other kind.</summary>
    private int ContainerReprObject(int o)
    {
        switch (Kind(o))
        {
            case TypeKind.List:
            {
                int[] items = ListType.Items(Heap, o).ToArray();
                // list_repr: the empty list returns before Py_ReprEnter.
                if (items.Length == 0) return StrType.NewFresh(Heap, "[]");
                return SequenceReprObject(o, "[", "]", "[...]", items, 1 + 1 + 3 * (items.Length - 1) + 1);
            }
            case TypeKind.Tuple:
            {
                int[] items = TupleType.Items(Heap, o);
                if (items.Length == 0) return NewStr(Repr(o));
                int minLength = items.Length > 1 ? 1 + 1 + 3 * (items.Length - 1) + 1 : 4;
                return SequenceReprObject(o, "(", items.Length > 1 ? ")" : ",)", "(...)", items, minLength);
            }
            case TypeKind.Dict:
                return DictReprObject(o);
            default:
                return 0;
        }
    }

    private int SequenceReprObject(int o, string open, string close, string recursive, int[] items, int minLength)
    {
        if (!ReprEnter(o)) return NewStr(recursive);
        return WriteRepr(o, minLength, close, writer =>
        {
            writer.Write(open);
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0) writer.Write(", ");
                WriteItemRepr(writer, items[i]);
            }
        });
    }

    /// <summary><c>dict_repr</c>: enters before its empty shortcut; "{" + "1: 2" + ", 3: 4" × (n − 1) + "}" as <c>min_length</c>.</summary>
    private int DictReprObject(int o)
    {
        if (!ReprEnter(o)) return NewStr("{...}");
        int used = DictType.Count(Heap, o);
        if (used == 0)
        {
            ReprLeave(o);
            return StrType.NewFresh(Heap, "{}");
        }
        return WriteRepr(o, 1 + 4 + 6 * (used - 1) + 1, "}", writer =>
        {
            writer.Write("{");
            bool first = true;
            foreach ((int k, int v) in DictType.Entries(Heap, o))
            {
                if (!first) writer.Write(", ");
                first = false;
                WriteItemRepr(writer, k);
                writer.Write(": ");
                WriteItemRepr(writer, v);
            }
        });
    }

    /// <summary>The common frame of the three reprs (entered already): an over-allocating writer, the body, the
    /// closing text written without over-allocation, the writer cut to size; leaves the repr guard either way.</summary>
    private int WriteRepr(int o, int minLength, string close, Action<UnicodeWriter> body)
    {
        var writer = new UnicodeWriter(this) { Overallocate = true, MinLength = minLength };
        try
        {
            body(writer);
            writer.Overallocate = false;
            writer.Write(close);
            return writer.Finish();
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        finally
        {
            ReprLeave(o);
        }
    }

    /// <summary><c>PyObject_Repr(item)</c>, written, then dropped (the item held meanwhile, as the C code does).</summary>
    private void WriteItemRepr(UnicodeWriter writer, int item)
    {
        IncRef(item);
        int s = 0;
        try
        {
            s = ReprObject(item);
            writer.WriteStr(s);
        }
        finally
        {
            if (s != 0) DecRef(s);
            DecRef(item);
        }
    }
}
