using System.Text;
using Jixiao.Core.Scoring;
using static Jixiao.Formats.Reports.TextTable;

namespace Jixiao.Formats.Reports;

/// <summary>A score sheet for people (an aligned table per form) and for programs (JSON).</summary>
public static class ScoreReport
{
    const int MaxNameWidth = 40;

    public static string RenderText(ScoreSheet sheet)
    {
        var sb = new StringBuilder();
        Line(sb, $"{sheet.ProjectName ?? "（未命名项目）"}　评分方案 {sheet.ProfileId}");
        Line(sb, $"预算执行率 {Rate(sheet.ExecutionRate)}（表上 {Rate(sheet.PrintedExecutionRate)}）　得分 {Num.Fixed(sheet.ExecutionScore)}/{Num.Fixed(sheet.ExecutionWeight)}（表上 {Num.Fixed(sheet.PrintedExecutionScore)}）");
        Line(sb, $"  {sheet.ExecutionExplanation}");
        Line(sb);

        var nameWidth = Math.Min(MaxNameWidth, Math.Max(Width("三级指标"), sheet.Indicators.Select(r => Width(r.Name)).DefaultIfEmpty(0).Max()));
        string Head(string name) => PadRight(name, nameWidth);
        Line(sb, $"  {Head("三级指标")}  {PadLeft("分值", 6)}  {PadLeft("表上得分", 8)}  {PadLeft("计算得分", 8)}  说明");
        foreach (var r in sheet.Indicators)
        {
            // A mark where the form and the rules disagree, so the eye finds those rows first.
            var differs = r.PrintedScore is not null && r.ComputedScore is not null && r.PrintedScore != r.ComputedScore;
            var figures = $"{PadLeft(Num.Fixed(r.Weight), 6)}  {PadLeft(Num.Fixed(r.PrintedScore), 8)}  {PadLeft(Num.Fixed(r.ComputedScore), 8)}{(differs ? " ≠ " : "   ")}{r.Explanation}";
            if (Width(r.Name) > nameWidth)
            {
                Line(sb, $"  {r.Name}");
                Line(sb, $"  {Head("")}  {figures}");
            }
            else
            {
                Line(sb, $"  {Head(r.Name)}  {figures}");
            }
        }
        Line(sb);
        Line(sb, $"  总分（表上得分重算）{PadLeft(Num.Fixed(sheet.TotalScore), 8)}  {sheet.Grade ?? "-"}");
        Line(sb, $"  总分（按规则计分）  {PadLeft(Num.Fixed(sheet.RuleBasedTotalScore), 8)}  {sheet.RuleBasedGrade ?? "-"}");
        Line(sb, $"  表上总分            {PadLeft(Num.Fixed(sheet.PrintedTotalScore), 8)}  {sheet.PrintedGrade ?? "-"}");
        if (sheet.TotalsNote is not null) Line(sb, $"  注：{sheet.TotalsNote}");
        return sb.ToString();
    }

    public static string RenderText(IEnumerable<ScoreSheet> sheets) => string.Join("\n", sheets.Select(RenderText));

    static string Rate(decimal? rate) => rate is null ? "-" : Num.Fixed(rate.Value) + "%";

    /// <summary>
    /// The sheet as a JSON-ready object: <c>{projectName, executionRate, executionScore, indicators[{name,
    /// printedScore, computedScore, explanation}], totalScore, printedTotalScore, ruleBasedTotalScore, grade,
    /// printedGrade}</c>, plus a few fields readers may ignore. Names are camelCase whatever the serialiser's policy.
    /// </summary>
    public static object ToJson(ScoreSheet sheet) => new
    {
        projectName = sheet.ProjectName,
        profileId = sheet.ProfileId,
        executionRate = sheet.ExecutionRate,
        printedExecutionRate = sheet.PrintedExecutionRate,
        executionWeight = sheet.ExecutionWeight,
        executionScore = sheet.ExecutionScore,
        printedExecutionScore = sheet.PrintedExecutionScore,
        executionExplanation = sheet.ExecutionExplanation,
        indicators = sheet.Indicators.Select(r => new
        {
            name = r.Name,
            line = r.Line,
            weight = r.Weight,
            printedScore = r.PrintedScore,
            computedScore = r.ComputedScore,
            explanation = r.Explanation,
        }).ToList(),
        totalScore = sheet.TotalScore,
        printedTotalScore = sheet.PrintedTotalScore,
        ruleBasedTotalScore = sheet.RuleBasedTotalScore,
        grade = sheet.Grade,
        printedGrade = sheet.PrintedGrade,
        ruleBasedGrade = sheet.RuleBasedGrade,
    };

    public static string RenderJson(IEnumerable<ScoreSheet> sheets) => ReportJson.Serialize(sheets.Select(ToJson).ToList());
}
