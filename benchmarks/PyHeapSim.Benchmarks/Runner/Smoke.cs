using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using PyHeapSim.Benchmarks.Workloads;

namespace PyHeapSim.Benchmarks.Runner;

/// <summary>
/// <c>--smoke</c>: every benchmark once at tiny size, fidelity checks on, no timing asserted. First each
/// BenchmarkDotNet row is driven the way BenchmarkDotNet drives it (global setup, iteration setup,
/// two invocations, iteration cleanup, global cleanup) for each of its <c>[Params]</c> values; then every
/// side-by-side workload for every version profile. Exit code 1 when anything failed.
/// </summary>
internal static class Smoke
{
    private static readonly string[] AllPythons = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

    public static int Run(TextWriter log)
    {
        Sizes.Smoke = true;
        int failed = 0;
        int passed = 0;
        void Report(string name, Action action)
        {
            long t0 = Stopwatch.GetTimestamp();
            try
            {
                action();
                passed++;
                log.WriteLine($"ok    {name} ({Stopwatch.GetElapsedTime(t0).TotalMilliseconds:F0} ms)");
            }
            catch (Exception e)
            {
                Exception inner = e is TargetInvocationException { InnerException: not null } t ? t.InnerException! : e;
                failed++;
                log.WriteLine($"FAIL  {name}: {inner.GetType().Name}: {inner.Message}");
            }
        }

        foreach (Type type in typeof(Smoke).Assembly.GetTypes().Where(IsBenchmarkClass).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (MethodInfo method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
                         .OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                foreach (string python in ParamValues(type))
                {
                    Report($"{type.Name}.{method.Name}({python})", () => RunLikeBenchmarkDotNet(type, method, python));
                }
            }
        }

        foreach (string python in AllPythons)
        {
            var sbs = new SideBySide(python, quick: true, smoke: true);
            foreach (string id in sbs.Ids) Report($"sidebyside {id} ({python})", () => sbs.Run(id));
        }

        log.WriteLine($"smoke: {passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static bool IsBenchmarkClass(Type t) =>
        t.IsClass && !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);

    private static IEnumerable<string> ParamValues(Type type)
    {
        PropertyInfo? p = type.GetProperty("Python");
        ParamsAttribute? a = p?.GetCustomAttribute<ParamsAttribute>();
        return a is null ? [Heaps.DefaultPython] : a.Values.Select(v => (string)v!);
    }

    /// <summary>Setup and cleanup methods apply to a benchmark when they name it or name none.</summary>
    private static IEnumerable<MethodInfo> For<TAttr>(Type type, MethodInfo benchmark) where TAttr : TargetedAttribute =>
        type.GetMethods().Where(m => m.GetCustomAttribute<TAttr>() is TAttr a
            && (a.Targets is null || a.Targets.Length == 0 || a.Targets.Contains(benchmark.Name)));

    private static void RunLikeBenchmarkDotNet(Type type, MethodInfo benchmark, string python)
    {
        object instance = Activator.CreateInstance(type)!;
        type.GetProperty("Python")?.SetValue(instance, python);
        foreach (MethodInfo m in For<GlobalSetupAttribute>(type, benchmark)) m.Invoke(instance, null);
        for (int i = 0; i < 2; i++)
        {
            foreach (MethodInfo m in For<IterationSetupAttribute>(type, benchmark)) m.Invoke(instance, null);
            benchmark.Invoke(instance, null);
            foreach (MethodInfo m in For<IterationCleanupAttribute>(type, benchmark)) m.Invoke(instance, null);
        }
        foreach (MethodInfo m in For<GlobalCleanupAttribute>(type, benchmark)) m.Invoke(instance, null);
    }
}
