using System.Text;
using Jixiao.Core.Model;

namespace Jixiao.Core.Scoring;

/// <summary>
/// Scores a self-evaluation by the rules of a profile (rules.md §5). Pure: the same form and profile always give
/// the same sheet, and no input, however incomplete, makes it throw.
/// </summary>
public static class Scorer
{
    public static ScoreSheet Score(EvaluationForm form, ScoringProfile profile)
    {
        var total = form.Funds.Total;
        var weight = total?.Weight ?? profile.ExecutionWeight;
        var (rate, execScore, execExplanation) = ScoreExecution(total?.Executed, total?.AdjustedBudget, weight, profile);
        if (total?.Weight is not null && total.Weight != profile.ExecutionWeight)
            execExplanation += $"（表上执行率分值为 {Num.Plain(total.Weight.Value)}，方案为 {Num.Plain(profile.ExecutionWeight)}，按表上分值计）";

        var rows = form.Indicators.Select(r => ScoreIndicator(r, profile)).ToList();

        decimal? formTotal = null, ruleTotal = null;
        string? note = null;
        if (!form.Complete)
            note = "表格不完整（文本在表尾之前中断），不计算总分。";
        else if (rows.Count == 0)
            note = "没有指标行，不计算总分。";
        else
        {
            // Rows the rules cannot score count with their printed score, and vice versa, so that one odd cell
            // does not erase a total; a row with neither leaves the total unknown.
            var exec = execScore ?? total?.Score;
            formTotal = Sum(exec, rows.Select(r => r.PrintedScore ?? r.ComputedScore));
            ruleTotal = Sum(exec, rows.Select(r => r.ComputedScore ?? r.PrintedScore));
            if (formTotal is null || ruleTotal is null)
                note = "有的行既无所填得分也无法按规则计分，总分未知。";
        }

        return new ScoreSheet(
            form.Subject(), profile.Id,
            rate, total?.ExecutionRate, weight, execScore, total?.Score, execExplanation,
            rows,
            formTotal, ruleTotal, form.TotalScore,
            profile.GradeOf(formTotal), profile.GradeOf(ruleTotal), form.Grade,
            note, profile.Selection?.Reason);
    }

    static decimal? Sum(decimal? first, IEnumerable<decimal?> rest)
    {
        if (first is null) return null;
        var sum = first.Value;
        foreach (var x in rest)
        {
            if (x is null) return null;
            sum += x.Value;
        }
        return sum;
    }

    /// <summary>执行率 = 全年执行数 ÷ 全年预算数 × 100, rounded as the profile says; score = w × min(rate, 100)/100.</summary>
    public static (decimal? Rate, decimal? Score, string Explanation) ScoreExecution(
        decimal? executed, decimal? adjustedBudget, decimal weight, ScoringProfile profile)
    {
        if (executed is null || adjustedBudget is null)
            return (null, null, "缺少全年预算数或全年执行数，无法计算执行率");
        if (adjustedBudget.Value <= 0)
            return (null, null, $"全年预算数为 {Num.Plain(adjustedBudget.Value)}，无法计算执行率");

        var exact = executed.Value / adjustedBudget.Value * 100m;
        var rate = profile.RoundExecutionRate(exact);
        var score = ExecutionScoreOf(rate, weight, profile);
        var mode = profile.ExecutionRateRounding == RoundingMode.Truncate ? "截尾" : "四舍五入";
        var text = new StringBuilder()
            .Append($"执行率 = {Num.Fixed(executed.Value)} ÷ {Num.Fixed(adjustedBudget.Value)} × 100 = {Num.Plain(Math.Round(exact, 4))}% → {Num.Fixed(rate)}%（{mode}）")
            .Append(rate > 100m
                ? $"；超过 100% 按 100% 计 → {Num.Fixed(score)}/{Num.Fixed(weight)}"
                : $"；{Num.Plain(weight)} × {Num.Fixed(rate)}% = {Num.Fixed(score)}/{Num.Fixed(weight)}");
        return (rate, score, text.ToString());
    }

    /// <summary>An amount to the 分 (money in 元 is kept to two decimals).</summary>
    public static decimal RoundMoney(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>执行率 of a fund row, rounded as the profile says; null when the figures do not allow one.</summary>
    public static decimal? ExecutionRateOf(decimal? executed, decimal? adjustedBudget, ScoringProfile profile) =>
        executed is { } done && adjustedBudget is { } budget && budget > 0 ? profile.RoundExecutionRate(done / budget * 100m) : null;

    /// <summary>The score of an execution rate (percent): w × min(rate, 100)/100, never above w nor below 0.</summary>
    public static decimal ExecutionScoreOf(decimal rate, decimal weight, ScoringProfile profile) =>
        Math.Min(profile.RoundScore(weight * Math.Min(Math.Max(rate, 0m), 100m) / 100m), weight);

    public static IndicatorScore ScoreIndicator(Indicator row, ScoringProfile profile)
    {
        IndicatorScore Unscorable(string why) =>
            new(row.Name, row.Level1, row.Level2, row.Line, RowKind.Unscorable, row.Weight, row.Score, null, why);

        if (row.Weight is not { } w) return Unscorable("未填分值，无法计分");
        if (row.Actual?.Achievement is { } achievement)
            return ScoreQualitative(row, achievement, w, profile);
        if (row.Target is null) return Unscorable("未填年度指标值，无法计分");
        if (row.Actual is null) return Unscorable("未填实际完成值，无法计分");
        if (!row.Target.IsQuantitative)
            return Unscorable($"指标为定性（{row.Target.Text}），实际完成值“{row.Actual.Text}”不是达成等级，无法计分");
        if (!row.Actual.IsQuantitative)
            return Unscorable($"实际完成值“{row.Actual.Text}”不是数字，无法与指标 {row.Target.Text} 比较");
        if (!Units.Agree(row.Target.Unit, row.Actual.Unit))
            return Unscorable($"单位不同（指标 {row.Target.Unit}，实际 {row.Actual.Unit}），无法比较");

        var unit = Units.Normalize(row.Target.Unit) ?? Units.Normalize(row.Actual.Unit);
        var comparator = row.Target.Comparator ?? Comparator.Equal;
        var (score, attainment, explanation) = ScoreQuantitative(comparator, row.Target.Value!.Value, row.Actual.Value!.Value, w, profile, unit);
        if (row.Target.Comparator is null) explanation = "未写比较符，按 = 计：" + explanation;
        return new IndicatorScore(row.Name, row.Level1, row.Level2, row.Line, RowKind.Quantitative, w, row.Score,
            score, explanation, attainment);
    }

    /// <summary>Whether actual B reaches target A under the written comparator (rules.md §5.3).</summary>
    public static bool IsMet(Comparator c, decimal a, decimal b) => c switch
    {
        Comparator.GreaterOrEqual => b >= a,
        Comparator.Greater => b > a,
        Comparator.LessOrEqual => b <= a,
        Comparator.Less => b < a,
        // =0 (failures) needs exactly 0; = A > 0 is a completion target and reads like ≥.
        _ => a == 0 ? b == 0 : b >= a,
    };

    /// <summary>The rule-based score of a quantitative row, with a Chinese explanation of the arithmetic.</summary>
    public static (decimal Score, Attainment Attainment, string Explanation) ScoreQuantitative(
        Comparator c, decimal a, decimal b, decimal w, ScoringProfile profile, string? unit = null)
    {
        string V(decimal x) => Num.Plain(x) + (unit ?? "");
        var target = $"{c.ToSymbol()}{V(a)}";
        var full = $"{Num.Fixed(w)}/{Num.Fixed(w)}";

        if (IsMet(c, a, b))
        {
            var relation = c switch
            {
                Comparator.Equal when a == 0 => "=",
                Comparator.Equal => "≥",
                Comparator.Greater => ">",
                Comparator.Less => "<",
                _ => c.ToSymbol(),
            };
            var asGe = c == Comparator.Equal && a != 0 ? "（按 ≥ 计）" : "";
            return (Clamp(w, w, profile), Attainment.Met, $"实际 {V(b)} {relation} 指标 {target}{asGe}，达成 → {full}");
        }

        var missed = c switch
        {
            Comparator.Equal when a == 0 => "≠",
            Comparator.Greater => "≤",
            Comparator.Less => "≥",
            Comparator.LessOrEqual => ">",
            _ => "<",
        };
        var head = $"实际 {V(b)} {missed} 指标 {target}{(c == Comparator.Equal && a != 0 ? "（按 ≥ 计）" : "")}";

        if (c == Comparator.Equal && a == 0)
            return (0m, Attainment.Missed, $"{head} → 0.00/{Num.Fixed(w)}（=0 的指标只有实际为 0 才得分）");

        var formula = profile.FormulaFor(c);
        if (formula == MissedTargetFormula.AllOrNothing)
            return (0m, Attainment.Missed, $"{head} → 未达成不得分 0.00/{Num.Fixed(w)}");

        decimal raw;
        string shown;
        switch (formula)
        {
            case MissedTargetFormula.Ratio:
                raw = b == 0 ? 0m : w * a / b;
                shown = $"{Num.Plain(w)} × {Num.Plain(a)}/{Num.Plain(b)}";
                break;
            case MissedTargetFormula.Linear:
                raw = a == 0 ? 0m : w * (1m - (b - a) / a);
                shown = $"{Num.Plain(w)} × (1 − ({Num.Plain(b)} − {Num.Plain(a)})/{Num.Plain(a)})";
                break;
            default:
                raw = a == 0 ? 0m : w * b / a;
                shown = $"{Num.Plain(w)} × {Num.Plain(b)}/{Num.Plain(a)}";
                break;
        }
        var score = Clamp(raw, w, profile);
        var text = $"{head} → {shown} = {Num.Fixed(score)}";
        if (score == w) text += "（恰在严格比较符的边界上：未达成，但公式仍给满分）";
        else if (raw < 0) text += "（公式结果为负，按 0 计）";
        return (score, Attainment.Missed, text);
    }

    // Rounded, then capped: a weight of 12.5 with scores to whole points still tops out at 12.5, not 13.
    static decimal Clamp(decimal raw, decimal w, ScoringProfile profile) =>
        Math.Min(profile.RoundScore(Math.Min(Math.Max(raw, 0m), Math.Max(w, 0m))), Math.Max(w, 0m));

    /// <summary>The score band an achievement label allows, in points of weight w.</summary>
    public static (decimal Low, decimal High, bool HighIncluded) BandPoints(Achievement a, decimal w, ScoringProfile profile)
    {
        var band = profile.QualitativeBands[a];
        return (w * band.Min / 100m, w * band.Max / 100m, band.MaxIncluded);
    }

    public static bool InsideBand(decimal score, Achievement a, decimal w, ScoringProfile profile)
    {
        var (low, high, included) = BandPoints(a, w, profile);
        // Printed scores are rounded, so closed bounds get the tolerance; an open bound (<80%) stays strict.
        return score >= low - profile.Tolerance && (included ? score <= high + profile.Tolerance : score < high);
    }

    static IndicatorScore ScoreQualitative(Indicator row, Achievement achievement, decimal w, ScoringProfile profile)
    {
        var (low, high, included) = BandPoints(achievement, w, profile);
        var band = profile.QualitativeBands[achievement];
        var label = achievement switch
        {
            Achievement.Achieved => "达成",
            Achievement.PartiallyAchieved => "部分达成",
            _ => "未达成",
        };
        var step = 1m / (decimal)Math.Pow(10, profile.Decimals);
        var lowPoints = Clamp(low, w, profile);
        // An open upper bound (<80%) is not itself allowed: the nearest allowed score is one step below it.
        var highPoints = Math.Max(lowPoints, included ? Clamp(high, w, profile) : Clamp(high, w, profile) - step);
        var head = $"{label} → 区间 {band.Describe()} × {Num.Plain(w)} = {Num.Fixed(low)}–{(included ? "" : "<")}{Num.Fixed(high)}";

        decimal computed;
        bool? inside = null;
        string tail;
        if (row.Score is not { } printed)
        {
            // The unit picks the score inside the band; with none printed, 达成 takes full marks (as every seed
            // does) and the other bands their lower bound, the cautious reading.
            computed = achievement == Achievement.Achieved ? Clamp(w, w, profile) : lowPoints;
            tail = achievement == Achievement.Achieved
                ? $"；未填得分，按满分计 → {Num.Fixed(computed)}/{Num.Fixed(w)}"
                : $"；未填得分，按区间下限计 → {Num.Fixed(computed)}/{Num.Fixed(w)}";
        }
        else if (w <= 0)
        {
            // A zero-weight row has one possible score; its band is empty, and 0 is not a fault.
            inside = printed == 0;
            computed = 0m;
            tail = $"；分值为 0 → 0.00/{Num.Fixed(w)}";
        }
        else if (InsideBand(printed, achievement, w, profile))
        {
            inside = true;
            computed = printed;
            tail = $"；所填 {Num.Fixed(printed)} 在区间内 → {Num.Fixed(printed)}/{Num.Fixed(w)}";
        }
        else
        {
            inside = false;
            var below = printed < low;
            computed = below ? lowPoints : highPoints;
            tail = $"；所填 {Num.Fixed(printed)} {(below ? "低于" : "高于")}区间，取最近的界值 → {Num.Fixed(computed)}/{Num.Fixed(w)}";
        }

        return new IndicatorScore(row.Name, row.Level1, row.Level2, row.Line, RowKind.Qualitative, w, row.Score,
            computed, head + tail, achievement == Achievement.Achieved ? Attainment.Met : Attainment.Missed,
            low, high, included, inside);
    }
}

/// <summary>Units as printed in brackets: compared after removing spaces and full-width forms.</summary>
public static class Units
{
    public static string? Normalize(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit)) return null;
        var sb = new StringBuilder();
        foreach (var ch in unit)
        {
            if (char.IsWhiteSpace(ch) || ch is '(' or ')' or '（' or '）') continue;
            sb.Append(ch switch
            {
                '％' => '%',
                '／' => '/',
                >= 'Ａ' and <= 'ｚ' => (char)(ch - 'Ａ' + 'A'),
                _ => ch,
            });
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>True when both units read the same, or one is missing (a wrapped cell often loses it).</summary>
    public static bool Agree(string? a, string? b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        return x is null || y is null || x == y;
    }
}
