using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Core.Text;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Formats.Reports;

/// <summary>
/// The portfolio report as a workbook: the same figures as the HTML page (<see cref="PortfolioHtml"/>), one sheet per
/// section, as numbers a finance bureau can sort, filter and sum. Every sheet has its header row frozen, Chinese
/// headers, widths that fit the content, `0.00` for scores, rates and averages, `#,##0` for counts.
/// </summary>
public static class PortfolioXlsx
{
    /// <summary>The sheets, in order.</summary>
    public static readonly IReadOnlyList<string> SheetNames = ["概况", "等级分布", "执行率", "常见问题", "主管部门", "实施单位", "抽查顺序", "审核发现"];

        public static void Write(PortfolioReport r, string path) => File.WriteAllBytes(path, Render(r));

    public static byte[] Render(PortfolioReport r)
    {
        var book = new XlsxBook();

        var overview = new XlsxTable(book, "概况", "项目", "数值", "说明");
        overview.Row(T("绩效表"), C(r.Forms), T("张"));
        overview.Row(T("自评表"), C(r.SelfEvaluations), T("张"));
        overview.Row(T("申报表"), C(r.Declarations), T("张"));
        overview.Row(T("主管部门"), C(r.Departments.Count), T("个"));
        overview.Row(T("实施单位"), C(r.Units.Count), T("个"));
        overview.Row(T("错误"), C(r.Errors), T("条审核发现"));
        overview.Row(T("警告"), C(r.Warnings), T("条审核发现"));
        overview.Row(T("提示"), C(r.Infos), T("条审核发现"));
        overview.Row(T("有错误的表"), C(r.FormsWithErrors), T("张"));
        overview.Row(T("有错误的表占比（%）"), Share(r.FormsWithErrors, r.Forms), T("占全部绩效表"));
        overview.Row(T("无错误和警告的表"), C(r.FormsWithoutFindings), T("张"));
        overview.Row(T("无错误和警告的表占比（%）"), Share(r.FormsWithoutFindings, r.Forms), T("占全部绩效表"));
        overview.Row(T("预算执行率中位数（%）"), F(r.MedianExecutionRate), T("自评表"));
        overview.Row(T("执行率低于 90% 的自评表"), C(r.LowExecutionForms), T("张"));
        overview.Row(T("执行率低于 90% 的自评表占比（%）"), Share(r.LowExecutionForms, r.SelfEvaluations), T("占自评表"));
        overview.Row(T("有错误或警告的表"), C(r.FormsWithFindings), T("张"));
        overview.Row(T("“审核发现”表列出的表"), C(r.ListedForms.Count), T(r.ListedForms.Count < r.FormsWithFindings
            ? "只列出最需复核的表；全部审核意见请用 jixiao check --json 导出" : "有错误或警告的表全部列出"));
        overview.Finish();

        var grades = new XlsxTable(book, "等级分布", "等级", "表上等级", "按规则计分的等级");
        foreach (var g in r.Grades) grades.Row(T(g.Grade), C(g.Printed), C(g.RuleBased));
        grades.Finish();

        var rates = new XlsxTable(book, "执行率", "预算执行率区间", "自评表数");
        foreach (var t in r.ExecutionRates) rates.Row(T(t.Label), C(t.Count));
        rates.Finish();

        var findings = new XlsxTable(book, "常见问题", "审核规则", "级别", "说明", "次数", "涉及表数");
        foreach (var f in r.TopFindings) findings.Row(T(f.Code), T(f.Severity.ToChinese()), T(f.Title), C(f.Count), C(f.Forms));
        findings.Finish();

        Groups(book, "主管部门", r.Departments, withDepartment: false);
        Groups(book, "实施单位", r.Units, withDepartment: true);

        var spot = new XlsxTable(book, "抽查顺序", "序号", "项目名称", "实施单位", "表上总分", "按规则计分", "高出", "错误", "警告", "主要问题", "来源");
        int rank = 1;
        foreach (var e in r.SpotChecks)
            spot.Row(C(rank++), T(e.Form.ProjectName), T(e.Form.ImplementingUnit), F(e.Sheet?.PrintedTotalScore), F(e.Sheet?.RuleBasedTotalScore),
                F(e.UnsupportedPoints), C(e.Errors), C(e.Warnings), T(PortfolioHtml.MainCodes(e)), T(PortfolioHtml.Source(e.Form)));
        spot.Finish();

        var listed = new XlsxTable(book, "审核发现", "序号", "项目名称", "实施单位", "级别", "审核规则", "说明", "来源");
        int n = 1;
        foreach (var e in r.ListedForms)
        {
            foreach (var f in e.Findings.Where(f => f.Severity != Severity.Info))
                listed.Row(C(n), T(e.Form.ProjectName), T(e.Form.ImplementingUnit), T(f.Severity.ToChinese()), T(f.Code), T(f.Message), T(PortfolioHtml.Source(e.Form)));
            n++;
        }
        listed.Finish();

        if (r.Rounds.Count > 0) Rounds(book, r.Rounds);

        return book.Save();
    }

    /// <summary>运行监控 (with `check --db`): one line per round and 主管部门 or unit with its colours, then the red rows and what is overdue.</summary>
    private static void Rounds(XlsxBook book, IReadOnlyList<MonitoringRoundReport> rounds)
    {
        var t = new XlsxTable(book, "运行监控", "监控轮次", "范围", "名称", "张数", "红", "黄", "绿", "未填", "已报送", "逾期未报");
        foreach (var round in rounds)
            foreach (var (scope, tally) in new[] { ("合计", round.Total) }.Concat(round.ByDepartment.Select(d => ("主管部门", d))).Concat(round.ByUnit.Select(u => ("实施单位", u))))
                t.Row(T(round.Title), T(scope), T(tally.Name), C(tally.Forms), C(tally.Red), C(tally.Yellow), C(tally.Green), C(tally.Unjudged), C(tally.Submitted), C(tally.Overdue));
        t.Finish();
        var items = new XlsxTable(book, "监控红灯与逾期", "监控轮次", "类别", "项目名称", "主管部门", "实施单位", "内容", "期限");
        foreach (var round in rounds)
        {
            foreach (var p in round.Red)
                foreach (var reason in p.Reasons) items.Row(T(round.Title), T("红灯"), T(p.ProjectName), T(p.Department), T(p.Unit), T(reason), T(""));
            foreach (var o in round.OverdueForms) items.Row(T(round.Title), T("逾期未报"), T(o.ProjectName), T(o.Department), T(o.Unit), T(o.What), T(o.Deadline));
            foreach (var o in round.OverdueRectifications) items.Row(T(round.Title), T("整改逾期"), T(o.ProjectName), T(o.Department), T(o.Unit), T(o.What), T(o.Deadline));
        }
        items.Finish();
    }

    private static void Groups(XlsxBook book, string name, IReadOnlyList<GroupSummary> groups, bool withDepartment)
    {
        var t = withDepartment
            ? new XlsxTable(book, name, "实施单位", "主管部门", "表数", "自评表", "错误", "警告", "有错误的表", "平均总分", "平均执行率（%）")
            : new XlsxTable(book, name, "主管部门", "表数", "自评表", "错误", "警告", "有错误的表", "平均总分", "平均执行率（%）");
        foreach (var g in groups)
        {
            var head = withDepartment ? new[] { T(g.Name), T(g.Department) } : [T(g.Name)];
            t.Row([.. head, C(g.Forms), C(g.SelfEvaluations), C(g.Errors), C(g.Warnings), C(g.FormsWithErrors), F(g.AverageTotal), F(g.AverageExecutionRate)]);
        }
        t.Finish();
    }

    // ---- cells ---------------------------------------------------------------------------------------------------

    private static XlsxCell T(string? text) => XlsxCell.Text(text);

    private static XlsxCell C(int count) => XlsxCell.Count(count);

    /// <summary>A score, rate or average: two decimals shown, the exact value stored. Empty when there is none.</summary>
    private static XlsxCell F(decimal? value) => XlsxCell.Fixed2(value);

    private static XlsxCell Share(int part, int whole) => whole == 0 ? F(null) : F(Math.Round(100m * part / whole, 2));
}
