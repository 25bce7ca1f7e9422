using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>A header field's value as printed, and the line it starts on.</summary>
internal sealed record HeaderValue(string Text, int Line);

/// <summary>A declaration's fund figure, the label it stood under, and its line.</summary>
internal sealed record DeclarationFundValue(DeclarationFundLabel Label, decimal Amount, bool OtherIsAnnual, int Line, MoneyAmount? Written = null, string? Text = null);

/// <summary>A self-evaluation's fund row as printed: its label cells and its figure cells, in order.</summary>
internal sealed record FundRowCells(List<Cell> Label, List<Cell> Values);

/// <summary>What the header and funds section holds: the fields, the money unit, and the fund figures.</summary>
internal sealed record HeaderBlock(
    Dictionary<HeaderField, HeaderValue> Fields,
    MoneyUnit? Unit,
    List<DeclarationFundValue> DeclarationFunds,
    List<FundColumn> FundColumns,
    List<FundRowCells> FundRows,
    List<int> FundColumnPositions,
    decimal? PrintedBudgetWeight);

/// <summary>
/// Reads the header (项目名称, 主管部门, 实施单位, …) and the funds block. Both are label–value pairs whose cells
/// interleave on the page, so they are read in one pass over the cells: a label opens its field, the cells after it
/// are its value, and a funds marker switches to the funds.
/// </summary>
internal static class HeaderSection
{
    public static HeaderBlock Read(SourceText source, FormKind kind, int from, int end, (int From, int End)? laterFunds)
    {
        var cells = source.Tabular || source.CellPerLine ? source.CellsOf(from, end).ToList() : HeaderBands.Cells(source, from, end);
        if (laterFunds is { } lf) cells.AddRange(source.CellsOf(lf.From, lf.End));
        if (!source.Tabular) cells = JoinWrappedLabels(cells);

        HeaderField? field = null;
        var fieldValues = new Dictionary<HeaderField, List<Cell>>();
        MoneyUnit? unit = null;
        bool inFunds = false, fundsPaused = false;
        var fundColumns = new List<FundColumn>();
        var fundPositions = new List<int>();
        decimal? budgetWeight = null;
        var fundRows = new List<FundRowCells>();
        FundRowCells? current = null;
        var declFunds = new List<DeclarationFundValue>();
        DeclarationFundLabel? pendingDeclLabel = null;
        int pendingDeclLine = -1;
        int otherSeen = 0;
        bool projectColumnSeen = false, otherIsAnnual = false;
        // 其中：财政拨款 printed twice, under the project's column and the year's (安徽's 中期 / 年度 资金总额).
        int appropriationLabels = kind == FormKind.TargetDeclaration ? cells.Count(c => DeclarationFundOf(CellText.Of(c)) == DeclarationFundLabel.Appropriation) : 0;
        int appropriationSeen = 0;

        for (int at = 0; at < cells.Count; at++)
        {
            var cell = cells[at];
            var text = CellText.Of(cell);
            var key = Key(text);
            if (key.Length == 0) continue;

            if (HeaderFieldOf(text) is { } hf)
            {
                // A header label printed inside the funds block's head (`项目资金(万元) | 实施单位 | …`, rows of different
                // widths): its value is the field's, not a fund row's label; the funds resume at their column heads.
                if (inFunds && fundColumns.Count == 0 && current is null) { inFunds = false; fundsPaused = true; }
                // The first label of a field gives its value: a second one (单位名称 and 填报单位) is not run into it.
                field = fieldValues.TryGetValue(hf, out var seen) && seen.Count > 0 ? HeaderField.Ignored : hf;
                if (!fieldValues.ContainsKey(field.Value)) fieldValues[field.Value] = new List<Cell>();
                continue;
            }
            if (IsFundsMarker(text))
            {
                field = null;
                inFunds = true;
                unit = MoneyUnitIn(text) ?? unit;
                budgetWeight = PointsIn(key) ?? budgetWeight;
                continue;
            }
            if (IsMoneyUnitLabel(key))
            {
                unit = MoneyUnitIn(text) ?? unit;
                continue;
            }
            if (HasBracketedMoneyUnit(key)) unit = MoneyUnitIn(text) ?? unit;
            if (IsTemplateInstruction(key)) continue;
            if (key.StartsWith('(') && ValueParser.ParseYear(text) is not null) continue;

            if (kind == FormKind.TargetDeclaration && DeclarationFundOf(text) is { } dl)
            {
                field = null;
                inFunds = true;
                // 其他资金 appears twice: the project column first, the annual column second.
                if (dl == DeclarationFundLabel.Other) otherSeen++;
                pendingDeclLabel = dl;
                pendingDeclLine = cell.Line;
                if (dl == DeclarationFundLabel.ProjectTotal) projectColumnSeen = true;
                // Without a 项目资金总额 column, 其中：财政资金 is the year's appropriation, not the project's.
                if (dl == DeclarationFundLabel.ProjectFiscal && !projectColumnSeen) pendingDeclLabel = dl = DeclarationFundLabel.Appropriation;
                // With a project column, the first of two 财政拨款 is the project's, the second the year's (as 其他资金).
                else if (dl == DeclarationFundLabel.Appropriation && ++appropriationSeen == 1 && projectColumnSeen && appropriationLabels >= 2)
                    pendingDeclLabel = dl = DeclarationFundLabel.ProjectFiscal;
                // Without a 项目资金总额 column the only 其他资金 is this year's.
                otherIsAnnual = dl == DeclarationFundLabel.Other && (otherSeen >= 2 || !projectColumnSeen);
                continue;
            }
            // In a table, a label's amount stands beside it; a number on a later row belongs to a column of its own
            // (a head over sub-heads: 财政资金 over 中央 | 省级 …), not to the label.
            if (kind == FormKind.TargetDeclaration && pendingDeclLabel is not null && source.Tabular && cell.Line != pendingDeclLine) pendingDeclLabel = null;
            if (kind == FormKind.TargetDeclaration && pendingDeclLabel is { } pl && MoneyText.Parse(text) is { } amount)
            {
                declFunds.Add(new DeclarationFundValue(pl, amount.Value, otherIsAnnual, cell.Line, amount.Unit is null ? null : amount, text));
                pendingDeclLabel = null;
                continue;
            }

            if (kind == FormKind.SelfEvaluation && fundsPaused && !inFunds && (FundColumnOf(text) is not null || IsSelfEvaluationFundLabel(text))) { inFunds = true; field = null; fundsPaused = false; }
            // The block's budget heads open it without its marker (a side label wrapped over lines, `项目预算` / `执行情况`).
            if (kind == FormKind.SelfEvaluation && !inFunds && FundColumnOf(text) is FundColumn.Initial or FundColumn.Adjusted or FundColumn.Executed) { inFunds = true; field = null; }
            if (kind == FormKind.SelfEvaluation && inFunds)
            {
                // A block's side label (年度绩效目标) ends the fund rows; it is no row's label.
                if (IsNoiseLabel(text))
                {
                    if (current is { Values.Count: > 0 }) fundRows.Add(current);
                    current = null;
                    continue;
                }
                if (FundColumnOf(text) is { } fc)
                {
                    fundColumns.Add(fc);
                    fundPositions.Add(cell.Column);
                    // `得分(20分*执行率)`: the budget row's weight printed in the score's head.
                    if (fc == FundColumn.Score) budgetWeight = PointsIn(key) ?? budgetWeight;
                    continue;
                }
                bool isValue = ValueParser.ParseNumber(text) is not null || ValueParser.IsDash(text) || ValueParser.ParsePercent(text) is not null;
                // A figure printed with its unit (`3359.62万`) is a figure of the row, in the block's unit.
                if (!isValue && MoneyText.Parse(text) is { Unit: { } written, WithText: false } withUnit)
                {
                    isValue = true;
                    text = MoneyText.InUnit(withUnit, unit ?? written).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                if (isValue)
                {
                    current ??= new FundRowCells([], []);
                    current.Values.Add(cell with { Text = text });
                }
                else
                {
                    if (current is { Values.Count: > 0 }) { fundRows.Add(current); current = null; }
                    // A known row label starts afresh: text before it with no figures was a note, not a label.
                    if (IsSelfEvaluationFundLabel(text)) current = null;
                    current ??= new FundRowCells([], []);
                    current.Label.Add(cell with { Text = text });
                }
                continue;
            }

            // A label the vocabulary does not know (`项目编号:`, `项目联系人:`) still ends the field before it: its
            // value is not the previous field's. A cell of its own ending in a colon is a label in any layout.
            if (text.Length is >= 3 and <= 10 && text[^1] is ':' or '：' && field is not null && fieldValues[field.Value].Count > 0)
            {
                field = HeaderField.Ignored;
                if (!fieldValues.ContainsKey(field.Value)) fieldValues[field.Value] = new List<Cell>();
                continue;
            }
            // The file's last cell the start of a label (`当年预`): the page was cut inside the next label, which is
            // not part of the value before it.
            if (field is not null && key.Length >= 3 && IsLabelStart(key) && cell.Line == source.LastLineBefore(source.Rows.Count)) continue;
            // A label the reader keeps nothing from (`政策依据`, `其他依据`, a column head) ends the field before it too.
            if (field is not null && IsLabel(key))
            {
                field = HeaderField.Ignored;
                if (!fieldValues.ContainsKey(field.Value)) fieldValues[field.Value] = new List<Cell>();
                continue;
            }
            // In a table, a cell the vocabulary does not know with a figure beside it (`部门预算 | 70.00`) is that figure's
            // label: the value before it has ended.
            if (field is not null and not HeaderField.Ignored && fieldValues[field.Value].Count > 0 && LabelsAFigure(source, cells, at))
            {
                field = HeaderField.Ignored;
                if (!fieldValues.ContainsKey(field.Value)) fieldValues[field.Value] = new List<Cell>();
                continue;
            }
            if (field is { } f) fieldValues[f].Add(cell with { Text = text });
        }
        if (current is { Values.Count: > 0 }) fundRows.Add(current);

        var fields = new Dictionary<HeaderField, HeaderValue>();
        foreach (var (f, values) in fieldValues)
        {
            var value = CellText.Join(values);
            if (value.Length > 0) fields[f] = new HeaderValue(value, values[0].Line);
        }
        return new HeaderBlock(fields, unit, declFunds, fundColumns, fundRows, source.Tabular ? fundPositions : [], budgetWeight);
    }

    /// <summary>
    /// A label wrapped over lines in PDF text (`项目起` then `止时间`, `部门相应职能职` then `责概述`) is put back into
    /// one cell when its pieces, in order, spell a label the vocabulary knows; pieces that spell none stay as they are.
    /// </summary>
    private static List<Cell> JoinWrappedLabels(List<Cell> cells)
    {
        var joined = new List<Cell>(cells.Count);
        for (int i = 0; i < cells.Count; i++)
        {
            var key = Key(CellText.Of(cells[i]));
            // A label may itself be the start of a longer one (主管部门 / 及编码): the longest that the pieces spell wins.
            if (IsLabelStart(key) || IsLabel(key))
            {
                var sb = key;
                int longest = -1;
                string? label = null;
                for (int j = i + 1; j < cells.Count && j <= i + 3; j++)
                {
                    sb += Key(CellText.Of(cells[j]));
                    if (IsLabel(sb)) { longest = j; label = sb; }
                    if (!IsLabelStart(sb)) break;
                }
                if (label is not null) { joined.Add(cells[i] with { Text = label }); i = longest; goto next; }
            }
            joined.Add(cells[i]);
            next:;
        }
        return joined;
    }

    /// <summary>
    /// A text cell of a table (or of one cell per line) whose next cell, on its row, is a bare figure: the figure's label.
    /// </summary>
    private static bool LabelsAFigure(SourceText source, List<Cell> cells, int at)
    {
        if (!(source.Tabular || source.CellPerLine) || at + 1 >= cells.Count) return false;
        var text = CellText.Of(cells[at]);
        var next = cells[at + 1];
        if (!source.CellPerLine && next.Line != cells[at].Line) return false;
        return ValueParser.ParseNumber(text) is null && MoneyText.Parse(text) is null && MoneyText.Parse(CellText.Of(next)) is { WithText: false };
    }

    private static bool IsTemplateInstruction(string key) =>
        key.Contains(InstructionMarker, StringComparison.Ordinal) && Regex.IsMatch(key, InstructionPattern);

    /// <summary>Puts the header's values into the form, with a warning for each date that is not one.</summary>
    public static void Apply(HeaderBlock header, PerformanceForm form, SourceText source)
    {
        foreach (var (f, value) in header.Fields)
        {
            switch (f)
            {
                case HeaderField.ProjectName when !header.Fields.ContainsKey(HeaderField.SubProjectName):
                case HeaderField.SubProjectName:
                    form.ProjectName ??= value.Text; break;
                case HeaderField.Department: form.Department ??= WithoutTrailingCode(value.Text); break;
                case HeaderField.ImplementingUnit when !IsSelfReference(value.Text): form.ImplementingUnit ??= value.Text; break;
                case HeaderField.UnitName when !header.Fields.TryGetValue(HeaderField.ImplementingUnit, out var named) || IsSelfReference(named.Text):
                    form.ImplementingUnit ??= value.Text; break;
                case HeaderField.ProjectNature when form is TargetDeclaration d: d.ProjectNature ??= value.Text; break;
                case HeaderField.ProjectCategory when form is TargetDeclaration d: d.ProjectCategory ??= value.Text; break;
                case HeaderField.StartDate when form is TargetDeclaration d:
                    d.StartDate = ValueParser.ParseDate(value.Text);
                    if (d.StartDate is null) d.Warnings.Add(new ImportWarning($"第{value.Line}行：计划开始日期“{value.Text}”不是有效日期", value.Line));
                    break;
                case HeaderField.EndDate when form is TargetDeclaration d:
                    d.EndDate = ValueParser.ParseDate(value.Text);
                    if (d.EndDate is null) d.Warnings.Add(new ImportWarning($"第{value.Line}行：计划完成日期“{value.Text}”不是有效日期", value.Line));
                    break;
            }
        }
        if (header.Unit is { } unit)
        {
            if (form is SelfEvaluation s) s.Funds.Unit = unit;
            if (form is TargetDeclaration t) t.Funds.Unit = unit;
        }
        // No unit printed, but the amounts carry one (`20万元`): the form is in that unit.
        if (header.Unit is null && form is TargetDeclaration withUnits && header.DeclarationFunds.FirstOrDefault(v => v.Written?.Unit is not null) is { } first)
            withUnits.Funds.Unit = first.Written!.Unit!.Value;
        if (form is TargetDeclaration decl)
            foreach (var v in header.DeclarationFunds)
            {
                // An amount written with its unit or text (`854万`, `50万元(…)`): read in the form's unit, said.
                if (v.Written is { } w)
                {
                    var amount = MoneyText.InUnit(w, decl.Funds.Unit);
                    FundRows.SetDeclarationFund(decl.Funds, v with { Amount = amount });
                    decl.Warnings.Add(new ImportWarning(
                        $"第{v.Line}行：金额“{v.Text}”{(w.WithText ? "写有文字" : "带有单位")}，读作{amount:0.######}{(decl.Funds.Unit == MoneyUnit.WanYuan ? "万元" : "元")}，请核对", v.Line));
                }
                else FundRows.SetDeclarationFund(decl.Funds, v);
            }
        if (form is SelfEvaluation se)
        {
            FundRows.Build(se, header.FundColumns, header.FundRows, source.IsGluedLine, header.FundColumnPositions);
            // A template without a 分值 column prints the budget's points in a head (`预算执行情况(万元)(20分)`).
            if (header.PrintedBudgetWeight is { } w && se.Funds.Total is { Weight: null } total) total.Weight = w;
        }
    }
}
