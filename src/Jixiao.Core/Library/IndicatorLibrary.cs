using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Library;

/// <summary>
/// Lower quartile, median and upper quartile of some figures (<see cref="Num.Quantile"/>: linear between closest
/// ranks, as Excel's QUARTILE.INC). So 1, 2, 3, 4 give 1.75, 2.5, 3.25.
/// </summary>
public sealed record Quartiles(int Count, decimal Lower, decimal Median, decimal Upper)
{
    public static Quartiles? Of(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0) return null;
        var x = values.Order().ToArray();
        return new Quartiles(x.Length, Num.Quantile(x, 0.25m), Num.Quantile(x, 0.5m), Num.Quantile(x, 0.75m));
    }
}

/// <summary>One year's quantitative targets (申报表 and 自评表) and actuals (自评表) of an entry, in the entry's unit.</summary>
public sealed record YearDistribution(int Year, Quartiles? Targets, Quartiles? Actuals);

/// <summary>
/// One indicator of the library as the stored forms use it: its <see cref="IndicatorKey"/>, the most common printed
/// 一级/二级/三级 (ties: the first seen), the comparator and unit most used (ties: the first seen), how many forms use it,
/// and by year the distribution of the targets and actuals printed in that unit (other units left out).
/// </summary>
public sealed record LibraryEntry(
    string Key, string Level1, string Level2, string Name, Comparator? Comparator, string? Unit,
    int Forms, int Declarations, int SelfEvaluations, int Units, string? OnlyUnit, long? OnlyUnitId,
    IReadOnlyList<YearDistribution> Years);

/// <summary>
/// The indicator library built from forms (指标库的来源): the rows of 申报表 and 自评表 grouped by <see cref="IndicatorKey"/>
/// (monitoring forms repeat their declaration's rows and are left out). Add forms one at a time; the forms are not
/// kept, only per key the spellings, comparators, units and figures. Pure.
/// </summary>
public sealed class IndicatorLibrary
{
    sealed class Group(int order)
    {
        public readonly int Order = order;
        public readonly Dictionary<(string, string, string), (int Count, int First)> Spellings = new();
        public readonly Dictionary<Comparator, (int Count, int First)> Comparators = new();
        public readonly Dictionary<string, (int Count, int First)> MeasureUnits = new();
        public readonly List<(int Year, string? Unit, decimal Value)> Targets = [];
        public readonly List<(int Year, string? Unit, decimal Value)> Actuals = [];
        public int Declarations, SelfEvaluations, Seen;
        public readonly HashSet<string> Units = new(StringComparer.Ordinal);
        public readonly HashSet<long> UnitIds = [];
    }

    readonly Dictionary<string, Group> groups = new(StringComparer.Ordinal);

    /// <summary>How many forms were added (申报表 and 自评表).</summary>
    public int FormsAdded { get; private set; }

    static void Count<T>(Dictionary<T, (int Count, int First)> d, T k, int seen) where T : notnull =>
        d[k] = d.TryGetValue(k, out var c) ? (c.Count + 1, c.First) : (1, seen);

    static T? Most<T>(Dictionary<T, (int Count, int First)> d) where T : notnull =>
        d.Count == 0 ? default : d.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Value.First).First().Key;

    /// <param name="unitId">The stored unit of the form, when the host knows it (the entry names it when it is the only one).</param>
    public void Add(PerformanceForm form, long? unitId = null)
    {
        if (form is not (TargetDeclaration or SelfEvaluation)) return;
        FormsAdded++;
        var unit = IndicatorKey.Text(form.ImplementingUnit);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in form.Indicators)
        {
            if (IndicatorKey.Text(row.Name).Length == 0) continue;
            var key = IndicatorKey.Of(row);
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = new Group(groups.Count);
            var seen = g.Seen++;
            Count(g.Spellings, ((row.Level1 ?? "").Trim(), (row.Level2 ?? "").Trim(), row.Name.Trim()), seen);
            var targetUnit = Units.Normalize(row.Target?.Unit);
            if (row.Target is { IsQuantitative: true } t)
            {
                if (t.Comparator is { } c) Count(g.Comparators, c, seen);
                if (targetUnit is not null) Count(g.MeasureUnits, targetUnit, seen);
                if (form.Year is { } y) g.Targets.Add((y, targetUnit, t.Value!.Value));
            }
            if (form is SelfEvaluation && row.Actual is { IsQuantitative: true } a && form.Year is { } year)
                g.Actuals.Add((year, Units.Normalize(a.Unit) ?? targetUnit, a.Value!.Value));
            if (!used.Add(key)) continue;
            if (form is TargetDeclaration) g.Declarations++; else g.SelfEvaluations++;
            if (unit.Length > 0) g.Units.Add(unit);
            if (unitId is { } id) g.UnitIds.Add(id);
        }
    }

    /// <summary>The entries, in the order their keys were first seen.</summary>
    public IReadOnlyList<LibraryEntry> Entries() => groups.OrderBy(p => p.Value.Order).Select(p => Entry(p.Key, p.Value)).ToList();

    public LibraryEntry? Entry(string key) => groups.TryGetValue(key, out var g) ? Entry(key, g) : null;

    static LibraryEntry Entry(string key, Group g)
    {
        var (l1, l2, name) = Most(g.Spellings);
        var unit = Most(g.MeasureUnits);
        var years = g.Targets.Select(t => t.Year).Concat(g.Actuals.Select(a => a.Year)).Distinct().Order()
            .Select(y => new YearDistribution(y,
                Quartiles.Of(g.Targets.Where(t => t.Year == y && t.Unit == unit).Select(t => t.Value).ToList()),
                Quartiles.Of(g.Actuals.Where(a => a.Year == y && a.Unit == unit).Select(a => a.Value).ToList())))
            .Where(d => d.Targets is not null || d.Actuals is not null)
            .ToList();
        return new LibraryEntry(key, l1, l2, name, g.Comparators.Count == 0 ? null : Most(g.Comparators), unit,
            g.Declarations + g.SelfEvaluations, g.Declarations, g.SelfEvaluations, g.Units.Count,
            g.Units.Count == 1 ? g.Units.First() : null, g.UnitIds.Count == 1 ? g.UnitIds.First() : null, years);
    }

    public static IndicatorLibrary Of(IEnumerable<PerformanceForm> forms)
    {
        var library = new IndicatorLibrary();
        foreach (var f in forms) library.Add(f);
        return library;
    }
}
