namespace PyHeapSim.Benchmarks.Workloads;

/// <summary>
/// The heaps the workloads build, each the C# mirror of a builder in <c>benchmarks/cpython/twin.py</c>
/// (same objects, same references, same list displays), so both sides collect the same graph.
/// Build with automatic collection off; each builder leaves the caller owning only what it returns.
/// </summary>
internal static class Shapes
{
    /// <summary><c>build_live</c>: <c>[[] for _ in range(n)]</c>; returns the root (n + 1 tracked lists).</summary>
    public static PyRef Live(PyHeap h, int n)
    {
        PyRef root = h.NewList();
        for (int i = 0; i < n; i++)
        {
            PyRef l = h.NewList();
            h.ListAppend(root, l);
            h.DecRef(l);
        }
        return root;
    }

    /// <summary><c>build_garbage2</c>: n/2 pairs <c>a = []; b = [a]; a.append(b)</c>, all garbage.</summary>
    public static void Garbage2(PyHeap h, int n)
    {
        for (int i = 0; i < n / 2; i++)
        {
            PyRef a = h.NewList();
            PyRef b = h.NewList(a);
            h.ListAppend(a, b);
            h.DecRef(b);
            h.DecRef(a);
        }
    }

    /// <summary><c>build_ring</c>: one garbage cycle of n lists, <c>prev = [prev]</c> closed by <c>first.append(prev)</c>.</summary>
    public static void Ring(PyHeap h, int n)
    {
        PyRef first = h.NewList();
        PyRef prev = first;
        h.IncRef(first);
        for (int i = 0; i < n - 1; i++)
        {
            PyRef next = h.NewList(prev);
            h.DecRef(prev);
            prev = next;
        }
        h.ListAppend(first, prev);
        h.DecRef(prev);
        h.DecRef(first);
    }

    /// <summary><c>build_mixed90</c>: per 20 objects, 18 live lists appended to the root and one garbage
    /// 2-cycle; returns the root. Unreachable: n / 10.</summary>
    public static PyRef Mixed90(PyHeap h, int n)
    {
        PyRef root = h.NewList();
        for (int g = 0; g < n / 20; g++)
        {
            for (int i = 0; i < 18; i++)
            {
                PyRef l = h.NewList();
                h.ListAppend(root, l);
                h.DecRef(l);
            }
            PyRef a = h.NewList();
            PyRef b = h.NewList(a);
            h.ListAppend(a, b);
            h.DecRef(b);
            h.DecRef(a);
        }
        return root;
    }

    /// <summary>Builds garbage shape <paramref name="shape"/> ("garbage2", "ring", "mixed90"); returns what
    /// must stay alive while it is collected (the mixed heap's root) or <see cref="PyRef.Null"/>.</summary>
    public static PyRef Garbage(PyHeap h, string shape, int n)
    {
        switch (shape)
        {
            case "garbage2":
                Garbage2(h, n);
                return PyRef.Null;
            case "ring":
                Ring(h, n);
                return PyRef.Null;
            case "mixed90":
                return Mixed90(h, n);
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape");
        }
    }

    /// <summary>Objects a full collection of garbage shape <paramref name="shape"/> of size n must report (what CPython's
    /// <c>gc.collect()</c> returned in the twin).</summary>
    public static long Unreachable(string shape, int n) => shape switch
    {
        "garbage2" => n / 2 * 2,
        "ring" => n,
        "mixed90" => n / 20 * 2,
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape"),
    };

    /// <summary><c>_nest</c>: <c>l = [l]</c> n times from <c>l = []</c>; returns the outermost list (n + 1 lists).</summary>
    public static PyRef Nest(PyHeap h, int n)
    {
        PyRef l = h.NewList();
        for (int i = 0; i < n; i++)
        {
            PyRef m = h.NewList(l);
            h.DecRef(l);
            l = m;
        }
        return l;
    }

    /// <summary><c>_append_lists</c>: <c>root.append([])</c> n times. With <paramref name="evalBreaker"/> the
    /// loop's backward jump runs a scheduled collection (3.12+, <see cref="PyHeap.RunScheduledCollection"/>).</summary>
    public static PyRef AppendLists(PyHeap h, int n, bool evalBreaker = true)
    {
        PyRef root = h.NewList();
        for (int i = 0; i < n; i++)
        {
            PyRef l = h.NewList();
            h.ListAppend(root, l);
            h.DecRef(l);
            if (evalBreaker) h.RunScheduledCollection();
        }
        return root;
    }

    /// <summary><c>for i in range(n): data.append(i)</c> over fresh ints 0…n−1 (the small ones are cached, as in CPython).</summary>
    public static PyRef AppendInts(PyHeap h, int n)
    {
        PyRef data = h.NewList();
        for (int i = 0; i < n; i++)
        {
            PyRef v = h.NewInt(i);
            h.ListAppend(data, v);
            h.DecRef(v);
        }
        return data;
    }
}
