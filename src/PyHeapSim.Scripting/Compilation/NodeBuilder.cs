using System.Collections.Immutable;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;
using PyHeapSim.Scripting.Runtime.Nodes;
using PyHeapSim.Scripting.Syntax;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Compilation;

/// <summary>
/// Turns the syntax tree into evaluation nodes once (style rule 10): names are resolved to fast locals,
/// cells, globals or namespace lookups; constants are folded and pooled; displays are built the way
/// the profile's compiler builds them.
/// </summary>
internal sealed partial class NodeBuilder
{
    private readonly Interpreter _i;
    private readonly ScopeAnalyzer _scopes;
    private readonly string _fileName;

    public NodeBuilder(Interpreter interp, ScopeAnalyzer scopes, string fileName)
    {
        _i = interp;
        _scopes = scopes;
        _fileName = fileName;
        Constants = new ConstantPool(interp);
    }

    public ConstantPool Constants { get; }

    /// <summary>The module a class statement names as its <c>__module__</c>: <c>__main__</c> for the script.</summary>
    public string ModuleName { get; init; } = "__main__";

    /// <summary>Every code object built (the runner releases them at exit).</summary>
    public List<CodeInfo> Codes { get; } = [];

    public static CodeInfo BuildModule(NodeBuilder b, ScriptModule module)
    {
        var code = new CodeInfo(b._scopes.Module, b._fileName, 1);
        code.Body = b.Block(module.Body, code);
        b.Finish(code);
        return code;
    }

    /// <summary>Creates the heap code object: it owns a co_consts tuple holding this code's constants.</summary>
    private void Finish(CodeInfo code)
    {
        // init_code interns co_localsplusnames like co_names (immortal in 3.13: intern_strings).
        if (_i.Profile.RefCounts.CodeNamesInternedImmortal)
        {
            foreach (string local in code.Scope.Locals) _i.CodeName(local);
            foreach (string free in code.Scope.Frees) _i.CodeName(free);
        }
        int consts = _i.NewTuple(code.Constants.ToArray());
        // co_name: an identifier is the same interned string as an equal constant; "<module>", "<lambda>",
        // "<listcomp>" … are the compiler's own interned (3.12+: static) strings, not a literal's object.
        int name = ConstantPool.IsIdentifierLike(code.Name) ? Constants.Str(code.Name) : _i.InternedName(code.Name);
        int co = GenericType.New(_i.Heap, _i.Types.Code, [consts, name], code, track: false);
        _i.DecRef(consts);
        code.CodeObject = co;
        Codes.Add(code);
    }

    private StatementNode[] Block(ImmutableArray<Statement> body, CodeInfo code)
    {
        var nodes = new StatementNode[body.Length];
        for (int k = 0; k < body.Length; k++) nodes[k] = Stmt(body[k], code);
        return nodes;
    }

    private StatementNode Stmt(Statement s, CodeInfo code)
    {
        StatementNode n = StmtCore(s, code);
        n.Line = s.Span.Line;
        return n;
    }

    private StatementNode StmtCore(Statement s, CodeInfo code)
    {
        Scope scope = code.Scope;
        switch (s)
        {
            case ExpressionStatement e:
            {
                ExpressionNode value = Expr(e.Value, code);
                if (value is MethodCall call) call.ResultPopped = true;
                return new ExpressionStatementNode(value);
            }
            case AssignStatement a:
                return new Assign(a.Targets.Select(t => Target(t, code)).ToArray(), Expr(a.Value, code));
            case AugAssignStatement a:
                return new AugAssign(Expr(AsLoad(a.Target), code), Target(a.Target, code), a.Operator, Expr(a.Value, code));
            case DeleteStatement d:
                return new Delete(d.Targets.Select(t => Target(t, code)).ToArray());
            case PassStatement:
                return new Pass();
            case BreakStatement:
                return new Break();
            case ContinueStatement:
                return new Continue();
            case ReturnStatement r:
                return new Return(r.Value is null ? null : Expr(r.Value, code));
            case IfStatement i:
                return new If(Expr(i.Test, code), Block(i.Body, code), Block(i.OrElse, code));
            case WhileStatement w:
                return new While(Expr(w.Test, code), Block(w.Body, code), Block(w.OrElse, code));
            case ForStatement f:
                return new For(Target(f.Target, code), Iterable(f.Iterable, code), Block(f.Body, code), Block(f.OrElse, code));
            case RaiseStatement r:
                return new Raise(r.Exception is null ? null : Expr(r.Exception, code));
            case AssertStatement a:
                return new Assert(Expr(a.Test, code), a.Message is null ? null : Expr(a.Message, code));
            case TryStatement t:
                return new Try(
                    Block(t.Body, code),
                    t.Handlers.Select(h => new Handler(h.Type is null ? null : Expr(h.Type, code), h.Name is null ? null : NameTarget(h.Name, scope), Block(h.Body, code))).ToArray(),
                    Block(t.OrElse, code),
                    Block(t.FinalBody, code));
            case GlobalStatement or NonlocalStatement:
                return new Pass();
            case FunctionDefStatement fd:
                return new FunctionDef(MakeFunctionNode(fd, fd.Name, fd.Parameters, fd.Body, null, code), NameTarget(fd.Name, scope));
            case ClassDefStatement cd:
            {
                Scope cs = _scopes.ScopeOf(cd);
                var body = new CodeInfo(cs, _fileName, cd.Span.Line);
                body.Body = Block(cd.Body, body);
                Finish(body);
                code.AddConstant(body.CodeObject);
                int moduleName = Constants.Str(ModuleName);
                int qualName = Constants.Str(cd.Name);
                return new ClassDef(cd.Name, cd.Bases.Select(b => Expr(b, code)).ToArray(), body, NameTarget(cd.Name, scope), moduleName, qualName);
            }
            case ImportStatement im:
            {
                if (im.Names.Length != 1)
                {
                    return new Sequence(im.Names.Select(a => (StatementNode)new Import(a.Name, NameTarget(a.AsName ?? a.Name, scope))).ToArray());
                }
                ImportAlias a = im.Names[0];
                return new Import(a.Name, NameTarget(a.AsName ?? a.Name.Split('.')[0], scope));
            }
            case ImportFromStatement f:
                if (f.Module is null || f.Level > 0) throw new ScriptNotSupportedException("relative import", f.Span);
                if (f.Names.Any(a => a.Name == "*")) throw new ScriptNotSupportedException("'from module import *'", f.Span);
                return new ImportFrom(f.Module, f.Names.Select(a => a.Name).ToArray(), f.Names.Select(a => NameTarget(a.AsName ?? a.Name, scope)).ToArray());
            default:
                throw new ScriptNotSupportedException(s.GetType().Name, s.Span);
        }
    }

    private static Expression AsLoad(Expression e) => e switch
    {
        NameExpression n => n with { Context = ExpressionContext.Load },
        AttributeExpression a => a with { Context = ExpressionContext.Load },
        SubscriptExpression s => s with { Context = ExpressionContext.Load },
        _ => e,
    };

    /// <summary>The iterable of a <c>for</c>: a constant list display becomes a constant tuple (<c>fold_iter</c>).</summary>
    private ExpressionNode Iterable(Expression e, CodeInfo code)
    {
        if (e is ListExpression l && l.Elements.Length > 0)
        {
            ConstantValue? c = ConstantFolder.Fold(new TupleExpression(l.Elements, ExpressionContext.Load, l.Span));
            if (c is not null) return Const(c, code);
        }
        return Expr(e, code);
    }

    // ---- names ----

    /// <summary>Interns an attribute name at compile time (it is in co_names) and returns it.</summary>
    private string Named(string name)
    {
        _i.CodeName(name);
        return name;
    }

    private TargetNode NameTarget(string name, Scope scope)
    {
        switch (scope.Kind)
        {
            case ScopeKind.Module:
                return new DictNameTarget(_i.CodeName(name), name, global: false);
            case ScopeKind.Class:
                return scope.Globals.Contains(name)
                    ? new DictNameTarget(_i.CodeName(name), name, global: true)
                    : new DictNameTarget(_i.CodeName(name), name, global: false);
            default:
                if (scope.Globals.Contains(name)) return new DictNameTarget(_i.CodeName(name), name, global: true);
                int free = scope.Frees.IndexOf(name);
                if (scope.Nonlocals.Contains(name) && free >= 0) return new CellTarget(free, true, name);
                int local = scope.LocalIndex(name);
                if (local >= 0 && scope.Cells.Contains(name)) return new CellTarget(local, false, name);
                if (local >= 0) return new LocalTarget(local, name);
                if (free >= 0) return new CellTarget(free, true, name);
                return new DictNameTarget(_i.CodeName(name), name, global: true);
        }
    }

    private ExpressionNode NameLoad(string name, Scope scope)
    {
        switch (scope.Kind)
        {
            case ScopeKind.Module:
            case ScopeKind.Class:
                if (scope.Kind == ScopeKind.Class && scope.Globals.Contains(name)) return new GlobalLoad(_i.CodeName(name), name);
                return new NameLoad(_i.CodeName(name), name);
            default:
                if (scope.Globals.Contains(name)) return new GlobalLoad(_i.CodeName(name), name);
                int local = scope.LocalIndex(name);
                if (local >= 0 && scope.Cells.Contains(name) && !scope.Nonlocals.Contains(name)) return new CellLoad(local, false, name);
                int free = scope.Frees.IndexOf(name);
                if (free >= 0 && (local < 0 || scope.Nonlocals.Contains(name))) return new CellLoad(free, true, name);
                if (local >= 0) return new LocalLoad(local, name);
                return new GlobalLoad(_i.CodeName(name), name);
        }
    }

    private TargetNode Target(Expression t, CodeInfo code)
    {
        TargetNode n = t switch
        {
            NameExpression n1 => NameTarget(n1.Id, code.Scope),
            AttributeExpression a => new AttributeTarget(Expr(a.Value, code), Named(a.Attr)),
            SubscriptExpression s => new SubscriptTarget(Expr(s.Value, code), Expr(s.Index, code)),
            TupleExpression tu => new UnpackTarget(tu.Elements.Select(e => Target(e, code)).ToArray()),
            ListExpression l => new UnpackTarget(l.Elements.Select(e => Target(e, code)).ToArray()),
            _ => throw new ScriptNotSupportedException("assignment target " + t.GetType().Name, t.Span),
        };
        n.Line = t.Span.Line;
        return n;
    }
}

/// <summary>Several statements run as one (e.g. <c>import a, b</c>).</summary>
internal sealed class Sequence(StatementNode[] items) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f) => I.ExecBlock(items, f);
}
