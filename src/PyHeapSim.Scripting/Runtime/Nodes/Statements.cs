using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Compilation;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Runtime.Nodes;

/// <summary>An expression statement: evaluate, then <c>POP_TOP</c>.</summary>
internal sealed class ExpressionStatementNode(ExpressionNode value) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        I.DecRef(value.Eval(I, f));
        return Flow.Normal;
    }
}

/// <summary><c>a = b = value</c>: the value is evaluated once; each extra target takes a new reference (<c>DUP_TOP</c>).</summary>
internal sealed class Assign(TargetNode[] targets, ExpressionNode value) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        int v = value.Eval(I, f);
        for (int i = 0; i < targets.Length; i++)
        {
            if (i < targets.Length - 1) I.IncRef(v);
            try
            {
                targets[i].Store(I, f, v);
            }
            catch
            {
                for (int j = i + 1; j < targets.Length; j++) I.DecRef(v);
                throw;
            }
        }
        return Flow.Normal;
    }
}

/// <summary><c>target op= value</c>: read, <c>INPLACE_*</c>, store back.</summary>
internal sealed class AugAssign(ExpressionNode read, TargetNode target, BinaryOperator op, ExpressionNode value) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        int cur = read.Eval(I, f);
        int v;
        try
        {
            v = value.Eval(I, f);
        }
        catch
        {
            I.DecRef(cur);
            throw;
        }
        int r;
        try
        {
            r = I.InPlaceOp(op, cur, v);
        }
        finally
        {
            I.DecRef(cur);
            I.DecRef(v);
        }
        target.Store(I, f, r);
        return Flow.Normal;
    }
}

internal sealed class Delete(TargetNode[] targets) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        foreach (TargetNode t in targets) t.Delete(I, f);
        return Flow.Normal;
    }
}

internal sealed class Pass : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f) => Flow.Normal;
}

internal sealed class Break : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f) => Flow.Break;
}

internal sealed class Continue : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f) => Flow.Continue;
}

internal sealed class Return(ExpressionNode? value) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        int v = value?.Eval(I, f) ?? I.NewNone();
        I.XDecRef(f.ReturnValue);
        f.ReturnValue = v;
        return Flow.Return;
    }
}

internal sealed class If(ExpressionNode test, StatementNode[] body, StatementNode[] orElse) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f) =>
        I.ExecBlock(I.Truth(test, f) ? body : orElse, f);
}

internal sealed class While(ExpressionNode test, StatementNode[] body, StatementNode[] orElse) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        while (true)
        {
            f.Line = Line;
            if (!I.Truth(test, f)) return I.ExecBlock(orElse, f);
            Flow flow = I.ExecBlock(body, f);
            if (flow == Flow.Break) return Flow.Normal;
            if (flow == Flow.Return) return flow;
            I.EvalBreaker();
        }
    }
}

/// <summary><c>for target in iterable</c>: the iterator stays on the stack (holding its sequence) for the whole loop.</summary>
internal sealed class For(TargetNode target, ExpressionNode iterable, StatementNode[] body, StatementNode[] orElse) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        int src = iterable.Eval(I, f);
        int it;
        try
        {
            it = I.GetIter(src);
        }
        finally
        {
            I.DecRef(src);
        }
        try
        {
            while (true)
            {
                f.Line = Line;
                int item = I.IterNext(it);
                if (item == 0) break;
                target.Store(I, f, item);
                Flow flow = I.ExecBlock(body, f);
                if (flow == Flow.Break) return Flow.Normal;
                if (flow == Flow.Return) return flow;
                I.EvalBreaker();
            }
        }
        finally
        {
            I.DecRef(it);
        }
        return I.ExecBlock(orElse, f);
    }
}

/// <summary><c>raise X</c>, <c>raise X("msg")</c>, bare <c>raise</c>.</summary>
internal sealed class Raise(ExpressionNode? exception) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        if (exception is null)
        {
            PyException? current = f.Handling ?? I.HandlingException;
            if (current is null) throw I.Raise("RuntimeError", "No active exception to reraise");
            throw I.Reraise(current);
        }
        int v = exception.Eval(I, f);
        throw I.ThrowObject(v);
    }
}

internal sealed class Assert(ExpressionNode test, ExpressionNode? message) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        if (I.Truth(test, f)) return Flow.Normal;
        if (message is null) throw I.Raise("AssertionError", "");
        int m = message.Eval(I, f);
        string text;
        try
        {
            text = I.Str(m);
        }
        finally
        {
            I.DecRef(m);
        }
        throw I.Raise("AssertionError", text);
    }
}

/// <summary>An except clause: the class (or tuple of classes) it catches, the name it binds, its body.</summary>
internal sealed record Handler(ExpressionNode? Type, TargetNode? Name, StatementNode[] Body);

/// <summary><c>try</c>/<c>except</c>/<c>else</c>/<c>finally</c>. A handled exception is released when its handler ends
/// (the <c>as</c> name is deleted, as CPython does), freeing the frames its traceback kept.</summary>
internal sealed class Try(StatementNode[] body, Handler[] handlers, StatementNode[] orElse, StatementNode[] finalBody) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        Flow flow;
        try
        {
            flow = RunBodyAndHandlers(I, f);
        }
        catch (PyException) when (finalBody.Length > 0)
        {
            Flow ff = I.ExecBlock(finalBody, f);
            if (ff != Flow.Normal) return ff;
            throw;
        }
        if (finalBody.Length > 0)
        {
            int pending = 0;
            if (flow == Flow.Return)
            {
                pending = f.ReturnValue;
                f.ReturnValue = 0;
            }
            Flow ff = I.ExecBlock(finalBody, f);
            if (ff != Flow.Normal)
            {
                I.XDecRef(pending);
                return ff;
            }
            if (pending != 0) f.ReturnValue = pending;
        }
        return flow;
    }

    private Flow RunBodyAndHandlers(Interpreter I, Frame f)
    {
        PyException caught;
        try
        {
            Flow flow = I.ExecBlock(body, f);
            if (flow != Flow.Normal) return flow;
            return I.ExecBlock(orElse, f);
        }
        catch (PyException e) when (handlers.Length > 0)
        {
            caught = e;
        }
        int excType = I.T.TypeOf(caught.ExceptionObject);
        foreach (Handler h in handlers)
        {
            if (h.Type is not null && !Matches(I, f, h.Type, excType)) continue;
            PyException? saved = f.Handling;
            f.Handling = caught;
            I.HandlingException = caught;
            try
            {
                if (h.Name is not null) h.Name.Store(I, f, I.NewRef(caught.ExceptionObject));
                Flow flow = I.ExecBlock(h.Body, f);
                return flow;
            }
            finally
            {
                f.Handling = saved;
                I.HandlingException = saved;
                if (h.Name is not null)
                {
                    try
                    {
                        h.Name.Delete(I, f);
                    }
                    catch (PyException ignored)
                    {
                        I.ReleaseException(ignored);
                    }
                }
                I.ReleaseException(caught);
            }
        }
        throw caught;
    }

    private static bool Matches(Interpreter I, Frame f, ExpressionNode typeExpr, int excType)
    {
        int t = typeExpr.Eval(I, f);
        try
        {
            if (I.Kind(t) == TypeKind.Tuple)
            {
                foreach (int x in TupleType.Items(I.Heap, t)) if (Exceptions.IsSubclass(I, excType, x)) return true;
                return false;
            }
            return Exceptions.IsSubclass(I, excType, t);
        }
        finally
        {
            I.DecRef(t);
        }
    }
}

/// <summary><c>def</c>: make the function and bind it.</summary>
internal sealed class FunctionDef(MakeFunction make, TargetNode target) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        target.Store(I, f, make.Eval(I, f));
        return Flow.Normal;
    }
}

/// <summary><c>class Name(Base):</c> runs the body in a fresh namespace, then creates the class (<c>type_new</c>).</summary>
internal sealed class ClassDef(string name, ExpressionNode[] bases, CodeInfo body, TargetNode target, int moduleName, int qualName) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        int[] b = I.EvalAll(bases, f);
        int ns = DictType.New(I.Heap);
        int cls;
        try
        {
            DictType.SetItem(I.Heap, ns, I.InternedName("__module__"), moduleName);
            DictType.SetItem(I.Heap, ns, I.InternedName("__qualname__"), qualName);
            // LOAD_BUILD_CLASS + MAKE_FUNCTION: the body runs as a function, released once the class exists.
            int bodyFunction = GenericType.New(I.Heap, I.Types.Function, [body.CodeObject, f.Globals, 0, 0, qualName], new FunctionInfo(body));
            try
            {
                var frame = new Frame(body, f.Globals, ns, f);
                int r = I.RunFrame(frame, body);
                I.DecRef(r);
            }
            finally
            {
                I.DecRef(bodyFunction);
            }
            if (b.Length > 1) throw I.Raise("TypeError", "pyheapsim: multiple inheritance is not modelled");
            int baseType = b.Length == 1 ? b[0] : 0;
            if (baseType != 0 && I.Kind(baseType) != TypeKind.Type) throw I.Raise("TypeError", "bases must be types");
            cls = I.CreateClass(name, baseType, ns);
        }
        finally
        {
            I.XDecRef(ns);
            foreach (int x in b) I.DecRef(x);
        }
        target.Store(I, f, cls);
        return Flow.Normal;
    }
}

/// <summary><c>import m [as n]</c>.</summary>
internal sealed class Import(string module, TargetNode target) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        target.Store(I, f, I.ImportModule(module));
        return Flow.Normal;
    }
}

/// <summary><c>from m import a [as b], …</c>.</summary>
internal sealed class ImportFrom(string module, string[] names, TargetNode[] targets) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        int m = I.ImportModule(module);
        try
        {
            for (int i = 0; i < names.Length; i++)
            {
                int v = I.TryGetAttr(m, names[i]);
                if (v == 0) throw I.Raise("ImportError", $"cannot import name '{names[i]}' from '{module}'");
                targets[i].Store(I, f, v);
            }
        }
        finally
        {
            I.DecRef(m);
        }
        return Flow.Normal;
    }
}
