using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PyHeapSim.Benchmarks.Runner;

/// <summary>
/// One side-by-side run, printed as the single JSON line the CPython twins print
/// (<c>{"workload", "python", "unit", "median", "samples", "extra"}</c>; benchmarks/cpython/table.py reads
/// both). <c>python</c> is <c>"sim-&lt;profile&gt;"</c>.
/// </summary>
internal sealed class WorkloadResult(string workload, string python, string unit, IReadOnlyList<double> samples)
{
    /// <summary>Workload id (as <c>twin.py --list</c>).</summary>
    public string Workload { get; } = workload;

    /// <summary>Extra fields, in insertion order: numbers, strings, bools or arrays of numbers.</summary>
    public List<KeyValuePair<string, object>> Extra { get; } = [];

    /// <summary>Median of the samples (the mean of the middle two for an even count, as Python's statistics.median).</summary>
    public double Median => MedianOf(samples);

    /// <summary>Adds an extra field; returns this.</summary>
    public WorkloadResult With(string key, object value)
    {
        Extra.Add(new(key, value));
        return this;
    }

    public static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        double[] s = [.. values];
        Array.Sort(s);
        int m = s.Length / 2;
        return s.Length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    /// <summary>The JSON line, spaced as Python's <c>json.dumps</c> (<c>", "</c> and <c>": "</c>), so the
    /// runner's text tools read both sides alike.</summary>
    public string ToJson()
    {
        var b = new StringBuilder();
        b.Append('{');
        Key(b, "workload", first: true).Append(Str(Workload));
        Key(b, "python").Append(Str(python));
        Key(b, "unit").Append(Str(unit));
        Key(b, "median").Append(Num(Median));
        Key(b, "samples").Append('[').AppendJoin(", ", samples.Select(Num)).Append(']');
        Key(b, "extra").Append('{');
        bool first = true;
        foreach ((string key, object value) in Extra)
        {
            Key(b, key, first).Append(Value(value));
            first = false;
        }
        return b.Append("}}").ToString();
    }

    private static StringBuilder Key(StringBuilder b, string key, bool first = false) =>
        b.Append(first ? "" : ", ").Append(Str(key)).Append(": ");

    private static string Str(string s) => JsonSerializer.Serialize(s);

    private static string Num(double x) => Round(x).ToString("R", CultureInfo.InvariantCulture);

    private static string Value(object value) => value switch
    {
        string s => Str(s),
        bool v => v ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Num(d),
        IEnumerable<long> ls => "[" + string.Join(", ", ls.Select(l => l.ToString(CultureInfo.InvariantCulture))) + "]",
        IEnumerable<double> ds => "[" + string.Join(", ", ds.Select(Num)) + "]",
        _ => Str(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static double Round(double x) => double.IsFinite(x) ? Math.Round(x, 3) : 0;
}
