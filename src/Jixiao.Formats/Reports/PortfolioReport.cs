using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;

namespace Jixiao.Formats.Reports;

/// <summary>One checked form: the form, what the review found, and its score sheet (self-evaluations only).</summary>
public sealed record PortfolioEntry(PerformanceForm Form, IReadOnlyList<Finding> Findings, ScoreSheet? Sheet)
{
    /// <summary>评分方案 yunnan-2022（云南省）：why it was chosen; set by <see cref="Check"/>.</summary>
    public string? Profile { get; init; }

    public int Errors => Findings.Count(f => f.Severity == Severity.Error);
    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);

    /// <summary>
    /// 表上总分 − 按规则计分的总分: how many points the printed total claims beyond what the figures support. Zero or
    /// less when the form scores itself no higher than the rules do.
    /// </summary>
    public decimal? UnsupportedPoints => Sheet is { PrintedTotalScore: { } printed, RuleBasedTotalScore: { } rules } ? printed - rules : null;

    /// <summary>
    /// Order of 抽查 (spot checks of self-evaluations): unsupported points weigh most, then errors, then warnings.
    /// A reviewer's time goes first where the printed result is least supported by the form's own figures.
    /// </summary>
    public decimal SpotCheckPriority => Math.Max(0m, UnsupportedPoints ?? 0m) * 2m + Errors * 3m + Warnings;

    /// <summary>Reviews a form and, for a self-evaluation, scores it: everything the portfolio needs of one form.</summary>
    /// <param name="snapshot">The unit's history and the peers' targets, for the ambition checks.</param>
    public static PortfolioEntry Check(PerformanceForm form, ScoringProfile profile, AmbitionSnapshot? snapshot = null) =>
        new(form, Reviewer.Review(form, profile, snapshot), form is SelfEvaluation se ? Scorer.Score(se, profile) : null)
        {
            Profile = ProfileLine(profile),
        };

    /// <summary>“评分方案 id（地区）：why”, the line every output that names the profile shows.</summary>
    public static string ProfileLine(ScoringProfile profile) =>
        $"评分方案 {profile.Id}（{profile.Region}）{(profile.Selection is { } s ? "：" + s.Reason : "")}";
}

/// <summary>A count of something by a label, in the order a report shows it.</summary>
public sealed record Tally(string Label, int Count);

/// <summary>Forms and findings of one 主管部门 or 实施单位.</summary>
public sealed record GroupSummary(
    string Name,
    string? Department,
    int Forms,
    int SelfEvaluations,
    int Errors,
    int Warnings,
    int FormsWithErrors,
    decimal? AverageTotal,
    decimal? AverageExecutionRate);

/// <summary>A finding code across the portfolio: how often, on how many forms.</summary>
public sealed record FindingFrequency(string Code, string Title, Severity Severity, int Count, int Forms);

/// <summary>
/// The portfolio view a finance bureau wants over many checked forms (预算绩效管理 at the 财政 level): grades, units and
/// 主管部门, the most frequent findings, execution rates, and the self-evaluations to spot-check first. Built by
/// <see cref="PortfolioReportBuilder"/> as the checked forms stream past: what it keeps grows with the units, finding
/// codes and distinct execution rates, never with the forms, so a million forms fit in the memory of ten thousand.
/// </summary>
public sealed class PortfolioReport
{
    public required int Forms { get; init; }
    public required int SelfEvaluations { get; init; }
    public required int Declarations { get; init; }
    public required int Errors { get; init; }
    public required int Warnings { get; init; }
    public required int Infos { get; init; }
    public required int FormsWithErrors { get; init; }
    public required int FormsWithoutFindings { get; init; }

    /// <summary>评分等级 as printed and as the rules give it, 优 良 中 差 and 未评级.</summary>
    public required IReadOnlyList<(string Grade, int Printed, int RuleBased)> Grades { get; init; }
    public required IReadOnlyList<GroupSummary> Departments { get; init; }
    public required IReadOnlyList<GroupSummary> Units { get; init; }
    public required IReadOnlyList<FindingFrequency> TopFindings { get; init; }
    public required IReadOnlyList<Tally> ExecutionRates { get; init; }
    public required decimal? MedianExecutionRate { get; init; }
    public required int LowExecutionForms { get; init; }
    public required IReadOnlyList<PortfolioEntry> SpotChecks { get; init; }

    /// <summary>Forms with at least one error or warning.</summary>
    public required int FormsWithFindings { get; init; }

    /// <summary>
    /// The forms whose findings the report lists one by one: all forms with errors or warnings in reading order when
    /// there are at most <see cref="MaxFormsListed"/>, else the <see cref="MaxFormsListed"/> to check first
    /// (<see cref="PortfolioEntry.SpotCheckPriority"/>, then reading order).
    /// </summary>
    public required IReadOnlyList<PortfolioEntry> ListedForms { get; init; }

    /// <summary>运行监控 rounds of the database the forms came from (`check --db`); none for files.</summary>
    public IReadOnlyList<MonitoringRoundReport> Rounds { get; set; } = [];

    public const string Ungraded = "未评级";

    /// <summary>Above this many forms with findings the per-form list shows only the forms to check first.</summary>
    public const int MaxFormsListed = 2000;

    /// <summary>Execution-rate buckets (percent), lower bound included.</summary>
    public static readonly IReadOnlyList<(string Label, decimal Low, decimal High)> RateBuckets =
    [
        ("<50%", decimal.MinValue, 50m), ("50–60%", 50m, 60m), ("60–70%", 60m, 70m), ("70–80%", 70m, 80m),
        ("80–90%", 80m, 90m), ("90–95%", 90m, 95m), ("95–99.99%", 95m, 100m), ("100%", 100m, 100.0001m), (">100%", 100.0001m, decimal.MaxValue),
    ];

    /// <summary>The report over entries already in memory (tests, small inputs); large inputs use the builder directly.</summary>
    public static PortfolioReport Build(IEnumerable<PortfolioEntry> entries, int spotChecks = 30, int topFindings = 15)
    {
        var builder = new PortfolioReportBuilder(spotChecks, topFindings);
        foreach (var e in entries) builder.Add(e);
        return builder.Build();
    }

    internal static string Grade(string? g) => g is "优" or "良" or "中" or "差" ? g : Ungraded;

    /// <summary>The execution rate the rules compute, else the printed one.</summary>
    public static decimal? Rate(PortfolioEntry e) =>
        e.Sheet?.ExecutionRate ?? (e.Form as SelfEvaluation)?.Funds.Total?.ExecutionRate;
}

/// <summary>
/// Builds the <see cref="PortfolioReport"/> one checked form at a time, in reading order. Counts and sums are kept per
/// grade, finding code, 主管部门, 实施单位 and distinct execution rate; of the forms themselves only the bounded lists
/// the report shows are held (the spot checks and the per-form list), each a top-N by the report's own order.
/// </summary>
public sealed class PortfolioReportBuilder(int spotChecks = 30, int topFindings = 15, int formsListed = PortfolioReport.MaxFormsListed)
{
    private sealed class Group
    {
        public string? Department;
        public int Forms, SelfEvaluations, Errors, Warnings, FormsWithErrors, Totals, Rates;
        public decimal TotalSum, RateSum;
    }

    private sealed class CodeCount
    {
        public required Severity Severity;
        public int Count, Forms;
    }

    private long _seq;
    private int _forms, _evaluations, _errors, _warnings, _infos, _formsWithErrors, _formsWithoutFindings, _formsWithFindings;
    private readonly Dictionary<string, int> _printedGrades = new(), _ruleGrades = new();
    // Execution rates are rounded to the profile's decimals, so there are few distinct values however many forms:
    // a count per value gives the buckets and the exact median without a list of every rate.
    private readonly SortedDictionary<decimal, int> _rates = new();
    private readonly Dictionary<string, CodeCount> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Group> _departments = new(StringComparer.Ordinal), _units = new(StringComparer.Ordinal);
    private readonly TopList _spotChecks = new(spotChecks, SpotCheckOrder);
    private readonly TopList _listed = new(formsListed, ListOrder);

    /// <summary>Forms added so far.</summary>
    public int Forms => _forms;

    /// <summary>Checked forms held in memory right now (the spot checks and the per-form list): bounded, whatever was added.</summary>
    public int HeldEntries => _spotChecks.Count + _listed.Count;

    /// <summary>The most <see cref="HeldEntries"/> can be.</summary>
    public int MaxHeldEntries => _spotChecks.Capacity + _listed.Capacity;

    public void Add(PortfolioEntry e)
    {
        var seq = _seq++;
        _forms++;
        int errors = 0, warnings = 0, infos = 0;
        foreach (var f in e.Findings)
        {
            switch (f.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                default: infos++; break;
            }
            if (!_codes.TryGetValue(f.Code, out var c)) _codes[f.Code] = c = new CodeCount { Severity = f.Severity };
            c.Count++;
        }
        foreach (var code in e.Findings.Select(f => f.Code).Distinct(StringComparer.Ordinal)) _codes[code].Forms++;
        _errors += errors;
        _warnings += warnings;
        _infos += infos;
        if (errors > 0) _formsWithErrors++;
        if (errors + warnings == 0) _formsWithoutFindings++;
        else
        {
            _formsWithFindings++;
            _listed.Offer(new Held(e, seq));
        }

        decimal? rate = null;
        if (e.Form is SelfEvaluation se)
        {
            _evaluations++;
            Increment(_printedGrades, PortfolioReport.Grade(se.Grade));
            Increment(_ruleGrades, PortfolioReport.Grade(e.Sheet?.RuleBasedGrade));
            rate = PortfolioReport.Rate(e);
            if (rate is { } r) _rates[r] = _rates.GetValueOrDefault(r) + 1;
            if (e.SpotCheckPriority > 0) _spotChecks.Offer(new Held(e, seq));
        }
        else rate = PortfolioReport.Rate(e);

        AddTo(_departments, e.Form.Department, e, errors, warnings, rate);
        AddTo(_units, e.Form.ImplementingUnit, e, errors, warnings, rate);
    }

    private static void Increment(Dictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;

    private static void AddTo(Dictionary<string, Group> groups, string? name, PortfolioEntry e, int errors, int warnings, decimal? rate)
    {
        var key = name ?? "（未填写）";
        if (!groups.TryGetValue(key, out var g)) groups[key] = g = new Group();
        g.Department ??= e.Form.Department;
        g.Forms++;
        if (e.Form is SelfEvaluation se)
        {
            g.SelfEvaluations++;
            if (se.TotalScore is { } t) { g.TotalSum += t; g.Totals++; }
        }
        if (rate is { } r) { g.RateSum += r; g.Rates++; }
        g.Errors += errors;
        g.Warnings += warnings;
        if (errors > 0) g.FormsWithErrors++;
    }

    public PortfolioReport Build()
    {
        var titles = Checks.All.ToDictionary(c => c.Code, c => c.Title);
        var gradeOrder = new[] { "优", "良", "中", "差", PortfolioReport.Ungraded };
        int rated = _rates.Values.Sum();
        decimal? median = null;
        int seen = 0, low = 0;
        foreach (var (rate, count) in _rates)
        {
            if (median is null && seen + count > rated / 2) median = rate;
            if (rate < 90m) low += count;
            seen += count;
        }
        var listed = _listed.Ordered().ToList();
        // Few enough to list them all: in reading order, as the reader met them.
        if (_formsWithFindings <= _listed.Capacity) listed.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return new PortfolioReport
        {
            Forms = _forms,
            SelfEvaluations = _evaluations,
            Declarations = _forms - _evaluations,
            Errors = _errors,
            Warnings = _warnings,
            Infos = _infos,
            FormsWithErrors = _formsWithErrors,
            FormsWithoutFindings = _formsWithoutFindings,
            Grades = gradeOrder.Select(g => (g, _printedGrades.GetValueOrDefault(g), _ruleGrades.GetValueOrDefault(g))).ToList(),
            Departments = Groups(_departments, withDepartment: false),
            Units = Groups(_units, withDepartment: true),
            TopFindings = _codes
                .Select(c => new FindingFrequency(c.Key, titles.GetValueOrDefault(c.Key, c.Key), c.Value.Severity, c.Value.Count, c.Value.Forms))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Code, StringComparer.Ordinal)
                .Take(topFindings).ToList(),
            ExecutionRates = PortfolioReport.RateBuckets
                .Select(b => new Tally(b.Label, _rates.Where(r => r.Key >= b.Low && r.Key < b.High).Sum(r => r.Value))).ToList(),
            MedianExecutionRate = median,
            LowExecutionForms = low,
            SpotChecks = _spotChecks.Ordered().Select(h => h.Entry).ToList(),
            FormsWithFindings = _formsWithFindings,
            ListedForms = listed.Select(h => h.Entry).ToList(),
        };
    }

    private static List<GroupSummary> Groups(Dictionary<string, Group> groups, bool withDepartment) =>
        groups.Select(p => new GroupSummary(
                p.Key,
                withDepartment ? p.Value.Department : null,
                p.Value.Forms,
                p.Value.SelfEvaluations,
                p.Value.Errors,
                p.Value.Warnings,
                p.Value.FormsWithErrors,
                // decimal sum ÷ count: what Enumerable.Average computes for decimals.
                p.Value.Totals == 0 ? null : Math.Round(p.Value.TotalSum / p.Value.Totals, 2),
                p.Value.Rates == 0 ? null : Math.Round(p.Value.RateSum / p.Value.Rates, 2)))
            .OrderByDescending(s => s.Errors + s.Warnings).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    // ---- bounded top-N lists -----------------------------------------------------------------------------------

    private readonly record struct Held(PortfolioEntry Entry, long Seq);

    /// <summary>
    /// 抽查 order: unsupported points weigh most (in the priority), then the unsupported points themselves, unit,
    /// project, and reading order last, so ties come out as a stable sort of all forms would give them.
    /// </summary>
    private static int SpotCheckOrder(Held a, Held b)
    {
        int c = b.Entry.SpotCheckPriority.CompareTo(a.Entry.SpotCheckPriority);
        if (c == 0) c = (b.Entry.UnsupportedPoints ?? 0m).CompareTo(a.Entry.UnsupportedPoints ?? 0m);
        if (c == 0) c = string.CompareOrdinal(a.Entry.Form.ImplementingUnit, b.Entry.Form.ImplementingUnit);
        if (c == 0) c = string.CompareOrdinal(a.Entry.Form.ProjectName, b.Entry.Form.ProjectName);
        return c != 0 ? c : a.Seq.CompareTo(b.Seq);
    }

    private static int ListOrder(Held a, Held b)
    {
        int c = b.Entry.SpotCheckPriority.CompareTo(a.Entry.SpotCheckPriority);
        return c != 0 ? c : a.Seq.CompareTo(b.Seq);
    }

    /// <summary>The first <c>capacity</c> items by an order, kept sorted; anything that cannot make the list is dropped at once.</summary>
    private sealed class TopList(int capacity, Comparison<Held> order)
    {
        private readonly List<Held> _items = new();
        private readonly Comparer<Held> _comparer = Comparer<Held>.Create(order);

        public int Capacity { get; } = Math.Max(0, capacity);
        public int Count => _items.Count;

        public void Offer(Held item)
        {
            if (Capacity == 0) return;
            if (_items.Count == Capacity && order(item, _items[^1]) >= 0) return;
            var at = _items.BinarySearch(item, _comparer);
            _items.Insert(at < 0 ? ~at : at, item);
            if (_items.Count > Capacity) _items.RemoveAt(_items.Count - 1);
        }

        public IEnumerable<Held> Ordered() => _items;
    }
}
