namespace PyHeapSim.Profiles;

/// <summary>
/// Everything that distinguishes one CPython version's memory model, as plain data. A profile is
/// immutable; derive a what-if variant with <c>with</c> (e.g. a 3.12 with other thresholds).
/// Nothing outside <c>Profiles/</c> looks at <see cref="Version"/> to decide behaviour: it reads
/// the rule fields instead.
/// </summary>
public sealed record PythonProfile
{
    /// <summary>The version this profile models; informational (display, reports).</summary>
    public required PythonVersion Version { get; init; }

    /// <summary>Display name, e.g. <c>"3.11"</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Tracked objects a fresh interpreter holds once its startup garbage is collected
    /// (<c>len(gc.get_objects())</c> after <c>gc.collect()</c>). They form the old generation that the
    /// long-lived rule compares against, so a script runtime materialises that many live objects.
    /// </summary>
    public int InterpreterTrackedObjects { get; init; }

    /// <summary>Free-list contents of a fresh interpreter when a script starts.</summary>
    public StartupState Startup { get; init; } = new();

    /// <summary>Header and body sizes.</summary>
    public ObjectLayout Layout { get; init; } = new();

    /// <summary>Container growth.</summary>
    public GrowthRules Growth { get; init; } = new();

    /// <summary>Refcount conventions and caches.</summary>
    public RefCountRules RefCounts { get; init; } = new();

    /// <summary>Cycle collector defaults and rules.</summary>
    public CollectorRules Collector { get; init; } = new();

    /// <summary>pymalloc geometry.</summary>
    public AllocatorGeometry Allocator { get; init; } = new();

    /// <summary>Compiler and evaluation-loop behaviour visible in memory.</summary>
    public CompilerRules Compiler { get; init; } = new();

    /// <summary>Free lists.</summary>
    public FreeListRules FreeLists { get; init; } = new();

    /// <summary>Standard-library surface that differs by version.</summary>
    public LibraryRules Library { get; init; } = new();

    /// <summary>What <c>print()</c> and the buffered <c>sys.stdout</c> allocate.</summary>
    public StdioRules Stdio { get; init; } = new();

    /// <summary>Wording of version-dependent exception messages.</summary>
    public MessageRules Messages { get; init; } = new();

    /// <inheritdoc />
    public override string ToString() => "CPython " + Name;
}
