using System.Collections.Immutable;

namespace PyHeapSim.Profiles;

/// <summary>
/// <see cref="SourceImportWalk"/> per version, keyed like <see cref="ImportedFreeLists"/> by the source modules
/// imported so far ("weakref" only: <c>import weakref</c> as the script's first import of such a module).
/// </summary>
/// <remarks>
/// <c>import weakref</c> runs <c>_weakrefset.py</c>, which imports <c>types</c> on 3.9, 3.10, 3.12 and 3.13;
/// <c>types.py</c> makes <c>class _C: def _m(self): pass</c> to get <c>MethodType</c> and ends with
/// <c>del … _C …</c>, leaving a 7-object cycle (the class, its dict, its <c>__mro__</c> and <c>__bases__</c>
/// tuples, the <c>__dict__</c>/<c>__weakref__</c> getset descriptors, the function <c>_m</c>). 3.8's import
/// does not import <c>types</c>; 3.11 imported <c>weakref</c> at startup (the import only binds the name:
/// no walk). 3.12 runs the collection at the next eval-breaker check, past the crossing point: the rises
/// there are fitted to where the second collection starts, with no dip. Threshold 0 is 700 (2000 on 3.13).
/// </remarks>
internal static class ImportWalks
{
    public static readonly ImmutableDictionary<string, SourceImportWalks> Py38 = Walks(
        new SourceImportWalk { Rise = 593, Dip = 21 },
        new SourceImportWalk { Rise = 660, Dip = 22 });

    public static readonly ImmutableDictionary<string, SourceImportWalks> Py39 = Walks(
        new SourceImportWalk { Rise = 732, Dip = 22, ClassCycleAt = 331, ClassCycleDroppedAt = 344 },
        new SourceImportWalk { Rise = 796, Dip = 22, ClassCycleAt = 393, ClassCycleDroppedAt = 404 });

    public static readonly ImmutableDictionary<string, SourceImportWalks> Py310 = Walks(
        new SourceImportWalk { Rise = 735, Dip = 23, ClassCycleAt = 327, ClassCycleDroppedAt = 340 },
        new SourceImportWalk { Rise = 798, Dip = 24, ClassCycleAt = 387, ClassCycleDroppedAt = 400 });

    public static readonly ImmutableDictionary<string, SourceImportWalks> Py312 = Walks(
        new SourceImportWalk { Rise = 726, ClassCycleAt = 323, ClassCycleDroppedAt = 334 },
        new SourceImportWalk { Rise = 740, ClassCycleAt = 365, ClassCycleDroppedAt = 378 });

    public static readonly ImmutableDictionary<string, SourceImportWalks> Py313 = Walks(
        new SourceImportWalk { Rise = 761, Dip = 13, ClassCycleAt = 315, ClassCycleDroppedAt = 326 },
        new SourceImportWalk { Rise = 823, Dip = 17, ClassCycleAt = 375, ClassCycleDroppedAt = 392 });

    private static ImmutableDictionary<string, SourceImportWalks> Walks(SourceImportWalk fresh, SourceImportWalk afterFullCollection) =>
        ImmutableDictionary<string, SourceImportWalks>.Empty.Add("weakref", new SourceImportWalks(fresh, afterFullCollection));
}
