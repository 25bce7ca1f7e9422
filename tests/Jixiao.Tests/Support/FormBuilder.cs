using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;

namespace Jixiao.Tests.Support;

/// <summary>
/// Builds forms by hand, the way the importer will deliver them (json-format.md), so that scoring and review can
/// be tested before the importer exists. Values are read with a deliberately small parser: only what the seed
/// rows print.
/// </summary>
public static class FormBuilder
{
    static readonly Regex Quantity = new(@"^(?<c>≥|>=|≧|>|=|＝|═|≤|<=|≦|<)?\s*(?<n>-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:[(（]\s*(?<u>[^)）]*?)\s*[)）]?)?$");

    static decimal Dec(string s) => decimal.Parse(s.Replace(",", ""), CultureInfo.InvariantCulture);

    public static TargetValue? T(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = Quantity.Match(text.Trim());
        if (!m.Success) return new TargetValue(text.Trim(), null, null, null);
        var c = m.Groups["c"].Value switch
        {
            "" => (Comparator?)null,
            ">=" or "≧" => Comparator.GreaterOrEqual,
            "<=" or "≦" => Comparator.LessOrEqual,
            "＝" or "═" => Comparator.Equal,
            var s => Comparators.FromSymbol(s),
        };
        var unit = m.Groups["u"].Success && m.Groups["u"].Value.Length > 0 ? m.Groups["u"].Value : null;
        return new TargetValue(text.Trim(), c, Dec(m.Groups["n"].Value), unit);
    }

    public static ActualValue? A(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Contains("部分达成")) return new ActualValue(text, null, null, Achievement.PartiallyAchieved);
        if (text.Contains("未达成")) return new ActualValue(text, null, null, Achievement.NotAchieved);
        if (text.Contains("达成")) return new ActualValue(text, null, null, Achievement.Achieved);
        var m = Quantity.Match(text);
        if (!m.Success || m.Groups["c"].Value.Length > 0) return new ActualValue(text, null, null, null);
        var unit = m.Groups["u"].Success && m.Groups["u"].Value.Length > 0 ? m.Groups["u"].Value : null;
        return new ActualValue(text, Dec(m.Groups["n"].Value), unit, null);
    }

    public static Indicator Row(string name, string? target, string? actual = null, decimal? weight = null,
        decimal? score = null, string? reason = null, string? level1 = "产出指标", string? level2 = "数量指标", int? line = null) =>
        new()
        {
            Level1 = level1, Level2 = level2, Name = name, Target = T(target), Actual = A(actual),
            Weight = weight, Score = score, DeviationReason = reason, Line = line,
        };

    /// <summary>
    /// Rows from a table, one per line: <c>line|一级|二级|三级|指标值|实际完成值|分值|得分|偏差原因</c> (declarations stop
    /// after 指标值). An empty 一级 or 二级 repeats the one above, as the printed tables merge those cells.
    /// </summary>
    public static List<Indicator> Rows(string table)
    {
        var rows = new List<Indicator>();
        string? l1 = null, l2 = null;
        foreach (var raw in table.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var c = line.Split('|');
            string? Cell(int i) => i < c.Length && c[i].Trim().Length > 0 ? c[i].Trim() : null;
            if (Cell(1) is { } newL1) l1 = newL1;
            if (Cell(2) is { } newL2) l2 = newL2;
            rows.Add(new Indicator
            {
                Line = int.Parse(c[0]),
                Level1 = l1,
                Level2 = l2,
                Name = Cell(3) ?? "",
                Target = T(Cell(4)),
                Actual = A(Cell(5)),
                Weight = Cell(6) is { } w ? Dec(w) : null,
                Score = Cell(7) is { } s ? Dec(s) : null,
                DeviationReason = Cell(8),
            });
        }
        return rows;
    }

    public static FundRow Fund(string label, decimal? initial, decimal? adjusted, decimal? executed, decimal? weight,
        decimal? rate, decimal? score, int? line = null) =>
        new()
        {
            Label = label, InitialBudget = initial, AdjustedBudget = adjusted, Executed = executed,
            Weight = weight, ExecutionRate = rate, Score = score, Line = line,
        };

    /// <summary>The four fund rows of a Shanghai 自评表 where all money is 当年财政拨款 (every seed).</summary>
    public static void StandardFunds(SelfEvaluation form, decimal initial, decimal adjusted, decimal executed,
        decimal rate, decimal score, int line)
    {
        form.Funds.Unit = MoneyUnit.WanYuan;
        form.Funds.Rows.Add(Fund("年度资金总额", initial, adjusted, executed, 10.00m, rate, score, line));
        form.Funds.Rows.Add(Fund("其中：当年财政拨款", initial, adjusted, executed, null, rate, null, line + 1));
        form.Funds.Rows.Add(Fund("上年结转资金", 0.00m, 0.00m, 0.00m, null, 0.00m, null, line + 2));
        form.Funds.Rows.Add(Fund("其他资金", 0.00m, 0.00m, 0.00m, null, 0.00m, null, line + 3));
    }

    public static SelfEvaluation SelfEvaluation(string projectName, string rows, decimal? totalScore = 100m,
        string? grade = "优", string? expected = null, string? actual = null) =>
        SelfEvaluation(projectName, Rows(rows), totalScore, grade, expected, actual);

    public static SelfEvaluation SelfEvaluation(string projectName, IEnumerable<Indicator> rows, decimal? totalScore = 100m,
        string? grade = "优", string? expected = null, string? actual = null)
    {
        var form = new SelfEvaluation
        {
            Year = 2024, ProjectName = projectName, TotalWeight = 100.00m, TotalScore = totalScore, Grade = grade,
            ExpectedGoal = expected, ActualOutcome = actual, Source = new SourceRef("hand-built", 1),
        };
        form.Indicators.AddRange(rows);
        return form;
    }

    public static TargetDeclaration Declaration(string projectName, string rows, string? annualGoal,
        decimal? annual, decimal? appropriation, decimal? carryOver, decimal? other)
    {
        var form = new TargetDeclaration
        {
            Year = 2024, ProjectName = projectName, ProjectNature = "其他经常性项目", ProjectCategory = "特定目标类",
            StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2024, 12, 31), AnnualGoal = annualGoal,
            Source = new SourceRef("hand-built", 1),
        };
        form.Funds.Unit = MoneyUnit.Yuan;
        form.Funds.AnnualTotal = annual;
        form.Funds.CurrentYearAppropriation = appropriation;
        form.Funds.CarryOver = carryOver;
        form.Funds.Other = other;
        form.Indicators.AddRange(Rows(rows));
        return form;
    }
}
