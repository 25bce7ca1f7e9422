using System.Globalization;
using Jixiao.Core.Model;

namespace Jixiao.Formats.Export;

/// <summary>
/// The printed words of a 监控表 layout (docs/monitoring-form.md §1.2). The national set is reconstructed, not seen
/// in the annex itself, so every label is data here and not a literal in the code that lays the form out or reads it
/// back. `{0}` in a label is the period (1-7月).
/// </summary>
public sealed record MonitoringLayoutText
{
    public string Title { get; init; } = FormKind.Monitoring.ToChinese();
    public string UnitLine { get; init; } = "单位：万元";
    public string ProjectName { get; init; } = "项目名称";
    public string Department { get; init; } = "主管部门及代码";
    public string ImplementingUnit { get; init; } = "实施单位";
    public string Funds { get; init; } = "项目资金（万元）";
    public string InitialBudget { get; init; } = "年初预算数";
    public string ExecutedToDate { get; init; } = "{0}执行数";
    public string ExecutionRate { get; init; } = "{0}执行率";
    public string ForecastExecuted { get; init; } = "全年预计执行数";
    public string AnnualGoal { get; init; } = "年度总体目标";
    public string GoalProgress { get; init; } = "{0}执行情况";
    public string Level1 { get; init; } = "一级指标";
    public string Level2 { get; init; } = "二级指标";
    public string Level3 { get; init; } = "三级指标";
    public string Target { get; init; } = "年度指标值";
    public string Progress { get; init; } = "{0}执行情况";
    public string Forecast { get; init; } = "全年预计完成情况";
    public string Deviation { get; init; } = "偏差原因分析";
    public string Likelihood { get; init; } = "完成目标可能性";
    public string Remark { get; init; } = "备注";
    public string Tick { get; init; } = "√";

    /// <summary>The national column set (财预〔2019〕136号 附件 as reconstructed in docs/monitoring-form.md).</summary>
    public static readonly MonitoringLayoutText National = new();

    public static string ForPeriod(string label, MonitoringPeriod period) =>
        string.Format(CultureInfo.InvariantCulture, label, period.Label);
}

/// <summary>
/// The 备注 cell of a 监控表 row. The national form has no column for the text of a deviation or for the 纠偏措施
/// (docs/monitoring-form.md §1.2), so the layout writes them into 备注 after the unit's own remark, each behind its
/// mark: `原因：…` and `措施：…`; a fund line, which has no tick columns, also names its causes (`偏差原因分析：其他`).
/// The parts stand on lines of their own; a reader finds them by their marks, whatever became of the line breaks.
/// </summary>
public static class MonitoringRemark
{
    public const string CausesMark = "偏差原因分析：", ReasonMark = "原因：", ActionMark = "措施：";

    public static string Compose(string? remark, Deviation? deviation, bool withCauses)
    {
        var parts = new List<string>(4);
        if (!string.IsNullOrWhiteSpace(remark)) parts.Add(remark);
        if (deviation is not null)
        {
            if (withCauses && deviation.Causes.Count > 0) parts.Add(CausesMark + string.Join("、", deviation.Causes.Select(c => c.ToChinese())));
            if (!string.IsNullOrWhiteSpace(deviation.Reason)) parts.Add(ReasonMark + deviation.Reason);
            if (!string.IsNullOrWhiteSpace(deviation.CorrectiveAction)) parts.Add(ActionMark + deviation.CorrectiveAction);
        }
        return string.Join("\n", parts);
    }

    /// <summary>
    /// The remark and the deviation back from a 备注 cell; <paramref name="ticked"/> are the causes ticked in the
    /// row's own columns (a fund line names them in the cell). Unknown cause names are returned for a message.
    /// </summary>
    public static (string? Remark, Deviation? Deviation, List<string> UnknownCauses) Parse(string? text, IReadOnlyList<DeviationCause> ticked)
    {
        var unknown = new List<string>();
        var t = (text ?? "").Trim();
        int causesAt = t.IndexOf(CausesMark, StringComparison.Ordinal);
        int reasonAt = t.IndexOf(ReasonMark, StringComparison.Ordinal);
        int actionAt = reasonAt >= 0 ? t.IndexOf(ActionMark, reasonAt, StringComparison.Ordinal) : t.IndexOf(ActionMark, StringComparison.Ordinal);
        int[] marks = [causesAt, reasonAt, actionAt];
        int first = marks.Where(m => m >= 0).DefaultIfEmpty(t.Length).Min();
        string? Part(int at, string mark)
        {
            if (at < 0) return null;
            int from = at + mark.Length;
            int to = marks.Where(m => m > at).DefaultIfEmpty(t.Length).Min();
            var s = t[from..to].Trim().TrimEnd('；', ';').Trim();
            return s.Length == 0 ? null : s;
        }
        var causes = new List<DeviationCause>(ticked);
        if (Part(causesAt, CausesMark) is { } names)
            foreach (var name in names.Split(['、', '，', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (MonitoringChoices.CauseFromChinese(name) is { } c) { if (!causes.Contains(c)) causes.Add(c); }
                else unknown.Add(name);
            }
        var remark = t[..first].Trim();
        var deviation = new Deviation(causes, Part(reasonAt, ReasonMark), Part(actionAt, ActionMark));
        return (remark.Length == 0 ? null : remark, deviation.IsEmpty ? null : deviation, unknown);
    }
}

public static partial class OfficialLayout
{
    // ------------------------------------------------------------ 监控表: 15 columns

    /// <summary>一级, 二级, 三级, 年度指标值, 执行情况, 全年预计, five causes, three likelihoods, 备注.</summary>
    public static readonly double[] MonitoringWidths = [7.5, 10, 16, 10, 10, 10, 4.6, 4.6, 4.6, 5.6, 4.6, 4.6, 4.6, 5.6, 20];

    /// <summary>The first of the five 偏差原因分析 columns, the first of the three 完成目标可能性 columns, and 备注.</summary>
    public const int MonitoringCauseColumn = 6, MonitoringLikelihoodColumn = 11, MonitoringRemarkColumn = 14;

    /// <summary>The fund block's columns: line label (spans 1–2), 年初预算数, 执行数, 执行率, 全年预计执行数, 备注.</summary>
    public static readonly (int Column, int Span)[] MonitoringFundColumns = [(1, 2), (3, 1), (4, 1), (5, 1), (6, 3), (9, 6)];

    public static string MonitoringSubtitle(MonitoringForm f) =>
        $"（{(f.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "    ")}年度 {(f.Period.Name is { Length: > 0 } n ? n + " " : "")}{f.Period.Label}）";

    public static FormGrid MonitoringGrid(MonitoringForm f, MonitoringLayoutText t)
    {
        var g = new FormGrid
        {
            Title = t.Title, Subtitle = MonitoringSubtitle(f), UnitLine = t.UnitLine, Landscape = true, ColumnWidths = MonitoringWidths,
            TableHeaderRows = 2,
        };
        string P(string label) => MonitoringLayoutText.ForPeriod(label, f.Period);
        var h = g.Head;
        h.Add(new(0, 0, t.ProjectName, CellKind.Label, ColSpan: 2));
        h.Add(new(0, 2, f.ProjectName ?? "", CellKind.Text, ColSpan: 13));
        h.Add(new(1, 0, t.Department, CellKind.Label, ColSpan: 2));
        h.Add(new(1, 2, f.Department ?? "", CellKind.Text, ColSpan: 5));
        h.Add(new(1, 7, t.ImplementingUnit, CellKind.Label, ColSpan: 4));
        h.Add(new(1, 11, f.ImplementingUnit ?? "", CellKind.Text, ColSpan: 4));

        var rows = f.Funds.Rows;
        var fc = MonitoringFundColumns;
        h.Add(new(2, 0, t.Funds, CellKind.Label, RowSpan: 1 + rows.Count));
        string[] heads = ["", t.InitialBudget, P(t.ExecutedToDate), P(t.ExecutionRate), t.ForecastExecuted, t.Remark];
        for (int c = 0; c < heads.Length; c++) h.Add(new(2, fc[c].Column, heads[c], CellKind.Label, ColSpan: fc[c].Span));
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            int row = 3 + i;
            h.Add(new(row, fc[0].Column, r.Label, CellKind.Label, ColSpan: fc[0].Span));
            h.Add(Amount(row, fc[1].Column, r.InitialBudget, f.Funds.Unit) with { ColSpan = fc[1].Span });
            h.Add(Amount(row, fc[2].Column, r.ExecutedToDate, f.Funds.Unit) with { ColSpan = fc[2].Span });
            h.Add(new(row, fc[3].Column, r.ExecutionRate is { } rate ? FormGrid.Format(rate, false) + "%" : "", CellKind.Value, ColSpan: fc[3].Span));
            h.Add(Amount(row, fc[4].Column, r.ForecastExecuted, f.Funds.Unit) with { ColSpan = fc[4].Span });
            h.Add(new(row, fc[5].Column, MonitoringRemark.Compose(null, r.Deviation, withCauses: true), CellKind.Text, ColSpan: fc[5].Span));
        }
        // The caption over the year's target is not verified (docs/monitoring-form.md §1.2 row 7), so the target stands
        // beside its row label and its execution to date in a row of its own.
        int goals = 3 + rows.Count;
        h.Add(new(goals, 0, t.AnnualGoal, CellKind.Label, ColSpan: 2));
        h.Add(new(goals, 2, f.AnnualGoal ?? "", CellKind.Text, ColSpan: 13));
        h.Add(new(goals + 1, 0, P(t.GoalProgress), CellKind.Label, ColSpan: 2));
        h.Add(new(goals + 1, 2, f.GoalProgress ?? "", CellKind.Text, ColSpan: 13));
        g.HeadRows = goals + 2;

        var th = g.TableHeader;
        string[] spanning = [t.Level1, t.Level2, t.Level3, t.Target, P(t.Progress), t.Forecast];
        for (int c = 0; c < spanning.Length; c++) th.Add(new(0, c, spanning[c], CellKind.Label, RowSpan: 2));
        th.Add(new(0, MonitoringCauseColumn, t.Deviation, CellKind.Label, ColSpan: MonitoringChoices.AllCauses.Count));
        th.Add(new(0, MonitoringLikelihoodColumn, t.Likelihood, CellKind.Label, ColSpan: MonitoringChoices.AllLikelihoods.Count));
        th.Add(new(0, MonitoringRemarkColumn, t.Remark, CellKind.Label, RowSpan: 2));
        for (int k = 0; k < MonitoringChoices.AllCauses.Count; k++)
            th.Add(new(1, MonitoringCauseColumn + k, MonitoringChoices.AllCauses[k].ToChinese(), CellKind.Label));
        for (int k = 0; k < MonitoringChoices.AllLikelihoods.Count; k++)
            th.Add(new(1, MonitoringLikelihoodColumn + k, MonitoringChoices.AllLikelihoods[k].ToChinese(), CellKind.Label));

        int n = Groups(f.Indicators, g.Body);
        for (int i = 0; i < f.Indicators.Count; i++)
        {
            var x = f.Indicators[i];
            g.Body.Add(new(i, 2, x.Name, CellKind.Text));
            g.Body.Add(new(i, 3, x.Target?.Text ?? "", CellKind.Value));
            g.Body.Add(new(i, 4, x.Progress?.Text ?? "", CellKind.Value));
            g.Body.Add(new(i, 5, x.Forecast?.Text ?? "", CellKind.Value));
            for (int k = 0; k < MonitoringChoices.AllCauses.Count; k++)
                g.Body.Add(new(i, MonitoringCauseColumn + k, x.Deviation?.Causes.Contains(MonitoringChoices.AllCauses[k]) == true ? t.Tick : "", CellKind.Value));
            for (int k = 0; k < MonitoringChoices.AllLikelihoods.Count; k++)
                g.Body.Add(new(i, MonitoringLikelihoodColumn + k, x.Likelihood == MonitoringChoices.AllLikelihoods[k] ? t.Tick : "", CellKind.Value));
            g.Body.Add(new(i, MonitoringRemarkColumn, MonitoringRemark.Compose(x.Remark, x.Deviation, withCauses: false), CellKind.Text));
        }
        g.BodyRows = n;
        return g;
    }
}
