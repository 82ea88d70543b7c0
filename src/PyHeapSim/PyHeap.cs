using PyHeapSim.Collector;
using PyHeapSim.Memory;
using PyHeapSim.Objects;
using PyHeapSim.Profiles;

namespace PyHeapSim;

/// <summary>
/// A simulated CPython heap for one version profile: the object table, the allocator model and the
/// cycle collector, composed. Every reference in the simulation is created or dropped here, so
/// reference counts come out right by construction.
/// </summary>
/// <remarks>
/// <para>Not thread-safe: one heap belongs to one thread at a time, like an interpreter with its GIL.</para>
/// <para>Handles (<see cref="PyRef"/>) returned by <c>New…</c> methods carry one reference owned by the
/// caller; give it back with <see cref="DecRef(PyRef)"/>. Handles of the singletons (<see cref="None"/> …) are
/// borrowed.</para>
/// </remarks>
public sealed partial class PyHeap
{
    internal readonly ObjectTable T;
    internal readonly MemoryManager Memory;
    internal readonly FreeLists FreeLists;
    internal readonly GenerationalCollector Gc;
    private readonly int _maxObjects;

    /// <summary>Creates an empty heap for <paramref name="profile"/> with its built-in types and singletons.</summary>
    public PyHeap(PythonProfile profile, PyHeapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Options = options ?? new PyHeapOptions();
        _maxObjects = Options.MaxObjects;
        T = new ObjectTable(profile, Options.InitialCapacity);
        Memory = new MemoryManager(profile.Allocator);
        FreeLists = new FreeLists(profile.FreeLists);
        Gc = new GenerationalCollector(T, profile.Collector);
        Types = new BuiltinTypes(this);
        CreateSingletons();
    }

    /// <summary>Creates an empty heap for the built-in profile of <paramref name="version"/>.</summary>
    public PyHeap(PythonVersion version) : this(PythonProfiles.For(version)) { }

    /// <summary>The version profile every rule is read from.</summary>
    public PythonProfile Profile { get; }

    /// <summary>The options this heap was built with.</summary>
    public PyHeapOptions Options { get; }

    /// <summary>The built-in type objects.</summary>
    internal BuiltinTypes Types { get; }

    /// <summary>Finalizer and weakref-callback runner; null means finalizers are skipped and callbacks not called.</summary>
    public IHeapCallbacks? Callbacks { get; set; }

    /// <summary>Live simulated objects, singletons and built-in types included. O(1).</summary>
    public int LiveObjectCount => T.LiveCount;

    internal void CheckObjectLimit()
    {
        if (T.LiveCount >= _maxObjects)
        {
            Throw.Memory($"simulated heap limit reached: {_maxObjects} live objects (PyHeapOptions.MaxObjects)");
        }
    }
}
