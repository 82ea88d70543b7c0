using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;
using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>
/// <c>sum(iterable, start=0)</c> as <c>builtin_sum_impl</c> (<c>Python/bltinmodule.c</c>) runs it, with its
/// two fast paths, because they decide which temporaries exist at a tracemalloc peak:
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>int path: while the running total and every item fit in a C long, the total is a C variable;
/// each item is released as soon as it is added, and no int object is made until the end. When the
/// iterator is exhausted it is released <em>before</em> the result is boxed (<c>PyLong_FromLong</c> up to
/// 3.11, whose medium-value path asks for 32 bytes in 3.11; <c>PyLong_FromSsize_t</c> from 3.12, which
/// asks <c>_PyLong_New</c> for the exact digits).</item>
/// <item>float path: the same with a C double (3.12+ with Neumaier compensation, gh-100425); int items
/// that fit a C long are added as doubles.</item>
/// <item>otherwise (or once an item breaks a fast path): the total is boxed and <c>PyNumber_Add</c> runs
/// for each item, the float path being retried once after the int path gave up.</item>
/// </list>
/// </remarks>
internal static class BuiltinSum
{
    public static int Sum(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        BuiltinsModule.Arity(interp, "sum", args, 1, 2);
        int start = args.Length > 1 ? args[1] : kw.Get("start");
        int it = interp.GetIter(args[0]);
        int result;
        if (start == 0)
        {
            result = interp.NewInt(0);
        }
        else
        {
            TypeKind sk = interp.Kind(start);
            if (sk is TypeKind.Str or TypeKind.Bytes)
            {
                interp.DecRef(it);
                throw interp.Raise("TypeError", sk == TypeKind.Str
                    ? "sum() can't sum strings [use ''.join(seq) instead]"
                    : "sum() can't sum bytes [use b''.join(seq) instead]");
            }
            result = interp.NewRef(start);
        }
        try
        {
            if (interp.Kind(result) == TypeKind.Int && IntType.TryGetInt64(interp.Heap, result, out long iResult))
            {
                interp.DecRef(result);
                result = 0;
                result = IntPath(interp, ref it, iResult);
                if (it == 0) return result;
            }
            if (interp.Kind(result) == TypeKind.Float)
            {
                double fResult = FloatType.Value(interp.Heap, result);
                interp.DecRef(result);
                result = 0;
                result = FloatPath(interp, ref it, fResult);
                if (it == 0) return result;
            }
            while (true)
            {
                int item = interp.IterNext(it);
                if (item == 0) break;
                result = AddStealing(interp, result, item);
            }
            return result;
        }
        catch
        {
            interp.XDecRef(result);
            throw;
        }
        finally
        {
            interp.XDecRef(it);
        }
    }

    // The int fast path. Returns the boxed result; sets it to 0 when the iterator was exhausted (and released).
    private static int IntPath(Interpreter interp, ref int it, long iResult)
    {
        while (true)
        {
            int item = interp.IterNext(it);
            if (item == 0)
            {
                // Py_DECREF(iter) first, then the result is boxed.
                interp.DecRef(it);
                it = 0;
                return interp.Heap.Profile.Library.SumBoxesResultAsMediumInt
                    ? interp.NewInt(iResult)
                    : IntType.New(interp.Heap, iResult, medium: false);
            }
            TypeKind k = interp.Kind(item);
            if (k is TypeKind.Int or TypeKind.Bool && IntType.TryGetInt64(interp.Heap, item, out long b)
                && (iResult >= 0 ? b <= long.MaxValue - iResult : b >= long.MinValue - iResult))
            {
                iResult += b;
                interp.DecRef(item);
                continue;
            }
            // Overflowed or not an int: restore real objects and add normally.
            int boxed = interp.NewInt(iResult);
            return AddStealing(interp, boxed, item);
        }
    }

    // The float fast path. As IntPath.
    private static int FloatPath(Interpreter interp, ref int it, double fResult)
    {
        bool compensated = interp.Heap.Profile.Library.SumFloatsCompensated;
        double c = 0.0;
        while (true)
        {
            int item = interp.IterNext(it);
            if (item == 0)
            {
                interp.DecRef(it);
                it = 0;
                if (c != 0 && double.IsFinite(c)) fResult += c;
                return interp.NewFloat(fResult);
            }
            TypeKind k = interp.Kind(item);
            if (k == TypeKind.Float)
            {
                double x = FloatType.Value(interp.Heap, item);
                double t = fResult + x;
                if (compensated)
                {
                    // Neumaier's improvement of Kahan summation (gh-100425).
                    if (Math.Abs(fResult) >= Math.Abs(x)) c += (fResult - t) + x;
                    else c += (x - t) + fResult;
                }
                fResult = t;
                interp.DecRef(item);
                continue;
            }
            if (k == TypeKind.Int && IntType.TryGetInt64(interp.Heap, item, out long value))
            {
                fResult += value;
                interp.DecRef(item);
                continue;
            }
            if (c != 0 && double.IsFinite(c)) fResult += c;
            int boxed = interp.NewFloat(fResult);
            return AddStealing(interp, boxed, item);
        }
    }

    // temp = PyNumber_Add(result, item); Py_DECREF(result); Py_DECREF(item).
    private static int AddStealing(Interpreter interp, int result, int item)
    {
        int temp;
        try
        {
            temp = interp.BinaryOp(BinaryOperator.Add, result, item);
        }
        finally
        {
            interp.DecRef(result);
            interp.DecRef(item);
        }
        return temp;
    }
}
