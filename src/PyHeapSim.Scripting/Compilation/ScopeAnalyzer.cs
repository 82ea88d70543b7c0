using PyHeapSim.Scripting.Syntax;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Compilation;

/// <summary>
/// Builds the <see cref="Scope"/> tree of a module in two passes: collect bindings and uses per block,
/// then resolve free variables (a read in a nested function of a name local to an enclosing function
/// makes it a cell there and free here).
/// </summary>
internal sealed class ScopeAnalyzer
{
    private readonly Dictionary<Node, Scope> _scopes = new(ReferenceEqualityComparer.Instance);

    public Scope Module { get; private set; } = null!;

    /// <summary>The scope of a function, lambda, class or comprehension node.</summary>
    public Scope ScopeOf(Node n) => _scopes[n];

    public static ScopeAnalyzer Analyze(ScriptModule module)
    {
        var a = new ScopeAnalyzer();
        a.Module = new Scope(ScopeKind.Module, "<module>", null);
        a._scopes[module] = a.Module;
        foreach (Statement s in module.Body) a.Visit(s, a.Module);
        a.Resolve(a.Module);
        return a;
    }

    private void Resolve(Scope s)
    {
        foreach (Scope c in s.Children) Resolve(c);
        if (!s.IsFunction) return;
        foreach (string name in s.Used.Concat(s.Nonlocals).ToList())
        {
            if (s.IsLocal(name) || s.Globals.Contains(name)) continue;
            Scope? owner = s.Nonlocals.Contains(name) ? s.EnclosingFunctionBinding(name) : s.EnclosingFunctionBinding(name);
            if (owner is null) continue;
            owner.Cells.Add(name);
            // Every function between owner and s passes the cell through as a free variable.
            for (Scope? p = s; p is not null && p != owner; p = p.Parent)
            {
                if (p.IsFunction && !p.Frees.Contains(name)) p.Frees.Add(name);
            }
        }
    }

    private Scope NewScope(Node n, ScopeKind kind, string name, Scope parent)
    {
        var s = new Scope(kind, name, parent);
        parent.Children.Add(s);
        _scopes[n] = s;
        return s;
    }

    private void Visit(Statement st, Scope s)
    {
        switch (st)
        {
            case ExpressionStatement e: Use(e.Value, s); break;
            case AssignStatement a:
                Use(a.Value, s);
                foreach (Expression t in a.Targets) Target(t, s);
                break;
            case AugAssignStatement a:
                Use(a.Value, s);
                if (a.Target is NameExpression n) { s.Used.Add(n.Id); s.Bind(n.Id); }
                else Use(a.Target, s);
                break;
            case DeleteStatement d:
                foreach (Expression t in d.Targets) Target(t, s);
                break;
            case ReturnStatement r: if (r.Value is not null) Use(r.Value, s); break;
            case RaiseStatement r:
                if (r.Exception is not null) Use(r.Exception, s);
                if (r.Cause is not null) Use(r.Cause, s);
                break;
            case GlobalStatement g: foreach (string gn in g.Names) s.Globals.Add(gn); break;
            case NonlocalStatement nl: foreach (string nn in nl.Names) s.Nonlocals.Add(nn); break;
            case AssertStatement a:
                Use(a.Test, s);
                if (a.Message is not null) Use(a.Message, s);
                break;
            case ImportStatement i:
                foreach (ImportAlias al in i.Names) s.Bind(al.AsName ?? al.Name.Split('.')[0]);
                break;
            case ImportFromStatement i:
                foreach (ImportAlias al in i.Names) s.Bind(al.AsName ?? al.Name);
                break;
            case IfStatement i:
                Use(i.Test, s);
                Block(i.Body, s);
                Block(i.OrElse, s);
                break;
            case WhileStatement w:
                Use(w.Test, s);
                Block(w.Body, s);
                Block(w.OrElse, s);
                break;
            case ForStatement f:
                Use(f.Iterable, s);
                Target(f.Target, s);
                Block(f.Body, s);
                Block(f.OrElse, s);
                break;
            case TryStatement t:
                Block(t.Body, s);
                foreach (ExceptHandler h in t.Handlers)
                {
                    if (h.Type is not null) Use(h.Type, s);
                    if (h.Name is not null) s.Bind(h.Name);
                    Block(h.Body, s);
                }
                Block(t.OrElse, s);
                Block(t.FinalBody, s);
                break;
            case FunctionDefStatement fd:
            {
                foreach (Parameter p in fd.Parameters) if (p.Default is not null) Use(p.Default, s);
                s.Bind(fd.Name);
                Scope fs = NewScope(fd, ScopeKind.Function, fd.Name, s);
                foreach (Parameter p in fd.Parameters)
                {
                    fs.Parameters.Add(p.Name);
                    fs.Bind(p.Name);
                }
                Block(fd.Body, fs);
                break;
            }
            case ClassDefStatement cd:
            {
                foreach (Expression b in cd.Bases) Use(b, s);
                s.Bind(cd.Name);
                Scope cs = NewScope(cd, ScopeKind.Class, cd.Name, s);
                Block(cd.Body, cs);
                break;
            }
            case PassStatement or BreakStatement or ContinueStatement:
                break;
            default:
                throw new ScriptNotSupportedException(st.GetType().Name, st.Span);
        }
    }

    private void Block(IEnumerable<Statement> body, Scope s)
    {
        foreach (Statement st in body) Visit(st, s);
    }

    private void Target(Expression t, Scope s)
    {
        switch (t)
        {
            case NameExpression n: s.Bind(n.Id); break;
            case TupleExpression tu: foreach (Expression e in tu.Elements) Target(e, s); break;
            case ListExpression l: foreach (Expression e in l.Elements) Target(e, s); break;
            case AttributeExpression a: Use(a.Value, s); break;
            case SubscriptExpression sub:
                Use(sub.Value, s);
                Use(sub.Index, s);
                break;
            default: Use(t, s); break;
        }
    }

    private void Use(Expression e, Scope s)
    {
        switch (e)
        {
            case NameExpression n: s.Used.Add(n.Id); break;
            case ConstantExpression: break;
            case AttributeExpression a: Use(a.Value, s); break;
            case SubscriptExpression sub:
                Use(sub.Value, s);
                Use(sub.Index, s);
                break;
            case SliceExpression sl:
                if (sl.Lower is not null) Use(sl.Lower, s);
                if (sl.Upper is not null) Use(sl.Upper, s);
                if (sl.Step is not null) Use(sl.Step, s);
                break;
            case BinaryExpression b:
                Use(b.Left, s);
                Use(b.Right, s);
                break;
            case UnaryExpression u: Use(u.Operand, s); break;
            case BooleanExpression bo: foreach (Expression v in bo.Values) Use(v, s); break;
            case CompareExpression c:
                Use(c.Left, s);
                foreach (Expression v in c.Comparators) Use(v, s);
                break;
            case CallExpression call:
                Use(call.Function, s);
                foreach (Expression a in call.Arguments) Use(a, s);
                foreach (KeywordArgument k in call.Keywords) Use(k.Value, s);
                break;
            case ConditionalExpression ce:
                Use(ce.Test, s);
                Use(ce.Body, s);
                Use(ce.OrElse, s);
                break;
            case LambdaExpression l:
            {
                foreach (Parameter p in l.Parameters) if (p.Default is not null) Use(p.Default, s);
                Scope ls = NewScope(l, ScopeKind.Function, "<lambda>", s);
                foreach (Parameter p in l.Parameters)
                {
                    ls.Parameters.Add(p.Name);
                    ls.Bind(p.Name);
                }
                Use(l.Body, ls);
                break;
            }
            case TupleExpression t: foreach (Expression x in t.Elements) Use(x, s); break;
            case ListExpression l: foreach (Expression x in l.Elements) Use(x, s); break;
            case SetExpression st: foreach (Expression x in st.Elements) Use(x, s); break;
            case DictExpression d:
                foreach (Expression x in d.Keys) Use(x, s);
                foreach (Expression x in d.Values) Use(x, s);
                break;
            case ListComprehension lc: Comprehension(lc, "<listcomp>", [lc.Element], lc.Generators, s); break;
            case SetComprehension sc: Comprehension(sc, "<setcomp>", [sc.Element], sc.Generators, s); break;
            case DictComprehension dc: Comprehension(dc, "<dictcomp>", [dc.Key, dc.Value], dc.Generators, s); break;
            case GeneratorExpression ge: Comprehension(ge, "<genexpr>", [ge.Element], ge.Generators, s); break;
            case JoinedStrExpression js: foreach (Expression v in js.Values) Use(v, s); break;
            case FormattedValueExpression fv:
                Use(fv.Value, s);
                if (fv.FormatSpec is not null) Use(fv.FormatSpec, s);
                break;
            default:
                throw new ScriptNotSupportedException(e.GetType().Name, e.Span);
        }
    }

    /// <summary>Comprehensions get a function scope whose single parameter is <c>.0</c>, the outermost iterator
    /// (evaluated in the enclosing scope), as in CPython ≤3.11.</summary>
    private void Comprehension(Expression node, string name, Expression[] elements, IReadOnlyList<ComprehensionClause> gens, Scope s)
    {
        Use(gens[0].Iterable, s);
        Scope cs = NewScope(node, ScopeKind.Function, name, s);
        cs.Parameters.Add(".0");
        cs.Bind(".0");
        for (int i = 0; i < gens.Count; i++)
        {
            if (i > 0) Use(gens[i].Iterable, cs);
            Target(gens[i].Target, cs);
            foreach (Expression c in gens[i].Conditions) Use(c, cs);
        }
        foreach (Expression e in elements) Use(e, cs);
    }
}
