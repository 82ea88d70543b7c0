using System.Collections.Immutable;
using PyHeapSim.Scripting.Runtime.Nodes;
using PyHeapSim.Scripting.Syntax;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Compilation;

internal sealed partial class NodeBuilder
{
    private ExpressionNode Expr(Expression e, CodeInfo code)
    {
        ExpressionNode n = ExprCore(e, code);
        n.Line = e.Span.Line;
        return n;
    }

    private ExpressionNode ExprCore(Expression e, CodeInfo code)
    {
        ConstantValue? folded = e is NameExpression ? null : ConstantFolder.Fold(e);
        if (folded is not null) return Const(folded, code);
        Scope scope = code.Scope;
        switch (e)
        {
            case NameExpression n:
                return NameLoad(n.Id, scope);
            case AttributeExpression a:
                Name(a.Attr);
                return new AttributeLoad(Expr(a.Value, code), a.Attr);
            case SubscriptExpression s:
                return new SubscriptLoad(Expr(s.Value, code), Expr(s.Index, code));
            case SliceExpression sl:
                return new SliceBuild(
                    sl.Lower is null ? null : Expr(sl.Lower, code),
                    sl.Upper is null ? null : Expr(sl.Upper, code),
                    sl.Step is null ? null : Expr(sl.Step, code));
            case BinaryExpression b:
                return new Binary(b.Operator, Expr(b.Left, code), Expr(b.Right, code));
            case UnaryExpression u when u.Operator == UnaryOperator.Not:
                return new Not(Expr(u.Operand, code));
            case UnaryExpression u:
                return new Unary(u.Operator, Expr(u.Operand, code));
            case BooleanExpression bo:
                return new BoolOp(bo.Operator == BooleanOperator.And, bo.Values.Select(v => Expr(v, code)).ToArray());
            case CompareExpression c:
                return new Comparison(Expr(c.Left, code), [.. c.Operators], c.Comparators.Select((x, k) =>
                    c.Operators[k] is CompareOperator.In or CompareOperator.NotIn ? Iterable(x, code) : Expr(x, code)).ToArray());
            case ConditionalExpression ce:
                return new Conditional(Expr(ce.Test, code), Expr(ce.Body, code), Expr(ce.OrElse, code));
            case CallExpression call:
                return CallNode(call, code);
            case LambdaExpression l:
                return MakeFunctionNode(l, "<lambda>", l.Parameters, [], l.Body, code);
            case TupleExpression t:
                return new TupleBuild(t.Elements.Select(x => Expr(x, code)).ToArray());
            case ListExpression l:
                return ListDisplay(l, code);
            case SetExpression st:
                return SetDisplay(st, code);
            case DictExpression d:
                return new DictBuild(d.Keys.Select(x => Expr(x, code)).ToArray(), d.Values.Select(x => Expr(x, code)).ToArray());
            case ListComprehension lc:
                return ComprehensionNode(lc, "<listcomp>", ComprehensionKind.List, lc.Element, null, lc.Generators, code);
            case SetComprehension sc:
                return ComprehensionNode(sc, "<setcomp>", ComprehensionKind.Set, sc.Element, null, sc.Generators, code);
            case DictComprehension dc:
                return ComprehensionNode(dc, "<dictcomp>", ComprehensionKind.Dict, dc.Key, dc.Value, dc.Generators, code);
            case GeneratorExpression ge:
                return ComprehensionNode(ge, "<genexpr>", ComprehensionKind.Generator, ge.Element, null, ge.Generators, code);
            case JoinedStrExpression js:
                return new JoinedString(js.Values.Select(v => Expr(v, code)).ToArray());
            case FormattedValueExpression fv:
                return new FormattedValue(Expr(fv.Value, code), fv.Conversion, fv.FormatSpec is null ? null : Expr(fv.FormatSpec, code));
            default:
                throw new ScriptNotSupportedException(e.GetType().Name, e.Span);
        }
    }

    /// <summary>Interns a name the code uses (co_names): created at compile time, as CPython's compiler does.</summary>
    private void Name(string name) => _i.CodeName(name);

    /// <summary>Materialises a folded constant in the pool and lists it in the code's co_consts.</summary>
    private ConstLoad Const(ConstantValue c, CodeInfo code)
    {
        int slot = ConstSlot(c);
        code.AddConstant(slot);
        return new ConstLoad(slot);
    }

    private int ConstSlot(ConstantValue c) => c switch
    {
        ConstantValue.Int i => Constants.Int(i.Value),
        ConstantValue.Float f => Constants.Float(f.Value),
        ConstantValue.Str s => Constants.Str(s.Value),
        ConstantValue.Bytes b => Constants.Bytes(b.Value),
        ConstantValue.Bool b => b.Value ? _i.Heap.TrueObj : _i.Heap.FalseObj,
        ConstantValue.NoneValue => _i.None,
        ConstantValue.EllipsisValue => _i.Heap.EllipsisObj,
        ConstantValue.Tuple t => t.Items.Length == 0 ? _i.Heap.EmptyTupleObj : Constants.Tuple(t.Items.Select(ConstSlot).ToArray()),
        _ => throw new InvalidOperationException(),
    };

    private ExpressionNode ListDisplay(ListExpression l, CodeInfo code)
    {
        var compiler = _i.Profile.Compiler;
        int n = l.Elements.Length;
        if (compiler.ConstantListDisplayExtends && n > 2)
        {
            ConstantValue? c = ConstantFolder.Fold(new TupleExpression(l.Elements, ExpressionContext.Load, l.Span));
            if (c is not null)
            {
                int tuple = ConstSlot(c);
                code.AddConstant(tuple);
                return new ListBuild([], tuple, appendEach: false);
            }
        }
        ExpressionNode[] items = l.Elements.Select(x => Expr(x, code)).ToArray();
        return new ListBuild(items, 0, appendEach: n > compiler.StackUseGuideline);
    }

    private ExpressionNode SetDisplay(SetExpression s, CodeInfo code)
    {
        if (_i.Profile.Compiler.ConstantSetDisplayUpdates && s.Elements.Length > 2)
        {
            ConstantValue? c = ConstantFolder.Fold(new TupleExpression(s.Elements, ExpressionContext.Load, s.Span));
            if (c is ConstantValue.Tuple t)
            {
                int fs = Constants.FrozenSet(t.Items.Select(ConstSlot).ToArray());
                code.AddConstant(fs);
                return new SetBuild([], fs);
            }
        }
        return new SetBuild(s.Elements.Select(x => Expr(x, code)).ToArray(), 0);
    }

    private ExpressionNode CallNode(CallExpression call, CodeInfo code)
    {
        ExpressionNode[] args = call.Arguments.Select(a => Expr(a, code)).ToArray();
        string[] kwNames = call.Keywords.Select(k => k.Name).ToArray();
        ExpressionNode[] kwValues = call.Keywords.Select(k => Expr(k.Value, code)).ToArray();
        if (call.Function is AttributeExpression a)
        {
            Name(a.Attr);
            return new MethodCall(Expr(a.Value, code), a.Attr, args, kwNames, kwValues);
        }
        return new Call(Expr(call.Function, code), args, kwNames, kwValues);
    }

    private MakeFunction MakeFunctionNode(Node node, string name, ImmutableArray<Parameter> parameters, ImmutableArray<Statement> body, Expression? lambdaBody, CodeInfo outer)
    {
        Scope fs = _scopes.ScopeOf(node);
        var code = new CodeInfo(fs, _fileName, node.Span.Line);
        if (lambdaBody is not null)
        {
            code.ExpressionBody = Expr(lambdaBody, code);
        }
        else
        {
            code.Body = Block(body, code);
        }
        Finish(code);
        outer.AddConstant(code.CodeObject);
        int nameConst = Constants.Str(name);
        outer.AddConstant(nameConst);
        ExpressionNode[] defaults = parameters.Where(p => p.Default is not null).Select(p => Expr(p.Default!, outer)).ToArray();
        return new MakeFunction(code, defaults, nameConst);
    }

    private ExpressionNode ComprehensionNode(Expression node, string name, ComprehensionKind kind, Expression element, Expression? value,
        ImmutableArray<ComprehensionClause> gens, CodeInfo outer)
    {
        Scope cs = _scopes.ScopeOf(node);
        var code = new CodeInfo(cs, _fileName, node.Span.Line);
        ComprehensionLoop? inner = null;
        for (int k = gens.Length - 1; k >= 0; k--)
        {
            ComprehensionClause g = gens[k];
            inner = new ComprehensionLoop(
                k == 0 ? null : Iterable(g.Iterable, code),
                Target(g.Target, code),
                g.Conditions.Select(c => Expr(c, code)).ToArray(),
                inner,
                inner is null ? Expr(element, code) : null,
                inner is null && value is not null ? Expr(value, code) : null);
        }
        ExpressionNode outerIterable = Iterable(gens[0].Iterable, outer);
        code.FrameSlots = FrameSlots(node, code, gens, element, value);
        if (kind == ComprehensionKind.Generator)
        {
            Finish(code);
            outer.AddConstant(code.CodeObject);
            int genName = Constants.Str(name);
            return new GeneratorBuild(code, outerIterable, inner!, genName);
        }
        code.Body = [new ComprehensionBody(inner!, kind)];
        Finish(code);
        outer.AddConstant(code.CodeObject);
        int nameConst = Constants.Str(name);
        return new Comprehension(code, outerIterable, nameConst);
    }

    /// <summary>
    /// <c>co_nlocalsplus + co_stacksize</c> of a comprehension's code: its locals (<c>.0</c> and the targets),
    /// its free variables, and from 3.12 the names of list/set/dict comprehensions inlined into it.
    /// </summary>
    private int FrameSlots(Expression node, CodeInfo code, ImmutableArray<ComprehensionClause> gens, Expression element, Expression? value)
    {
        var rules = _i.Profile.Compiler;
        int locals = code.LocalNames.Length + code.FreeNames.Length;
        if (rules.ComprehensionsInlined)
        {
            var seen = new HashSet<string>(code.LocalNames);
            foreach (Expression e in NestedComprehensions(gens, element, value))
            {
                ImmutableArray<ComprehensionClause> inner = e switch
                {
                    ListComprehension l => l.Generators,
                    SetComprehension s => s.Generators,
                    DictComprehension d => d.Generators,
                    _ => [],
                };
                foreach (string n in StackDepth.BoundNames(inner)) if (seen.Add(n)) locals++;
            }
        }
        // A list/set/dict comprehension keeps its result below the iterators (BUILD_LIST 0 first).
        int result = node is GeneratorExpression ? 0 : 1;
        return locals + result + new StackDepth(rules).OfComprehensionCode(gens, element, value);
    }

    // List/set/dict comprehensions directly inside this comprehension's own code (not inside a nested function).
    private static IEnumerable<Expression> NestedComprehensions(ImmutableArray<ComprehensionClause> gens, Expression element, Expression? value)
    {
        var roots = new List<Expression> { element };
        if (value is not null) roots.Add(value);
        for (int k = 0; k < gens.Length; k++)
        {
            if (k > 0) roots.Add(gens[k].Iterable);
            roots.AddRange(gens[k].Conditions);
        }
        var stack = new Stack<Expression>(roots);
        while (stack.Count > 0)
        {
            Expression e = stack.Pop();
            if (e is ListComprehension or SetComprehension or DictComprehension) yield return e;
            if (e is LambdaExpression or GeneratorExpression) continue;
            foreach (Expression child in Children(e)) stack.Push(child);
        }
    }

    private static IEnumerable<Expression> Children(Expression e) => e switch
    {
        AttributeExpression a => [a.Value],
        SubscriptExpression s => [s.Value, s.Index],
        BinaryExpression b => [b.Left, b.Right],
        UnaryExpression u => [u.Operand],
        BooleanExpression bo => bo.Values,
        CompareExpression c => [c.Left, .. c.Comparators],
        CallExpression call => [call.Function, .. call.Arguments, .. call.Keywords.Select(k => k.Value)],
        ConditionalExpression ce => [ce.Test, ce.Body, ce.OrElse],
        TupleExpression t => t.Elements,
        ListExpression l => l.Elements,
        SetExpression s => s.Elements,
        DictExpression d => [.. d.Keys, .. d.Values],
        ListComprehension lc => [lc.Element, .. lc.Generators.SelectMany(g => g.Conditions.Prepend(g.Iterable))],
        SetComprehension sc => [sc.Element, .. sc.Generators.SelectMany(g => g.Conditions.Prepend(g.Iterable))],
        DictComprehension dc => [dc.Key, dc.Value, .. dc.Generators.SelectMany(g => g.Conditions.Prepend(g.Iterable))],
        _ => [],
    };
}
