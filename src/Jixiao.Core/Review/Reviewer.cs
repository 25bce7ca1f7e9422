using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using static Jixiao.Core.Review.IndicatorFacts;

namespace Jixiao.Core.Review;

/// <summary>
/// The checks a reviewer applies to a form (rules.md §6). Findings come back in a stable order (form-level
/// first, then rows in printed order); nothing is thrown, whatever is missing: imported forms are often cut off
/// or partly read, so every check first asks whether its figures are there and stays silent otherwise.
/// </summary>
public static partial class Reviewer
{
    /// <param name="snapshot">The same unit's earlier rows and the peers' targets (<see cref="AmbitionIndex"/>); without it
    /// the ambition checks stay silent.</param>
    public static IReadOnlyList<Finding> Review(PerformanceForm form, ScoringProfile profile, AmbitionSnapshot? snapshot = null)
    {
        var ctx = new Context(form, profile);
        switch (form)
        {
            case EvaluationForm se:
                ctx.Run(Checks.MissingFunds, () => MissingFunds(ctx, se));
                ctx.Run(Checks.FundRowsSum, () => FundRowsSum(ctx, se));
                ctx.Run(Checks.ExecutionRateMismatch, () => ExecutionFigures(ctx, se));
                ctx.Run(Checks.ExecutionWeightDeparts, () => ExecutionWeightDeparts(ctx, se));
                ctx.Run(Checks.LowExecutionUnexplained, () => LowExecution(ctx, se));
                ctx.Run(Checks.BudgetAdjustedSharply, () => BudgetAdjusted(ctx, se));
                ctx.Run(Checks.WeightsSum, () => WeightsSum(ctx, se));
                ctx.Run(Checks.ScoreSum, () => ScoreSumAndGrade(ctx, se));
                ctx.Run(Checks.WeightSplitDeparts, () => WeightSplit(ctx, se));
                ctx.Run(Checks.ActualCopiesGoal, () => ActualCopiesGoal(ctx, se));
                break;
            case TargetDeclaration td:
                ctx.Run(Checks.DeclarationFundsSum, () => DeclarationFunds(ctx, td));
                ctx.Run(Checks.DatesInvalid, () => Dates(ctx, td));
                break;
        }
        if (form is DepartmentDeclaration dd) DepartmentTasks(ctx, dd.Tasks);
        if (form is DepartmentSelfEvaluation ds) DepartmentTasks(ctx, ds.Tasks);
        // A monitoring form's targets are its approved declaration's, reviewed then: here only the progress is reviewed.
        if (form is MonitoringForm mf)
        {
            Monitoring(ctx, mf);
            return ctx.Findings;
        }

        ctx.Run(Checks.TooFewIndicators, () => TooFew(ctx));
        ctx.Run(Checks.MissingDimension, () => MissingDimension(ctx));
        ctx.Run(Checks.GoalNumberContradictsIndicator, () => GoalNumbers(ctx));
        ctx.Run(Checks.CostIndicatorMissing, () => CostIndicatorMissing(ctx));
        ctx.Run(Checks.DuplicateIndicator, () => Duplicates(ctx));

        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            // Only the last row of a cut-off form can be cut: its empty cells are not the unit's fault.
            var maybeCut = !form.Complete && i == form.Indicators.Count - 1;
            ctx.Run(Checks.MissingTarget, () => RowCompleteness(ctx, row, maybeCut));
            ctx.Run(Checks.ComparatorReversed, () => Reversed(ctx, row));
            ctx.Run(Checks.UnitNameMismatch, () => UnitName(ctx, row));
            ctx.Run(Checks.VagueTarget, () => Vague(ctx, row));
            ctx.Run(Checks.IndicatorWrongLevel2, () => WrongLevel2(ctx, row));
            ctx.Run(Checks.CostTargetUnquantified, () => CostUnquantified(ctx, row));
            if (form is EvaluationForm)
                ctx.Run(Checks.MetTargetUnderscored, () => RowScoring(ctx, row));
            if (form is TargetDeclaration && snapshot is not null)
                Ambition(ctx, row, snapshot);
        }
        return ctx.Findings;
    }

    sealed class Context(PerformanceForm form, ScoringProfile profile)
    {
        public PerformanceForm Form { get; } = form;
        public ScoringProfile Profile { get; } = profile;

        /// <summary>The scorer's sheet of a self-evaluation: the review reads the rules' figures from it, never recomputes them.</summary>
        public ScoreSheet? Sheet { get; } = form is EvaluationForm s ? Scorer.Score(s, profile) : null;
        public List<Finding> Findings { get; } = new();
        public decimal Tol => Profile.Tolerance;

        public void Add(Check check, string message, Indicator? row = null, int? line = null) =>
            Findings.Add(check.At(message, Form.Subject(), row?.Name, row?.Line ?? line ?? Form.Source.Line,
                row is null ? null : Form.Indicators.IndexOf(row) + 1));

        public void Run(Check check, Action body)
        {
            try { body(); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Add(Checks.CheckFailed, $"审核规则 {check.Code} 在本表上未能完成（{e.GetType().Name}: {e.Message}），请人工复核此项。");
            }
        }

        public string Money(decimal amount) => (Form as EvaluationForm)?.Funds.Unit is { } u
            ? $"{Num.Fixed(amount)}{u.ToChinese()}"
            : Num.Fixed(amount);
    }

    static string V(decimal value, string? unit) => Num.Plain(value) + (Units.Normalize(unit) ?? "");

    static string Q(string? s) => $"“{s}”";

    // ---- self-evaluation: funds -------------------------------------------------------------------------------

    static void MissingFunds(Context ctx, EvaluationForm se)
    {
        if (!se.Complete || se.Funds.Total is not null) return;
        var block = se is DepartmentSelfEvaluation ? "预算执行情况" : "项目资金";
        ctx.Add(Checks.MissingFunds, $"表中没有{block}（年度资金总额）行，无法核对预算执行率及其得分。请补全{block}部分。");
    }

    static void FundRowsSum(Context ctx, EvaluationForm se)
    {
        var total = se.Funds.Total;
        if (total is null) return;
        // A 部门整体 form may split the total twice, by source and by nature (基本支出 / 项目支出): each split adds up on its own.
        foreach (var parts in se.Funds.Rows.Where(r => !ReferenceEquals(r, total)).GroupBy(r => IsByNature(r.Label)).Select(g => g.ToList()))
            FundPartsSum(ctx, total, parts);
    }

    static bool IsByNature(string label) => label.Contains("基本支出", StringComparison.Ordinal) || label.Contains("项目支出", StringComparison.Ordinal);

    static void FundPartsSum(Context ctx, FundRow total, List<FundRow> parts)
    {
        // Each printed figure is itself rounded to 0.01, so n parts may drift from the total by about n/2 cents.
        var tol = ctx.Tol * Math.Max(1, parts.Count - 1);
        foreach (var (name, pick) in new (string, Func<FundRow, decimal?>)[]
                 {
                     ("年初预算数", r => r.InitialBudget), ("全年预算数", r => r.AdjustedBudget), ("全年执行数", r => r.Executed),
                 })
        {
            var t = pick(total);
            var values = parts.Select(pick).ToList();
            if (t is null || values.Any(v => v is null)) continue;
            var sum = values.Sum(v => v!.Value);
            if (Math.Abs(sum - t.Value) <= tol) continue;
            var labels = string.Join(" + ", parts.Select(p => p.Label));
            var what = IsByNature(parts[0].Label) ? "按支出性质分项之和" : "各资金来源之和";
            ctx.Add(Checks.FundRowsSum,
                $"{name}：{what}（{labels}）为 {ctx.Money(sum)}，而年度资金总额为 {ctx.Money(t.Value)}，相差 {Num.Fixed(sum - t.Value)}。请核对各分项与总额。",
                line: total.Line);
        }
    }

    static void ExecutionFigures(Context ctx, EvaluationForm se)
    {
        var p = ctx.Profile;
        foreach (var row in se.Funds.Rows)
        {
            if (row.ExecutionRate is not { } printed || row.Executed is not { } done || row.AdjustedBudget is not { } budget || budget <= 0)
                continue;
            var rate = Scorer.ExecutionRateOf(done, budget, p)!.Value;
            if (Math.Abs(rate - printed) <= ctx.Tol) continue;
            ctx.Add(Checks.ExecutionRateMismatch,
                $"{row.Label.TrimEnd('：', ':')}：执行率印为 {Num.Fixed(printed)}%，按全年执行数 {Num.Fixed(done)} ÷ 全年预算数 {Num.Fixed(budget)} 计算应为 {Num.Fixed(rate)}%（允许 ±{Num.Plain(ctx.Tol)}）。请核对执行率；注意分母是调整后的全年预算数，不是年初预算数。",
                line: row.Line);
        }

        var total = se.Funds.Total;
        if (total?.Score is not { } printedScore) return;
        var weight = total.Weight ?? p.ExecutionWeight;
        var aboveWeight = printedScore > weight + ctx.Tol;
        var (computed, explanation) = (ctx.Sheet!.ExecutionScore, ctx.Sheet.ExecutionExplanation);
        // The printed rate may itself be off by the tolerance; a score consistent with it is not an error.
        decimal? fromPrinted = total.ExecutionRate is { } r ? Scorer.ExecutionScoreOf(r, weight, p) : null;
        var consistent = (computed is not null && Math.Abs(computed.Value - printedScore) <= ctx.Tol)
            || (fromPrinted is not null && Math.Abs(fromPrinted.Value - printedScore) <= ctx.Tol);
        // Without a printed weight the profile's weight is only a guess: a score it does not give is a question for the
        // reviewer (which weight does the form use?), not an error of the unit's.
        if (printedScore >= 0 && (aboveWeight || (!consistent && (computed ?? fromPrinted) is not null))
            && WeightUnconfirmed(ctx, se) is { } unconfirmed)
        {
            ctx.Add(Checks.ExecutionWeightUnconfirmed,
                $"表上未印预算执行率的分值。{unconfirmed}请核对本表执行率的分值（表头或得分栏常写作“(20分)”“得分(20分*执行率)”），并确认所选评分方案。",
                line: total.Line);
            return;
        }
        if (aboveWeight || printedScore < 0)
        {
            ctx.Add(Checks.ScoreOutOfRange,
                $"预算执行率得分 {Num.Fixed(printedScore)} 超出 0–{Num.Fixed(weight)}。执行率超过 100% 也只得满分 {Num.Fixed(weight)}。请改正得分。",
                line: total.Line);
            return;
        }
        if (computed is null || consistent) return;
        ctx.Add(Checks.ExecutionScoreMismatch,
            $"预算执行率得分印为 {Num.Fixed(printedScore)}，按规则应为 {Num.Fixed(computed.Value)}（{explanation}）。请按“分值 × 执行率”改正得分。",
            line: total.Line);
    }

    static void ExecutionWeightDeparts(Context ctx, EvaluationForm se)
    {
        if (se.Funds.Total?.Weight is not { } w || w == ctx.Profile.ExecutionWeight) return;
        ctx.Add(Checks.ExecutionWeightDeparts,
            $"表上预算执行率分值为 {Num.Plain(w)}，评分方案 {ctx.Profile.Id} 规定为 {Num.Plain(ctx.Profile.ExecutionWeight)}（已试的方案：{TriedWeights(ctx, se)}）。本表按表上分值计分；请确认所选评分方案（地区、年度）是否与本表相符。",
            line: se.Funds.Total.Line);
    }

    /// <summary>
    /// Null when the form itself settles the 执行率 weight (printed, or its printed score is what the profile's weight
    /// gives); otherwise the Chinese sentence saying which weights were tried and what the printed score implies.
    /// </summary>
    static string? WeightUnconfirmed(Context ctx, EvaluationForm se)
    {
        var fit = WeightFit.Of(se, ctx.Profile);
        if (fit.Basis is WeightBasis.Printed or WeightBasis.Confirmed) return null;
        var total = se.Funds.Total!;
        var rate = ctx.Sheet?.ExecutionRate ?? total.ExecutionRate;
        var implied = total.Score is { } s && rate is > 0m ? $"表上得分 {Num.Plain(s)} ÷ 执行率 {Num.Plain(rate.Value)}% ≈ {Num.Fixed(s / rate.Value * 100m)} 分。" : "";
        var against = fit.Basis == WeightBasis.Contradicted
            ? $"评分方案 {ctx.Profile.Id} 的 {Num.Plain(ctx.Profile.ExecutionWeight)} 分与表上得分不符"
            : $"表上的数也不足以由执行率核对得分，评分方案 {ctx.Profile.Id} 的 {Num.Plain(ctx.Profile.ExecutionWeight)} 分未经本表证实";
        return $"{against}；已试的方案：{TriedWeights(ctx, se)}。{implied}";
    }

    /// <summary>The profiles tried for this form with their weights (from the profile's selection, else this profile alone).</summary>
    static string TriedWeights(Context ctx, EvaluationForm se)
    {
        var tried = ctx.Profile.Selection?.Tried is { Count: > 0 } t ? t : [WeightFit.Of(se, ctx.Profile)];
        return string.Join("、", tried.Select(f => $"{f.ProfileId} {Num.Plain(f.ProfileWeight)} 分"
            + (f.ExpectedScore is { } e && f.ScoreAgrees == false ? $"（得分应为 {Num.Fixed(e)}）" : "")));
    }

    static void LowExecution(Context ctx, EvaluationForm se)
    {
        var total = se.Funds.Total;
        if (total is null) return;
        var rate = ctx.Sheet!.ExecutionRate ?? total.ExecutionRate;
        if (rate is null || rate.Value >= ctx.Profile.LowExecutionThreshold) return;
        var texts = new[] { se.ActualOutcome }.Concat(se.Indicators.Select(i => i.DeviationReason));
        var explained = texts.Any(t => t is not null && ctx.Profile.ExecutionExplanationWords.Any(w => t.Contains(w, StringComparison.Ordinal)));
        if (explained) return;
        ctx.Add(Checks.LowExecutionUnexplained,
            $"预算执行率 {Num.Fixed(rate.Value)}%，低于 {Num.Plain(ctx.Profile.LowExecutionThreshold)}%，表中却没有说明资金为何未执行。请在实际完成情况或偏差原因中写明原因（如结余、采购延后、跨年支付）和改进措施。",
            line: total.Line);
    }

    static void BudgetAdjusted(Context ctx, EvaluationForm se)
    {
        var total = se.Funds.Total;
        if (total?.InitialBudget is not { } initial || total.AdjustedBudget is not { } adjusted) return;
        string change;
        if (initial == 0)
        {
            if (adjusted == 0) return;
            change = "年初为 0";
        }
        else
        {
            var percent = (adjusted - initial) / initial * 100m;
            if (Math.Abs(percent) < ctx.Profile.SharpAdjustmentPercent) return;
            change = $"{(percent < 0 ? "减少" : "增加")} {Num.Fixed(Math.Abs(percent))}%";
        }
        var why = adjusted < initial
            ? "年中调减预算会使少支出也显示为执行率 100%"
            : "年中大幅调增可能说明年初预算编制不足";
        ctx.Add(Checks.BudgetAdjustedSharply,
            $"全年预算数 {ctx.Money(adjusted)} 较年初预算数 {ctx.Money(initial)} {change}。{why}。请核对预算调整的依据，评价执行率时一并考虑。",
            line: total.Line);
    }

    // ---- self-evaluation: weights, totals, grade ---------------------------------------------------------------

    static void WeightsSum(Context ctx, EvaluationForm se)
    {
        if (!se.Complete || se.Indicators.Count == 0 || se.Indicators.Any(i => i.Weight is null)) return;
        var exec = se.Funds.Total?.Weight ?? ctx.Profile.ExecutionWeight;
        var rows = se.Indicators.Sum(i => i.Weight!.Value);
        var sum = exec + rows;
        // An execution weight the form neither prints nor confirms by its score cannot make the sum wrong, only doubtful.
        if (Math.Abs(sum - 100m) > ctx.Tol && se.Funds.Total is not null && WeightUnconfirmed(ctx, se) is { } unconfirmed)
            ctx.Add(Checks.ExecutionWeightUnconfirmed,
                $"表上未印预算执行率的分值，按评分方案 {ctx.Profile.Id} 的 {Num.Fixed(exec)} 分计，加指标分值合计 {Num.Fixed(rows)} 为 {Num.Fixed(sum)}，不等于 100；若本表执行率为 {Num.Fixed(100m - rows)} 分则相符。{unconfirmed}请核对本表执行率的分值。");
        else if (Math.Abs(sum - 100m) > ctx.Tol)
            ctx.Add(Checks.WeightsSum,
                $"执行率分值 {Num.Fixed(exec)} + 指标分值合计 {Num.Fixed(rows)} = {Num.Fixed(sum)}，不等于 100。请调整各指标分值，使指标分值合计为 {Num.Fixed(100m - exec)}。");
        if (se.TotalWeight is { } printed && Math.Abs(printed - 100m) > ctx.Tol)
            ctx.Add(Checks.WeightsSum, $"总分行的分值印为 {Num.Fixed(printed)}，应为 100.00。请改正。");
    }

    static void ScoreSumAndGrade(Context ctx, EvaluationForm se)
    {
        if (se.TotalScore is { } printedTotal)
        {
            var grade = ctx.Profile.GradeOf(printedTotal);
            if (!string.IsNullOrWhiteSpace(se.Grade) && Squash(se.Grade) != grade)
                ctx.Add(Checks.GradeMismatch,
                    $"总分 {Num.Fixed(printedTotal)} 对应等级“{grade}”（{GradeBands(ctx.Profile)}），表上评分等级为“{Squash(se.Grade)}”。请改正评分等级。");

            var exec = se.Funds.Total?.Score;
            if (se.Complete && se.Indicators.Count > 0 && exec is not null && se.Indicators.All(i => i.Score is not null))
            {
                var sum = exec.Value + se.Indicators.Sum(i => i.Score!.Value);
                if (Math.Abs(sum - printedTotal) > ctx.Tol)
                    ctx.Add(Checks.ScoreSum,
                        $"执行率得分 {Num.Fixed(exec.Value)} + 各指标得分 {Num.Fixed(sum - exec.Value)} = {Num.Fixed(sum)}，而总分印为 {Num.Fixed(printedTotal)}。请核对各项得分与总分。");
            }
        }
    }

    static string GradeBands(ScoringProfile p) => string.Join("，", p.GradeBands.Select(b => $"{b.Grade} ≥{Num.Plain(b.Min)}"));

    static void WeightSplit(Context ctx, EvaluationForm se)
    {
        var rows = se.Indicators;
        if (!se.Complete || rows.Count == 0 || rows.Any(i => i.Weight is null) || rows.Any(i => DimensionOf(i) == Dimension.Unknown))
            return;
        var actual = rows.GroupBy(DimensionOf).ToDictionary(g => g.Key, g => g.Sum(i => i.Weight!.Value));
        var defaults = ctx.Profile.Level1Weights.GroupBy(kv => DimensionOfLevel1(kv.Key)).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        var departs = actual.Keys.Union(defaults.Keys)
            .Any(d => actual.GetValueOrDefault(d) != defaults.GetValueOrDefault(d));
        if (!departs) return;
        string Show(IReadOnlyDictionary<Dimension, decimal> m) => string.Join("、",
            new[] { Dimension.Cost, Dimension.Output, Dimension.Effect, Dimension.Satisfaction }
                .Where(m.ContainsKey).Select(d => $"{d.ToChinese().Replace("指标", "")} {Num.Plain(m[d])}"));
        ctx.Add(Checks.WeightSplitDeparts,
            $"一级指标分值为 {Show(actual)}，默认分配为 {Show(defaults)}。偏离是允许的，但请在自评报告中说明分配的理由。");
    }

    static void ActualCopiesGoal(Context ctx, EvaluationForm se)
    {
        var goal = Squash(se.ExpectedGoal);
        if (goal.Length == 0 || goal != Squash(se.ActualOutcome)) return;
        ctx.Add(Checks.ActualCopiesGoal,
            "实际完成情况与预期目标逐字相同，没有写出实际做了什么、做到什么程度。请按实际完成的数量、质量、时效和效果重写实际完成情况。");
    }

    // ---- declarations ------------------------------------------------------------------------------------------

    static void DeclarationFunds(Context ctx, TargetDeclaration td)
    {
        var f = td.Funds;
        var unit = f.Unit.ToChinese();
        if (f.AnnualTotal is { } annual && f.CurrentYearAppropriation is { } cur && f.CarryOver is { } carry && f.Other is { } other)
        {
            var sum = cur + carry + other;
            if (Math.Abs(sum - annual) > ctx.Tol)
                ctx.Add(Checks.DeclarationFundsSum,
                    $"年度资金申请总额 {Num.Fixed(annual)}{unit}，而当年财政拨款 {Num.Fixed(cur)} + 上年结转资金 {Num.Fixed(carry)} + 其他资金 {Num.Fixed(other)} = {Num.Fixed(sum)}{unit}。请核对各资金来源。");
        }
        if (f.ProjectTotal is { } project && f.ProjectFiscal is { } fiscal && f.ProjectOther is { } pOther)
        {
            var sum = fiscal + pOther;
            if (Math.Abs(sum - project) > ctx.Tol)
                ctx.Add(Checks.DeclarationFundsSum,
                    $"项目资金总额 {Num.Fixed(project)}{unit}，而财政资金 {Num.Fixed(fiscal)} + 其他资金 {Num.Fixed(pOther)} = {Num.Fixed(sum)}{unit}。请核对。");
        }
        if (f.ProjectTotal is { } whole && f.AnnualTotal is { } year && whole > 0 && whole + ctx.Tol < year)
            ctx.Add(Checks.DeclarationFundsSum,
                $"项目资金总额 {Num.Fixed(whole)}{unit} 小于本年度资金申请总额 {Num.Fixed(year)}{unit}；项目全周期的资金不能少于其中一年。请核对。");
    }

    static void Dates(Context ctx, TargetDeclaration td)
    {
        if (td.StartDate is { } start && td.EndDate is { } end && start > end)
            ctx.Add(Checks.DatesInvalid,
                $"计划开始日期 {start:yyyy-MM-dd} 晚于计划完成日期 {end:yyyy-MM-dd}。请改正日期。");
    }

    // ---- form-level target quality -----------------------------------------------------------------------------

    static void TooFew(Context ctx)
    {
        var n = ctx.Form.Indicators.Count;
        if (!ctx.Form.Complete || n == 0 || n >= ctx.Profile.MinIndicators) return;
        ctx.Add(Checks.TooFewIndicators,
            $"只有 {n} 个三级指标，难以全面反映{(ctx.Form.Kind.IsDepartmentWhole() ? "部门整体支出" : "项目")}的产出和效益。请按产出（数量、质量、时效）、效益、满意度分别设置可衡量的指标（至少 {ctx.Profile.MinIndicators} 个）。");
    }

    static void MissingDimension(Context ctx)
    {
        var rows = ctx.Form.Indicators;
        // A row whose 一级 could not be read might be the missing one: say nothing rather than raise a false alarm.
        if (!ctx.Form.Complete || rows.Count == 0 || rows.Any(r => DimensionOf(r) == Dimension.Unknown)) return;
        var present = rows.Select(DimensionOf).ToHashSet();
        var missing = new[] { Dimension.Output, Dimension.Effect, Dimension.Satisfaction }.Where(d => !present.Contains(d)).ToList();
        if (missing.Count == 0) return;
        var advice = string.Join("；", missing.Select(d => d switch
        {
            Dimension.Output => "产出指标写明完成的数量、质量和时效",
            Dimension.Effect => "效益指标写明项目给服务对象或社会带来的变化",
            _ => "满意度指标以问卷调查的满意率表示（如“服务对象满意度 ≥90%”）",
        }));
        ctx.Add(Checks.MissingDimension,
            $"没有{string.Join("、", missing.Select(d => d.ToChinese()))}。绩效指标应覆盖产出、效益和满意度，请补设：{advice}。");
    }

    static string? GoalText(PerformanceForm form) => form switch
    {
        TargetDeclaration td => string.Join("。", new[] { td.OverallGoal, td.AnnualGoal }.Where(s => !string.IsNullOrWhiteSpace(s))),
        EvaluationForm se => se.ExpectedGoal,
        DepartmentDeclaration dd => dd.AnnualGoal,
        _ => null,
    };

    // "不少于120次活动", "至少完成1个课题调研", "满意度为90%以上": firm minimums the goal commits to. Estimates
    // (预计 4 次, 约 60 家) are not commitments and are left alone.
    static readonly Regex FirmMinimumBefore = new(
        @"(?:不少于|不低于|不小于|至少|最少)(?:完成|开展|举办|达到|为)?\s*(?<n>\d+(?:\.\d+)?)\s*(?<u>%|％|人次|[\u4e00-\u9fff])",
        RegexOptions.Compiled);

    static readonly Regex FirmMinimumAfter = new(
        @"(?<n>\d+(?:\.\d+)?)\s*(?<u>%|％|人次|[\u4e00-\u9fff])\s*(?:及)?以上",
        RegexOptions.Compiled);

    static void GoalNumbers(Context ctx)
    {
        var goal = GoalText(ctx.Form);
        if (string.IsNullOrWhiteSpace(goal)) return;
        var rows = ctx.Form.Indicators
            .Where(r => r.Target is { IsQuantitative: true } t && t.Comparator is null or Comparator.GreaterOrEqual or Comparator.Greater or Comparator.Equal)
            .ToList();
        if (rows.Count == 0) return;

        var sentences = Regex.Split(goal, "[。；;！？!?\n]");
        var reported = new HashSet<Indicator>();
        foreach (var sentence in sentences)
        {
            var bigrams = HanBigrams(sentence);
            foreach (var m in FirmMinimumBefore.Matches(sentence).Concat(FirmMinimumAfter.Matches(sentence)))
            {
                var n = decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                var unit = Units.Normalize(m.Groups["u"].Value);
                var candidates = rows
                    .Where(r => Units.Normalize(r.Target!.Unit) == unit)
                    .Select(r => (Row: r, Overlap: Overlap(r.Name, bigrams)))
                    .Where(c => c.Overlap >= ctx.Profile.GoalNameOverlap)
                    .ToList();
                if (candidates.Count == 0 || candidates.Any(c => c.Row.Target!.Value == n)) continue;
                var best = candidates
                    .OrderByDescending(c => c.Overlap)
                    .ThenBy(c => Math.Abs(c.Row.Target!.Value!.Value - n))
                    .First().Row;
                var value = best.Target!.Value!.Value;
                if (value >= n || !reported.Add(best)) continue;
                ctx.Add(Checks.GoalNumberContradictsIndicator,
                    $"年度总体目标写“{m.Value.Trim()}”，而指标{Q(best.Name)}只要求 {best.Target.Text}。目标与指标应一致：请把指标值改为不低于 {V(n, unit)}，或修改目标文字。",
                    best);
            }
        }
    }

    static decimal Overlap(string name, HashSet<string> sentence)
    {
        var own = HanBigrams(name);
        return own.Count == 0 ? 0 : (decimal)own.Count(sentence.Contains) / own.Count;
    }

    static readonly Regex MoneyInText = new(@"\d+(?:\.\d+)?\s*(?:万元|元)", RegexOptions.Compiled);

    static void CostIndicatorMissing(Context ctx)
    {
        var goal = GoalText(ctx.Form);
        if (!ctx.Form.Complete || string.IsNullOrWhiteSpace(goal) || ctx.Form.Indicators.Count == 0) return;
        if (ctx.Form.Indicators.Any(IsCost)) return;
        var m = MoneyInText.Match(goal);
        if (!m.Success) return;
        ctx.Add(Checks.CostIndicatorMissing,
            $"年度目标中写有金额（“{m.Value}”），但没有成本指标。请把这一成本要求设为量化的成本指标（如“≤{m.Value}”）。");
    }

    static void Duplicates(Context ctx)
    {
        foreach (var group in ctx.Form.Indicators.Where(r => NameKey(r.Name).Length > 0).GroupBy(r => NameKey(r.Name)))
        {
            var rows = group.ToList();
            if (rows.Count < 2) continue;
            var places = string.Join("；", rows.Select(r =>
                $"{Squash(r.Level2) switch { "" => "", var l2 => l2 + " " }}{r.Target?.Text ?? "（无指标值）"}{(r.Line is { } l ? $"（第 {l} 行）" : "")}"));
            var differ = rows.Select(r => Squash(r.Target?.Text)).Distinct().Count() > 1;
            ctx.Add(Checks.DuplicateIndicator,
                differ
                    ? $"三级指标{Q(rows[0].Name)}出现 {rows.Count} 次，取值不同：{places}。同一指标只能有一个目标值：请合并，或改名以区分考核内容。"
                    : $"三级指标{Q(rows[0].Name)}出现 {rows.Count} 次：{places}。同一指标重复计分：请删去重复的一行，或改名以区分考核内容。",
                rows[1]);
        }
    }

    // ---- rows --------------------------------------------------------------------------------------------------

    static void RowCompleteness(Context ctx, Indicator row, bool maybeCut)
    {
        if (maybeCut) return;
        if (row.Target is null)
            ctx.Add(Checks.MissingTarget, $"指标{Q(row.Name)}没有年度指标值。请填写可衡量的目标值。", row);
        if (ctx.Form is not EvaluationForm) return;
        var missing = new List<string>();
        if (row.Actual is null) missing.Add("实际完成值");
        if (row.Weight is null) missing.Add("分值");
        if (row.Score is null) missing.Add("得分");
        if (missing.Count > 0)
            ctx.Add(Checks.MissingRowFigures,
                $"指标{Q(row.Name)}缺少{string.Join("、", missing)}，无法核对其得分。请补填。", row);
    }

    /// <summary>A ≤ / &lt; on a count of delivered outputs (场, 次, 个, 人 …) where fewer is not better.</summary>
    static bool ReadsReversed(ScoringProfile p, Indicator row) =>
        row.Target is { IsQuantitative: true, Comparator: { } c } t
        && c.IsUpperBound()
        && !IsCost(row)
        && Units.Normalize(t.Unit) is { } unit && p.CountUnits.Contains(unit)
        && !p.UndesirableOutcomeWords.Any(w => row.Name.Contains(w, StringComparison.Ordinal));

    static void Reversed(Context ctx, Indicator row)
    {
        if (!ReadsReversed(ctx.Profile, row)) return;
        var t = row.Target!;
        var symbol = t.Comparator!.Value.ToSymbol();
        var actual = row.Actual is { IsQuantitative: true } a ? $"实际 {V(a.Value!.Value, a.Unit ?? t.Unit)}；" : "";
        ctx.Add(Checks.ComparatorReversed,
            $"指标{Q(row.Name)}的指标值 {t.Text} 用了“{symbol}”，但“{Units.Normalize(t.Unit)}”计的是交付的数量，做得越多越好：按所写的“{symbol}”，少做反而算达成。{actual}请核实后把比较符改为“{(t.Comparator == Comparator.Less ? ">" : "≥")}”。",
            row);
    }

    static void UnitName(Context ctx, Indicator row)
    {
        if (row.Target is not { IsQuantitative: true } t || Units.Normalize(t.Unit) is not { } unit) return;
        var name = Regex.Replace(Squash(row.Name), @"[（(][^）)]*[）)]$", "");
        var rule = ctx.Profile.UnitRules.FirstOrDefault(r => r.AppliesTo(name) || r.AppliesTo(Squash(row.Name)));
        if (rule is null || rule.Units.Contains(unit)) return;
        var hint = rule.NameEndsWith == "率"
            ? $"比率应以 % 计（如 =100%）；若考核的是数量，请把名称改为“…数量”或“…次数”"
            : $"请把单位改为 {string.Join(" / ", rule.Units)}，或改名称使其与单位一致";
        ctx.Add(Checks.UnitNameMismatch,
            $"指标名{Q(row.Name)}{rule.Describe()}，应以 {string.Join(" / ", rule.Units)} 计，指标值却以“{unit}”计（{t.Text}）。{hint}。",
            row);
    }

    static bool IsVague(ScoringProfile p, string word)
    {
        var w = Squash(word);
        return p.VagueWords.Any(v => w.Contains(Squash(v), StringComparison.Ordinal));
    }

    static void Vague(Context ctx, Indicator row)
    {
        if (row.Target is not { IsQuantitative: false } t || string.IsNullOrWhiteSpace(t.Text)) return;
        if (IsCost(row)) return; // cost-target-unquantified says it more precisely
        if (DimensionOf(row) == Dimension.Satisfaction)
        {
            // A row that measures no satisfaction at all gets indicator-wrong-level2; asking for a survey is moot.
            if (!ctx.Profile.SatisfactionNameWords.Any(w => Squash(row.Name).Contains(w, StringComparison.Ordinal))) return;
            ctx.Add(Checks.SatisfactionNotSurveyed,
                $"满意度指标{Q(row.Name)}的指标值写成“{t.Text}”，没有调查得出的百分比。请改为问卷调查的满意率（如 ≥90%），自评时附调查结果。",
                row);
            return;
        }
        if (!IsVague(ctx.Profile, t.Text)) return;
        ctx.Add(Checks.VagueTarget,
            $"指标{Q(row.Name)}的指标值“{t.Text}”无法衡量，达成与否只能凭感觉判断。能量化时请改为可核实的数值（如 ≥90%、≥4次），否则写明评判标准。",
            row);
    }

    static void WrongLevel2(Context ctx, Indicator row)
    {
        var p = ctx.Profile;
        var dimension = DimensionOf(row);
        var name = Squash(row.Name);
        if (dimension == Dimension.Effect && p.OutputMeasuresNotEffects.FirstOrDefault(w => name.Contains(w, StringComparison.Ordinal)) is { } word)
        {
            ctx.Add(Checks.IndicatorWrongLevel2,
                $"指标{Q(row.Name)}（“{word}”）度量的是项目的产出（数量或质量），却放在{Squash(row.Level2) switch { "" => "效益指标", var l2 => l2 }}下。请移到产出指标的数量指标或质量指标下，效益另设反映服务对象受益的指标。",
                row);
        }
        else if (dimension == Dimension.Satisfaction && !p.SatisfactionNameWords.Any(w => name.Contains(w, StringComparison.Ordinal)))
        {
            ctx.Add(Checks.IndicatorWrongLevel2,
                $"指标{Q(row.Name)}放在满意度指标下，但它度量的不是服务对象的满意程度。请移到产出或效益指标下，满意度另设问卷调查的满意率。",
                row);
        }
    }

    static void CostUnquantified(Context ctx, Indicator row)
    {
        if (!IsCost(row) || row.Target is not { IsQuantitative: false } t || string.IsNullOrWhiteSpace(t.Text)) return;
        ctx.Add(Checks.CostTargetUnquantified,
            $"成本指标{Q(row.Name)}的指标值为“{t.Text}”，没有量化。成本指标应写明单位成本或总成本的上限（如 ≤500元/人/月、≤29.6万元）。",
            row);
    }

    // ---- rows of a self-evaluation: scores ---------------------------------------------------------------------

    static void RowScoring(Context ctx, Indicator row)
    {
        FarExceeded(ctx, row);
        var p = ctx.Profile;
        if (row.Weight is not { } w || row.Score is not { } printed) return;

        if (printed < 0 || printed > w + ctx.Tol)
        {
            ctx.Add(Checks.ScoreOutOfRange,
                $"指标{Q(row.Name)}得分 {Num.Fixed(printed)} 超出 0–{Num.Fixed(w)}。得分不能为负，也不能超过分值（不设加分）。请改正。",
                row);
            return;
        }

        var below = printed < w - ctx.Tol;
        if (below && string.IsNullOrWhiteSpace(row.DeviationReason))
            ctx.Add(Checks.MissingDeviationReason,
                $"指标{Q(row.Name)}得分 {Num.Fixed(printed)} 低于分值 {Num.Fixed(w)}，但未填偏差原因分析及改进措施。请补写扣分的原因和改进措施。",
                row);

        var s = ctx.Sheet!.Indicators[ctx.Form.Indicators.IndexOf(row)];
        if (row.Override is { } o)
        {
            // The unit's departure is the finding; the met/missed checks would only say the same again.
            var rule = s.Kind == RowKind.Quantitative && s.ComputedScore is { } c ? $"按规则应得 {Num.Fixed(c)}（{s.Explanation}）" : "按规则无法计分";
            ctx.Add(Checks.ScoreOverridden,
                $"指标{Q(row.Name)}{rule}，单位改为 {Num.Fixed(o.Score)}，理由：{o.Reason.TrimEnd('。', '.')}。请审核人员判断改分是否成立。",
                row);
            return;
        }
        if (s.Kind == RowKind.Qualitative)
        {
            if (s.PrintedInsideBand == false)
                ctx.Add(Checks.QualitativeScoreOutsideBand,
                    $"指标{Q(row.Name)}实际为“{row.Actual!.Text}”，得分应在 {Num.Fixed(s.BandLow!.Value)}–{(s.BandHighIncluded ? "" : "<")}{Num.Fixed(s.BandHigh!.Value)} 之间（{p.QualitativeBands[row.Actual.Achievement!.Value].Describe()} × {Num.Plain(w)}），表上为 {Num.Fixed(printed)}。请在区间内重新打分，或改正完成等级。",
                    row);
            return;
        }
        if (s.Kind != RowKind.Quantitative || s.ComputedScore is not { } computed) return;

        var t = row.Target!;
        var a = row.Actual!;
        var unit = t.Unit ?? a.Unit;
        if (s.Attainment == Attainment.Met && below)
        {
            string message;
            if (ReadsReversed(p, row))
            {
                var flipped = t.Comparator == Comparator.Less ? Comparator.Greater : Comparator.GreaterOrEqual;
                var (alt, _, altText) = Scorer.ScoreQuantitative(flipped, t.Value!.Value, a.Value!.Value, w, p, Units.Normalize(unit));
                var neither = Math.Abs(alt - printed) > ctx.Tol;
                message = $"指标{Q(row.Name)}按所写的 {t.Text}，实际 {V(a.Value!.Value, unit)} 已达成，应得 {Num.Fixed(w)}；若比较符本应为“{flipped.ToSymbol()}”，应得 {Num.Fixed(alt)}（{altText}）。表上得 {Num.Fixed(printed)}，"
                          + (neither ? "与两种读法都不符。" : "与“≥”的读法相符，说明比较符写反了。")
                          + "请先订正比较符，再按规则重新计分。";
            }
            else
            {
                message = $"指标{Q(row.Name)}实际 {V(a.Value!.Value, unit)} 已达成指标 {t.Text}，按规则应得满分 {Num.Fixed(w)}，表上只得 {Num.Fixed(printed)}。请改为满分，或写明另有的扣分依据。";
            }
            ctx.Add(Checks.MetTargetUnderscored, message, row);
        }
        else if (s.Attainment == Attainment.Missed && !below && computed < w - ctx.Tol)
        {
            var hint = ReadsReversed(p, row) ? "若比较符本应为“≥”，满分才说得通：请先订正比较符。" : "请按规则扣分，或说明不扣分的理由。";
            ctx.Add(Checks.MissedTargetFullScore,
                $"指标{Q(row.Name)}实际 {V(a.Value!.Value, unit)} 未达成指标 {t.Text}，按规则应得 {Num.Fixed(computed)}（{s.Explanation}），表上却给了满分 {Num.Fixed(printed)}。{hint}",
                row);
        }
    }

    static void FarExceeded(Context ctx, Indicator row)
    {
        if (row.Target is not { IsQuantitative: true, Comparator: Comparator.GreaterOrEqual or Comparator.Greater } t
            || row.Actual is not { IsQuantitative: true } a || !Units.Agree(t.Unit, a.Unit) || t.Value <= 0)
            return;
        if (a.Value < t.Value * ctx.Profile.FarExceededRatio) return;
        var ratio = a.Value!.Value / t.Value!.Value;
        ctx.Add(Checks.TargetFarExceeded,
            $"指标{Q(row.Name)}实际 {V(a.Value.Value, t.Unit ?? a.Unit)} 是指标值 {t.Text} 的 {Num.Plain(Math.Round(ratio, 1))} 倍（≥{Num.Plain(ctx.Profile.FarExceededRatio)} 倍），指标值可能定得过低。财预〔2020〕10号允许对此酌情扣分；软件无法判断原因，不扣分，请复核指标值的依据，下一年度据实调整。",
            row);
    }
}
