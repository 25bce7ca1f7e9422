using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Jixiao.Core.Model;
using Jixiao.Formats.Import;

namespace Jixiao.Formats.Rendering;

/// <summary>
/// Small printing variations seen across the seeds, so that generated files are not all one shape: markdown
/// headings before titles (seeds 003, 004) or none (001), goal cells wrapped in <c>&lt;p&gt;</c> (001, 004), and
/// the year printed <c>(2024 年度)</c> with a space (001).
/// </summary>
public sealed record RenderStyle(bool MarkdownHeadings = true, bool ParagraphTags = false, bool SpacedYear = false)
{
    public static readonly RenderStyle Default = new();
}

/// <summary>
/// Writes forms as the text layouts the importer reads (docs/decisions/0001): tab rows as PDF table extractors give
/// them (seeds 001, 003, 004), PDF text with cells wrapped over lines (seed 000 for 自评表, corpus 012 for 申报表), and
/// JSON table rows (corpus 014). The model's texts must already be normalised (docs/json-format.md), because the
/// importer normalises what it reads and a round trip must give the same model back.
/// </summary>
public static class FormRenderer
{
    public static readonly IReadOnlyList<LayoutKind> Supported = [LayoutKind.TabRows, LayoutKind.Text, LayoutKind.JsonRows];

    public static string Render(IReadOnlyList<PerformanceForm> forms, LayoutKind layout, RenderStyle? style = null)
    {
        style ??= RenderStyle.Default;
        return layout switch
        {
            LayoutKind.TabRows => string.Join("\n", Grid(forms, style).Select(RowText)) + "\n",
            LayoutKind.JsonRows => JsonRows(forms, style),
            LayoutKind.Text => PdfText(forms),
            _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "只能写出制表符行、PDF 文本和 JSON 表格行"),
        };
    }

    // ---- the grid shared by tab rows and JSON rows -----------------------------------------------------------

    /// <summary>A printed row: cells left to right; a heading line (markdown or not) is a one-cell row.</summary>
    sealed record GridRow(string[] Cells, bool Heading = false);

    static string RowText(GridRow r) => r.Heading ? r.Cells[0] : string.Join("\t", r.Cells);

    static List<GridRow> Grid(IReadOnlyList<PerformanceForm> forms, RenderStyle style)
    {
        var rows = new List<GridRow>();
        string H(int level, string text) => style.MarkdownHeadings ? new string('#', level) + " " + text : text;
        void Blank() => rows.Add(new GridRow([""], true));

        var declarations = forms.OfType<TargetDeclaration>().ToList();
        if (declarations.Count > 0 && declarations[0].ImplementingUnit is { } unitName)
        {
            // A unit's declarations are published together under one 汇总表 heading (seed 003).
            Blank(); Blank();
            rows.Add(new GridRow([H(1, $"{unitName}{declarations[0].Year}年度项目绩效目标汇总表")], true));
        }
        foreach (var form in forms)
        {
            if (form is MonitoringForm or DepartmentDeclaration or DepartmentSelfEvaluation)
            {
                OfficialGrid(form, rows, H);
                continue;
            }
            Blank();
            rows.Add(new GridRow([H(form is TargetDeclaration ? 2 : 1, form.Kind.ToChinese())], true));
            Blank();
            rows.Add(new GridRow([YearLine(form.Year, style)], true));
            Blank();
            if (form is SelfEvaluation se) SelfEvaluationGrid(se, rows, style);
            else if (form is TargetDeclaration td) DeclarationGrid(td, rows, style);
        }
        return rows;
    }

    /// <summary>
    /// A 监控表 or a 部门整体 form as a table extractor gives the official layout: title, period and unit lines, then
    /// every row of the grid at its full width, a merged cell's text in its first cell; the parts of a 备注 cell joined
    /// by a space.
    /// </summary>
    static void OfficialGrid(PerformanceForm f, List<GridRow> rows, Func<int, string, string> heading)
    {
        var g = Export.OfficialLayout.Build(f);
        rows.Add(new GridRow([""], true));
        rows.Add(new GridRow([heading(1, g.Title)], true));
        rows.Add(new GridRow([g.Subtitle], true));
        if (g.UnitLine is { } unit) rows.Add(new GridRow([unit], true));
        void Block(List<Export.GridCell> cells, int count)
        {
            for (int r = 0; r < count; r++)
            {
                var line = Enumerable.Repeat("", g.Columns).ToArray();
                foreach (var c in cells.Where(c => c.Row == r)) line[c.Column] = c.Text.Replace('\n', ' ');
                rows.Add(new GridRow(line));
            }
        }
        Block(g.Head, g.HeadRows);
        Block(g.TableHeader, g.TableHeaderRows);
        Block(g.Body, g.BodyRows);
    }

    static string YearLine(int? year, RenderStyle style) => style.SpacedYear ? $"({year} 年度)" : $"({year}年度)";

    static string Goal(string? text, RenderStyle style) =>
        string.IsNullOrEmpty(text) ? "" : style.ParagraphTags ? $"<p>{text}</p>" : text;

    static void SelfEvaluationGrid(SelfEvaluation f, List<GridRow> rows, RenderStyle style)
    {
        rows.Add(new GridRow(["项目名称", "", f.ProjectName ?? "", "", "", "", "", ""]));
        rows.Add(new GridRow(["主管部门", "", f.Department ?? "", "", "实施单位", "", f.ImplementingUnit ?? "", ""]));
        rows.Add(new GridRow([$"项目资金 ({f.Funds.Unit.ToChinese()})", "", "年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)", "得分"]));
        foreach (var r in f.Funds.Rows)
            rows.Add(new GridRow(["", r.Label, Money(r.InitialBudget), Money(r.AdjustedBudget), Money(r.Executed), Dash(r.Weight), Dash(r.ExecutionRate), Dash(r.Score)]));
        rows.Add(new GridRow(["年度 总体 目标", "预期目标", "", "", "实际完成情况", "", "", ""]));
        rows.Add(new GridRow(["", Goal(f.ExpectedGoal, style), "", "", Goal(f.ActualOutcome, style), "", "", ""]));
        rows.Add(new GridRow(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]));
        string? l1 = null, l2 = null;
        foreach (var i in f.Indicators)
        {
            // Merged 一级/二级 cells print once, on their group's first row; the rows below leave them empty.
            var newL1 = i.Level1 != l1;
            var newL2 = newL1 || i.Level2 != l2;
            rows.Add(new GridRow([newL1 ? i.Level1 ?? "" : "", newL2 ? i.Level2 ?? "" : "", i.Name, i.Target?.Text ?? "",
                i.Actual?.Text ?? "", Dash(i.Weight), Dash(i.Score), i.DeviationReason ?? ""]));
            l1 = i.Level1;
            l2 = i.Level2;
        }
        rows.Add(new GridRow(["总分", "", "", "", "", Dash(f.TotalWeight), Dash(f.TotalScore), ""]));
        rows.Add(new GridRow(["评分等级", "", f.Grade ?? "", "", "", "", "", ""]));
    }

    static void DeclarationGrid(TargetDeclaration d, List<GridRow> rows, RenderStyle style)
    {
        var m = d.Funds;
        rows.Add(new GridRow(["项目名称", d.ProjectName ?? "", "项目性质", d.ProjectNature ?? "", "项目类别", d.ProjectCategory ?? ""]));
        rows.Add(new GridRow(["主管部门", d.Department ?? "", "实施单位", d.ImplementingUnit ?? "", "", ""]));
        rows.Add(new GridRow(["计划开始日期", Date(d.StartDate), "计划完成日期", Date(d.EndDate), "", ""]));
        rows.Add(new GridRow([$"项目资金 ({m.Unit.ToChinese()})", "项目资金总额", Grouped(m.ProjectTotal), "年度资金申请总额", Grouped(m.AnnualTotal), ""]));
        rows.Add(new GridRow(["", "其中：财政资金", Grouped(m.ProjectFiscal), "其中：当年财政拨款", Grouped(m.CurrentYearAppropriation), ""]));
        rows.Add(new GridRow(["", "", "", "上年结转资金", Grouped(m.CarryOver), ""]));
        rows.Add(new GridRow(["", "其他资金", Grouped(m.ProjectOther), "其他资金", Grouped(m.Other), ""]));
        rows.Add(new GridRow(["项目 绩效 目标", "项目总目标", "", "年度总体目标", "", ""]));
        rows.Add(new GridRow(["", Goal(d.OverallGoal, style), "", Goal(d.AnnualGoal, style), "", ""]));
        rows.Add(new GridRow(["", "一级指标", "二级指标", "三级指标", "年度(/项目)指标值", ""]));
        string? l1 = null, l2 = null;
        bool first = true;
        foreach (var i in d.Indicators)
        {
            var newL1 = i.Level1 != l1;
            var newL2 = newL1 || i.Level2 != l2;
            rows.Add(new GridRow([first ? "绩效 指标" : "", newL1 ? i.Level1 ?? "" : "", newL2 ? i.Level2 ?? "" : "", i.Name, i.Target?.Text ?? "", ""]));
            l1 = i.Level1;
            l2 = i.Level2;
            first = false;
        }
    }

    static string JsonRows(IReadOnlyList<PerformanceForm> forms, RenderStyle style)
    {
        // Table extractors give every row the grid's full width, merged cells as "" (corpus 014); headings become
        // one-cell rows padded the same way.
        var grid = Grid(forms, style with { MarkdownHeadings = false }).Where(r => !(r.Heading && r.Cells[0].Length == 0)).ToList();
        int width = grid.Max(r => r.Cells.Length);
        var array = grid.Select(r => r.Cells.Concat(Enumerable.Repeat("", width - r.Cells.Length)).ToArray()).ToArray();
        return JsonSerializer.Serialize(array, JsonOptions) + "\n";
    }

    static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    // ---- PDF text --------------------------------------------------------------------------------------------

    /// <summary>Width of a wrapped text cell in half-width columns (a CJK character takes two).</summary>
    const int GoalWidth = 48;
    const int NameWidth = 28;
    const int UnitWidth = 26;

    static string PdfText(IReadOnlyList<PerformanceForm> forms)
    {
        var sb = new StringBuilder();
        foreach (var form in forms)
        {
            if (form is SelfEvaluation se) PdfSelfEvaluation(se, sb);
            else if (form is TargetDeclaration td) PdfDeclaration(td, sb);
            else throw new ArgumentException($"PDF 文本版式只能写出自评表和申报表，不能写出{form.Kind.ShortName()}（{form.Kind.ShortName()}请用制表符行或 JSON 表格行）", nameof(forms));
        }
        return sb.ToString();
    }

    /// <summary>
    /// A 自评表 as poppler's text of seed 000: labels and values on lines separated by blank lines, cells joined by
    /// spaces, long cells wrapped, group labels cut into pieces of two characters.
    /// </summary>
    static void PdfSelfEvaluation(SelfEvaluation f, StringBuilder sb)
    {
        void L(string s = "") => sb.Append(s).Append('\n');
        L();
        L(f.Kind.ToChinese());
        L();
        L($"（{f.Year}年度）");
        L();
        L($"项目名称 {f.ProjectName}");
        L();
        var unit = Wrap(f.ImplementingUnit ?? "", UnitWidth);
        L($"主管部门 {f.Department} 实施单位");
        for (int k = 0; k < unit.Count; k++)
        {
            L(unit[k]);
            if (k < unit.Count - 1) L();
        }
        L();
        L("项目资金");
        L();
        L($"（{f.Funds.Unit.ToChinese()}）");
        L();
        L("年初预算数 全年预算数 全年执行数 分数 执行率(%) 得分");
        L();
        foreach (var r in f.Funds.Rows)
        {
            var figures = $"{Money(r.InitialBudget)} {Money(r.AdjustedBudget)} {Money(r.Executed)} {Dash(r.Weight)} {Dash(r.ExecutionRate)} {Dash(r.Score)}";
            if (r.Label == "其中：当年财政拨款")
            {
                // The longest label wraps in its narrow column; its figures follow on the next line (seed 000).
                L("其中：当年财政");
                L();
                L("拨款");
                L(figures);
            }
            else L($"{(r.Label == "年度资金总额" ? "年度资金总额：" : r.Label)} {figures}");
            L();
        }
        foreach (var piece in new[] { "年度", "总体", "目标" })
        {
            L(piece);
            L();
        }
        L("预期目标 实际完成情况");
        L();
        foreach (var goal in new[] { f.ExpectedGoal, f.ActualOutcome })
        {
            if (string.IsNullOrEmpty(goal)) continue;
            // A paragraph starts indented, which is how the reader tells the two goal cells apart.
            var lines = Wrap(goal, GoalWidth);
            for (int k = 0; k < lines.Count; k++)
            {
                L((k == 0 ? "   " : "") + lines[k]);
                L();
            }
        }
        foreach (var piece in new[] { "一级", "指标", "二级" }) { L(piece); L(); }
        L("指标");
        L("三级指标 年度指标值 实际完成值 分值 得分");
        L();
        L("偏差原因分析");
        L();
        L("及改进措施");
        L();
        string? l1 = null, l2 = null;
        foreach (var i in f.Indicators)
        {
            if (i.Level1 != l1 && i.Level1 is not null)
                foreach (var piece in Pieces(i.Level1)) { L(piece); L(); }
            if ((i.Level1 != l1 || i.Level2 != l2) && i.Level2 is not null)
            {
                var pieces = Pieces(i.Level2);
                for (int k = 0; k < pieces.Count; k++)
                {
                    L(pieces[k]);
                    if (k < pieces.Count - 1) L();
                }
            }
            l1 = i.Level1;
            l2 = i.Level2;
            var values = string.Join(" ", new[] { i.Target?.Text, i.Actual?.Text, Dash(i.Weight), Dash(i.Score), i.DeviationReason }
                .Where(v => !string.IsNullOrEmpty(v)));
            var name = Wrap(i.Name, NameWidth);
            for (int k = 0; k < name.Count - 1; k++) { L(name[k]); L(); }
            L($"{name[^1]} {values}");
            L();
        }
        L($"总分 {Dash(f.TotalWeight)} {Dash(f.TotalScore)}");
        L();
        L($"评分等级 {f.Grade}");
        L();
        L();
    }

    /// <summary>A 申报表 as one cell per line (corpus 012): every cell on its own line, wrapped cells over several.</summary>
    static void PdfDeclaration(TargetDeclaration d, StringBuilder sb)
    {
        void L(string s) => sb.Append(s).Append('\n');
        var m = d.Funds;
        L(d.Kind.ToChinese());
        L($"（{d.Year}年度）");
        L("项目名称"); L(d.ProjectName ?? "");
        L("项目性质"); L(d.ProjectNature ?? "");
        L("项目类别"); L(d.ProjectCategory ?? "");
        L("主管部门"); L(d.Department ?? "");
        L("实施单位"); L(d.ImplementingUnit ?? "");
        L("计划开始日期"); L(Date(d.StartDate));
        L("计划完成日期"); L(Date(d.EndDate));
        L("项目资金");
        L($"（{m.Unit.ToChinese()}）");
        L("项目资金总额");
        L($"{Grouped(m.ProjectTotal)} 年度资金申请总额".Trim());
        L(Grouped(m.AnnualTotal));
        L("其中：财政资金");
        L(Grouped(m.ProjectFiscal));
        L("其中：当年财政拨款");
        L(Grouped(m.CurrentYearAppropriation));
        L("     上年结转资金");
        L(Grouped(m.CarryOver));
        L("     其他资金");
        L($"{Grouped(m.ProjectOther)}      其他资金");
        L(Grouped(m.Other));
        L("项目"); L("绩效"); L("目标");
        L("项目总目标");
        L("年度总体目标");
        L($"\"{d.OverallGoal}\"");
        L($"\"{d.AnnualGoal}\"");
        L("一级指标"); L("二级指标"); L("三级指标"); L("年度(/项目)指标值");
        L("绩效"); L("指标");
        string? l1 = null, l2 = null;
        foreach (var i in d.Indicators)
        {
            if (i.Level1 != l1 && i.Level1 is not null) L(i.Level1);
            if ((i.Level1 != l1 || i.Level2 != l2) && i.Level2 is not null) L(i.Level2);
            l1 = i.Level1;
            l2 = i.Level2;
            L(i.Name);
            L(i.Target?.Text ?? "");
        }
        L("");
    }

    /// <summary>A label cut into pieces of two characters, as narrow merged cells print (产出/指标, 满意/度指/标).</summary>
    static List<string> Pieces(string label)
    {
        var list = new List<string>();
        for (int k = 0; k < label.Length; k += 2) list.Add(label.Substring(k, Math.Min(2, label.Length - k)));
        return list;
    }

    /// <summary>
    /// Wraps text at a display width. Never between two ASCII letters or digits: the reader keeps a line break there
    /// as a space (docs/decisions/0004), and the generated texts have none.
    /// </summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        int w = 0;
        for (int k = 0; k < text.Length; k++)
        {
            var c = text[k];
            int cw = Core.Text.ChineseText.IsCjk(c) ? 2 : 1;
            bool canBreak = current.Length > 0 && !(IsAsciiWord(current[^1]) && IsAsciiWord(c));
            if (w + cw > width && canBreak)
            {
                lines.Add(current.ToString());
                current.Clear();
                w = 0;
            }
            current.Append(c);
            w += cw;
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current.ToString());
        return lines;
    }

    static bool IsAsciiWord(char c) => c < 128 && char.IsLetterOrDigit(c);

    // ---- figures ---------------------------------------------------------------------------------------------

    static string Money(decimal? v) => v is null ? "" : v.Value.ToString("0.00", CultureInfo.InvariantCulture);

    static string Grouped(decimal? v) => v is null ? "" : v.Value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    static string Dash(decimal? v) => v is null ? "-" : v.Value.ToString("0.00", CultureInfo.InvariantCulture);

    static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
