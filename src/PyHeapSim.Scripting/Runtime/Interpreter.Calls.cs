using PyHeapSim.Objects;
using PyHeapSim.Objects.Stores;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Compilation;
using PyHeapSim.Scripting.Runtime.Nodes;

namespace PyHeapSim.Scripting.Runtime;

/// <summary>
/// Calls. The value-stack discipline of each version is reproduced: up to 3.10 a Python function's
/// frame takes new references to its arguments while the caller's stack keeps its own until the call
/// returns; from 3.11 the arguments are moved into the callee's frame (cpython-facts §4.3).
/// </summary>
public sealed partial class Interpreter
{
    private int _depth;
    private long _steps;
    private readonly Stack<int> _framePool = new();

    // Full collections so far, and how many ran while the interpreter started (free lists the script sees are
    // the recorded ones only until its own first full collection).
    private int _fullCollections;
    private int _fullCollectionsAtStartup;

    /// <summary>Constructors of static types (<c>list(...)</c>, <c>int(...)</c> …): type slot → implementation (args borrowed).</summary>
    internal Dictionary<int, BuiltinFunction> Constructors { get; } = new();

    /// <summary>Evaluation steps taken so far.</summary>
    internal long StepCount => _steps;

    /// <summary>Callables to run at exit before module teardown (<c>atexit</c>; <c>weakref.finalize</c> registers here).</summary>
    internal List<Action> ExitHooks { get; } = [];

    internal void RunExitHooks()
    {
        for (int i = ExitHooks.Count - 1; i >= 0; i--) ExitHooks[i]();
        ExitHooks.Clear();
    }

    /// <summary>Counts one step; stops a runaway script.</summary>
    internal void Step()
    {
        if (++_steps > Limits.MaxSteps) throw new ScriptAbortedException($"step limit of {Limits.MaxSteps} reached (ScriptLimits.MaxSteps)");
    }

    /// <summary>The eval-breaker check: runs a collection the allocator scheduled (3.12+), counts a step.</summary>
    internal void EvalBreaker()
    {
        Step();
        Heap.RunScheduledCollection();
    }

    /// <summary>
    /// The eval-breaker check that ends CPython's <c>CALL</c> of anything but a Python function (3.12+
    /// <c>CHECK_EVAL_BREAKER()</c> after a built-in, a type or a method descriptor returns): a collection an
    /// allocation scheduled during the call runs here, before the next instruction. No step is counted.
    /// </summary>
    internal void CheckEvalBreakerAfterCall() => Heap.RunScheduledCollection();

    /// <summary>
    /// <c>PyErr_CheckSignals()</c>, which <c>PyObject_Str</c> and <c>PyObject_Repr</c> call before anything else
    /// (so every <c>str()</c>, <c>repr()</c>, container repr item, f-string field and each piece <c>print()</c>
    /// writes, right after it has bound <c>write</c>). From 3.12 it also runs a collection an allocation
    /// scheduled (signalmodule.c <c>PyErr_CheckSignals</c>: "Opportunistically check if the GC is scheduled
    /// to run"), so such a collection runs there, inside the call, not when the call returns. A no-op for
    /// profiles that collect inside the allocation (nothing is ever scheduled). No step is counted.
    /// </summary>
    internal void CheckSignals() => Heap.RunScheduledCollection();

    /// <summary>
    /// Whether the <paramref name="run"/>-th execution of a <c>CALL</c> site of a built-in runs as one of the
    /// specialized instructions that end without checking the eval breaker (3.12 bytecodes.c
    /// <c>CALL_NO_KW_LEN</c>, <c>CALL_NO_KW_ISINSTANCE</c>, <c>CALL_NO_KW_TYPE_1</c>; 3.13 <c>CALL_LEN</c>,
    /// <c>CALL_ISINSTANCE</c>, <c>CALL_TYPE_1</c>, which have no <c>_CHECK_PERIODIC</c>), so a collection an
    /// allocation scheduled waits for the next check. A site specializes the second time it runs
    /// (pycore_code.h: <c>ADAPTIVE_WARMUP_VALUE</c> 1, "we attempt to specialize the *second* time"); the first
    /// run takes the generic <c>CALL</c>, which checks. <c>specialize_c_call</c> and <c>specialize_class_call</c>
    /// compare the callable with the original built-ins (<c>callable_cache</c>), not the names. Only profiles
    /// that schedule collections (3.12+) can observe the difference.
    /// </summary>
    internal bool SpecializedCallSkipsEvalBreaker(int run, int callable, int positional, int keywords)
    {
        if (run < 2 || keywords != 0) return false;
        if (_specializedLen == 0)
        {
            _specializedLen = Builtins.GetValueOrDefault("len");
            _specializedIsInstance = Builtins.GetValueOrDefault("isinstance");
            _specializedType = Builtins.GetValueOrDefault("type");
        }
        return positional switch
        {
            1 => callable == _specializedLen || callable == _specializedType,
            2 => callable == _specializedIsInstance,
            _ => false,
        };
    }

    /// <summary>
    /// The same for <c>list.append(x)</c> as a statement: the second run of such a site becomes
    /// <c>CALL_NO_KW_LIST_APPEND</c> (3.13 <c>CALL_LIST_APPEND</c>), which skips the following <c>POP_TOP</c> and
    /// does not check the eval breaker (specialize.c <c>specialize_method_descriptor</c>: <c>list.append</c>, one
    /// argument, result popped).
    /// </summary>
    internal static bool SpecializedAppendSkipsEvalBreaker(int run, bool resultPopped, int positional, int keywords) =>
        run >= 2 && resultPopped && positional == 1 && keywords == 0;

    private int _specializedLen, _specializedIsInstance, _specializedType;

    /// <summary>A Python function or a bound method of one: its frame's <c>RESUME</c> checks the eval breaker instead.</summary>
    internal bool IsPythonCallable(int callable)
    {
        int type = T.TypeOf(callable);
        return type == Types.Function || type == Types.Method;
    }

    /// <summary>Calls <paramref name="callable"/> with borrowed <paramref name="args"/>; returns a new reference.</summary>
    public int Call(int callable, ReadOnlySpan<int> args, KeywordArguments kw) => CallCore(callable, args.ToArray(), kw, stealArgs: false);

    /// <summary>Calls a function found on a class with <paramref name="self"/> prepended (borrowed).</summary>
    internal int CallMethod(int function, int self, ReadOnlySpan<int> args)
    {
        var all = new int[args.Length + 1];
        all[0] = self;
        args.CopyTo(all.AsSpan(1));
        return CallCore(function, all, KeywordArguments.None, stealArgs: false);
    }

    /// <summary>
    /// The call. With <paramref name="stealArgs"/> the caller hands over its references to
    /// <paramref name="args"/>: a Python function's frame keeps them (3.11+ profile) or takes its own and
    /// the originals are released after the call; for everything else they are released after the call.
    /// </summary>
    internal int CallCore(int callable, int[] args, KeywordArguments kw, bool stealArgs)
    {
        bool released = !stealArgs;
        try
        {
            int type = T.TypeOf(callable);
            TypeKind kind = T.Kind(callable);
            if (type == Types.Function)
            {
                bool move = stealArgs && Profile.RefCounts.ArgumentsMovedIntoFrame;
                released = released || move;
                // Called from C (no stack reference standing in for f_func): the frame takes its own.
                if (stealArgs || !Profile.RefCounts.FrameOwnsFunction) return CallFunction(callable, args, kw, move);
                IncRef(callable);
                try
                {
                    return CallFunction(callable, args, kw, move);
                }
                finally
                {
                    DecRef(callable);
                }
            }
            if (type == Types.Method)
            {
                int[] refs = GenericType.Data(Heap, callable).Refs;
                var all = new int[args.Length + 1];
                all[0] = refs[1];
                args.CopyTo(all, 1);
                return CallFunctionLike(refs[0], all, kw);
            }
            if (type == Types.BuiltinFunction)
            {
                GenericData g = GenericType.Data(Heap, callable);
                var native = (NativeFunction)g.Host!;
                if (native.VarArgs && args.Length > 0)
                {
                    int packed = NewTuple(args);
                    try
                    {
                        return native.Function(this, args, kw);
                    }
                    finally
                    {
                        DecRef(packed);
                    }
                }
                if (g.Refs.Length > 0 && g.Refs[0] != 0)
                {
                    var all = new int[args.Length + 1];
                    all[0] = g.Refs[0];
                    args.CopyTo(all, 1);
                    return native.Function(this, all, kw);
                }
                return native.Function(this, args, kw);
            }
            if (kind == TypeKind.Type)
            {
                if ((args.Length == 0 && kw.Count == 0) || !TypeCallPacksArguments(callable)) return CallType(callable, args, kw);
                // type_call (_PyObject_MakeTpCall): the arguments travel as a tuple (the empty one is a
                // singleton) and the keywords as a dict (_PyStack_AsDict); __init__ sees them through these.
                int packed = args.Length > 0 ? NewTuple(args) : 0;
                int kwdict = kw.Count > 0 ? KeywordDict(kw) : 0;
                try
                {
                    return CallType(callable, args, kw, packed);
                }
                finally
                {
                    if (packed != 0) DecRef(packed);
                    if (kwdict != 0) DecRef(kwdict);
                }
            }
            if (kind == TypeKind.WeakRef)
            {
                int target = WeakRefType.Referent(Heap, callable);
                return NewRef(target != 0 ? target : None);
            }
            if (kind == TypeKind.Generic && GenericType.Data(Heap, callable).Host is NativeFunction nf)
            {
                return nf.Function(this, args, kw);
            }
            int call = LookupSpecial(callable, "__call__");
            if (call != 0)
            {
                try
                {
                    var all = new int[args.Length + 1];
                    all[0] = callable;
                    args.CopyTo(all, 1);
                    return CallFunctionLike(call, all, kw);
                }
                finally
                {
                    DecRef(call);
                }
            }
            throw Raise("TypeError", $"'{TypeName(callable)}' object is not callable");
        }
        finally
        {
            // The caller's stack is popped from the top: the last argument is released first.
            if (!released) for (int k = args.Length - 1; k >= 0; k--) DecRef(args[k]);
        }
    }

    /// <summary>Whether calling <paramref name="type"/> packs its arguments into a tuple (no vectorcall for it).</summary>
    private bool TypeCallPacksArguments(int type)
    {
        TypeInfo ti = T.TypeInfoOfType(type);
        if (ti.InstanceKind is TypeKind.Instance or TypeKind.WeakRef) return true;
        return !Profile.Compiler.VectorcallTypes.Contains(ti.Name);
    }

    /// <summary>Calls with borrowed args (bound-method and slot paths).</summary>
    private int CallFunctionLike(int callable, int[] args, KeywordArguments kw) => CallCore(callable, args, kw, stealArgs: false);

    /// <summary>Instantiating a type: classes (<c>type_call</c>: new instance, then <c>__init__</c>), exceptions, built-in constructors.</summary>
    /// <remarks><paramref name="packed"/>: the argument tuple <c>_PyObject_MakeTpCall</c> made (0 when none), which
    /// <c>BaseException_new</c> keeps as <c>args</c> rather than copying.</remarks>
    private int CallType(int type, int[] args, KeywordArguments kw, int packed = 0)
    {
        TypeInfo ti = T.TypeInfoOfType(type);
        if (Constructors.TryGetValue(type, out BuiltinFunction? ctor)) return ctor(this, args, kw);
        if (ti.InstanceKind == TypeKind.Object) return Heap.NewPlainObject();
        if (ti.InstanceKind != TypeKind.Instance) throw Raise("TypeError", $"cannot create '{ti.Name}' instances");
        int self = InstanceType.New(Heap, type);
        if (IsExceptionClass(type))
        {
            int tuple = packed != 0 ? NewRef(packed) : NewTuple(args);
            int argsName = Intern("args");
            InstanceType.SetAttr(Heap, self, argsName, tuple);
            DecRef(argsName);
            DecRef(tuple);
        }
        int init = ClassType.LookupAttribute(Heap, type, InternedName("__init__"));
        if (init != 0)
        {
            IncRef(init);
            try
            {
                int r = CallInit(init, self, args, kw);
                bool isNone = r == None;
                DecRef(r);
                if (!isNone) throw Raise("TypeError", $"__init__() should return None, not '{TypeName(r)}'");
            }
            catch
            {
                DecRef(self);
                throw;
            }
            finally
            {
                DecRef(init);
            }
        }
        else if (args.Length > 0 && !IsExceptionClass(type))
        {
            DecRef(self);
            throw Raise("TypeError", $"{ti.Name}() takes no arguments");
        }
        return self;
    }

    /// <summary><c>_PyStack_AsDict</c>: the keyword arguments as a new dict (interned names as keys).</summary>
    internal int KeywordDict(KeywordArguments kw)
    {
        int d = NewDict();
        for (int i = 0; i < kw.Count; i++)
        {
            int key = Intern(kw.Name(i));
            DictType.SetItem(Heap, d, key, kw.Value(i));
            DecRef(key);
        }
        return d;
    }

    /// <summary>
    /// <c>slot_tp_init</c>: <c>__init__(self, *args, **kwds)</c> through <c>_PyObject_Call_Prepend</c>; keywords
    /// arrive as a dict, which <c>_PyStack_UnpackDict</c> turns back into a names tuple for the call.
    /// </summary>
    private int CallInit(int init, int self, int[] args, KeywordArguments kw)
    {
        if (kw.Count == 0) return CallMethod(init, self, args);
        var names = new int[kw.Count];
        for (int i = 0; i < names.Length; i++) names[i] = Intern(kw.Name(i));
        int kwnames = NewTupleStealing(names);
        try
        {
            var all = new int[args.Length + 1];
            all[0] = self;
            args.CopyTo(all, 1);
            return CallCore(init, all, kw, stealArgs: false);
        }
        finally
        {
            DecRef(kwnames);
        }
    }

    internal bool IsExceptionClass(int type) => Exceptions.IsSubclass(this, type, Types.ExceptionType("BaseException"));

    /// <summary>
    /// Runs a Python function. <paramref name="moveArgs"/>: the frame takes over the references in
    /// <paramref name="args"/> (3.11+); otherwise it takes new ones and the caller keeps its own.
    /// </summary>
    internal int CallFunction(int func, int[] args, KeywordArguments kw, bool moveArgs)
    {
        GenericData data = GenericType.Data(Heap, func);
        var info = (FunctionInfo)data.Host!;
        CodeInfo code = info.Code;
        if (_depth >= Limits.MaxCallDepth)
        {
            if (moveArgs) foreach (int a in args) DecRef(a);
            throw Raise("RecursionError", "maximum recursion depth exceeded");
        }
        var frame = new Frame(code, data.Refs[FunctionInfo.GlobalsRef], 0, CurrentFrame);
        try
        {
            BindArguments(frame, func, data, args, kw, moveArgs);
        }
        catch
        {
            ClearLocals(frame);
            throw;
        }
        return RunFrame(frame, code);
    }

    private void BindArguments(Frame frame, int func, GenericData data, int[] args, KeywordArguments kw, bool moveArgs)
    {
        CodeInfo code = frame.Code;
        int nparams = code.ParameterCount;
        if (args.Length > nparams)
        {
            if (moveArgs) foreach (int a in args) DecRef(a);
            throw Raise("TypeError", $"{code.Name}() takes {nparams} positional argument{(nparams == 1 ? "" : "s")} but {args.Length} {(args.Length == 1 ? "was" : "were")} given");
        }
        for (int i = 0; i < args.Length; i++) frame.Locals[i] = moveArgs ? args[i] : NewRef(args[i]);
        for (int k = 0; k < kw.Count; k++)
        {
            int idx = Array.IndexOf(code.LocalNames, kw.Name(k), 0, nparams);
            if (idx < 0) throw Raise("TypeError", $"{code.Name}() got an unexpected keyword argument '{kw.Name(k)}'");
            if (frame.Locals[idx] != 0) throw Raise("TypeError", $"{code.Name}() got multiple values for argument '{kw.Name(k)}'");
            frame.Locals[idx] = NewRef(kw.Value(k));
        }
        int defaults = data.Refs[FunctionInfo.DefaultsRef];
        int[] defs = defaults == 0 ? [] : TupleType.Items(Heap, defaults);
        for (int i = 0; i < nparams; i++)
        {
            if (frame.Locals[i] != 0) continue;
            int d = i - (nparams - defs.Length);
            if (d < 0)
            {
                var missing = new List<string>();
                for (int j = i; j < nparams - defs.Length; j++) if (frame.Locals[j] == 0) missing.Add("'" + code.LocalNames[j] + "'");
                throw Raise("TypeError", $"{code.Name}() missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {JoinNames(missing)}");
            }
            frame.Locals[i] = NewRef(defs[d]);
        }
        // Cells for captured locals (MAKE_CELL), free variables from the closure tuple.
        foreach (string cellName in code.CellNames)
        {
            int idx = Array.IndexOf(code.LocalNames, cellName);
            int cell = GenericType.New(Heap, Types.Cell, [frame.Locals[idx]], null);
            XDecRef(frame.Locals[idx]);
            frame.Locals[idx] = cell;
        }
        int closure = data.Refs[FunctionInfo.ClosureRef];
        if (closure != 0)
        {
            int[] cells = TupleType.Items(Heap, closure);
            frame.Frees = new int[cells.Length];
            for (int i = 0; i < cells.Length; i++) frame.Frees[i] = NewRef(cells[i]);
        }
    }

    private static string JoinNames(List<string> names) => names.Count switch
    {
        1 => names[0],
        2 => names[0] + " and " + names[1],
        _ => string.Join(", ", names.Take(names.Count - 1)) + ", and " + names[^1],
    };

    internal Frame? CurrentFrame { get; set; }

    /// <summary>Executes a function body in <paramref name="frame"/>; on exit (normal or by exception) the frame is cleared,
    /// or its locals go to its frame object when a traceback still holds that (<see cref="ExitFrame"/>).</summary>
    internal int RunFrame(Frame frame, CodeInfo code)
    {
        Frame? saved = CurrentFrame;
        CurrentFrame = frame;
        _depth++;
        EnterHeapFrame(frame, code);
        // ≤3.10 _PyFrame_New_NoTrack: f_back = the calling frame (a new reference); the module frame has no object here.
        if (frame.HeapFrame != 0 && frame.Back is { HeapFrame: not 0 } caller) GenericType.SetRef(Heap, frame.HeapFrame, 0, caller.HeapFrame);
        try
        {
            EvalBreaker();
            int result;
            if (code.ExpressionBody is not null)
            {
                result = code.ExpressionBody.Eval(this, frame);
            }
            else
            {
                Flow flow = ExecBlock(code.Body, frame);
                result = flow == Flow.Return ? frame.ReturnValue : NewNone();
                frame.ReturnValue = 0;
            }
            return result;
        }
        catch (PyException e)
        {
            e.Traceback.Insert(0, new TracebackEntry(code.FileName, frame.Line, code.Name));
            TracebackHere(e, frame);
            // The caller's call fails next: its frame adds its own entry.
            e.TracebackPending = true;
            throw;
        }
        finally
        {
            _depth--;
            CurrentFrame = saved;
            ExitFrame(frame);
        }
    }

    /// <summary>Releases a frame's locals (in slot order, as frame deallocation does) and its heap frame.</summary>
    internal void ClearFrame(Frame frame)
    {
        ClearLocals(frame);
        LeaveHeapFrame(frame);
    }

    private void ClearLocals(Frame frame)
    {
        for (int i = 0; i < frame.Locals.Length; i++)
        {
            int v = frame.Locals[i];
            frame.Locals[i] = 0;
            XDecRef(v);
        }
        for (int i = 0; i < frame.Frees.Length; i++)
        {
            int v = frame.Frees[i];
            frame.Frees[i] = 0;
            XDecRef(v);
        }
        if (frame.ReturnValue != 0)
        {
            int r = frame.ReturnValue;
            frame.ReturnValue = 0;
            DecRef(r);
        }
        if (frame.Function != 0)
        {
            int fn = frame.Function;
            frame.Function = 0;
            DecRef(fn);
        }
    }

    /// <summary>≤3.10: takes the code's zombie frame, a frame from the free list, or allocates one (a counted GC allocation).</summary>
    internal void EnterHeapFrame(Frame frame, CodeInfo code)
    {
        if (!Profile.Compiler.FramesAreHeapObjects || code.Scope.Kind == ScopeKind.Module) return;
        int fo;
        if (code.ZombieFrame != 0)
        {
            fo = code.ZombieFrame;
            code.ZombieFrame = 0;
        }
        else if (_framePool.Count > 0)
        {
            fo = _framePool.Pop();
        }
        else
        {
            // _PyFrame_New_NoTrack: PyObject_GC_NewVar(PyFrameObject, &PyFrame_Type, extras), when the slots are known.
            int block = code.FrameSlots > 0 ? Profile.Layout.GcHeaderSize + Profile.Layout.FrameBasicSize + 8 * code.FrameSlots : 0;
            fo = GenericType.New(Heap, Types.Frame, [0], null, track: false, blockBytes: block);
        }
        Heap.Gc.Track(fo);
        frame.HeapFrame = fo;
    }

    /// <summary>
    /// ≤3.10: parks the frames a fresh interpreter has on its frame free list (<see cref="Profiles.StartupState.FreeFrames"/>),
    /// allocated before the script starts, hence never traced by tracemalloc.
    /// </summary>
    private void SeedStartupFrames()
    {
        if (!Profile.Compiler.FramesAreHeapObjects) return;
        for (int i = 0; i < Profile.Startup.FreeFrames; i++)
        {
            _framePool.Push(GenericType.New(Heap, Types.Frame, [0], null, track: false));
        }
    }

    /// <summary>
    /// ≤3.10: the first import of a module written in Python runs importlib's nested calls and the module's code;
    /// their frames end on the free list, which then holds <see cref="Profiles.StartupState.FreeFramesAfterSourceImport"/>
    /// frames (measured with <c>sys._debugmallocstats()</c> after <c>import tracemalloc</c> or <c>import weakref</c>).
    /// Only these frames are modelled, not importlib's other allocations, so they are not counted by the collector.
    /// </summary>
    private void LeaveImportFrames()
    {
        if (!Profile.Compiler.FramesAreHeapObjects) return;
        while (_framePool.Count < Profile.Startup.FreeFramesAfterSourceImport)
        {
            _framePool.Push(GenericType.New(Heap, Types.Frame, [0], null, track: false));
            Heap.Gc.CountDeallocation();
        }
    }

    /// <summary>≤3.10 <c>_PyFrame_ClearFreeList</c> (3.8 <c>PyFrame_ClearFreeList</c>), run by full collections:
    /// the parked frames are freed. Code objects keep their zombie frames.</summary>
    private void ClearFrameFreeList()
    {
        _fullCollections++;
        while (_framePool.Count > 0) DecRef(_framePool.Pop());
    }

    private void LeaveHeapFrame(Frame frame)
    {
        int fo = frame.HeapFrame;
        if (fo == 0) return;
        frame.HeapFrame = 0;
        if (T.IsTracked(fo)) Heap.Gc.Untrack(fo);
        // frame_dealloc drops f_back before parking the frame.
        GenericType.SetRef(Heap, fo, 0, 0);
        if (!ParkFrameObject(frame.Code, fo)) DecRef(fo);
    }

    /// <summary>Runs statements until one jumps. An exception leaving a statement adds the frame's traceback entry
    /// in the filter, before any cleanup of the statement runs: CPython's <c>PyTraceBack_Here</c> comes before the
    /// unwinding pops the value stack.</summary>
    internal Flow ExecBlock(StatementNode[] body, Frame frame)
    {
        try
        {
            foreach (StatementNode s in body)
            {
                frame.Line = s.Line;
                Flow flow = s.Exec(this, frame);
                if (flow != Flow.Normal) return flow;
            }
        }
        catch (PyException e) when (AddsTraceback(e, frame))
        {
            throw;
        }
        return Flow.Normal;
    }

    /// <summary>Exception filter: adds the traceback entry and never catches.</summary>
    private bool AddsTraceback(PyException e, Frame frame)
    {
        if (e.TracebackPending) TracebackHere(e, frame);
        return false;
    }

    /// <summary>Evaluates <paramref name="nodes"/> left to right into owned references (releasing them on error).</summary>
    internal int[] EvalAll(ExpressionNode[] nodes, Frame f)
    {
        var values = new int[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            try
            {
                values[i] = nodes[i].Eval(this, f);
            }
            catch
            {
                for (int j = 0; j < i; j++) DecRef(values[j]);
                throw;
            }
        }
        return values;
    }

    /// <summary>Evaluates a condition and releases it.</summary>
    internal bool Truth(ExpressionNode e, Frame f)
    {
        int v = e.Eval(this, f);
        try
        {
            return IsTrue(v);
        }
        finally
        {
            DecRef(v);
        }
    }

    /// <summary><c>UNPACK_SEQUENCE n</c>: new references to the n items of a tuple, list or iterable.</summary>
    internal int[] Unpack(int seq, int n)
    {
        TypeKind k = Kind(seq);
        if (k is TypeKind.Tuple or TypeKind.List)
        {
            ReadOnlySpan<int> items = k == TypeKind.Tuple ? TupleType.Items(Heap, seq) : ListType.Items(Heap, seq);
            if (items.Length != n)
            {
                if (items.Length > n) throw Raise("ValueError", $"too many values to unpack (expected {n})");
                throw Raise("ValueError", $"not enough values to unpack (expected {n}, got {items.Length})");
            }
            var r = new int[n];
            for (int i = 0; i < n; i++) r[i] = NewRef(items[i]);
            return r;
        }
        int it = GetIter(seq);
        var result = new List<int>();
        try
        {
            while (true)
            {
                int v = IterNext(it);
                if (v == 0) break;
                result.Add(v);
                if (result.Count > n)
                {
                    foreach (int x in result) DecRef(x);
                    throw Raise("ValueError", $"too many values to unpack (expected {n})");
                }
            }
        }
        finally
        {
            DecRef(it);
        }
        if (result.Count < n)
        {
            foreach (int x in result) DecRef(x);
            throw Raise("ValueError", $"not enough values to unpack (expected {n}, got {result.Count})");
        }
        return [.. result];
    }

    /// <summary>The interned str for an attribute or variable name (borrowed; interned names live as long as the interpreter).</summary>
    internal int InternedName(string name)
    {
        if (!_names.TryGetValue(name, out int s))
        {
            s = Intern(name);
            _names[name] = s;
        }
        return s;
    }

    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

    /// <summary>
    /// A name a code object holds (<c>co_names</c>, <c>co_localsplusnames</c>), interned at compile time
    /// (borrowed): immortal in 3.13 (<c>intern_strings</c> → <c>_PyUnicode_InternImmortal</c>).
    /// </summary>
    internal int CodeName(string name)
    {
        int s = InternedName(name);
        if (Profile.RefCounts.CodeNamesInternedImmortal) Heap.DecRef(Heap.InternStr(name, immortalize: true));
        return s;
    }

    internal void RaiseUnboundLocal(string name) =>
        throw Raise("UnboundLocalError", string.Format(System.Globalization.CultureInfo.InvariantCulture, Profile.Compiler.UnboundLocalMessage, name));
}

/// <summary>The run was stopped by a host limit (not a Python exception).</summary>
public sealed class ScriptAbortedException(string message) : Exception(message);
