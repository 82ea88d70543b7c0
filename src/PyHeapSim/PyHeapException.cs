namespace PyHeapSim;

/// <summary>Base class of every error the simulated heap raises. A heap operation that throws has
/// changed nothing: the heap still passes <see cref="PyHeap.Verify"/>.</summary>
public class PyHeapException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public PyHeapException(string message) : base(message) { }
}

/// <summary>A handle whose object was already freed (or that never came from this heap).</summary>
public sealed class StaleReferenceException : PyHeapException
{
    /// <summary>Creates the exception for <paramref name="reference"/>.</summary>
    public StaleReferenceException(PyRef reference)
        : base($"{reference} does not refer to a live object of this heap: it was freed, or it comes from another heap.")
        => Reference = reference;

    /// <summary>The offending handle.</summary>
    public PyRef Reference { get; }
}

/// <summary>A decref the caller has no reference for: CPython's fatal "negative refcount" error (there the
/// count goes below the references that exist; here it is caught before it changes). The count is left
/// unchanged.</summary>
public sealed class NegativeRefCountException : PyHeapException
{
    /// <summary>Creates the exception.</summary>
    public NegativeRefCountException(PyRef reference, string typeName, long count)
        : base(count <= 0
            ? $"negative refcount: decref of {typeName} object {reference} whose count is already 0 (CPython aborts: 'object has negative ref count')."
            : $"negative refcount: decref of {typeName} object {reference}, but the caller owns none of its {count} references (they are held by other objects); CPython would free it under them.")
        => Reference = reference;

    /// <summary>The object whose count would go negative.</summary>
    public PyRef Reference { get; }
}

/// <summary>An operation applied to an object of the wrong type, e.g. <c>append</c> to a tuple. Mirrors
/// CPython's <c>TypeError</c>.</summary>
public sealed class PyTypeException : PyHeapException
{
    /// <summary>Creates the exception.</summary>
    public PyTypeException(string message) : base(message) { }
}

/// <summary>An index, key or value outside what the operation accepts (CPython's <c>IndexError</c>,
/// <c>KeyError</c>, <c>ValueError</c>); <see cref="PythonType"/> names which.</summary>
public sealed class PyValueException : PyHeapException
{
    /// <summary>Creates the exception.</summary>
    public PyValueException(string pythonType, string message) : base(message) => PythonType = pythonType;

    /// <summary>The Python exception type CPython would raise: <c>IndexError</c>, <c>KeyError</c>, <c>ValueError</c>.</summary>
    public string PythonType { get; }
}

/// <summary>The heap's invariants do not hold (reported by <see cref="PyHeap.Verify"/>).</summary>
public sealed class HeapCorruptedException : PyHeapException
{
    /// <summary>Creates the exception listing the broken invariants.</summary>
    public HeapCorruptedException(IReadOnlyList<string> problems)
        : base("Heap invariants broken:\n  " + string.Join("\n  ", problems.Take(20)) + (problems.Count > 20 ? $"\n  … and {problems.Count - 20} more" : ""))
        => Problems = problems;

    /// <summary>Every broken invariant, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}

/// <summary>The simulated heap hit its configured object or memory limit (CPython's <c>MemoryError</c>).</summary>
public sealed class SimulatedMemoryException : PyHeapException
{
    /// <summary>Creates the exception.</summary>
    public SimulatedMemoryException(string message) : base(message) { }
}
