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
        var counts = new Dictionary<decimal, int>();
        foreach (var v in values) counts[v] = counts.GetValueOrDefault(v) + 1;
        return Of(counts);
    }

    /// <summary>
    /// The same quartiles from each value with how many times it occurs (what the library keeps instead of every row's
    /// figure): the value at a rank is found by counting up the sorted values, the interpolation is
    /// <see cref="Num.Quantile"/>'s.
    /// </summary>
    public static Quartiles? Of(IReadOnlyDictionary<decimal, int> counts)
    {
        var sorted = counts.Where(c => c.Value > 0).OrderBy(c => c.Key).ToArray();
        var n = sorted.Sum(c => c.Value);
        if (n == 0) return null;
        decimal At(int rank)
        {
            var seen = 0;
            foreach (var (value, count) in sorted)
                if (rank < (seen += count)) return value;
            return sorted[^1].Key;
        }
        return new Quartiles(n, Num.Quantile(n, At, 0.25m), Num.Quantile(n, At, 0.5m), Num.Quantile(n, At, 0.75m));
    }
}

/// <summary>One year's quantitative targets (申报表 and 自评表) and actuals (自评表) of an entry, in the entry's unit.</summary>
public sealed record YearDistribution(int Year, Quartiles? Targets, Quartiles? Actuals);

/// <summary>
/// One indicator of the library as the stored forms use it: its <see cref="IndicatorKey"/>, the most common printed
/// 一级/二级/三级 (ties: the first seen), the comparator and unit most used (ties: the first seen), how many forms use it,
/// by year the distribution of the targets and actuals printed in that unit (other units left out), and how many of
/// the forms using it are of each 项目类别 (申报表 only, which print it; normalised by <see cref="IndicatorKey.Text"/>) and
/// of each 主管部门 (by its stored id, when the host gave it).
/// </summary>
public sealed record LibraryEntry(
    string Key, string Level1, string Level2, string Name, Comparator? Comparator, string? Unit,
    int Forms, int Declarations, int SelfEvaluations, int Units, string? OnlyUnit, long? OnlyUnitId,
    IReadOnlyList<YearDistribution> Years)
{
    public IReadOnlyDictionary<string, int> FormsByCategory { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<long, int> FormsByDepartment { get; init; } = new Dictionary<long, int>();
}

/// <summary>
/// The indicator library built from forms (指标库的来源): the rows of 申报表 and 自评表 grouped by <see cref="IndicatorKey"/>
/// (monitoring forms repeat their declaration's rows and are left out). Add forms one at a time; the forms are not
/// kept, only per key the spellings, comparators, units, categories and departments with their counts, and each
/// distinct figure with how many rows printed it (by year and unit). So what is held grows with the distinct figures,
/// not with the forms: 100,000 forms that print the same few targets hold those few. Pure.
/// </summary>
public sealed class IndicatorLibrary
{
    sealed class Group(int order)
    {
        public readonly int Order = order;
        public readonly Dictionary<(string, string, string), (int Count, int First)> Spellings = new();
        public readonly Dictionary<Comparator, (int Count, int First)> Comparators = new();
        public readonly Dictionary<string, (int Count, int First)> MeasureUnits = new(StringComparer.Ordinal);
        public readonly Dictionary<(int Year, string? Unit), Dictionary<decimal, int>> Targets = new();
        public readonly Dictionary<(int Year, string? Unit), Dictionary<decimal, int>> Actuals = new();
        public readonly Dictionary<string, int> Categories = new(StringComparer.Ordinal);
        public readonly Dictionary<long, int> Departments = new();
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

    static void Figure(Dictionary<(int, string?), Dictionary<decimal, int>> figures, int year, string? unit, decimal value)
    {
        if (!figures.TryGetValue((year, unit), out var counts)) figures[(year, unit)] = counts = new Dictionary<decimal, int>();
        counts[value] = counts.GetValueOrDefault(value) + 1;
    }

    /// <param name="unitId">The stored unit of the form, when the host knows it (the entry names it when it is the only one).</param>
    /// <param name="departmentId">The stored 主管部门 of that unit, when the host knows it.</param>
    public void Add(PerformanceForm form, long? unitId = null, long? departmentId = null)
    {
        if (form is not (TargetDeclaration or SelfEvaluation)) return;
        FormsAdded++;
        var unit = IndicatorKey.Text(form.ImplementingUnit);
        // Only the 申报表 prints a 项目类别; a 自评表 counts under no category.
        var category = IndicatorKey.Text((form as TargetDeclaration)?.ProjectCategory);
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
                if (form.Year is { } y) Figure(g.Targets, y, targetUnit, t.Value!.Value);
            }
            if (form is SelfEvaluation && row.Actual is { IsQuantitative: true } a && form.Year is { } year)
                Figure(g.Actuals, year, Units.Normalize(a.Unit) ?? targetUnit, a.Value!.Value);
            if (!used.Add(key)) continue;
            if (form is TargetDeclaration) g.Declarations++; else g.SelfEvaluations++;
            if (unit.Length > 0) g.Units.Add(unit);
            if (unitId is { } id) g.UnitIds.Add(id);
            if (category.Length > 0) g.Categories[category] = g.Categories.GetValueOrDefault(category) + 1;
            if (departmentId is { } d) g.Departments[d] = g.Departments.GetValueOrDefault(d) + 1;
        }
    }

    /// <summary>The entries, in the order their keys were first seen.</summary>
    public IReadOnlyList<LibraryEntry> Entries() => groups.OrderBy(p => p.Value.Order).Select(p => Entry(p.Key, p.Value)).ToList();

    public LibraryEntry? Entry(string key) => groups.TryGetValue(key, out var g) ? Entry(key, g) : null;

    static LibraryEntry Entry(string key, Group g)
    {
        var (l1, l2, name) = Most(g.Spellings);
        var unit = Most(g.MeasureUnits);
        static Quartiles? Of(Dictionary<(int, string?), Dictionary<decimal, int>> figures, int year, string? unit) =>
            figures.TryGetValue((year, unit), out var counts) ? Quartiles.Of(counts) : null;
        var years = g.Targets.Keys.Concat(g.Actuals.Keys).Select(k => k.Year).Distinct().Order()
            .Select(y => new YearDistribution(y, Of(g.Targets, y, unit), Of(g.Actuals, y, unit)))
            .Where(d => d.Targets is not null || d.Actuals is not null)
            .ToList();
        return new LibraryEntry(key, l1, l2, name, g.Comparators.Count == 0 ? null : Most(g.Comparators), unit,
            g.Declarations + g.SelfEvaluations, g.Declarations, g.SelfEvaluations, g.Units.Count,
            g.Units.Count == 1 ? g.Units.First() : null, g.UnitIds.Count == 1 ? g.UnitIds.First() : null, years)
        {
            FormsByCategory = new Dictionary<string, int>(g.Categories, StringComparer.Ordinal),
            FormsByDepartment = new Dictionary<long, int>(g.Departments),
        };
    }

    public static IndicatorLibrary Of(IEnumerable<PerformanceForm> forms)
    {
        var library = new IndicatorLibrary();
        foreach (var f in forms) library.Add(f);
        return library;
    }
}
