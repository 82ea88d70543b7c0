using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// The object protocols the evaluator calls and the built-ins implement (Builtins/ and
/// Runtime/Protocols/): operators, truth, iteration, subscription, formatting, built-in methods.
/// Slot arguments are borrowed; returned slots are new references.
/// </summary>
public sealed partial class Interpreter
{
    /// <summary><c>a op b</c> (<c>PyNumber_Add</c> …). Raises TypeError for unsupported operands.</summary>
    internal partial int BinaryOp(BinaryOperator op, int a, int b);

    /// <summary><c>a op= b</c> (<c>PyNumber_InPlaceAdd</c> …): lists extend in place and return themselves.</summary>
    internal partial int InPlaceOp(BinaryOperator op, int a, int b);

    /// <summary><c>op a</c> for <c>-</c>, <c>+</c>, <c>~</c> (<c>not</c> is handled by the evaluator with <see cref="IsTrue"/>).</summary>
    internal partial int UnaryOp(UnaryOperator op, int a);

    /// <summary><c>a op b</c> for comparisons incl. <c>in</c>, <c>not in</c>, <c>is</c>, <c>is not</c>; returns a new reference (usually True/False).</summary>
    internal partial int Compare(CompareOperator op, int a, int b);

    /// <summary><c>bool(o)</c> (<c>PyObject_IsTrue</c>).</summary>
    internal partial bool IsTrue(int o);

    /// <summary><c>iter(o)</c>: a new iterator object (a heap object, GC-tracked where CPython's is).</summary>
    internal partial int GetIter(int o);

    /// <summary><c>next(it)</c>: the next item (new reference), or 0 when exhausted (no StopIteration object is made).</summary>
    internal partial int IterNext(int iterator);

    /// <summary><c>container[key]</c> (key may be a slice object).</summary>
    internal partial int GetItem(int container, int key);

    /// <summary><c>container[key] = value</c>.</summary>
    internal partial void SetItem(int container, int key, int value);

    /// <summary><c>del container[key]</c>.</summary>
    internal partial void DelItem(int container, int key);

    /// <summary><c>repr(o)</c> (calls a class's <c>__repr__</c> through <see cref="CallMethod"/>).</summary>
    internal partial string Repr(int o);

    /// <summary><c>str(o)</c>.</summary>
    internal partial string Str(int o);

    /// <summary><c>format(value, spec)</c> for f-strings and <c>str.format</c>.</summary>
    internal partial string Format(int value, string spec);

    /// <summary>The C implementation of method <paramref name="name"/> for the built-in type of <paramref name="self"/>
    /// (<c>list.append</c>, <c>dict.get</c>, <c>str.join</c> …), or null. Called with <c>self</c> as <c>args[0]</c>.</summary>
    internal partial BuiltinFunction? FindBuiltinMethod(int self, string name);

    /// <summary>A non-method attribute of a built-in object (<c>arr.nbytes</c>, <c>e.args</c> …), new reference, or 0 when absent.</summary>
    internal partial int GetBuiltinAttribute(int obj, string name);

    /// <summary>Sets a writable attribute of a built-in object (<c>finalize.atexit</c>); false when it has none of that name.</summary>
    internal partial bool SetBuiltinAttribute(int obj, string name, int value);

    /// <summary>Fills <see cref="Builtins"/> and <see cref="Modules"/> (print, len, …; sys, gc, weakref, tracemalloc, numpy).</summary>
    internal partial void RegisterBuiltins();
}
