using System.Text;
using Jixiao.Core.Monitoring;
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
        if (sheet.ProfileReason is not null) Line(sb, $"  {sheet.ProfileReason}");
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

    /// <summary>A monitoring form's lights for people: each row's colour and its working.</summary>
    public static string RenderText(MonitoringSheet sheet)
    {
        var sb = new StringBuilder();
        Line(sb, $"{sheet.ProjectName ?? "（未命名项目）"}　监控表 {sheet.Period.Label}　时间进度 {Num.Fixed(sheet.TimeProgress)}%　评分方案 {sheet.ProfileId}");
        Line(sb, $"  预算执行预警 {LightName(sheet.FundsLight)}　目标完成预警 {LightName(sheet.TargetsLight)}");
        foreach (var f in sheet.Funds) Line(sb, $"  [{LightName(f.Light.Light)}] {f.Label}：{f.Light.Working}");
        foreach (var i in sheet.Indicators) Line(sb, $"  [{LightName(i.Light.Light)}] {i.Row}. {i.Name}：{i.Light.Working}");
        return sb.ToString();
    }

    static string LightName(Light? l) => l?.ToChinese() ?? "-";

    /// <summary>Score sheets and monitoring sheets in the order of their forms.</summary>
    public static string RenderText(IEnumerable<object> sheets) =>
        string.Join("\n", sheets.Select(s => s is MonitoringSheet m ? RenderText(m) : RenderText((ScoreSheet)s)));

    public static string RenderJson(IEnumerable<object> sheets) =>
        ReportJson.Serialize(sheets.Select(s => s is MonitoringSheet m ? (object)MonitoringSheetDocument.Of(m) : ScoreSheetDocument.Of((ScoreSheet)s)).ToList());

    /// <summary>The sheets as JSON: <see cref="ScoreSheetDocument"/>, the shape the API answers too.</summary>
    public static string RenderJson(IEnumerable<ScoreSheet> sheets) => ReportJson.Serialize(sheets.Select(ScoreSheetDocument.Of).ToList());
}
