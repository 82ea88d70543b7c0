namespace PyHeapSim.Profiles;

/// <summary>How a version treats the interpreter's static singletons (cpython-facts §4.2).</summary>
public enum ImmortalityModel
{
    /// <summary>3.8–3.10: singletons are ordinary objects with ordinary, startup-dependent counts.</summary>
    None,
    /// <summary>3.11: statically allocated objects start at 999 999 999 and still move.</summary>
    StaticHighCount,
    /// <summary>3.12+ (PEP 683): immortal objects report a fixed count; incref and decref are no-ops.</summary>
    Immortal,
}
