namespace PyHeapSim.Profiles;

/// <summary>
/// A CPython minor version that PyHeapSim models. The default value is <see cref="Py38"/>,
/// the oldest supported version; pick a version explicitly through <see cref="PythonProfiles"/>.
/// </summary>
public enum PythonVersion
{
    /// <summary>CPython 3.8 (recorded against 3.8.18).</summary>
    Py38 = 0,
    /// <summary>CPython 3.9 (recorded against 3.9.18).</summary>
    Py39,
    /// <summary>CPython 3.10 (recorded against 3.10.13).</summary>
    Py310,
    /// <summary>CPython 3.11 (recorded against 3.11.7).</summary>
    Py311,
    /// <summary>CPython 3.12 (recorded against 3.12.1).</summary>
    Py312,
    /// <summary>CPython 3.13 (recorded against 3.13.0).</summary>
    Py313,
}
