using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Model;
using Jixiao.Formats.Export;
using Jixiao.Formats.Import;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// The 监控表 a unit fills in: the official layout prefilled from a form (the server drafts it from the approved
/// declaration: header, 年度总体目标, indicators with their 年度指标值, each line's 年初预算数), drop-downs for the
/// ticks, an instructions sheet, and a hidden sheet holding the fixed values. Reading it back gives the form with what
/// the unit entered, and refuses, naming sheet, row and column, what the template does not allow: a fixed value
/// changed, a row added or removed, a tick that is not √, two likelihoods, a non-number in an amount.
/// </summary>
public static class MonitoringTemplate
{
    /// <summary>The hidden sheet of fixed values; its first cell says what it is.</summary>
    public const string InfoSheet = "模板信息";
    public const string InfoMark = "监控表模板";
    public const string Version = "1";

    public const string NeedsForm = "监控表模板须由批复的申报表预填（项目、指标、年初预算数），请从监控表生成：XlsxTemplate.Write(MonitoringForm)";

    /// <summary>Sheet rows above the header block: title, period, 单位：万元.</summary>
    private const int RowsAbove = 3;

    public static byte[] Write(MonitoringForm form)
    {
        var book = new XlsxBook();
        var g = OfficialLayout.Build(form);
        var sheet = book.AddForm(SheetNaming.ForForm(form), g, null);
        int firstFund = RowsAbove + 4, lastFund = firstFund + form.Funds.Rows.Count - 1;
        int firstBody = RowsAbove + g.HeadRows + g.TableHeaderRows + 1, lastBody = firstBody + Math.Max(1, form.Indicators.Count) - 1;
        var cols = OfficialLayout.MonitoringFundColumns;
        foreach (var c in new[] { cols[2].Column, cols[4].Column })
            sheet.Validations.Add(Amount(XlsxBook.ColumnName(c), firstFund, lastFund));
        for (int c = OfficialLayout.MonitoringCauseColumn; c < OfficialLayout.MonitoringLikelihoodColumn + MonitoringChoices.AllLikelihoods.Count; c++)
            sheet.Validations.Add(XlsxTemplate.List(XlsxBook.ColumnName(c), firstBody, lastBody, ["√"],
                c < OfficialLayout.MonitoringLikelihoodColumn ? "偏差原因分析" : "完成目标可能性",
                c < OfficialLayout.MonitoringLikelihoodColumn ? "有偏差的，在对应原因的列选 √，可以多选" : "在确定能、有可能、完全不可能中选一项 √，只能选一项"));

        var notes = book.AddSheet(XlsxReader.InstructionsSheet);
        notes.Print = false;
        notes.Widths = [100];
        int r = 1;
        notes.Set(r++, 0, $"{FormKind.Monitoring.ToChinese()}填写说明", null, Styles.Heading);
        foreach (var line in Instructions(form.Period)) { notes.Set(r, 0, line, null, Styles.Note); notes.Heights[r++] = 30; }

        var info = book.AddSheet(InfoSheet);
        info.Print = false;
        info.Hidden = true;
        int i = 1;
        void Line(params string?[] cells) { for (int c = 0; c < cells.Length; c++) info.Set(i, c, cells[c] ?? "", null, Styles.Default); i++; }
        Line(InfoMark, Version);
        Line("年度", form.Year?.ToString(CultureInfo.InvariantCulture));
        Line("监控期", form.Period.EndMonth.ToString(CultureInfo.InvariantCulture), form.Period.Name);
        Line("项目名称", form.ProjectName);
        Line("主管部门", form.Department);
        Line("实施单位", form.ImplementingUnit);
        Line("年度总体目标", form.AnnualGoal);
        foreach (var f in form.Funds.Rows) Line("资金", f.Label, f.InitialBudget?.ToString(CultureInfo.InvariantCulture));
        foreach (var x in form.Indicators) Line("指标", x.Level1, x.Level2, x.Name, x.Target?.Text);
        return book.Save();
    }

    private static DataValidation Amount(string column, int first, int last) => new()
    {
        Type = DataValidationValues.Decimal,
        Operator = DataValidationOperatorValues.GreaterThanOrEqual,
        Formula1 = new Formula1("0"),
        ErrorStyle = DataValidationErrorStyleValues.Stop,
        AllowBlank = true,
        ShowInputMessage = true,
        ShowErrorMessage = true,
        PromptTitle = "金额（万元）",
        Prompt = "只填数字，单位为万元",
        ErrorTitle = "金额（万元）",
        Error = "请填写不小于 0 的数字（万元）",
        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}{first}:{column}{last}" },
    };

    public static IEnumerable<string> Instructions(MonitoringPeriod? period)
    {
        var p = period?.Label ?? "1-X月";
        yield return "1. 本表由批复的申报表预填：项目名称、主管部门、实施单位、年度总体目标、各资金行的年初预算数、绩效指标（一级、二级、三级指标）及年度指标值不能修改，也不能增加或删除行；需要调整目标的，请按目标调整程序办理。";
        yield return $"2. 项目资金以万元为单位：填写{p}执行数和全年预计执行数，只填数字。{p}执行率由系统计算，不用填写。";
        yield return $"3. 在“{p}执行情况”一行写明年度总体目标截至期末的实施进展。";
        yield return $"4. 每个指标填写{p}执行情况和全年预计完成情况：定量指标填数字和单位（如“150天”“98%”），定性指标填文字。";
        yield return "5. 偏差原因分析：执行情况或全年预计与指标值有偏差的，在经费保障、制度保障、人员保障、硬件条件保障、其他中对应的列选 √，可以多选。";
        yield return "6. 完成目标可能性：在确定能、有可能、完全不可能中选一项打 √，只能选一项。";
        yield return $"7. 备注：先写说明，偏差原因写在“{MonitoringRemark.ReasonMark}”之后，纠偏措施写在“{MonitoringRemark.ActionMark}”之后，各占一行（单元格内换行：Alt+Enter）。资金行的偏差原因类别写在“{MonitoringRemark.CausesMark}”之后，如“{MonitoringRemark.CausesMark}经费保障、其他”。";
        yield return "8. 填好后保存为 .xlsx，用“jixiao import 文件名.xlsx”导入检查；“模板信息”工作表是隐藏的预填数据，请勿修改。";
    }

    // ---------------------------------------------------------------- reading back

    /// <summary>The hidden sheet of a monitoring template among a workbook's sheets, if there is one.</summary>
    public static XlsxReader.GridSheet? Find(IReadOnlyList<XlsxReader.GridSheet> sheets) =>
        sheets.FirstOrDefault(s => s.Name == InfoSheet && s.Rows.Count > 0 && s.Rows[0].Length > 0 && s.Rows[0][0] == InfoMark);

    private sealed record Fixed(string? ProjectName, string? Department, string? Unit, string? AnnualGoal,
        List<(string Label, decimal? Initial)> Funds, List<(string? L1, string? L2, string Name, string? Target)> Indicators);

    private static Fixed ReadInfo(XlsxReader.GridSheet info)
    {
        var f = new Fixed(null, null, null, null, new(), new());
        string Cell(string[] row, int c) => c < row.Length ? row[c] : "";
        string? Opt(string s) => s.Length == 0 ? null : s;
        foreach (var row in info.Rows)
            switch (Cell(row, 0))
            {
                case "项目名称": f = f with { ProjectName = Opt(Cell(row, 1)) }; break;
                case "主管部门": f = f with { Department = Opt(Cell(row, 1)) }; break;
                case "实施单位": f = f with { Unit = Opt(Cell(row, 1)) }; break;
                case "年度总体目标": f = f with { AnnualGoal = Opt(Cell(row, 1)) }; break;
                case "资金": f.Funds.Add((Cell(row, 1), decimal.TryParse(Cell(row, 2), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null)); break;
                case "指标": f.Indicators.Add((Opt(Cell(row, 1)), Opt(Cell(row, 2)), Cell(row, 3), Opt(Cell(row, 4)))); break;
            }
        return f;
    }

    /// <summary>
    /// A filled template: the form with the unit's entries, or, when anything breaks the template's rules, no form and
    /// every problem found, each naming its sheet, row and column.
    /// </summary>
    public static ImportResult Import(IReadOnlyList<XlsxReader.GridSheet> sheets, XlsxReader.GridSheet info, string fileName)
    {
        var result = new ImportResult { File = fileName, Encoding = "xlsx", Layout = LayoutKind.CellGrid };
        var sheet = sheets.FirstOrDefault(s => !s.Hidden);
        if (sheet is null)
        {
            result.Problems.Add(new ImportProblem(fileName, null, "监控表模板中没有可填写的工作表", true));
            return result;
        }
        var layout = Layouts.FromGrid(sheet.Rows);
        int title = -1;
        for (int r = 0; r < layout.Rows.Count && title < 0; r++)
            if (!layout.Rows[r].IsBlank && MonitoringReader.IsTitle(layout.Rows[r].JoinedText)) title = r;
        if (title < 0)
        {
            result.Problems.Add(new ImportProblem(fileName, null, $"工作表“{sheet.Name}”中没有找到表名“{FormKind.Monitoring.ToChinese()}”（表名、各栏标题请勿修改）", true));
            return result;
        }
        var (form, issues) = MonitoringReader.Read(layout.Rows, title, layout.Rows.Count);
        string At(int gridRow, int? column, string? head) =>
            $"工作表“{sheet.Name}”第 {sheet.FirstRow + gridRow} 行{(column is { } c ? $" {XlsxBook.ColumnName(c)} 列" : "")}{(head is { Length: > 0 } h ? $"（{h}）" : "")}";
        void Error(string where, string message) => result.Problems.Add(new ImportProblem(fileName, null, $"{where}：{message}", true));
        foreach (var i in issues)
        {
            if (i.IsError) Error(At(i.Row, i.Column, i.Head), i.Message);
            else form.Warnings.Add(new ImportWarning($"{At(i.Row, i.Column, i.Head)}：{i.Message}", sheet.FirstRow + i.Row));
        }
        CheckFixed(form, ReadInfo(info), sheet, At, Error);
        if (result.Problems.Any(p => p.IsError)) return result;
        form.Source = new SourceRef(fileName, sheet.FirstRow + title);
        result.Forms.Add(form);
        return result;
    }

    private static void CheckFixed(MonitoringForm form, Fixed f, XlsxReader.GridSheet sheet, Func<int, int?, string?, string> at, Action<string, string> error)
    {
        const string keep = "模板中预填的内容来自批复的申报表，不能修改";
        if (f.ProjectName != form.ProjectName)
            error($"工作表“{sheet.Name}”（项目名称）", $"项目名称由“{f.ProjectName}”改为了“{form.ProjectName}”，{keep}");
        var funds = OfficialLayout.MonitoringFundColumns;
        var usedFunds = new HashSet<int>();
        foreach (var row in form.Funds.Rows)
        {
            int line = (row.Line ?? 1) - 1;
            int k = f.Funds.FindIndex(x => x.Label == row.Label);
            if (k < 0 || !usedFunds.Add(k))
            {
                error(at(line, funds[0].Column, "资金行"), $"“{row.Label}”不是模板中的资金行；资金行不能增加或改名");
                continue;
            }
            if (f.Funds[k].Initial != row.InitialBudget)
                error(at(line, funds[1].Column, "年初预算数"), $"年初预算数由 {f.Funds[k].Initial} 改为了 {row.InitialBudget}，{keep}");
        }
        for (int k = 0; k < f.Funds.Count; k++)
            if (!usedFunds.Contains(k)) error($"工作表“{sheet.Name}”（项目资金）", $"缺少资金行“{f.Funds[k].Label}”，资金行不能删除");

        var used = new HashSet<int>();
        foreach (var x in form.Indicators)
        {
            int line = (x.Line ?? 1) - 1;
            int k = f.Indicators.FindIndex(i => i.L1 == x.Level1 && i.L2 == x.Level2 && i.Name == x.Name);
            if (k < 0 || !used.Add(k))
            {
                error(at(line, 2, "三级指标"), $"“{x.Name}”（{x.Level1}·{x.Level2}）不是模板中的指标；指标行不能增加、复制或改名，如需调整目标请按目标调整程序办理");
                continue;
            }
            if (f.Indicators[k].Target != x.Target?.Text)
                error(at(line, 3, "年度指标值"), $"年度指标值由“{f.Indicators[k].Target}”改为了“{x.Target?.Text}”，{keep}");
        }
        for (int k = 0; k < f.Indicators.Count; k++)
            if (!used.Contains(k))
                error($"工作表“{sheet.Name}”（绩效指标）", $"缺少指标“{f.Indicators[k].Name}”（{f.Indicators[k].L1}·{f.Indicators[k].L2}），指标行不能删除");
        // What the unit does not enter comes from the approved declaration, as the template was made.
        form.Department = f.Department;
        form.ImplementingUnit = f.Unit;
        form.AnnualGoal = f.AnnualGoal;
    }
}
