using System.Diagnostics.CodeAnalysis;

namespace PyHeapSim;

/// <summary>Out-of-line throw helpers, so the hot methods that validate stay small enough to inline.</summary>
internal static class Throw
{
    [DoesNotReturn]
    public static void Stale(PyRef r) => throw new StaleReferenceException(r);

    [DoesNotReturn]
    public static void NegativeRefCount(PyRef r, string typeName, long count) => throw new NegativeRefCountException(r, typeName, count);

    [DoesNotReturn]
    public static void Type(string message) => throw new PyTypeException(message);

    [DoesNotReturn]
    public static T Type<T>(string message) => throw new PyTypeException(message);

    [DoesNotReturn]
    public static void Index(string message) => throw new PyValueException("IndexError", message);

    [DoesNotReturn]
    public static void Key(string message) => throw new PyValueException("KeyError", message);

    [DoesNotReturn]
    public static void Value(string message) => throw new PyValueException("ValueError", message);

    [DoesNotReturn]
    public static void Memory(string message) => throw new SimulatedMemoryException(message);

    [DoesNotReturn]
    public static void Invalid(string message) => throw new InvalidOperationException(message);
}
