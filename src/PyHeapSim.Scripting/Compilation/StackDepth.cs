using PyHeapSim.Profiles;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Compilation;

/// <summary>
/// The <c>co_stacksize</c> CPython's compiler gives a comprehension's code object (<c>Python/compile.c</c>,
/// <c>stackdepth</c> over the emitted instructions), computed from the AST. It shows in memory from 3.11,
/// where a generator object embeds its frame: <c>make_gen</c> allocates <c>co_nlocalsplus + co_stacksize</c>
/// slots.
/// </summary>
/// <remarks>
/// <para>Each rule below is the peak the instructions CPython emits for a construct reach, counted from the
/// stack height before it (what stays on the stack afterwards is one value):</para>
/// <code>
///   name, constant              1              LOAD_NAME / LOAD_CONST
///   a.b, -a, f'{a}'             d(a)
///   a + b, a[b], a &lt; b          max(d(a), 1 + d(b))
///   a &lt; b &lt; c                  max(d(a), 1 + d(b) + 1, 1 + d(c))      (COPY of b for the next compare)
///   a and b (3.12+)             max(d(a), 2, d(b))                      (COPY 1 before the jump)
///   f(a, b)                     max(c, c + i + d(arg i)) + kwnames      c = 2 from 3.11 (NULL + f), method calls 2
///   (a, b), [a, b], {a, b}      max(i + d(item i))
///   {k: v}                      max(2i + max(d(k), 1 + d(v)))
///   comprehension body          iterators open + d(element); an unpacked target pushes its length
/// </code>
/// Verified against <c>gi_code.co_stacksize</c> of generator expressions on 3.11–3.13.
/// </remarks>
internal sealed class StackDepth(CompilerRules rules)
{
    /// <summary><c>co_stacksize</c> of a comprehension's own code (its outermost iterator is the argument <c>.0</c>).</summary>
    public int OfComprehensionCode(IReadOnlyList<ComprehensionClause> clauses, Expression element, Expression? value) =>
        Loops(clauses, 0, element, value, outermostIsArgument: true);

    // Depth of the nested loops from clause k on, with k iterators already on the stack.
    private int Loops(IReadOnlyList<ComprehensionClause> clauses, int below, Expression element, Expression? value, bool outermostIsArgument)
    {
        int depth = 0;
        for (int k = 0; k < clauses.Count; k++)
        {
            ComprehensionClause c = clauses[k];
            int open = below + k;
            // The iterable is evaluated on top of the iterators already open (the outermost one is LOAD_FAST .0).
            depth = Math.Max(depth, open + (k == 0 && outermostIsArgument ? 1 : Of(c.Iterable)));
            // FOR_ITER pushes the item on top of this loop's iterator; unpacking pushes each part.
            depth = Math.Max(depth, open + 1 + TargetWidth(c.Target));
            foreach (Expression cond in c.Conditions) depth = Math.Max(depth, open + 1 + Of(cond));
        }
        int iterators = below + clauses.Count;
        int body = value is null ? Of(element) : Math.Max(Of(element), 1 + Of(value));
        return Math.Max(depth, iterators + body);
    }

    private static int TargetWidth(Expression target) => target switch
    {
        TupleExpression t => Math.Max(1, t.Elements.Length),
        ListExpression l => Math.Max(1, l.Elements.Length),
        _ => 1,
    };

    /// <summary>Peak stack depth while evaluating <paramref name="e"/>.</summary>
    public int Of(Expression e)
    {
        switch (e)
        {
            case ConstantExpression:
            case NameExpression:
            case LambdaExpression:
                return 1;
            case AttributeExpression a:
                return Of(a.Value);
            case UnaryExpression u:
                return Of(u.Operand);
            case BinaryExpression b:
                return Math.Max(Of(b.Left), 1 + Of(b.Right));
            case SubscriptExpression s:
                return Math.Max(Of(s.Value), 1 + Of(s.Index));
            case SliceExpression sl:
            {
                int d = sl.Lower is null ? 1 : Of(sl.Lower);
                d = Math.Max(d, 1 + (sl.Upper is null ? 1 : Of(sl.Upper)));
                if (sl.Step is not null) d = Math.Max(d, 2 + Of(sl.Step));
                return d;
            }
            case CompareExpression c:
            {
                int d = Of(c.Left);
                for (int i = 0; i < c.Comparators.Length; i++)
                {
                    bool last = i == c.Comparators.Length - 1;
                    d = Math.Max(d, 1 + Of(c.Comparators[i]) + (last ? 0 : 1));
                }
                return d;
            }
            case BooleanExpression bo:
            {
                int d = 0;
                for (int i = 0; i < bo.Values.Length; i++)
                {
                    bool last = i == bo.Values.Length - 1;
                    d = Math.Max(d, Of(bo.Values[i]));
                    if (!last && rules.BoolOpCopiesValue) d = Math.Max(d, 2);
                }
                return d;
            }
            case ConditionalExpression ce:
                return Math.Max(Of(ce.Test), Math.Max(Of(ce.Body), Of(ce.OrElse)));
            case CallExpression call:
                return Call(call);
            case TupleExpression t:
                return IsConstant(t) ? 1 : Items(t.Elements);
            case ListExpression l:
                return Items(l.Elements);
            case SetExpression s:
                return Items(s.Elements);
            case DictExpression d:
            {
                int depth = 1;
                for (int i = 0; i < d.Keys.Length; i++) depth = Math.Max(depth, 2 * i + Math.Max(Of(d.Keys[i]), 1 + Of(d.Values[i])));
                return depth;
            }
            case JoinedStrExpression j:
                return Items(j.Values);
            case FormattedValueExpression fv:
                return fv.FormatSpec is null ? Of(fv.Value) : Math.Max(Of(fv.Value), 1 + Of(fv.FormatSpec));
            case ListComprehension lc:
                return Nested(lc.Generators, lc.Element, null, inlinable: true);
            case SetComprehension sc:
                return Nested(sc.Generators, sc.Element, null, inlinable: true);
            case DictComprehension dc:
                return Nested(dc.Generators, dc.Key, dc.Value, inlinable: true);
            case GeneratorExpression ge:
                return Nested(ge.Generators, ge.Element, null, inlinable: false);
            default:
                return 1;
        }
    }

    private int Items(IReadOnlyList<Expression> items)
    {
        int d = 1;
        for (int i = 0; i < items.Count; i++) d = Math.Max(d, i + Of(items[i]));
        return d;
    }

    private static bool IsConstant(TupleExpression t) =>
        t.Elements.Length > 0 && t.Elements.All(x => x is ConstantExpression || (x is TupleExpression inner && IsConstant(inner)));

    private int Call(CallExpression call)
    {
        // The callable: NULL + function from 3.11 (PUSH_NULL / LOAD_GLOBAL), self + method for obj.m(...) (LOAD_METHOD).
        int callee;
        if (call.Function is AttributeExpression a) callee = Math.Max(Of(a.Value), 2);
        else if (call.Function is NameExpression) callee = rules.CallPushesNull ? 2 : 1;
        else callee = rules.CallPushesNull ? 1 + Of(call.Function) : Of(call.Function);
        int width = call.Function is AttributeExpression || rules.CallPushesNull ? 2 : 1;
        int d = callee;
        int n = 0;
        foreach (Expression arg in call.Arguments) d = Math.Max(d, width + n++ + Of(arg));
        foreach (KeywordArgument kw in call.Keywords) d = Math.Max(d, width + n++ + Of(kw.Value));
        if (call.Keywords.Length > 0 && rules.CallKeywordNamesOnStack) d = Math.Max(d, width + n + 1);
        return d;
    }

    // A comprehension inside the expression: a function called with the outermost iterator, or from 3.12
    // (list/set/dict) inline, with the bound names saved under the result (LOAD_FAST_AND_CLEAR).
    private int Nested(IReadOnlyList<ComprehensionClause> clauses, Expression element, Expression? value, bool inlinable)
    {
        int iterable = Of(clauses[0].Iterable);
        if (inlinable && rules.ComprehensionsInlined)
        {
            int saved = BoundNames(clauses).Count;
            int body = Loops(clauses, 0, element, value, outermostIsArgument: true);
            return Math.Max(iterable, saved + 1 + body);
        }
        int function = rules.MakeFunctionTakesQualifiedName ? 2 : 1;
        return Math.Max(function, 1 + iterable);
    }

    /// <summary>Names bound by the comprehension's targets, in order, without repeats.</summary>
    public static List<string> BoundNames(IReadOnlyList<ComprehensionClause> clauses)
    {
        var names = new List<string>();
        foreach (ComprehensionClause c in clauses) Collect(c.Target, names);
        return names;

        static void Collect(Expression t, List<string> names)
        {
            switch (t)
            {
                case NameExpression n:
                    if (!names.Contains(n.Id)) names.Add(n.Id);
                    break;
                case TupleExpression tu:
                    foreach (Expression x in tu.Elements) Collect(x, names);
                    break;
                case ListExpression l:
                    foreach (Expression x in l.Elements) Collect(x, names);
                    break;
            }
        }
    }
}
