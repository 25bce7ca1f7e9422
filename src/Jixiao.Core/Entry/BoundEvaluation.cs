using Jixiao.Core.Model;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Entry;

/// <summary>The record as it will be stored, or the reasons it cannot be.</summary>
public sealed record EntryResult(SelfEvaluation Record, IReadOnlyList<FieldProblem> Problems);

/// <summary>
/// A self-evaluation entered in the app is bound to its approved declaration, and its figures are the scorer's
/// (issue: "computed figures are the record"):
/// <list type="bullet">
/// <item>the header, 预期目标 and the indicators (一级, 二级, 三级, target) come from the declaration and cannot
/// be changed here — a changed target or indicator set is refused, it goes through 调整;</item>
/// <item>年初预算数 comes from the declaration's funds, converted between 元 and 万元;</item>
/// <item>执行率, its score, each quantitative row's 得分, 总分 and 等级 are computed from the profile; what was sent
/// for them is ignored;</item>
/// <item>a qualitative row takes its achievement label and a score inside the label's band;</item>
/// <item>a unit that holds a quantitative row deserves another score enters an override with a reason: it counts,
/// and the rule-based score stays beside it for the reviewer.</item>
/// </list>
/// Pure: the same inputs give the same record.
/// </summary>
public static class BoundEvaluation
{
    public const string TotalLabel = "年度资金总额";
    internal static readonly (string Label, string Match)[] SourceRows =
        [("其中：当年财政拨款", "当年财政拨款"), ("上年结转资金", "上年结转"), ("其他资金", "其他资金")];

    /// <summary>
    /// A new draft from an approved declaration: its project and indicators, weights the profile's split of the
    /// indicator points by 一级 (产出 50, 效益 30, 满意度 10, rescaled to the 一级 present), whole hundredths, the
    /// rounding remainder on the first rows so that the sum is exact.
    /// </summary>
    public static SelfEvaluation Draft(TargetDeclaration d, ScoringProfile profile)
    {
        var s = new SelfEvaluation();
        s.Funds.Unit = MoneyUnit.WanYuan;
        var indicatorTotal = 100m - profile.ExecutionWeight;
        var levels = d.Indicators.Select(i => i.Level1 ?? "").Distinct().ToList();
        var unknown = levels.Where(l => !profile.Level1Weights.ContainsKey(l)).ToList();
        var unknownShare = levels.Count == 0 ? 0 : indicatorTotal / levels.Count;
        var knownDefaults = levels.Where(profile.Level1Weights.ContainsKey).ToDictionary(l => l, l => profile.Level1Weights[l]);
        var knownTotal = indicatorTotal - unknownShare * unknown.Count;
        var share = levels.ToDictionary(l => l, l => knownDefaults.TryGetValue(l, out var w) ? knownTotal * w / knownDefaults.Values.Sum() : unknownShare);
        var rowsPerLevel = d.Indicators.GroupBy(i => i.Level1 ?? "").ToDictionary(g => g.Key, g => g.Count());
        var weights = d.Indicators.Select(i => Math.Floor(share[i.Level1 ?? ""] / rowsPerLevel[i.Level1 ?? ""] * 100m) / 100m).ToList();
        var rest = indicatorTotal - weights.Sum();
        for (int k = 0; rest > 0 && weights.Count > 0; k = (k + 1) % weights.Count, rest -= 0.01m) weights[k] += 0.01m;
        foreach (var (row, weight) in d.Indicators.Zip(weights))
            s.Indicators.Add(new Indicator { Level1 = row.Level1, Level2 = row.Level2, Name = row.Name, Target = row.Target, Weight = Num.TwoPlaces(weight) });
        return Apply(s, d, profile).Record;
    }

    /// <summary>The stored record from what the unit entered, bound to the declaration and computed.</summary>
    public static EntryResult Apply(SelfEvaluation entered, TargetDeclaration declaration, ScoringProfile profile)
    {
        var problems = new List<FieldProblem>();
        var record = new SelfEvaluation
        {
            Year = declaration.Year,
            ProjectName = declaration.ProjectName,
            Department = declaration.Department,
            ImplementingUnit = declaration.ImplementingUnit,
            ExpectedGoal = declaration.AnnualGoal,
            ActualOutcome = entered.ActualOutcome,
            Source = entered.Source,
            Revision = entered.Revision,
            ReviewScore = entered.ReviewScore,
        };
        record.Funds.Unit = entered.Funds.Unit;
        ComputeFunds(record, entered, declaration, profile);

        foreach (var (row, e, i) in BindRows(entered.Indicators, declaration, "自评表", "要增删，请对申报表“调整”并重新审核。", targetOptional: false, problems))
        {
            record.Indicators.Add(row);
            if (e is null) continue;
            row.Actual = e.Actual;
            row.Weight = e.Weight is { } w ? Num.TwoPlaces(w) : null;
            row.DeviationReason = string.IsNullOrWhiteSpace(e.DeviationReason) ? null : e.DeviationReason;
            ScoreRow(row, e, i, profile, problems);
        }
        Totals(record, profile);
        return new EntryResult(record, problems);
    }

    /// <summary>
    /// The draft again after the declaration it was bound to has an approved 调整: the new indicator set, each row
    /// keeping what the unit had entered for the same 一级/二级/三级 (its score only where the target is unchanged).
    /// </summary>
    public static SelfEvaluation Rebind(SelfEvaluation current, TargetDeclaration adjusted, ScoringProfile profile)
    {
        var entered = new SelfEvaluation { ActualOutcome = current.ActualOutcome, Source = current.Source, ReviewScore = current.ReviewScore };
        entered.Funds.Unit = current.Funds.Unit;
        entered.Funds.Rows.AddRange(current.Funds.Rows);
        foreach (var (row, old) in SameRows(adjusted.Indicators, current.Indicators))
        {
            var same = old is not null && SameTarget(old.Target, row.Target);
            entered.Indicators.Add(new Indicator
            {
                Level1 = row.Level1, Level2 = row.Level2, Name = row.Name, Target = row.Target,
                Actual = old?.Actual, Weight = old?.Weight, DeviationReason = old?.DeviationReason,
                Score = same ? old!.Score : null, Override = same ? old!.Override : null,
            });
        }
        return Apply(entered, adjusted, profile).Record;
    }

    /// <summary>
    /// The declaration's indicator rows as a bound form's record holds them (一级, 二级, 三级 and target, nothing
    /// entered yet), each with what was entered at its place (null past the entered rows) and its index. A row renamed,
    /// moved or given another target, and a different number of rows, are problems naming the row: the targets are
    /// the approval's, changed only through 调整.
    /// </summary>
    internal static IEnumerable<(Indicator Row, Indicator? Entered, int Index)> BindRows(IReadOnlyList<Indicator> entered, TargetDeclaration declaration,
        string formName, string addOrRemove, bool targetOptional, List<FieldProblem> problems)
    {
        if (entered.Count != declaration.Indicators.Count)
            problems.Add(new("indicators",
                $"{formName}的指标须与审核通过的申报表一致：申报表有 {declaration.Indicators.Count} 行指标，这里有 {entered.Count} 行。{formName}不能增删指标；{addOrRemove}"));
        for (int i = 0; i < declaration.Indicators.Count; i++)
        {
            var fixedRow = declaration.Indicators[i];
            var row = new Indicator { Level1 = fixedRow.Level1, Level2 = fixedRow.Level2, Name = fixedRow.Name, Target = fixedRow.Target };
            var e = i < entered.Count ? entered[i] : null;
            var p = $"indicators[{i}]";
            if (e is not null && (e.Name != fixedRow.Name || e.Level1 != fixedRow.Level1 || e.Level2 != fixedRow.Level2))
                problems.Add(new($"{p}.name",
                    $"第 {i + 1} 行应为申报表的“{fixedRow.Level1}/{fixedRow.Level2}/{fixedRow.Name}”，这里是“{e.Level1}/{e.Level2}/{e.Name}”。{formName}不能改名、调换或改放指标；要改，请对申报表“调整”。"));
            else if (e is not null && !(targetOptional && e.Target is null) && !SameTarget(e.Target, fixedRow.Target))
                problems.Add(new($"{p}.target",
                    $"第 {i + 1} 行“{fixedRow.Name}”的年度指标值由审核通过的申报表确定为 {fixedRow.Target?.Text ?? "（空）"}，{formName}不能改为 {e.Target?.Text ?? "（空）"}。要改指标值，请对申报表“调整”并重新审核。"));
            yield return (row, e, i);
        }
    }

    /// <summary>
    /// Each row of an adjusted declaration with the row entered before for the same 一级/二级/三级 (each earlier row used
    /// once; null for a new row): what a bound form keeps across an approved 调整.
    /// </summary>
    internal static IEnumerable<(Indicator Row, Indicator? Old)> SameRows(IEnumerable<Indicator> adjusted, IEnumerable<Indicator> current)
    {
        var unused = current.ToList();
        foreach (var row in adjusted)
        {
            var old = unused.FirstOrDefault(o => o.Level1 == row.Level1 && o.Level2 == row.Level2 && o.Name == row.Name);
            if (old is not null) unused.Remove(old);
            yield return (row, old);
        }
    }

    /// <summary>Two targets are the same when they read the same: comparator, value and unit, or the same word.</summary>
    public static bool SameTarget(TargetValue? a, TargetValue? b)
    {
        if (a is null || b is null) return a is null && b is null || Blank(a) && Blank(b);
        if (a.Value is not null || b.Value is not null)
            return a.Comparator == b.Comparator && a.Value == b.Value && Units.Normalize(a.Unit) == Units.Normalize(b.Unit);
        return Text.ChineseText.Normalize(a.Text) == Text.ChineseText.Normalize(b.Text);
    }

    static bool Blank(TargetValue? t) => t is null || (t.Value is null && string.IsNullOrWhiteSpace(t.Text));

    static void ScoreRow(Indicator row, Indicator entered, int i, ScoringProfile profile, List<FieldProblem> problems)
    {
        var p = $"indicators[{i}]";
        if (row.Actual?.Achievement is { } achievement)
        {
            if (entered.Override is not null)
                problems.Add(new($"{p}.scoreOverride", $"第 {i + 1} 行是按完成等级打分的指标，不设改分：请直接在“{achievement.ToChinese()}”的区间内填写得分。"));
            row.Score = entered.Score;
            var qualitative = Scorer.ScoreIndicator(row, profile);
            if (qualitative.PrintedInsideBand == false && row.Weight is { } w)
                problems.Add(new($"{p}.score",
                    $"第 {i + 1} 行“{row.Name}”为“{achievement.ToChinese()}”，得分应在 {Num.Fixed(qualitative.BandLow)}–{(qualitative.BandHighIncluded ? "" : "<")}{Num.Fixed(qualitative.BandHigh)} 之间（{profile.QualitativeBands[achievement].Describe()} × {Num.Plain(w)}），不能填 {Num.Fixed(entered.Score)}。"));
            row.Score = qualitative.ComputedScore;
            return;
        }

        row.Score = null;
        var computed = Scorer.ScoreIndicator(row, profile);
        var ruleScore = computed.Kind == RowKind.Quantitative ? computed.ComputedScore : null;
        if (entered.Override is { } o)
        {
            if (ruleScore is null)
                problems.Add(new($"{p}.scoreOverride", $"第 {i + 1} 行“{row.Name}”无法按规则计分（{computed.Explanation}），没有可改的得分；请先填写可与指标值比较的实际完成值。"));
            else if (o.Score != ruleScore)
            {
                row.Override = o with { Reason = o.Reason.Trim() };
                row.Score = o.Score;
                return;
            }
        }
        row.Score = ruleScore;
    }

    static void ComputeFunds(SelfEvaluation record, SelfEvaluation entered, TargetDeclaration declaration, ScoringProfile profile)
    {
        var unit = record.Funds.Unit;
        decimal? FromDeclaration(decimal? amount) => amount is { } a ? Num.TwoPlaces(Convert(a, declaration.Funds.Unit, unit)) : null;
        var enteredTotal = entered.Funds.Rows.FirstOrDefault(r => r.Label.Contains("总额")) ?? entered.Funds.Rows.FirstOrDefault();
        var weight = Num.TwoPlaces(profile.ExecutionWeight);
        var total = new FundRow
        {
            Label = TotalLabel,
            InitialBudget = FromDeclaration(declaration.Funds.AnnualTotal),
            AdjustedBudget = enteredTotal?.AdjustedBudget,
            Executed = enteredTotal?.Executed,
            Weight = weight,
        };
        var (rate, score, _) = Scorer.ScoreExecution(total.Executed, total.AdjustedBudget, weight, profile);
        total.ExecutionRate = rate;
        total.Score = score;
        record.Funds.Rows.Add(total);
        var fromDeclaration = new[] { declaration.Funds.CurrentYearAppropriation, declaration.Funds.CarryOver, declaration.Funds.Other };
        for (int k = 0; k < SourceRows.Length; k++)
        {
            var e = entered.Funds.Rows.FirstOrDefault(r => !ReferenceEquals(r, enteredTotal) && r.Label.Contains(SourceRows[k].Match));
            var row = new FundRow
            {
                Label = SourceRows[k].Label,
                InitialBudget = FromDeclaration(fromDeclaration[k]),
                AdjustedBudget = e?.AdjustedBudget,
                Executed = e?.Executed,
            };
            if (row.Executed is { } x && row.AdjustedBudget is > 0) row.ExecutionRate = profile.RoundExecutionRate(x / row.AdjustedBudget.Value * 100m);
            record.Funds.Rows.Add(row);
        }
    }

    static void Totals(SelfEvaluation record, ScoringProfile profile)
    {
        var exec = record.Funds.Total!;
        var rows = record.Indicators;
        record.TotalWeight = rows.Count > 0 && rows.All(r => r.Weight is not null) ? Num.TwoPlaces(exec.Weight!.Value + rows.Sum(r => r.Weight!.Value)) : null;
        record.TotalScore = rows.Count > 0 && exec.Score is { } es && rows.All(r => r.Score is not null)
            ? Num.TwoPlaces(es + rows.Sum(r => r.Score!.Value)) : null;
        record.Grade = profile.GradeOf(record.TotalScore);
    }

    /// <summary>An amount from one unit to the other: 1 万元 = 10,000 元, exactly.</summary>
    public static decimal Convert(decimal amount, MoneyUnit from, MoneyUnit to) =>
        from == to ? amount : from == MoneyUnit.Yuan ? amount / 10000m : amount * 10000m;
}

/// <summary>调整: an approved declaration's next revision, a copy that goes through the workflow again.</summary>
public static class Adjustment
{
    public static TargetDeclaration Of(TargetDeclaration approved, string source)
    {
        var d = new TargetDeclaration
        {
            Year = approved.Year, ProjectName = approved.ProjectName, Department = approved.Department,
            ImplementingUnit = approved.ImplementingUnit, ProjectNature = approved.ProjectNature,
            ProjectCategory = approved.ProjectCategory, StartDate = approved.StartDate, EndDate = approved.EndDate,
            OverallGoal = approved.OverallGoal, AnnualGoal = approved.AnnualGoal,
            Funds = new DeclarationFunds
            {
                Unit = approved.Funds.Unit, ProjectTotal = approved.Funds.ProjectTotal, ProjectFiscal = approved.Funds.ProjectFiscal,
                ProjectOther = approved.Funds.ProjectOther, AnnualTotal = approved.Funds.AnnualTotal,
                CurrentYearAppropriation = approved.Funds.CurrentYearAppropriation, CarryOver = approved.Funds.CarryOver, Other = approved.Funds.Other,
            },
            Revision = (approved.Revision ?? 0) + 1,
            Source = new SourceRef(source, null),
        };
        d.Indicators.AddRange(approved.Indicators.Select(i => new Indicator { Level1 = i.Level1, Level2 = i.Level2, Name = i.Name, Target = i.Target }));
        return d;
    }
}
