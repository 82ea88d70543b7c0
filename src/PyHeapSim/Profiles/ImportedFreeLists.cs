using System.Collections.Immutable;

namespace PyHeapSim.Profiles;

/// <summary>
/// The free lists a script finds after its first imports of modules CPython implements in Python
/// (<c>tracemalloc</c>, <c>weakref</c>): importlib and the module's code leave lists, dicts, floats and tuples
/// parked (a new list made under tracemalloc then costs no traced bytes), and different ones per version and
/// per import order. Keyed by the source modules imported so far, in order, joined by "+".
/// </summary>
/// <remarks>
/// Recorded with <c>tests/PyHeapSim.Tests/data/record-import-freelists.py</c> (<c>sys._debugmallocstats()</c>, before 3.13 the dict-keys free list counted with
/// <c>sys.getallocatedblocks()</c>, and whether the imports made the <c>Py_Repr</c> list, read with ctypes, after <c>import gc; import sys; import …</c> in a script file, clean environment). Generated data: re-record,
/// do not edit by hand.
/// </remarks>
internal static class ImportedFreeLists
{
    public static readonly ImmutableDictionary<string, FreeListCensus> Py38 = new Dictionary<string, FreeListCensus>
    {
        ["tracemalloc"] = new FreeListCensus { Lists = 15, Dicts = 5, Floats = 4, DictKeys = 0, Methods = 11, BuiltinMethods = 2, MadeReprList = true, Tuples = [3, 14, 4, 4, 1, 1, 1, 1, 2, 0, 3, 0, 4, 3, 1, 4, 0, 1, 1] },
        ["weakref"] = new FreeListCensus { Lists = 2, Dicts = 5, Floats = 4, DictKeys = 3, Methods = 8, BuiltinMethods = 2, Tuples = [1, 26, 3, 2, 1, 0, 3, 2, 3, 1, 0, 2, 1, 3, 1, 0, 1, 2, 3] },
        ["tracemalloc+weakref"] = new FreeListCensus { Lists = 13, Dicts = 5, Floats = 4, DictKeys = 5, Methods = 11, BuiltinMethods = 2, MadeReprList = true, Tuples = [1, 26, 3, 2, 2, 0, 2, 2, 2, 0, 2, 1, 3, 3, 0, 4, 0, 1, 1] },
        ["weakref+tracemalloc"] = new FreeListCensus { Lists = 15, Dicts = 5, Floats = 4, DictKeys = 0, Methods = 11, BuiltinMethods = 2, MadeReprList = true, Tuples = [3, 14, 4, 4, 1, 1, 1, 1, 2, 0, 3, 0, 4, 3, 1, 4, 0, 1, 1] },
    }.ToImmutableDictionary();

    public static readonly ImmutableDictionary<string, FreeListCensus> Py39 = new Dictionary<string, FreeListCensus>
    {
        ["tracemalloc"] = new FreeListCensus { Lists = 14, Dicts = 7, Floats = 4, DictKeys = 4, Tuples = [4, 16, 3, 5, 3, 2, 1, 2, 2, 0, 3, 0, 4, 3, 1, 3, 1, 1, 1] },
        ["weakref"] = new FreeListCensus { Lists = 2, Dicts = 6, Floats = 4, DictKeys = 2, Tuples = [1, 29, 3, 3, 0, 0, 2, 2, 2, 3, 1, 1, 2, 2, 2, 1, 1, 2, 3] },
        ["tracemalloc+weakref"] = new FreeListCensus { Lists = 12, Dicts = 6, Floats = 4, DictKeys = 2, Tuples = [1, 29, 3, 2, 0, 0, 2, 2, 2, 0, 2, 1, 4, 2, 1, 2, 1, 1, 1] },
        ["weakref+tracemalloc"] = new FreeListCensus { Lists = 14, Dicts = 6, Floats = 4, DictKeys = 0, Tuples = [3, 16, 3, 4, 1, 2, 1, 2, 2, 0, 3, 0, 4, 3, 1, 3, 1, 1, 1] },
    }.ToImmutableDictionary();

    public static readonly ImmutableDictionary<string, FreeListCensus> Py310 = new Dictionary<string, FreeListCensus>
    {
        ["tracemalloc"] = new FreeListCensus { Lists = 14, Dicts = 6, Floats = 4, DictKeys = 0, Tuples = [3, 16, 3, 4, 1, 2, 1, 2, 2, 0, 3, 0, 4, 3, 1, 3, 1, 1, 1] },
        ["weakref"] = new FreeListCensus { Lists = 2, Dicts = 6, Floats = 4, DictKeys = 2, Tuples = [1, 29, 3, 3, 0, 0, 2, 2, 2, 6, 1, 1, 2, 0, 2, 1, 1, 2, 3] },
        ["tracemalloc+weakref"] = new FreeListCensus { Lists = 12, Dicts = 6, Floats = 4, DictKeys = 0, Tuples = [1, 29, 3, 2, 0, 0, 2, 2, 2, 0, 2, 1, 4, 2, 1, 2, 1, 1, 1] },
        ["weakref+tracemalloc"] = new FreeListCensus { Lists = 14, Dicts = 6, Floats = 4, DictKeys = 0, Tuples = [3, 16, 3, 4, 1, 2, 1, 2, 2, 0, 3, 0, 4, 3, 1, 3, 1, 1, 1] },
    }.ToImmutableDictionary();

    public static readonly ImmutableDictionary<string, FreeListCensus> Py311 = new Dictionary<string, FreeListCensus>
    {
        ["tracemalloc"] = new FreeListCensus { Lists = 33, Dicts = 4, Floats = 4, DictKeys = 74, Tuples = [4, 16, 4, 5, 1, 0, 0, 4, 2, 3, 3, 3, 4, 2, 1, 1, 1, 2, 1, 6] },
        ["weakref"] = new FreeListCensus { Lists = 39, Dicts = 7, Floats = 4, DictKeys = 72, Tuples = [4, 7, 2, 1, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6] },
        ["tracemalloc+weakref"] = new FreeListCensus { Lists = 33, Dicts = 4, Floats = 4, DictKeys = 74, Tuples = [4, 16, 4, 5, 1, 0, 0, 4, 2, 3, 3, 3, 4, 2, 1, 1, 1, 2, 1, 6] },
        ["weakref+tracemalloc"] = new FreeListCensus { Lists = 33, Dicts = 4, Floats = 4, DictKeys = 74, Tuples = [4, 16, 4, 5, 1, 0, 0, 4, 2, 3, 3, 3, 4, 2, 1, 1, 1, 2, 1, 6] },
    }.ToImmutableDictionary();

    public static readonly ImmutableDictionary<string, FreeListCensus> Py312 = new Dictionary<string, FreeListCensus>
    {
        ["tracemalloc"] = new FreeListCensus { Lists = 15, Dicts = 4, Floats = 4, DictKeys = 5, Tuples = [4, 16, 5, 5, 1, 1, 0, 5, 2, 2, 4, 3, 3, 2, 1, 0, 2, 0, 0, 0] },
        ["weakref"] = new FreeListCensus { Lists = 4, Dicts = 4, Floats = 4, DictKeys = 4, Tuples = [2, 30, 3, 3, 2, 0, 1, 3, 0, 0, 1, 3, 1, 0, 0, 1, 1, 2, 1, 0] },
        ["tracemalloc+weakref"] = new FreeListCensus { Lists = 11, Dicts = 4, Floats = 4, DictKeys = 7, Tuples = [2, 29, 3, 2, 2, 0, 1, 3, 2, 2, 3, 3, 3, 1, 1, 1, 2, 1, 0, 0] },
        ["weakref+tracemalloc"] = new FreeListCensus { Lists = 15, Dicts = 4, Floats = 4, DictKeys = 5, Tuples = [4, 16, 5, 5, 1, 1, 0, 5, 2, 2, 4, 3, 3, 2, 1, 0, 2, 0, 0, 0] },
    }.ToImmutableDictionary();

    public static readonly ImmutableDictionary<string, FreeListCensus> Py313 = new Dictionary<string, FreeListCensus>
    {
        ["tracemalloc"] = new FreeListCensus { Lists = 15, Dicts = 4, Floats = 4, DictKeys = 3, Tuples = [5, 18, 2, 2, 5, 5, 2, 0, 1, 5, 1, 2, 8, 1, 2, 4, 0, 1, 1, 0] },
        ["weakref"] = new FreeListCensus { Lists = 4, Dicts = 4, Floats = 4, DictKeys = 3, Tuples = [2, 31, 2, 1, 2, 2, 2, 1, 1, 4, 1, 7, 2, 3, 1, 1, 2, 2, 1, 0] },
        ["tracemalloc+weakref"] = new FreeListCensus { Lists = 11, Dicts = 4, Floats = 4, DictKeys = 1, Tuples = [2, 31, 2, 1, 1, 2, 2, 1, 1, 5, 0, 2, 8, 1, 2, 3, 0, 1, 1, 0] },
        ["weakref+tracemalloc"] = new FreeListCensus { Lists = 15, Dicts = 4, Floats = 4, DictKeys = 2, Tuples = [4, 18, 2, 1, 3, 6, 2, 0, 2, 6, 2, 2, 8, 1, 2, 4, 0, 1, 1, 0] },
    }.ToImmutableDictionary();
}
