using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Compilation;

namespace PyHeapSim.Scripting.Runtime.Nodes;

/// <summary><c>CALL</c>: callable and arguments evaluated left to right; the argument references go to the callee.</summary>
internal sealed class Call(ExpressionNode function, ExpressionNode[] args, string[] kwNames, ExpressionNode[] kwValues) : ExpressionNode
{
    /// <summary>How often this site has run, counted up to 2 (the adaptive counter's warm-up).</summary>
    private int _runs;

    public override int Eval(Interpreter I, Frame f)
    {
        if (_runs < 2) _runs++;
        int fn = function.Eval(I, f);
        int[] a;
        try
        {
            a = I.EvalAll(args, f);
        }
        catch
        {
            I.DecRef(fn);
            throw;
        }
        int[] kv;
        try
        {
            kv = I.EvalAll(kwValues, f);
        }
        catch
        {
            foreach (int x in a) I.DecRef(x);
            I.DecRef(fn);
            throw;
        }
        bool checksBreaker = !I.IsPythonCallable(fn) && !I.SpecializedCallSkipsEvalBreaker(_runs, fn, a.Length, kwNames.Length);
        int result;
        try
        {
            f.Line = Line;
            result = I.CallCore(fn, a, kwNames.Length == 0 ? KeywordArguments.None : new KeywordArguments(kwNames, kv), stealArgs: true);
        }
        finally
        {
            foreach (int x in kv) I.DecRef(x);
            I.DecRef(fn);
        }
        if (checksBreaker) I.CheckEvalBreakerAfterCall();
        return result;
    }
}

/// <summary>
/// <c>obj.name(args)</c> as <c>LOAD_METHOD</c>/<c>CALL_METHOD</c>: a function found on the class is called with
/// the object as <c>self</c> and no bound-method object is made; built-in methods are called directly.
/// </summary>
internal sealed class MethodCall(ExpressionNode obj, string name, ExpressionNode[] args, string[] kwNames, ExpressionNode[] kwValues) : ExpressionNode
{
    /// <summary>How often this site has run, counted up to 2 (the adaptive counter's warm-up).</summary>
    private int _runs;

    /// <summary>The call is an expression statement: <c>POP_TOP</c> follows the <c>CALL</c>.</summary>
    public bool ResultPopped { get; set; }

    public override int Eval(Interpreter I, Frame f)
    {
        if (_runs < 2) _runs++;
        int o = obj.Eval(I, f);
        int method = 0;
        BuiltinFunction? native = null;
        int callable = 0;
        try
        {
            TypeKind kind = I.Kind(o);
            if (kind == TypeKind.Instance && InstanceType.GetAttr(I.Heap, o, I.InternedName(name)) == 0)
            {
                int cv = ClassType.LookupAttribute(I.Heap, I.T.TypeOf(o), I.InternedName(name));
                if (cv != 0 && I.T.TypeOf(cv) == I.Types.Function) method = I.NewRef(cv);
            }
            else if (kind is not (TypeKind.Instance or TypeKind.Type) && I.T.TypeOf(o) != I.Types.Module)
            {
                native = I.FindBuiltinMethod(o, name);
            }
            if (method == 0 && native is null) callable = I.GetAttr(o, name);
        }
        catch
        {
            I.DecRef(o);
            throw;
        }
        int[] a;
        int[] kv;
        try
        {
            a = I.EvalAll(args, f);
            try
            {
                kv = I.EvalAll(kwValues, f);
            }
            catch
            {
                foreach (int x in a) I.DecRef(x);
                throw;
            }
        }
        catch
        {
            I.XDecRef(method);
            I.XDecRef(callable);
            I.DecRef(o);
            throw;
        }
        KeywordArguments kw = kwNames.Length == 0 ? KeywordArguments.None : new KeywordArguments(kwNames, kv);
        f.Line = Line;
        bool checksBreaker = method == 0 && (native is not null || !I.IsPythonCallable(callable))
            && !(native is not null && name == "append" && I.Kind(o) == TypeKind.List
                && Interpreter.SpecializedAppendSkipsEvalBreaker(_runs, ResultPopped, a.Length, kwNames.Length));
        int result;
        try
        {
            if (method != 0)
            {
                var all = new int[a.Length + 1];
                all[0] = o;
                a.CopyTo(all, 1);
                o = 0; // self's stack reference goes with the arguments
                result = I.CallCore(method, all, kw, stealArgs: true);
            }
            else if (native is not null)
            {
                var all = new int[a.Length + 1];
                all[0] = o;
                a.CopyTo(all, 1);
                try
                {
                    result = native(I, all, kw);
                }
                finally
                {
                    for (int i = a.Length - 1; i >= 0; i--) I.DecRef(a[i]);
                }
            }
            else
            {
                result = I.CallCore(callable, a, kw, stealArgs: true);
            }
        }
        finally
        {
            foreach (int x in kv) I.DecRef(x);
            I.XDecRef(method);
            I.XDecRef(callable);
            I.XDecRef(o);
        }
        if (checksBreaker) I.CheckEvalBreakerAfterCall();
        return result;
    }
}

/// <summary><c>MAKE_FUNCTION</c> (def and lambda): a function object over the code, with defaults and closure.</summary>
internal sealed class MakeFunction(CodeInfo code, ExpressionNode[] defaults, int nameConst) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int defs = 0;
        if (defaults.Length > 0) defs = I.NewTupleStealing(I.EvalAll(defaults, f));
        int closure = 0;
        if (code.FreeNames.Length > 0)
        {
            var cells = new int[code.FreeNames.Length];
            for (int i = 0; i < cells.Length; i++) cells[i] = I.NewRef(I.CellFor(f, code.FreeNames[i]));
            closure = I.NewTupleStealing(cells);
        }
        var refs = new int[FunctionInfo.RefCount];
        refs[FunctionInfo.CodeRef] = code.CodeObject;
        refs[FunctionInfo.GlobalsRef] = f.Globals;
        refs[FunctionInfo.DefaultsRef] = defs;
        refs[FunctionInfo.ClosureRef] = closure;
        refs[FunctionInfo.NameRef] = nameConst;
        int fn = GenericType.New(I.Heap, I.Types.Function, refs, new FunctionInfo(code));
        I.XDecRef(defs);
        I.XDecRef(closure);
        return fn;
    }
}

/// <summary>
/// A list/set/dict comprehension. Up to 3.11 it is a function called with the outermost iterator (a function
/// object, and ≤3.10 a frame object, are made); from 3.12 it runs inline (PEP 709).
/// </summary>
internal sealed class Comprehension(CodeInfo code, ExpressionNode outer, int nameConst) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int fn = 0;
        if (!I.Profile.Compiler.ComprehensionsInlined)
        {
            fn = new MakeFunction(code, [], nameConst).Eval(I, f);
        }
        int iterable;
        try
        {
            iterable = outer.Eval(I, f);
        }
        catch
        {
            I.XDecRef(fn);
            throw;
        }
        int it;
        try
        {
            it = I.GetIter(iterable);
        }
        finally
        {
            I.DecRef(iterable);
        }
        Frame frame = I.NewComprehensionFrame(code, f, it);
        try
        {
            return I.RunFrame(frame, code);
        }
        finally
        {
            I.XDecRef(fn);
        }
    }
}

internal enum ComprehensionKind
{
    List,
    Set,
    Dict,
    Generator,
}

/// <summary>One <c>for</c> clause of a comprehension with its conditions, and what follows it.</summary>
internal sealed class ComprehensionLoop(ExpressionNode? iterable, TargetNode target, ExpressionNode[] conditions, ComprehensionLoop? inner, ExpressionNode? element, ExpressionNode? value)
{
    public ExpressionNode? Iterable = iterable;
    public TargetNode Target = target;
    public ExpressionNode[] Conditions = conditions;
    public ComprehensionLoop? Inner = inner;
    public ExpressionNode? Element = element;
    public ExpressionNode? Value = value;
}

/// <summary>The body of a comprehension's code: nested loops appending to the result.</summary>
internal sealed class ComprehensionBody(ComprehensionLoop loop, ComprehensionKind kind) : StatementNode
{
    public override Flow Exec(Interpreter I, Frame f)
    {
        int result = kind switch
        {
            ComprehensionKind.List => ListType.New(I.Heap),
            ComprehensionKind.Set => SetType.New(I.Heap, frozen: false),
            _ => DictType.New(I.Heap),
        };
        f.ReturnValue = result;
        Run(I, f, loop, f.Locals[0], borrowedIterator: true, result);
        return Flow.Return;
    }

    private void Run(Interpreter I, Frame f, ComprehensionLoop l, int iterator, bool borrowedIterator, int result)
    {
        try
        {
            while (true)
            {
                int item = I.IterNext(iterator);
                if (item == 0) break;
                l.Target.Store(I, f, item);
                bool pass = true;
                foreach (ExpressionNode c in l.Conditions)
                {
                    if (!I.Truth(c, f))
                    {
                        pass = false;
                        break;
                    }
                }
                if (pass)
                {
                    if (l.Inner is not null)
                    {
                        int src = l.Inner.Iterable!.Eval(I, f);
                        int it;
                        try
                        {
                            it = I.GetIter(src);
                        }
                        finally
                        {
                            I.DecRef(src);
                        }
                        Run(I, f, l.Inner, it, borrowedIterator: false, result);
                    }
                    else
                    {
                        Emit(I, f, l, result);
                    }
                }
                I.EvalBreaker();
            }
        }
        finally
        {
            if (!borrowedIterator) I.DecRef(iterator);
        }
    }

    private void Emit(Interpreter I, Frame f, ComprehensionLoop l, int result)
    {
        switch (kind)
        {
            case ComprehensionKind.List:
                ListType.AppendStealing(I.Heap, result, l.Element!.Eval(I, f));
                break;
            case ComprehensionKind.Set:
            {
                int v = l.Element!.Eval(I, f);
                try
                {
                    SetType.Add(I.Heap, result, v);
                }
                finally
                {
                    I.DecRef(v);
                }
                break;
            }
            default:
            {
                int k = l.Element!.Eval(I, f);
                int v;
                try
                {
                    v = l.Value!.Eval(I, f);
                }
                catch
                {
                    I.DecRef(k);
                    throw;
                }
                try
                {
                    DictType.SetItem(I.Heap, result, k, v);
                }
                finally
                {
                    I.DecRef(k);
                    I.DecRef(v);
                }
                break;
            }
        }
    }
}

/// <summary>
/// A generator expression: <c>MAKE_FUNCTION</c>, the outermost iterable and <c>GET_ITER</c>, then a call of the
/// function with the iterator, which returns a generator object that runs the loops lazily as it is iterated.
/// ≤3.10 the generator owns a heap frame and the function dies when the call returns; from 3.11 the frame
/// (embedded in the generator) holds the function until it is cleared.
/// </summary>
internal sealed class GeneratorBuild(CodeInfo code, ExpressionNode outer, ComprehensionLoop loop, int nameConst) : ExpressionNode
{
    private readonly MakeFunction _makeFunction = new(code, [], nameConst);

    public override int Eval(Interpreter I, Frame f)
    {
        int fn = _makeFunction.Eval(I, f);
        int it;
        try
        {
            int iterable = outer.Eval(I, f);
            try
            {
                it = I.GetIter(iterable);
            }
            finally
            {
                I.DecRef(iterable);
            }
        }
        catch
        {
            I.DecRef(fn);
            throw;
        }
        Frame frame = I.NewComprehensionFrame(code, f, it);
        return I.NewGenerator(frame, fn, Produce(I, frame, loop, it).GetEnumerator());
    }

    private static IEnumerable<int> Produce(Interpreter I, Frame f, ComprehensionLoop l, int iterator)
    {
        while (true)
        {
            int item = I.IterNext(iterator);
            if (item == 0) yield break;
            l.Target.Store(I, f, item);
            bool pass = true;
            foreach (ExpressionNode c in l.Conditions)
            {
                if (!I.Truth(c, f))
                {
                    pass = false;
                    break;
                }
            }
            if (!pass) continue;
            if (l.Inner is null)
            {
                yield return l.Element!.Eval(I, f);
                continue;
            }
            int src = l.Inner.Iterable!.Eval(I, f);
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
                foreach (int v in Produce(I, f, l.Inner, it)) yield return v;
            }
            finally
            {
                I.DecRef(it);
            }
        }
    }
}
