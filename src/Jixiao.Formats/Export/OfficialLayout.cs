using Jixiao.Core.Model;

namespace Jixiao.Formats.Export;

/// <summary>
/// Lays a form out as the official Shanghai tables print it (rules.md §2 申报表, §3 自评表): the same labels, the
/// same merged cells, the same order, so that a person recognises the form and the importer reads it back.
/// </summary>
public static partial class OfficialLayout
{
    public const string SummaryTitleSuffix = "项目绩效目标汇总表";

    public static FormGrid Build(PerformanceForm form) => form switch
    {
        SelfEvaluation s => SelfEvaluationGrid(s),
        TargetDeclaration d => DeclarationGrid(d),
        MonitoringForm m => MonitoringGrid(m, MonitoringLayoutText.National),
        DepartmentDeclaration dd => DepartmentDeclarationGrid(dd),
        DepartmentSelfEvaluation ds => DepartmentSelfEvaluationGrid(ds),
        _ => throw new ArgumentException("未知的表类型", nameof(form)),
    };

    /// <summary>The heading of a unit's 汇总表: `{单位}{年度}年度项目绩效目标汇总表`.</summary>
    public static string SummaryTitle(DeclarationSummary summary) =>
        $"{summary.UnitName}{(summary.Year is { } y ? y + "年度" : "")}{SummaryTitleSuffix}";

    public static string YearLine(int? year) => year is { } y ? $"（{y}年度）" : "（    年度）";

    // ------------------------------------------------------------ 自评表: 8 columns

    public static readonly double[] SelfEvaluationWidths = [8.5, 13, 18, 12, 12, 7.5, 7.5, 16];

    private static FormGrid SelfEvaluationGrid(SelfEvaluation f)
    {
        var g = new FormGrid { Title = FormKind.SelfEvaluation.ToChinese(), Subtitle = YearLine(f.Year), ColumnWidths = SelfEvaluationWidths };
        var h = g.Head;
        h.Add(new(0, 0, "项目名称", CellKind.Label, ColSpan: 2));
        h.Add(new(0, 2, f.ProjectName ?? "", CellKind.Text, ColSpan: 6));
        h.Add(new(1, 0, "主管部门", CellKind.Label, ColSpan: 2));
        h.Add(new(1, 2, f.Department ?? "", CellKind.Text, ColSpan: 2));
        h.Add(new(1, 4, "实施单位", CellKind.Label, ColSpan: 2));
        h.Add(new(1, 6, f.ImplementingUnit ?? "", CellKind.Text, ColSpan: 2));

        int goals = EvaluationFunds(h, 2, f.Funds, "项目资金", "分数");
        h.Add(new(goals, 0, "年度总体目标", CellKind.Label, RowSpan: 2));
        h.Add(new(goals, 1, "预期目标", CellKind.Label, ColSpan: 3));
        h.Add(new(goals, 4, "实际完成情况", CellKind.Label, ColSpan: 4));
        h.Add(new(goals + 1, 1, f.ExpectedGoal ?? "", CellKind.Text, ColSpan: 3));
        h.Add(new(goals + 1, 4, f.ActualOutcome ?? "", CellKind.Text, ColSpan: 4));
        g.HeadRows = goals + 2;
        EvaluationIndicators(g, f);
        return g;
    }

    /// <summary>
    /// A self-evaluation's fund block from head row <paramref name="at"/> over the 8 columns: its label spanning the
    /// rows, the column heads, then each fund row. Returns the row after it.
    /// </summary>
    private static int EvaluationFunds(List<GridCell> h, int at, SelfEvaluationFunds funds, string label, string weightHead)
    {
        var unit = funds.Unit;
        var rows = funds.Rows;
        h.Add(new(at, 0, $"{label}（{unit.ToChinese()}）", CellKind.Label, RowSpan: 1 + rows.Count));
        h.Add(new(at, 1, "", CellKind.Label));
        string[] heads = ["年初预算数", "全年预算数", "全年执行数", weightHead, "执行率(%)", "得分"];
        for (int c = 0; c < heads.Length; c++) h.Add(new(at, 2 + c, heads[c], CellKind.Label));
        var total = funds.Total;
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            int row = at + 1 + i;
            bool sub = !ReferenceEquals(r, total);
            h.Add(new(row, 1, r.Label, CellKind.Label));
            h.Add(Amount(row, 2, r.InitialBudget, unit));
            h.Add(Amount(row, 3, r.AdjustedBudget, unit));
            h.Add(Amount(row, 4, r.Executed, unit));
            // Sub-rows print "-" in 分数 and 得分: only the total is scored (rules.md §3).
            h.Add(sub && r.Weight is null ? new(row, 5, "-", CellKind.Value) : Num(row, 5, r.Weight));
            h.Add(Num(row, 6, r.ExecutionRate));
            h.Add(sub && r.Score is null ? new(row, 7, "-", CellKind.Value) : Num(row, 7, r.Score));
        }
        return at + 1 + rows.Count;
    }

    /// <summary>A self-evaluation's indicator table over 8 columns, then 总分 and 评分等级.</summary>
    private static void EvaluationIndicators(FormGrid g, EvaluationForm f)
    {
        string[] th = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
        for (int c = 0; c < th.Length; c++) g.TableHeader.Add(new(0, c, th[c], CellKind.Label));

        int n = Groups(f.Indicators, g.Body);
        for (int i = 0; i < f.Indicators.Count; i++)
        {
            var x = f.Indicators[i];
            g.Body.Add(new(i, 2, x.Name, CellKind.Text));
            g.Body.Add(new(i, 3, x.Target?.Text ?? "", CellKind.Value));
            g.Body.Add(new(i, 4, x.Actual?.Text ?? "", CellKind.Value));
            g.Body.Add(Num(i, 5, x.Weight));
            g.Body.Add(Num(i, 6, x.Score));
            g.Body.Add(new(i, 7, x.DeviationReason ?? "", CellKind.Text));
        }
        g.Body.Add(new(n, 0, "总分", CellKind.Label, ColSpan: 5));
        g.Body.Add(Num(n, 5, f.TotalWeight));
        g.Body.Add(Num(n, 6, f.TotalScore));
        g.Body.Add(new(n, 7, "", CellKind.Text));
        g.Body.Add(new(n + 1, 0, "评分等级", CellKind.Label, ColSpan: 2));
        g.Body.Add(new(n + 1, 2, f.Grade ?? "", CellKind.Value, ColSpan: 6));
        g.BodyRows = n + 2;
    }

    // ------------------------------------------------------------ 申报表: 6 columns

    public static readonly double[] DeclarationWidths = [12, 14, 17, 17, 12, 20];

    private static FormGrid DeclarationGrid(TargetDeclaration f)
    {
        var g = new FormGrid { Title = FormKind.TargetDeclaration.ToChinese(), Subtitle = YearLine(f.Year), ColumnWidths = DeclarationWidths };
        var h = g.Head;
        h.Add(new(0, 0, "项目名称", CellKind.Label));
        h.Add(new(0, 1, f.ProjectName ?? "", CellKind.Text));
        h.Add(new(0, 2, "项目性质", CellKind.Label));
        h.Add(new(0, 3, f.ProjectNature ?? "", CellKind.Value));
        h.Add(new(0, 4, "项目类别", CellKind.Label));
        h.Add(new(0, 5, f.ProjectCategory ?? "", CellKind.Value));
        h.Add(new(1, 0, "主管部门", CellKind.Label));
        h.Add(new(1, 1, f.Department ?? "", CellKind.Text, ColSpan: 2));
        h.Add(new(1, 3, "实施单位", CellKind.Label));
        h.Add(new(1, 4, f.ImplementingUnit ?? "", CellKind.Text, ColSpan: 2));
        h.Add(new(2, 0, "计划开始日期", CellKind.Label));
        h.Add(new(2, 1, f.StartDate?.ToString("yyyy-MM-dd") ?? "", CellKind.Value, ColSpan: 2));
        h.Add(new(2, 3, "计划完成日期", CellKind.Label));
        h.Add(new(2, 4, f.EndDate?.ToString("yyyy-MM-dd") ?? "", CellKind.Value, ColSpan: 2));

        var m = f.Funds;
        h.Add(new(3, 0, $"项目资金（{m.Unit.ToChinese()}）", CellKind.Label, RowSpan: 4));
        (string Label, decimal? Project, string Label2, decimal? Annual)[] lines =
        [
            ("项目资金总额", m.ProjectTotal, "年度资金申请总额", m.AnnualTotal),
            ("其中：财政资金", m.ProjectFiscal, "其中：当年财政拨款", m.CurrentYearAppropriation),
            ("", null, "上年结转资金", m.CarryOver),
            ("其他资金", m.ProjectOther, "其他资金", m.Other),
        ];
        for (int i = 0; i < lines.Length; i++)
        {
            int row = 3 + i;
            h.Add(new(row, 1, lines[i].Label, CellKind.Label));
            h.Add(Amount(row, 2, lines[i].Project, m.Unit));
            h.Add(new(row, 3, lines[i].Label2, CellKind.Label, ColSpan: 2));
            h.Add(Amount(row, 5, lines[i].Annual, m.Unit));
        }
        h.Add(new(7, 0, "项目绩效目标", CellKind.Label, RowSpan: 2));
        h.Add(new(7, 1, "项目总目标", CellKind.Label, ColSpan: 2));
        h.Add(new(7, 3, "年度总体目标", CellKind.Label, ColSpan: 3));
        h.Add(new(8, 1, f.OverallGoal ?? "", CellKind.Text, ColSpan: 2));
        h.Add(new(8, 3, f.AnnualGoal ?? "", CellKind.Text, ColSpan: 3));
        g.HeadRows = 9;

        g.TableHeader.Add(new(0, 0, "一级指标", CellKind.Label));
        g.TableHeader.Add(new(0, 1, "二级指标", CellKind.Label));
        g.TableHeader.Add(new(0, 2, "三级指标", CellKind.Label, ColSpan: 2));
        g.TableHeader.Add(new(0, 4, "年度(/项目)指标值", CellKind.Label, ColSpan: 2));
        int n = Groups(f.Indicators, g.Body);
        for (int i = 0; i < f.Indicators.Count; i++)
        {
            var x = f.Indicators[i];
            g.Body.Add(new(i, 2, x.Name, CellKind.Text, ColSpan: 2));
            g.Body.Add(new(i, 4, x.Target?.Text ?? "", CellKind.Value, ColSpan: 2));
        }
        g.BodyRows = n;
        return g;
    }

    // ------------------------------------------------------------ shared

    /// <summary>一级 and 二级 cells merged over runs of equal labels, as the forms print them. Returns the row count.</summary>
    private static int Groups(List<Indicator> xs, List<GridCell> body)
    {
        for (int i = 0; i < xs.Count;)
        {
            int j = i;
            while (j < xs.Count && xs[j].Level1 == xs[i].Level1 && xs[i].Level1 is not null) j++;
            if (j == i) j = i + 1;
            body.Add(new(i, 0, xs[i].Level1 ?? "", CellKind.Value, RowSpan: j - i));
            for (int k = i; k < j;)
            {
                int l = k;
                while (l < j && xs[l].Level2 == xs[k].Level2 && xs[k].Level2 is not null) l++;
                if (l == k) l = k + 1;
                body.Add(new(k, 1, xs[k].Level2 ?? "", CellKind.Value, RowSpan: l - k));
                k = l;
            }
            i = j;
        }
        return xs.Count;
    }

    private static GridCell Num(int row, int col, decimal? v) =>
        v is { } d ? new(row, col, FormGrid.Format(d, false), CellKind.Number, Number: d) : new(row, col, "", CellKind.Number);

    private static GridCell Amount(int row, int col, decimal? v, MoneyUnit unit)
    {
        if (v is not { } d) return new(row, col, "", unit == MoneyUnit.Yuan ? CellKind.Money : CellKind.Number);
        bool yuan = unit == MoneyUnit.Yuan;
        return new(row, col, FormGrid.Format(d, yuan), yuan ? CellKind.Money : CellKind.Number, Number: d);
    }
}
