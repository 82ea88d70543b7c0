using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Runtime.Nodes;

/// <summary><c>LOAD_CONST</c>: a new reference to a code constant.</summary>
internal sealed class ConstLoad(int slot) : ExpressionNode
{
    public readonly int Slot = slot;

    public override int Eval(Interpreter I, Frame f)
    {
        I.IncRef(Slot);
        return Slot;
    }
}

/// <summary><c>LOAD_ATTR</c>.</summary>
internal sealed class AttributeLoad(ExpressionNode obj, string name) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int o = obj.Eval(I, f);
        try
        {
            return I.GetAttr(o, name);
        }
        finally
        {
            I.DecRef(o);
        }
    }
}

/// <summary><c>STORE_ATTR</c>/<c>DELETE_ATTR</c>.</summary>
internal sealed class AttributeTarget(ExpressionNode obj, string name) : TargetNode
{
    public override void Store(Interpreter I, Frame f, int value)
    {
        int o;
        try
        {
            o = obj.Eval(I, f);
        }
        catch
        {
            I.DecRef(value);
            throw;
        }
        try
        {
            I.SetAttr(o, name, value);
        }
        finally
        {
            I.DecRef(o);
            I.DecRef(value);
        }
    }

    public override void Delete(Interpreter I, Frame f)
    {
        int o = obj.Eval(I, f);
        try
        {
            I.DelAttr(o, name);
        }
        finally
        {
            I.DecRef(o);
        }
    }
}

/// <summary><c>BINARY_SUBSCR</c>.</summary>
internal sealed class SubscriptLoad(ExpressionNode container, ExpressionNode key) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int c = container.Eval(I, f);
        int k;
        try
        {
            k = key.Eval(I, f);
        }
        catch
        {
            I.DecRef(c);
            throw;
        }
        try
        {
            return I.GetItem(c, k);
        }
        finally
        {
            I.DecRef(k);
            I.DecRef(c);
        }
    }
}

/// <summary><c>STORE_SUBSCR</c>/<c>DELETE_SUBSCR</c>.</summary>
internal sealed class SubscriptTarget(ExpressionNode container, ExpressionNode key) : TargetNode
{
    public override void Store(Interpreter I, Frame f, int value)
    {
        int c = 0, k = 0;
        try
        {
            c = container.Eval(I, f);
            k = key.Eval(I, f);
            I.SetItem(c, k, value);
        }
        finally
        {
            I.XDecRef(k);
            I.XDecRef(c);
            I.DecRef(value);
        }
    }

    public override void Delete(Interpreter I, Frame f)
    {
        int c = container.Eval(I, f);
        int k = 0;
        try
        {
            k = key.Eval(I, f);
            I.DelItem(c, k);
        }
        finally
        {
            I.XDecRef(k);
            I.DecRef(c);
        }
    }
}

/// <summary><c>BUILD_SLICE</c>: a slice object.</summary>
internal sealed class SliceBuild(ExpressionNode? lower, ExpressionNode? upper, ExpressionNode? step) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int lo = lower?.Eval(I, f) ?? I.NewNone();
        int hi = upper?.Eval(I, f) ?? I.NewNone();
        int st = step?.Eval(I, f) ?? I.NewNone();
        int s = GenericType.New(I.Heap, I.Types.Slice, [lo, hi, st], null);
        I.DecRef(lo);
        I.DecRef(hi);
        I.DecRef(st);
        return s;
    }
}

/// <summary>Unpacking assignment target (<c>UNPACK_SEQUENCE</c>).</summary>
internal sealed class UnpackTarget(TargetNode[] targets) : TargetNode
{
    public override void Store(Interpreter I, Frame f, int value)
    {
        int[] items;
        try
        {
            items = I.Unpack(value, targets.Length);
        }
        finally
        {
            I.DecRef(value);
        }
        for (int i = 0; i < targets.Length; i++)
        {
            try
            {
                targets[i].Store(I, f, items[i]);
            }
            catch
            {
                for (int j = i + 1; j < items.Length; j++) I.DecRef(items[j]);
                throw;
            }
        }
    }

    public override void Delete(Interpreter I, Frame f)
    {
        foreach (TargetNode t in targets) t.Delete(I, f);
    }
}

/// <summary>A binary operator (<c>BINARY_OP</c>): left, right, operate, release both.</summary>
internal sealed class Binary(BinaryOperator op, ExpressionNode left, ExpressionNode right) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int a = left.Eval(I, f);
        int b;
        try
        {
            b = right.Eval(I, f);
        }
        catch
        {
            I.DecRef(a);
            throw;
        }
        try
        {
            return I.BinaryOp(op, a, b);
        }
        finally
        {
            I.DecRef(a);
            I.DecRef(b);
        }
    }
}

/// <summary>Unary <c>-</c>, <c>+</c>, <c>~</c>.</summary>
internal sealed class Unary(UnaryOperator op, ExpressionNode operand) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int a = operand.Eval(I, f);
        try
        {
            return I.UnaryOp(op, a);
        }
        finally
        {
            I.DecRef(a);
        }
    }
}

/// <summary><c>not x</c>.</summary>
internal sealed class Not(ExpressionNode operand) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int a = operand.Eval(I, f);
        bool t;
        try
        {
            t = I.IsTrue(a);
        }
        finally
        {
            I.DecRef(a);
        }
        return I.NewBool(!t);
    }
}

/// <summary><c>and</c>/<c>or</c>: returns the deciding operand.</summary>
internal sealed class BoolOp(bool isAnd, ExpressionNode[] values) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int v = values[0].Eval(I, f);
        for (int i = 1; i < values.Length; i++)
        {
            bool t;
            try
            {
                t = I.IsTrue(v);
            }
            catch
            {
                I.DecRef(v);
                throw;
            }
            if (t != isAnd) return v;
            I.DecRef(v);
            v = values[i].Eval(I, f);
        }
        return v;
    }
}

/// <summary>Comparisons, chained: <c>a &lt; b &lt; c</c> evaluates b once and stops at the first false.</summary>
internal sealed class Comparison(ExpressionNode left, CompareOperator[] ops, ExpressionNode[] rights) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int a = left.Eval(I, f);
        for (int i = 0; i < ops.Length; i++)
        {
            int b;
            try
            {
                b = rights[i].Eval(I, f);
            }
            catch
            {
                I.DecRef(a);
                throw;
            }
            int r;
            try
            {
                r = I.Compare(ops[i], a, b);
            }
            catch
            {
                I.DecRef(a);
                I.DecRef(b);
                throw;
            }
            I.DecRef(a);
            if (i == ops.Length - 1)
            {
                I.DecRef(b);
                return r;
            }
            bool t;
            try
            {
                t = I.IsTrue(r);
            }
            finally
            {
                I.DecRef(r);
            }
            if (!t)
            {
                I.DecRef(b);
                return I.NewBool(false);
            }
            a = b;
        }
        return a;
    }
}

/// <summary><c>body if test else orelse</c>.</summary>
internal sealed class Conditional(ExpressionNode test, ExpressionNode body, ExpressionNode orElse) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f) => I.Truth(test, f) ? body.Eval(I, f) : orElse.Eval(I, f);
}

/// <summary><c>BUILD_TUPLE n</c>.</summary>
internal sealed class TupleBuild(ExpressionNode[] items) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f) => I.NewTupleStealing(I.EvalAll(items, f));
}

/// <summary>A list display: <c>BUILD_LIST n</c> (exact), or, per the profile, built empty then extended from a
/// constant tuple (3.9+, ≥3 constants) or appended to one by one (3.10+, past the stack-use guideline).</summary>
internal sealed class ListBuild(ExpressionNode[] items, int constantTuple, bool appendEach) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        if (constantTuple != 0)
        {
            int l = ListType.New(I.Heap);
            int[] src = TupleType.Items(I.Heap, constantTuple);
            ListType.Extend(I.Heap, l, src, ListType.ExtendSource.ListOrTuple, src.Length);
            return l;
        }
        if (appendEach)
        {
            int l = ListType.New(I.Heap);
            foreach (ExpressionNode e in items)
            {
                int v;
                try
                {
                    v = e.Eval(I, f);
                }
                catch
                {
                    I.DecRef(l);
                    throw;
                }
                ListType.AppendStealing(I.Heap, l, v);
            }
            return l;
        }
        int[] values = I.EvalAll(items, f);
        int list = ListType.NewExact(I.Heap, values);
        foreach (int v in values) I.DecRef(v);
        return list;
    }
}

/// <summary>A set display: <c>BUILD_SET n</c> adds each item; 3.9+ with ≥3 constants merges a constant frozenset.</summary>
internal sealed class SetBuild(ExpressionNode[] items, int constantFrozenSet) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        if (constantFrozenSet != 0)
        {
            int s0 = SetType.New(I.Heap, frozen: false);
            SetType.MergeSet(I.Heap, s0, constantFrozenSet);
            return s0;
        }
        int[] values = I.EvalAll(items, f);
        int s = SetType.New(I.Heap, frozen: false);
        try
        {
            foreach (int v in values) SetType.Add(I.Heap, s, v);
        }
        catch
        {
            I.DecRef(s);
            throw;
        }
        finally
        {
            foreach (int v in values) I.DecRef(v);
        }
        return s;
    }
}

/// <summary>A dict display: <c>BUILD_MAP</c> (keys and values evaluated pairwise), inserted in order.</summary>
internal sealed class DictBuild(ExpressionNode[] keys, ExpressionNode[] values) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        var kv = new int[keys.Length * 2];
        int n = 0;
        try
        {
            for (int i = 0; i < keys.Length; i++)
            {
                kv[n++] = keys[i].Eval(I, f);
                kv[n++] = values[i].Eval(I, f);
            }
        }
        catch
        {
            for (int i = 0; i < n; i++) I.DecRef(kv[i]);
            throw;
        }
        int d = DictType.New(I.Heap);
        try
        {
            for (int i = 0; i < n; i += 2) DictType.SetItem(I.Heap, d, kv[i], kv[i + 1]);
        }
        catch
        {
            I.DecRef(d);
            throw;
        }
        finally
        {
            for (int i = 0; i < n; i++) I.DecRef(kv[i]);
        }
        return d;
    }
}

/// <summary>
/// An f-string of several parts: <c>BUILD_STRING n</c>. Every part is evaluated and kept on the value stack,
/// the result is made by <c>_PyUnicode_JoinArray</c> (always a new str, unlike the one-character cache of
/// other str producers), and only then are the parts dropped, last first: the parts and the result are alive
/// together, which a tracemalloc peak shows. (An f-string of one part compiles to that part alone.)
/// </summary>
internal sealed class JoinedString(ExpressionNode[] parts) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        if (parts.Length == 1) return parts[0].Eval(I, f);
        int[] pieces = new int[parts.Length];
        int made = 0;
        try
        {
            var sb = new System.Text.StringBuilder();
            for (; made < parts.Length; made++)
            {
                pieces[made] = parts[made].Eval(I, f);
                if (I.Kind(pieces[made]) != TypeKind.Str) throw I.Raise("SystemError", "BUILD_STRING of a non-str piece");
            }
            foreach (int piece in pieces) sb.Append(StrType.Value(I.Heap, piece));
            return sb.Length == 0 ? I.NewStr("") : StrType.NewFresh(I.Heap, sb.ToString());
        }
        finally
        {
            while (--made >= 0) I.DecRef(pieces[made]);
        }
    }
}

/// <summary>
/// <c>FORMAT_VALUE</c> (3.13: <c>CONVERT_VALUE</c>, <c>FORMAT_SIMPLE</c>/<c>FORMAT_WITH_SPEC</c>):
/// <c>{value!conv:spec}</c>. An exact str with no spec is the result itself, not a copy
/// (<c>f"{s}" is s</c>), and so is one after <c>PyObject_Format</c>'s fast path (empty spec); an int with an
/// empty spec is <c>PyObject_Str</c>, a new str even for one digit (<c>long_to_decimal_string</c>).
/// </summary>
internal sealed class FormattedValue(ExpressionNode value, FormatConversion conversion, ExpressionNode? spec) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int v = value.Eval(I, f);
        int specObject = 0;
        try
        {
            string specText = "";
            if (spec is not null)
            {
                specObject = spec.Eval(I, f);
                specText = I.Str(specObject);
            }
            switch (conversion)
            {
                case FormatConversion.Repr:
                    Replace(I, ref v, I.ReprObject(v));
                    break;
                case FormatConversion.Str:
                    Replace(I, ref v, I.StrObject(v));
                    break;
            }
            return I.FormatObject(v, specText);
        }
        finally
        {
            I.DecRef(v);
            if (specObject != 0) I.DecRef(specObject);
        }
    }

    /// <summary>The converted value takes the place of the original on the stack (which is dropped).</summary>
    private static void Replace(Interpreter I, ref int v, int converted)
    {
        I.DecRef(v);
        v = converted;
    }
}
