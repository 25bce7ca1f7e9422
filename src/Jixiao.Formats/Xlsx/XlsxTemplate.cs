using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Core.Model;
using Jixiao.Formats.Export;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// A blank fill-in template of either form kind: the official header block with the standard fund lines, an indicator
/// table whose target is split into 指标性质 / 年度指标值 / 度量单位 (so the comparator can be a drop-down), blank rows,
/// drop-down lists for 一级 and 二级 from <see cref="Framework"/>, and an instructions sheet. The importer reads a filled
/// template like any form.
/// </summary>
public static class XlsxTemplate
{
    public const int BlankRows = 20;

    public static readonly string[] Comparators = ["≥", ">", "=", "≤", "<"];
    public static readonly string[] Grades = ["优", "良", "中", "差"];

    public static byte[] Write(FormKind kind)
    {
        if (kind == FormKind.Monitoring) throw new ArgumentException(MonitoringTemplate.NeedsForm, nameof(kind));
        var book = new XlsxBook();
        var g = Grid(kind);
        var sheet = book.AddForm(kind == FormKind.SelfEvaluation ? "自评表" : "申报表", g, null);
        // The sheet's rows: 1 title, 2 year, then the header block, the indicator header, the body.
        int header = 3 + g.HeadRows, first = header + 1, last = header + BlankRows;
        sheet.Heights[header - 1] = 90; // the goals row: room to type a paragraph
        sheet.Validations.Add(List("A", first, last, Framework.Level1Names, "一级指标", "请从列表中选择一级指标"));
        sheet.Validations.Add(List("B", first, last, Framework.Level2Parent.Keys, "二级指标", "请从列表中选择二级指标（须属于所选一级指标）"));
        sheet.Validations.Add(List("D", first, last, Comparators, "指标性质", "定量指标选择 ≥ > = ≤ <；定性指标（如“及时”“良好”）留空，把文字填在年度指标值"));
        if (kind == FormKind.SelfEvaluation)
            sheet.Validations.Add(List("C", last + 2, last + 2, Grades, "评分等级", "优（≥90）、良（80–90）、中（60–80）、差（<60）"));
        var notes = book.AddSheet(XlsxReader.InstructionsSheet);
        notes.Print = false;
        notes.Widths = [100];
        int r = 1;
        notes.Set(r++, 0, $"{kind.ToChinese()}填写说明", null, Styles.Heading);
        foreach (var line in Instructions(kind)) { notes.Set(r, 0, line, null, Styles.Note); notes.Heights[r++] = 30; }
        return book.Save();
    }

    /// <summary>The template's grid: the official header block and a blank indicator table with split target columns.</summary>
    public static FormGrid Grid(FormKind kind)
    {
        if (kind == FormKind.Monitoring) throw new ArgumentException(MonitoringTemplate.NeedsForm, nameof(kind));
        if (kind == FormKind.TargetDeclaration)
        {
            var d = new TargetDeclaration { Funds = { Unit = MoneyUnit.Yuan } };
            var official = OfficialLayout.Build(d);
            var g = new FormGrid { Title = official.Title, Subtitle = official.Subtitle, ColumnWidths = OfficialLayout.DeclarationWidths };
            g.Head.AddRange(official.Head);
            g.HeadRows = official.HeadRows;
            string[] th = ["一级指标", "二级指标", "三级指标", "指标性质", "年度(/项目)指标值", "度量单位"];
            for (int c = 0; c < th.Length; c++) g.TableHeader.Add(new(0, c, th[c], CellKind.Label));
            for (int i = 0; i < BlankRows; i++)
                for (int c = 0; c < th.Length; c++) g.Body.Add(new(i, c, "", c == 2 ? CellKind.Text : CellKind.Value));
            g.BodyRows = BlankRows;
            return g;
        }
        var s = new SelfEvaluation { Funds = { Unit = MoneyUnit.WanYuan } };
        foreach (var label in new[] { "年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金" }) s.Funds.Rows.Add(new FundRow { Label = label });
        var o = OfficialLayout.Build(s);
        // The official 年度指标值 column (index 3) becomes three: 指标性质, 年度指标值, 度量单位.
        var t = new FormGrid { Title = o.Title, Subtitle = o.Subtitle, ColumnWidths = [9, 10, 18, 6, 9, 7, 11, 7, 7, 15] };
        foreach (var c in o.Head)
        {
            int start = c.Column > 3 ? c.Column + 2 : c.Column;
            int end = c.Column + c.ColSpan - 1 >= 3 ? c.Column + c.ColSpan - 1 + 2 : c.Column + c.ColSpan - 1;
            t.Head.Add(c with { Column = start, ColSpan = end - start + 1 });
        }
        t.HeadRows = o.HeadRows;
        string[] sh = ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
        for (int c = 0; c < sh.Length; c++) t.TableHeader.Add(new(0, c, sh[c], CellKind.Label));
        for (int i = 0; i < BlankRows; i++)
            for (int c = 0; c < sh.Length; c++)
                t.Body.Add(new(i, c, "", c is 2 or 9 ? CellKind.Text : c is 7 or 8 ? CellKind.Number : CellKind.Value));
        t.Body.Add(new(BlankRows, 0, "总分", CellKind.Label, ColSpan: 7));
        t.Body.Add(new(BlankRows, 7, "", CellKind.Number));
        t.Body.Add(new(BlankRows, 8, "", CellKind.Number));
        t.Body.Add(new(BlankRows, 9, "", CellKind.Text));
        t.Body.Add(new(BlankRows + 1, 0, "评分等级", CellKind.Label, ColSpan: 2));
        t.Body.Add(new(BlankRows + 1, 2, "", CellKind.Value, ColSpan: 8));
        t.BodyRows = BlankRows + 2;
        return t;
    }

    /// <summary>The 监控表's fill-in workbook, prefilled from <paramref name="form"/> (see <see cref="MonitoringTemplate"/>).</summary>
    public static byte[] Write(MonitoringForm form) => MonitoringTemplate.Write(form);

    internal static DataValidation List(string column, int first, int last, IEnumerable<string> items, string title, string prompt) => new(
        new Formula1("\"" + string.Join(",", items) + "\""))
    {
        Type = DataValidationValues.List,
        // A warning, not a stop: older forms use labels outside the framework, and a person may know better.
        ErrorStyle = DataValidationErrorStyleValues.Warning,
        AllowBlank = true,
        ShowInputMessage = true,
        ShowErrorMessage = true,
        PromptTitle = title,
        Prompt = prompt,
        ErrorTitle = title,
        Error = "不在列表中，请确认填写无误",
        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}{first}:{column}{last}" },
    };

    public static IEnumerable<string> Instructions(FormKind kind)
    {
        if (kind == FormKind.Monitoring)
        {
            foreach (var line in MonitoringTemplate.Instructions(null)) yield return line;
            yield break;
        }
        yield return "1. 在“（    年度）”中填写年度，例如“（2024年度）”。表名、各栏标题请勿修改，系统按标题识别各栏。";
        yield return "2. 项目名称、主管部门、实施单位按预算批复填写全称。";
        if (kind == FormKind.TargetDeclaration)
        {
            yield return "3. 项目资金单位为元，“项目资金（元）”如改为万元请同时修改标题中的单位。年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金；一年期项目的项目资金总额可不填。";
            yield return "4. 计划开始日期、计划完成日期按 yyyy-mm-dd 填写，例如 2024-01-01。";
            yield return "5. 项目总目标可不填；年度总体目标须填写，应与下列绩效指标相对应。";
        }
        else
        {
            yield return "3. 项目资金单位为万元（如按元填报，请把“项目资金（万元）”改为“项目资金（元）”）。年度资金总额行的分数一般为 10.00，执行率(%) = 全年执行数 ÷ 全年预算数 × 100；其中各行的分数、得分填“-”。";
            yield return "4. 预期目标按年初申报的年度总体目标填写；实际完成情况写明实际完成的内容，不要照抄预期目标。";
        }
        yield return "6. 绩效指标每行填写一个三级指标。一级指标、二级指标从下拉列表中选择（二级指标须属于所选一级指标），同一组的每一行都要填写。";
        yield return "7. 定量指标：在“指标性质”中选择 ≥ > = ≤ <，在“年度指标值”中填写数字，在“度量单位”中填写单位（如 次、%、元/月/人）。定性指标：指标性质和度量单位留空，把“及时”“良好”等文字填在年度指标值中。";
        if (kind == FormKind.SelfEvaluation)
        {
            yield return "8. 实际完成值：定量指标填写数字和单位，如“12.00(次)”；定性指标填写“达成指标”“部分达成指标并具有一定效果”或“未达成指标且效果较差”。";
            yield return "9. 分值合计（含执行率的 10 分）为 100；得分不超过分值。未完成指标值的，须填写偏差原因分析及改进措施。总分为各项得分之和，评分等级：90 分（含）以上为优，80（含）–90 分为良，60（含）–80 分为中，60 分以下为差。";
        }
        yield return "多余的空行可以留空或删除；行数不够时可插入行。填好后另存为 .xlsx，用“jixiao import 文件名.xlsx”导入检查。";
    }
}
