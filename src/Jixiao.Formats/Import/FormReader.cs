using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using Jixiao.Core.Text;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>
/// Reads the forms in one file's rows into the canonical model. It recognises what a cell is by its content (a
/// header label, a fund figure, a group label, a target value) rather than by its position, because extractors
/// shift columns, wrap cells over lines and place merged-cell labels beside the middle of their group.
/// </summary>
internal sealed partial class FormReader
{
    private readonly LayoutResult _layout;
    private readonly string _file;
    private readonly bool _tabular;
    private readonly bool _cellPerLine;
    private readonly bool _endsMidCharacter;
    private readonly List<ImportProblem> _problems = new();

    public FormReader(LayoutResult layout, string file, bool endsMidCharacter)
    {
        _layout = layout;
        _file = file;
        _tabular = layout.Kind is LayoutKind.TabRows or LayoutKind.PipeRows or LayoutKind.JsonRows or LayoutKind.CellGrid;
        _cellPerLine = layout.Kind == LayoutKind.CellPerLine;
        _endsMidCharacter = endsMidCharacter;
    }

    private IReadOnlyList<Row> Rows => _layout.Rows;

    public (List<PerformanceForm> Forms, List<DeclarationSummary> Summaries, List<ImportProblem> Problems) Read()
    {
        var forms = new List<PerformanceForm>();
        var summaries = new List<DeclarationSummary>();
        var titles = FindTitles(summaries);
        if (titles.Count == 0 && InferTitle() is { } inferred)
        {
            titles.Add(inferred);
            _problems.Add(new ImportProblem(_file, Rows[inferred.Row].Line,
                $"没有找到表名；按内容（{(inferred.Kind == FormKind.SelfEvaluation ? "有执行数和执行率" : "只有指标值")}）判断为{inferred.Kind.ToChinese()}", false));
        }
        if (titles.Count == 0)
        {
            _problems.Add(new ImportProblem(_file, null, "未找到绩效表的标题（如“财政项目支出绩效自评表”或“…绩效目标申报表”），无法识别为绩效表", true));
            return (forms, summaries, _problems);
        }
        ReportLeadingFragment(titles[0].Row);
        for (int t = 0; t < titles.Count; t++)
        {
            int start = titles[t].Row, end = t + 1 < titles.Count ? titles[t + 1].Row : Rows.Count;
            bool last = t == titles.Count - 1;
            try
            {
                var form = ReadForm(titles[t], start, end, last);
                forms.Add(form);
                var summary = summaries.LastOrDefault(s => s.Year == form.Year || s.Year is null);
                if (summary is not null && form is TargetDeclaration d) summary.Declarations.Add(d);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One broken form must not cost the others in the file.
                _problems.Add(new ImportProblem(_file, Rows[start].Line, $"第{Rows[start].Line}行开始的表无法读取：{ex.Message}", true));
            }
        }
        return (forms, summaries, _problems);
    }

    // ---------------------------------------------------------------- titles

    private sealed record Title(int Row, FormKind Kind, string Text);

    private List<Title> FindTitles(List<DeclarationSummary> summaries)
    {
        var found = new List<Title>();
        for (int i = 0; i < Rows.Count; i++)
        {
            // 部门整体 titles (DepartmentWholeReader), some without 表 (江西's 部门整体绩效目标).
            if (Rows[i].Raw.Contains("整体") && DepartmentWholeReader.TitleKind(Rows[i].JoinedText) is { } whole)
            {
                found.Add(new Title(i, whole, Rows[i].JoinedText));
                continue;
            }
            // Every title ends in …表 (自评表, 申报表, 目标表, 汇总表): rows without 表 are not looked at further.
            if (!Rows[i].NonEmptyCells.Any(c => c.Text.Contains('表'))) continue;
            var text = Rows[i].JoinedText;
            if (text.Length == 0 || text.Length > 90 || text.Contains('。')) continue;
            if (text.Contains("汇总表"))
            {
                var m = Regex.Match(text, @"^(?<unit>.*?)(?<year>(?:19|20)\d{2})年度");
                summaries.Add(new DeclarationSummary
                {
                    Year = ValueParser.ParseYear(text),
                    UnitName = m.Success && m.Groups["unit"].Value.Length > 0 ? m.Groups["unit"].Value : null,
                });
                continue;
            }
            if (text.StartsWith("附件") || text.StartsWith("关于")) continue;
            FormKind? kind = MonitoringReader.IsTitle(text) ? FormKind.Monitoring
                : text.Contains("自评表") ? FormKind.SelfEvaluation
                : text.Contains("申报表") || text.Contains("目标表") || text.Contains("审批表") ? FormKind.TargetDeclaration
                : null;
            if (kind is null) continue;
            found.Add(new Title(i, kind.Value, text));
        }
        // A page heading that repeats the form's name precedes the real title: keep the title nearest the header.
        _titleCandidates = found;
        var kept = new List<Title>();
        for (int t = 0; t < found.Count; t++)
        {
            int end = t + 1 < found.Count ? found[t + 1].Row : Rows.Count;
            bool hasHeader = false;
            for (int r = found[t].Row + 1; r < end && !hasHeader; r++)
                hasHeader = Rows[r].NonEmpty.Any(c => found[t].Kind.IsDepartmentWhole() ? DepartmentWholeReader.IsHeaderLabel(c.Text) : IsHeaderLabel(c.Text) is HeaderField.ProjectName);
            if (hasHeader || t == found.Count - 1) kept.Add(found[t]);
        }
        return kept;
    }

    /// <summary>A form published without its title: the header (项目名称) is there, the kind follows from the funds.</summary>
    private Title? InferTitle()
    {
        int at = -1;
        for (int i = 0; i < Rows.Count && at < 0; i++)
            if (Rows[i].NonEmpty.Any(c => IsHeaderLabel(c.Text) is HeaderField.ProjectName)) at = i;
        if (at < 0) return null;
        bool executed = Rows.Skip(at).Any(r => r.NonEmpty.Any(c => FundColumnOf(c.Text) is FundColumn.Executed or FundColumn.Rate
                                                                   || Key(c.Text).Contains("执行数") || Key(c.Text).Contains("实际值")));
        int titleRow = at > 0 ? at - 1 : at;
        return new Title(titleRow, executed ? FormKind.SelfEvaluation : FormKind.TargetDeclaration, Rows[titleRow].JoinedText);
    }

    private List<Title> _titleCandidates = new();

    private void ReportLeadingFragment(int firstTitleRow)
    {
        // A page that starts with the tail of the previous form: its rows have no header to belong to.
        var rows = Rows.Take(firstTitleRow).Where(r => !r.IsBlank).ToList();
        if (rows.Any(r => r.NonEmpty.Any(c => ValueParser.StartsWithComparator(c.Text) || Level2Of(c.Text) is not null)))
            _problems.Add(new ImportProblem(_file, rows[0].Line,
                $"第{rows[0].Line}–{rows[^1].Line}行是上一张表的结尾（没有表头），未导入", false));
    }

    private static HeaderField? IsHeaderLabel(string text) =>
        HeaderLabels.TryGetValue(Key(text), out var f) ? f : null;

    // ---------------------------------------------------------------- one form

    private PerformanceForm ReadForm(Title title, int start, int end, bool lastInFile)
    {
        if (title.Kind == FormKind.Monitoring) return ReadMonitoring(start, end);
        if (title.Kind.IsDepartmentWhole()) return ReadDepartmentWhole(title, start, end, lastInFile);
        PerformanceForm form = title.Kind == FormKind.SelfEvaluation ? new SelfEvaluation() : new TargetDeclaration();
        form.Source = new SourceRef(_file, Rows[start].Line);
        form.Year = ValueParser.ParseYear(title.Text);
        for (int r = start + 1; r < Math.Min(end, start + 4) && form.Year is null; r++) form.Year = ValueParser.ParseYear(Rows[r].JoinedText);
        if (form.Year is null)
        {
            // A title wrapped over lines (`…项目)2022年` / `中央预算内投资计划绩效目标表`) carries its year above.
            // Only the form's own title counts: a web page heading's year may belong to something else.
            var m = Regex.Match(WrappedTitle(start), @"((?:19|20)\d{2})年");
            if (m.Success) form.Year = int.Parse(m.Groups[1].Value);
        }

        int indicatorsAt = FindIndicatorHeader(start + 1, end);
        int bodyEnd = indicatorsAt >= 0 ? indicatorsAt : end;
        int goalsAt = FindGoals(start + 1, bodyEnd, title.Kind);
        int headerEnd = goalsAt >= 0 ? goalsAt : bodyEnd;
        // Some templates (Sichuan) put the goals before the funds: the funds then end the goals block.
        int fundsAfterGoals = goalsAt >= 0 ? FindFundsMarker(goalsAt + 1, bodyEnd) : -1;
        int goalsEnd = fundsAfterGoals >= 0 ? fundsAfterGoals : bodyEnd;

        ReadHeaderAndFunds(form, start + 1, headerEnd, fundsAfterGoals >= 0 ? (fundsAfterGoals, bodyEnd) : null);
        if (goalsAt >= 0) ReadGoals(form, goalsAt, goalsEnd);
        var tableEnd = indicatorsAt >= 0 ? ReadIndicators(form, indicatorsAt, end) : new TableEnd(false, end);
        if (form is SelfEvaluation se) ReadFooter(se, tableEnd.FooterRow, end);

        DecideComplete(form, tableEnd, end, lastInFile, indicatorsAt);
        return form;
    }

    private string WrappedTitle(int titleRow)
    {
        var parts = new List<string> { Rows[titleRow].JoinedText };
        for (int r = titleRow - 1; r >= 0 && r >= titleRow - 3; r--)
        {
            var t = Rows[r].JoinedText;
            if (t.Length == 0 || t.Contains(':') || t.Contains('：') || t.EndsWith('。') || t.Length > 40) break;
            parts.Insert(0, t);
        }
        return string.Concat(parts);
    }

    private int FindIndicatorHeader(int from, int end)
    {
        for (int r = from; r < end; r++)
        {
            var cells = Rows[r].NonEmptyCells;
            foreach (var cell in cells)
            {
                var k = Key(cell.Text);
                if (k is "一级指标" || k.StartsWith("三级指标", StringComparison.Ordinal)) return r;
            }
            // Wrapped text layouts split the header: `一级` then `指标` on the next line.
            if (!_tabular && cells.Length == 1 && Key(cells[0].Text) == "一级") return r;
        }
        return -1;
    }

    private int FindFundsMarker(int from, int end)
    {
        for (int r = from; r < end; r++)
            if (Rows[r].NonEmpty.Any(c => IsFundsMarker(c.Text))) return r;
        return -1;
    }

    private int FindGoals(int from, int end, FormKind kind)
    {
        for (int r = from; r < end; r++)
            if (Rows[r].NonEmpty.Any(c => GoalColumnOf(c.Text, kind) is not null || Key(c.Text) is "年度总体目标预期目标")) return r;
        return -1;
    }

    // ---------------------------------------------------------------- header and funds

    private sealed class FundRowBuilder
    {
        public readonly List<Cell> Label = new();
        public readonly List<Cell> Values = new();
    }

    private void ReadHeaderAndFunds(PerformanceForm form, int from, int end, (int From, int End)? laterFunds)
    {
        var cells = _tabular || _cellPerLine ? Enumerable.Range(from, Math.Max(0, end - from)).SelectMany(r => Rows[r].NonEmpty).ToList()
                             : HeaderCellsFromText(from, end);
        if (laterFunds is { } lf) cells.AddRange(Enumerable.Range(lf.From, lf.End - lf.From).SelectMany(r => Rows[r].NonEmpty));

        HeaderField? field = null;
        var fieldValues = new Dictionary<HeaderField, List<Cell>>();
        bool inFunds = false;
        var fundColumns = new List<FundColumn>();
        var fundRows = new List<FundRowBuilder>();
        FundRowBuilder? current = null;
        var declFunds = (form as TargetDeclaration)?.Funds;
        DeclarationFundLabel? pendingDeclLabel = null;
        int otherSeen = 0;
        bool projectColumnSeen = false, otherIsAnnual = false;

        foreach (var cell in cells)
        {
            var text = CellText(cell);
            var key = Key(text);
            if (key.Length == 0) continue;

            if (IsHeaderLabel(text) is { } hf)
            {
                field = hf;
                if (!fieldValues.ContainsKey(hf)) fieldValues[hf] = new List<Cell>();
                continue;
            }
            if (IsFundsMarker(text))
            {
                field = null;
                inFunds = true;
                SetUnit(form, text);
                continue;
            }
            if (key is "(元)" or "(万元)" or "元" or "万元" || (key.StartsWith("金额单位") && (key.EndsWith("元"))))
            {
                SetUnit(form, text);
                continue;
            }
            if (key.Contains("(万元)") || key.Contains("(元)")) SetUnit(form, text);
            if (key.Contains("字以内", StringComparison.Ordinal) && Regex.IsMatch(key, @"\(\d+字以内\)")) continue; // template instructions left in the cells
            if (ValueParser.ParseYear(text) is not null && key.StartsWith("(") ) continue;

            if (form is TargetDeclaration && DeclarationFundOf(text) is { } dl)
            {
                field = null;
                inFunds = true;
                // 其他资金 appears twice: the project column first, the annual column second.
                if (dl == DeclarationFundLabel.Other) otherSeen++;
                pendingDeclLabel = dl;
                if (dl == DeclarationFundLabel.ProjectTotal) projectColumnSeen = true;
                // Without a 项目资金总额 column the only 其他资金 is this year's.
                otherIsAnnual = dl == DeclarationFundLabel.Other && (otherSeen >= 2 || !projectColumnSeen);
                continue;
            }
            if (form is TargetDeclaration && pendingDeclLabel is { } pl && ValueParser.ParseNumber(text) is { } amount)
            {
                SetDeclarationFund(declFunds!, pl, amount, otherIsAnnual);
                pendingDeclLabel = null;
                continue;
            }

            if (form is SelfEvaluation && inFunds)
            {
                if (FundColumnOf(text) is { } fc) { fundColumns.Add(fc); continue; }
                bool isValue = ValueParser.ParseNumber(text) is not null || ValueParser.IsDash(text) || ValueParser.ParsePercent(text) is not null;
                if (isValue)
                {
                    current ??= new FundRowBuilder();
                    current.Values.Add(cell with { Text = text });
                }
                else
                {
                    if (current is { Values.Count: > 0 }) { fundRows.Add(current); current = null; }
                    // A known row label starts afresh: text before it with no figures was a note, not a label.
                    if (IsSelfEvaluationFundLabel(text)) current = null;
                    current ??= new FundRowBuilder();
                    current.Label.Add(cell with { Text = text });
                }
                continue;
            }

            if (field is { } f) fieldValues[f].Add(cell with { Text = text });
        }
        if (current is { Values.Count: > 0 }) fundRows.Add(current);

        foreach (var (f, values) in fieldValues)
        {
            var value = JoinCells(values);
            if (value.Length == 0) continue;
            switch (f)
            {
                case HeaderField.ProjectName: form.ProjectName ??= value; break;
                case HeaderField.Department: form.Department ??= value; break;
                case HeaderField.ImplementingUnit: form.ImplementingUnit ??= value; break;
                case HeaderField.ProjectNature when form is TargetDeclaration d: d.ProjectNature ??= value; break;
                case HeaderField.ProjectCategory when form is TargetDeclaration d: d.ProjectCategory ??= value; break;
                case HeaderField.StartDate when form is TargetDeclaration d:
                    d.StartDate = ValueParser.ParseDate(value);
                    if (d.StartDate is null) d.Warnings.Add(new ImportWarning($"第{values[0].Line}行：计划开始日期“{value}”不是有效日期", values[0].Line));
                    break;
                case HeaderField.EndDate when form is TargetDeclaration d:
                    d.EndDate = ValueParser.ParseDate(value);
                    if (d.EndDate is null) d.Warnings.Add(new ImportWarning($"第{values[0].Line}行：计划完成日期“{value}”不是有效日期", values[0].Line));
                    break;
            }
        }

        if (form is SelfEvaluation s) BuildFundRows(s, fundColumns, fundRows);
    }


    /// <summary>
    /// Header lines in PDF text. A line with two or more labels (`主管部门 实施单位`) is a band: its cells are
    /// centred on it, so their other lines stand just above and below it, one fragment per cell. Those fragments
    /// are put back into their cells. Other lines pass through as they are.
    /// </summary>
    private List<Cell> HeaderCellsFromText(int from, int end)
    {
        var rows = Enumerable.Range(from, Math.Max(0, end - from)).Select(r => Rows[r]).Where(r => !r.IsBlank).ToList();
        bool IsBand(Row r) => r.NonEmpty.Count(c => IsHeaderLabel(c.Text) is not null) >= 2;
        bool IsFree(Row r) => r.NonEmpty.All(c => IsHeaderLabel(c.Text) is null && !IsFundsMarker(c.Text) &&
                                                  DeclarationFundOf(c.Text) is null && ValueParser.ParseNumber(c.Text) is null &&
                                                  ValueParser.ParseYear(c.Text) is null && FundColumnOf(c.Text) is null);
        // Slots of each band: (label cell, in-line value cells, fragments above, fragments below).
        var bands = new Dictionary<int, List<(Cell Label, List<Cell> Inline, List<Cell> Above, List<Cell> Below)>>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (!IsBand(rows[i])) continue;
            var slots = new List<(Cell, List<Cell>, List<Cell>, List<Cell>)>();
            foreach (var c in rows[i].NonEmpty)
            {
                if (IsHeaderLabel(c.Text) is not null) slots.Add((c, new List<Cell>(), new List<Cell>(), new List<Cell>()));
                else if (slots.Count > 0) slots[^1].Item2.Add(c);
            }
            bands[i] = slots;
        }
        if (bands.Count == 0) return rows.SelectMany(r => r.NonEmpty).ToList();

        var attached = new HashSet<int>();
        var single = new Dictionary<int, (List<Cell> Above, List<Cell> Below)>();
        foreach (var (bi, slots) in bands)
        {
            // Lines below the band, up to the next band or a non-free line.
            var below = new List<int>();
            for (int j = bi + 1; j < rows.Count && !bands.ContainsKey(j) && IsFree(rows[j]); j++) below.Add(j);
            int nextBand = below.Count > 0 && below[^1] + 1 < rows.Count && bands.ContainsKey(below[^1] + 1) ? below[^1] + 1 : -1;
            foreach (var j in below)
            {
                // A line that fits the next band's empty cells belongs to that band (it stands above it).
                if (nextBand >= 0 && rows[j].NonEmpty.Count() == bands[nextBand].Count(s => s.Inline.Count == 0) && bands[nextBand].Any(s => s.Inline.Count == 0))
                {
                    for (int k = j; k <= below[^1]; k++) { Place(bands[nextBand], rows[k], above: true, nextBand); attached.Add(k); }
                    break;
                }
                Place(slots, rows[j], above: false, bi);
                attached.Add(j);
            }
            // Lines above the first band, after the title: at most two, and never `标签:值` metadata.
            if (bi == bands.Keys.Min())
                for (int j = bi - 1; j >= 0 && j >= bi - 2 && IsFree(rows[j]) && !attached.Contains(j) && rows[j].NonEmpty.Count() <= slots.Count
                                     && !rows[j].NonEmpty.Any(c => c.Text.Contains(':') || c.Text.Contains('：')); j--)
                {
                    if (ValueParser.ParseYear(rows[j].JoinedText) is not null) break;
                    Place(slots, rows[j], above: true, bi);
                    attached.Add(j);
                }
        }
        foreach (var (bi, frags) in single) ResolveSingles(bands[bi], frags.Above, frags.Below);

        var cells = new List<Cell>();
        for (int i = 0; i < rows.Count; i++)
        {
            if (attached.Contains(i)) continue;
            if (!bands.TryGetValue(i, out var slots)) { cells.AddRange(rows[i].NonEmpty); continue; }
            foreach (var (label, inline, above, below) in slots)
            {
                cells.Add(label);
                var parts = above.Concat(inline).Concat(below).ToList();
                if (parts.Count > 0) cells.Add(parts[0] with { Text = ChineseText.JoinWrapped(parts.Select(p => p.Text)) });
            }
        }
        return cells;

        void Place(List<(Cell Label, List<Cell> Inline, List<Cell> Above, List<Cell> Below)> slots, Row row, bool above, int bandIndex)
        {
            var tokens = row.NonEmpty.ToList();
            var empty = slots.Where(s => s.Inline.Count == 0).ToList();
            List<(Cell Label, List<Cell> Inline, List<Cell> Above, List<Cell> Below)>? targets =
                tokens.Count == empty.Count && empty.Count > 0 ? empty : tokens.Count == slots.Count ? slots : null;
            if (targets is not null)
            {
                for (int t = 0; t < tokens.Count; t++)
                {
                    if (above) targets[t].Above.Insert(targets[t].Above.Count, tokens[t]);
                    else targets[t].Below.Add(tokens[t]);
                }
                return;
            }
            // One fragment for a band whose cells are all filled in-line: which cell it continues is decided later.
            if (!single.TryGetValue(bandIndex, out var f)) single[bandIndex] = f = (new List<Cell>(), new List<Cell>());
            (above ? f.Above : f.Below).AddRange(tokens);
        }
    }

    private static void ResolveSingles(List<(Cell Label, List<Cell> Inline, List<Cell> Above, List<Cell> Below)> slots, List<Cell> above, List<Cell> below)
    {
        if (above.Count == 0 && below.Count == 0) return;
        // The wrapped cell is the one whose pieces make a known value (阶段 + 性项 + 目 = 阶段性项目); else the
        // shortest in-line value, a fragment being shorter than a whole value.
        var text = (List<Cell> cs) => string.Concat(cs.Select(c => Key(c.Text)));
        int pick = slots.FindIndex(s => Enumerations.IsKnown(text(above) + text(s.Inline) + text(below)));
        if (pick < 0) pick = slots.Select((s, i) => (Len: text(s.Inline).Length, i)).OrderBy(x => x.Len).First().i;
        slots[pick].Above.InsertRange(0, above);
        slots[pick].Below.AddRange(below);
    }

    private static void SetDeclarationFund(DeclarationFunds f, DeclarationFundLabel label, decimal amount, bool otherIsAnnual)
    {
        switch (label)
        {
            case DeclarationFundLabel.ProjectTotal: f.ProjectTotal = amount; break;
            case DeclarationFundLabel.ProjectFiscal: f.ProjectFiscal = amount; break;
            case DeclarationFundLabel.AnnualTotal: f.AnnualTotal = amount; break;
            case DeclarationFundLabel.Appropriation: f.CurrentYearAppropriation = amount; break;
            case DeclarationFundLabel.CarryOver: f.CarryOver = amount; break;
            case DeclarationFundLabel.Other when otherIsAnnual: f.Other = amount; break;
            case DeclarationFundLabel.Other: f.ProjectOther = amount; break;
        }
    }

    private static void SetUnit(PerformanceForm form, string text)
    {
        var k = Key(text);
        MoneyUnit? unit = k.Contains("万元") ? MoneyUnit.WanYuan : k.Contains("元") ? MoneyUnit.Yuan : null;
        if (unit is null) return;
        if (form is SelfEvaluation s) s.Funds.Unit = unit.Value;
        if (form is TargetDeclaration d) d.Funds.Unit = unit.Value;
    }

    private static readonly FundColumn[] ShanghaiFundColumns =
        [FundColumn.Initial, FundColumn.Adjusted, FundColumn.Executed, FundColumn.Weight, FundColumn.Rate, FundColumn.Score];

    private void BuildFundRows(SelfEvaluation form, List<FundColumn> columns, List<FundRowBuilder> rows)
    {
        var cols = columns.Count > 0 ? columns : ShanghaiFundColumns.ToList();
        foreach (var b in rows)
        {
            var label = Key(JoinCells(b.Label));
            if (label.Length == 0 || b.Values.Count == 0 || label.Length > 30) continue;
            var row = new FundRow { Label = label, Line = (b.Label.Count > 0 ? b.Label[0] : b.Values[0]).Line };
            for (int i = 0; i < b.Values.Count && i < cols.Count; i++)
            {
                var v = b.Values[i].Text;
                switch (cols[i])
                {
                    case FundColumn.Initial: row.InitialBudget = ValueParser.ParseNumber(v); break;
                    case FundColumn.Adjusted: row.AdjustedBudget = ValueParser.ParseNumber(v); break;
                    case FundColumn.Executed: row.Executed = ValueParser.ParseNumber(v); break;
                    case FundColumn.Weight: row.Weight = ValueParser.ParseNumber(v); break;
                    case FundColumn.Rate: row.ExecutionRate = ValueParser.ParsePercent(v); break;
                    case FundColumn.Score: row.Score = ValueParser.ParseNumber(v); break;
                }
            }
            if (b.Values.Count > cols.Count)
                form.Warnings.Add(new ImportWarning($"第{row.Line}行：资金行“{label}”的数字多于表头的列数，多出的已忽略", row.Line));
            form.Funds.Rows.Add(row);
        }
    }

    // ---------------------------------------------------------------- goals

    private void ReadGoals(PerformanceForm form, int from, int end)
    {
        var texts = _tabular || _cellPerLine ? GoalCellsByColumn(form.Kind, from, end) : GoalCellsFromText(form, from, end);
        foreach (var (column, text, line) in texts)
        {
            // Template instructions left in an answer cell (`…(100字以内)`) are not the unit's text.
            if (text.Length == 0 || (text.Contains("字以内", StringComparison.Ordinal) && Regex.IsMatch(text, @"[(（]\d+字以内[)）]"))) continue;
            switch (form, column)
            {
                case (TargetDeclaration d, GoalColumn.Overall): d.OverallGoal = Append(d.OverallGoal, text); break;
                case (TargetDeclaration d, _): d.AnnualGoal = Append(d.AnnualGoal, text); break;
                case (SelfEvaluation s, GoalColumn.Actual): s.ActualOutcome = Append(s.ActualOutcome, text); break;
                case (SelfEvaluation s, _): s.ExpectedGoal = Append(s.ExpectedGoal, text); break;
            }
        }
    }

    private static string Append(string? a, string b) => a is null ? b : a + b;

    private List<(GoalColumn, string, int)> GoalCellsByColumn(FormKind kind, int from, int end)
    {
        var headers = new List<(int Col, GoalColumn Goal)>();
        var result = new List<(GoalColumn, string, int)>();
        var pending = new List<Cell>();
        for (int r = from; r < end; r++)
        {
            foreach (var cell in Rows[r].NonEmpty)
            {
                var text = CellText(cell);
                if (GoalColumnOf(text, kind) is { } g) { headers.Add((cell.Column, g)); continue; }
                if (IsNoiseLabel(text) || Key(text) is "年度总体目标" or "总体目标" or "年度总体目标" || IsHeaderLabel(text) is not null) continue;
                pending.Add(cell with { Text = text });
            }
        }
        var defaults = kind == FormKind.TargetDeclaration ? new[] { GoalColumn.Overall, GoalColumn.Annual } : new[] { GoalColumn.Expected, GoalColumn.Actual };
        for (int i = 0; i < pending.Count; i++)
        {
            var cell = pending[i];
            GoalColumn column;
            if (headers.Count > 0)
            {
                // The text belongs to the header at or left of its column; merged cells place it at the header's column.
                var left = headers.Where(h => h.Col <= cell.Column).OrderByDescending(h => h.Col).FirstOrDefault();
                column = left == default ? headers.OrderBy(h => h.Col).First().Goal : left.Goal;
            }
            else column = defaults[Math.Min(i, 1)];
            result.Add((column, ChineseText.Normalize(cell.Text), cell.Line));
        }
        return result;
    }

    /// <summary>
    /// Goals in PDF text: the header line, then the cells' text. Quoted cells (`"…"` from a spreadsheet export)
    /// run to their closing quote; otherwise a cell is a paragraph: a new one starts where a line is indented or the
    /// previous line was short and ended a sentence.
    /// </summary>
    private List<(GoalColumn, string, int)> GoalCellsFromText(PerformanceForm form, int from, int end)
    {
        var kind = form.Kind;
        var lines = new List<(string Text, int Line)>();
        var headers = new List<GoalColumn>();
        for (int r = from; r < end; r++)
        {
            var raw = ChineseText.StripTags(Rows[r].Raw).Replace("\n", "");
            var trimmed = raw.Trim();
            if (trimmed.Length == 0) continue;
            var tokens = Rows[r].NonEmpty.Select(c => c.Text).ToList();
            var goalHeaders = tokens.Select(t => GoalColumnOf(t, kind)).Where(g => g is not null).Select(g => g!.Value).ToList();
            if (goalHeaders.Count > 0 && tokens.All(t => GoalColumnOf(t, kind) is not null || IsAnnotation(t)))
            {
                headers.AddRange(goalHeaders);
                continue;
            }
            if (IsGoalBlockLabelFragment(trimmed) || IsAnnotation(trimmed)) continue;
            lines.Add((raw, Rows[r].Line));
        }

        var cells = new List<(string Text, int Line)>();
        if (TwoQuotedColumns(lines) is { } two) cells.AddRange(two);
        int i = cells.Count > 0 ? lines.Count : 0;
        while (i < lines.Count)
        {
            var (text, line) = lines[i];
            var t = text.Trim();
            if (t.StartsWith('"'))
            {
                var sb = new StringBuilder();
                int startLine = line;
                var body = t[1..];
                while (true)
                {
                    var closing = body.TrimEnd().EndsWith('"');
                    ChineseText.AppendWrapped(sb, ChineseText.Normalize(closing ? body.TrimEnd()[..^1] : body));
                    i++;
                    if (closing || i >= lines.Count) break;
                    body = lines[i].Text.Trim();
                }
                cells.Add((sb.ToString(), startLine));
                continue;
            }
            // Paragraph cells.
            int width = lines.Skip(i).TakeWhile(l => !l.Text.Trim().StartsWith('"')).Max(l => DisplayWidth(l.Text.Trim()));
            var para = new StringBuilder();
            int paraLine = line;
            while (i < lines.Count && !lines[i].Text.Trim().StartsWith('"'))
            {
                var raw = lines[i].Text;
                bool indented = raw.Length > 0 && ChineseText.IsSpace(raw[0]);
                if (para.Length > 0 && indented)
                {
                    cells.Add((para.ToString(), paraLine));
                    para.Clear();
                    paraLine = lines[i].Line;
                }
                var piece = raw.Trim();
                ChineseText.AppendWrapped(para, ChineseText.Normalize(piece));
                i++;
                bool endsSentence = piece.EndsWith('。') || piece.EndsWith('；') || piece.EndsWith('！');
                // A line that does not fill the column and ends a sentence ends the cell's paragraph.
                if (endsSentence && DisplayWidth(piece) < width - 1 && i < lines.Count)
                {
                    cells.Add((para.ToString(), paraLine));
                    para.Clear();
                    if (i < lines.Count) paraLine = lines[i].Line;
                }
            }
            if (para.Length > 0) cells.Add((para.ToString(), paraLine));
        }

        var order = headers.Count >= cells.Count && headers.Count > 0 ? headers
            : kind == FormKind.TargetDeclaration
                ? (cells.Count >= 2 ? [GoalColumn.Overall, GoalColumn.Annual] : [GoalColumn.Annual])
                : [GoalColumn.Expected, GoalColumn.Actual];
        var result = new List<(GoalColumn, string, int)>();
        for (int c = 0; c < cells.Count; c++)
        {
            var column = order[Math.Min(c, order.Count - 1)];
            result.Add((column, cells[c].Text, cells[c].Line));
        }
        int expected = kind == FormKind.TargetDeclaration ? Math.Max(1, Math.Min(2, headers.Count)) : 2;
        if (cells.Count > expected && lines.Count > 0)
            form.Warnings.Add(new ImportWarning(
                $"第{cells[0].Line}行起：目标栏分出{cells.Count}段，多于{expected}栏，后面的段落并入最后一栏，请核对", cells[0].Line));
        if (cells.Count == 1 && kind == FormKind.SelfEvaluation)
            form.Warnings.Add(new ImportWarning($"第{cells[0].Line}行起：目标栏只读出一段文字，已作为预期目标，实际完成情况为空，请核对", cells[0].Line));
        return result;
    }

    /// <summary>
    /// Two quoted cells side by side, interleaved line by line by the extractor (`"left… "right…`): each line holds
    /// the left cell's piece, a space, and the right cell's piece, until the left cell's closing quote; then the
    /// right cell runs on alone.
    /// </summary>
    private static List<(string Text, int Line)>? TwoQuotedColumns(List<(string Text, int Line)> lines)
    {
        if (lines.Count == 0) return null;
        var first = lines[0].Text.Trim();
        var m = Regex.Match(first, "^\"(?<l>[^\"]*?) \"(?<r>.*)$");
        if (!m.Success) return null;
        var left = new StringBuilder();
        var right = new StringBuilder();
        ChineseText.AppendWrapped(left, ChineseText.Normalize(m.Groups["l"].Value));
        ChineseText.AppendWrapped(right, ChineseText.Normalize(m.Groups["r"].Value));
        bool leftOpen = true;
        for (int i = 1; i < lines.Count; i++)
        {
            var t = lines[i].Text.Trim();
            if (IsGoalBlockLabelFragment(t)) continue;
            if (leftOpen)
            {
                int space = t.IndexOf(' ');
                var l = space < 0 ? t : t[..space];
                var r = space < 0 ? "" : t[(space + 1)..];
                if (l.EndsWith('"')) { l = l[..^1]; leftOpen = false; }
                ChineseText.AppendWrapped(left, ChineseText.Normalize(l));
                ChineseText.AppendWrapped(right, ChineseText.Normalize(r));
            }
            else ChineseText.AppendWrapped(right, ChineseText.Normalize(t));
        }
        var rightText = right.ToString();
        if (rightText.EndsWith('"')) rightText = rightText[..^1];
        return [(left.ToString(), lines[0].Line), (rightText, lines[0].Line)];
    }

    /// <summary>Width in half-width columns: CJK characters take two, as on the printed page.</summary>
    private static int DisplayWidth(string s)
    {
        int w = 0;
        foreach (var c in s) w += ChineseText.IsCjk(c) ? 2 : 1;
        return w;
    }

    private static bool IsAnnotation(string text)
    {
        var k = Key(text);
        return (k.StartsWith('(') && k.EndsWith(')') && k.Length < 30) || Regex.IsMatch(k, @"^\(?\d{4}年?-?\d{0,4}年?\)?$") || k is "(2024" or "年)";
    }

    private static bool IsGoalBlockLabelFragment(string text)
    {
        var k = Key(text);
        return k is "项目" or "绩效" or "目标" or "年度" or "总体" or "项目绩效目标" or "年度总体目标" or "绩效目标" or "总体目标";
    }

    // ---------------------------------------------------------------- indicators

    private sealed record TableEnd(bool ReachedFooter, int FooterRow);

    private enum Role { Target, Actual, Weight, Score, Reason, Comparator, Unit, Ignored }

    private sealed class PlacedIndicator
    {
        public required Indicator Indicator { get; init; }
        public Dictionary<int, Role> Columns { get; } = new();
        public int NameColumn = -1;
    }

    private TableEnd ReadIndicators(PerformanceForm form, int headerRow, int end)
    {
        if (_cellPerLine) return ReadGridIndicators(form, headerRow, end);
        var (roles, dataStart) = ReadIndicatorHeader(form.Kind, headerRow, end);
        return _tabular
            ? ReadTabularIndicators(form, roles, dataStart, end)
            : ReadTextIndicators(form, roles, dataStart, end);
    }

    private (List<Role> Roles, int DataStart) ReadIndicatorHeader(FormKind kind, int headerRow, int end)
    {
        var roles = new List<Role>();
        int r = headerRow;
        var tokens = new List<string>();
        for (; r < end; r++)
        {
            var cells = Rows[r].NonEmpty.Select(c => CellText(c)).ToList();
            if (cells.Count == 0) continue;
            // Header rows hold only header words (and the outer 绩效指标 label).
            bool allHeader = cells.All(c => IndicatorColumnOf(c) is not null || IsNoiseLabel(c) || IsHeaderFragment(c));
            if (!allHeader) break;
            tokens.AddRange(cells);
        }
        // Re-join fragments (`偏差原因分析` + `及改进措施`) by reading words in order.
        foreach (var t in tokens)
        {
            var col = IndicatorColumnOf(t);
            Role? role = col switch
            {
                IndicatorColumn.Target => Role.Target,
                IndicatorColumn.Actual => Role.Actual,
                IndicatorColumn.Weight => Role.Weight,
                IndicatorColumn.Score => Role.Score,
                IndicatorColumn.Reason => Role.Reason,
                IndicatorColumn.Comparator => Role.Comparator,
                IndicatorColumn.Unit => Role.Unit,
                _ => null,
            };
            if (role is { } ro && !(ro == Role.Reason && roles.Contains(Role.Reason))) roles.Add(ro);
        }
        if (!roles.Contains(Role.Target))
            roles = kind == FormKind.SelfEvaluation
                ? [Role.Target, Role.Actual, Role.Weight, Role.Score, Role.Reason]
                : [Role.Target];
        return (roles, r);
    }

    private static bool IsHeaderFragment(string text) => Key(text) is "一级" or "二级" or "三级" or "指标" or "年度" or "实际" or "及改进措施" or "偏差原因分析" or "绩效";

    /// <summary>Where a row's values begin and which cell is which role, or null when the row holds no value set.</summary>
    private sealed record ValueFit(int Start, Dictionary<int, Role> Assigned, int End);

    /// <summary>
    /// Fits the header's value roles to a row's cells by content: weights and scores are plain numbers, targets look
    /// like targets, actual values like actual values. The name is whatever text stands before the fit.
    /// </summary>
    private static ValueFit? FitValues(IReadOnlyList<string> cells, List<Role> roles, FormKind kind, bool strictTarget)
    {
        var valueRoles = roles.Where(r => r is not Role.Reason and not Role.Ignored).ToList();
        if (valueRoles.Count == 0) return null;
        if (kind == FormKind.TargetDeclaration)
        {
            // Declarations: the last cell is the target when it reads as one (or, in a tabular row, whenever a name
            // stands before it).
            if (cells.Count == 0) return null;
            int last = cells.Count - 1;
            var t = cells[last];
            bool lastIsTarget = ValueParser.StartsWithComparator(t) || ValueParser.LooksQuantitative(t) || Framework.QualitativeWords.Contains(Key(t));
            if (lastIsTarget || (!strictTarget && cells.Count >= 2))
                return new ValueFit(last, new Dictionary<int, Role> { [last] = Role.Target }, cells.Count);
            return null;
        }
        // What each cell reads as, decided once: the fit below tries every start position.
        var isNumber = new bool[cells.Count];
        var comparator = new bool[cells.Count];
        var targetLike = new bool[cells.Count];
        var achievement = new bool[cells.Count];
        for (int c = 0; c < cells.Count; c++)
        {
            isNumber[c] = ValueParser.IsNumber(cells[c]);
            comparator[c] = ValueParser.StartsWithComparator(cells[c]);
            targetLike[c] = comparator[c] || isNumber[c] || ValueParser.LooksQuantitative(cells[c]) || Framework.QualitativeWords.Contains(Key(cells[c]));
            achievement[c] = ValueParser.ParseAchievement(cells[c]) is not null;
        }
        for (int start = 0; start + valueRoles.Count <= cells.Count; start++)
        {
            int ti = -1, ai = -1;
            bool ok = true;
            for (int k = 0; k < valueRoles.Count && ok; k++)
            {
                var role = valueRoles[k];
                if (role is Role.Weight or Role.Score) ok = isNumber[start + k];
                else if (role == Role.Target) ti = start + k;
                else if (role == Role.Actual) ai = start + k;
            }
            if (!ok || ti < 0) continue;
            // The target must read as a target, unless the actual is an achievement label (qualitative row).
            bool qualitative = ai >= 0 && achievement[ai];
            if (!qualitative && !targetLike[ti]) continue;
            if (ai >= 0 && !qualitative && comparator[ai]) continue;
            var assigned = new Dictionary<int, Role>(valueRoles.Count);
            for (int k = 0; k < valueRoles.Count; k++) assigned[start + k] = valueRoles[k];
            return new ValueFit(start, assigned, start + valueRoles.Count);
        }
        // A sub-row (`其中…`) carries a target and an actual value but no weight or score of its own.
        if (cells.Count >= 3 && !cells.Any(ValueParser.IsNumber) && valueRoles.Contains(Role.Actual)
            && ValueParser.LooksQuantitative(cells[^2]) && ValueParser.LooksQuantitative(cells[^1]))
            return new ValueFit(cells.Count - 2, new Dictionary<int, Role> { [cells.Count - 2] = Role.Target, [cells.Count - 1] = Role.Actual }, cells.Count);
        return null;
    }

    private TableEnd ReadTabularIndicators(PerformanceForm form, List<Role> roles, int dataStart, int end)
    {
        string? level1 = null, level2 = null;
        (int, int)? continuationShape = null;
        var floating = new List<PlacedIndicator>();
        bool breakSinceFloating = false;
        PlacedIndicator? last = null;

        for (int r = dataStart; r < end; r++)
        {
            var row = Rows[r];
            if (row.IsBlank) { if (floating.Count > 0) breakSinceFloating = true; continue; }
            var cells = new List<Cell>(row.NonEmptyCells.Length);
            foreach (var c in row.NonEmptyCells)
            {
                var text = CellText(c);
                if (Key(text).Length == 0) continue;
                cells.Add(ReferenceEquals(text, c.Text) ? c : c with { Text = text });
            }
            if (cells.Count > 0 && IsFooter(cells[0].Text)) return new TableEnd(true, r);
            if (cells.All(c => IsNoiseLabel(c.Text) || IsHeaderFragment(c.Text)))
            {
                if (floating.Count > 0) breakSinceFloating = true;
                continue;
            }

            string? rowL1 = null, rowL2 = null;
            var rest = new List<Cell>();
            foreach (var c in cells)
            {
                if (rest.Count == 0 && rowL1 is null && rowL2 is null && Level1Of(c.Text) is { } l1) { rowL1 = l1; continue; }
                if (rest.Count == 0 && rowL2 is null && Level2Of(c.Text) is { } l2) { rowL2 = l2; continue; }
                if (rest.Count == 0 && rowL1 is not null && rowL2 is null && IsPrintedLevel2(c.Text)) { rowL2 = Key(c.Text); continue; }
                if (IsNoiseLabel(c.Text)) continue;
                rest.Add(c);
            }
            bool labelled = rowL1 is not null || rowL2 is not null;

            // A row broken by a page break continues the previous row cell by cell (name, target, actual, reason).
            if (!labelled && last is not null && IsContinuation(rest, roles, form.Kind, last))
            {
                AppendContinuation(last, rest);
                continue;
            }

            var texts = rest.Select(c => c.Text).ToList();
            var fit = FitValues(texts, roles, form.Kind, strictTarget: false);
            PlacedIndicator? p = null;
            if (rest.Count > 0)
            {
                p = Build(form, rest, fit);
                if (fit is null && form.Kind == FormKind.TargetDeclaration)
                    form.Warnings.Add(new ImportWarning(
                        $"第{row.Line}行：“{JoinCells(rest)}”没有可识别的指标值，无法确定它是三级指标名称还是指标值；已按三级指标（指标值为空）导入，请核对",
                        row.Line));
                else if (fit is null)
                    form.Warnings.Add(new ImportWarning($"第{row.Line}行：指标行“{JoinCells(rest)}”缺少指标值、实际完成值、分值或得分，请核对", row.Line));
            }

            if (labelled)
            {
                string newL1 = rowL1 ?? (rowL2 is not null ? Framework.ParentOf(rowL2) : null) ?? level1 ?? "";
                if (floating.Count > 0)
                {
                    // Rows printed before their group's label, across a page break, under the same 一级.
                    bool sameLevel1 = rowL1 is null || rowL1 == level1;
                    bool impliedSame = rowL2 is null || Framework.ParentOf(rowL2) is null || Framework.ParentOf(rowL2) == level1;
                    if (breakSinceFloating && sameLevel1 && impliedSame && rowL2 is not null)
                    {
                        foreach (var f in floating)
                        {
                            f.Indicator.Level1 = newL1.Length > 0 ? newL1 : null;
                            f.Indicator.Level2 = rowL2;
                        }
                        int fl = floating[0].Indicator.Line ?? row.Line;
                        form.Warnings.Add(new ImportWarning(
                            $"第{fl}行起的{floating.Count}行指标排在第{row.Line}行的“{rowL2}”标签之前（标签跨页印在后面），已归入{newL1}/{rowL2}，请核对",
                            fl));
                    }
                    floating.Clear();
                }
                if (rowL1 is not null && rowL1 != level1 && rowL2 is null) level2 = null;
                level1 = newL1.Length > 0 ? newL1 : null;
                if (rowL2 is not null) level2 = rowL2;
                continuationShape = null;
            }
            else if (p is not null)
            {
                var shape = row.Shape;
                if (continuationShape is null) continuationShape = shape;
                else if (shape != continuationShape)
                {
                    if (floating.Count == 0) breakSinceFloating = false;
                    floating.Add(p);
                }
                else floating.Clear();
            }

            if (p is not null)
            {
                p.Indicator.Level1 = level1;
                p.Indicator.Level2 = level2;
                form.Indicators.Add(p.Indicator);
                last = p;
            }
        }
        return new TableEnd(false, end);
    }

    /// <summary>
    /// One cell per line with explicit empty cells (Sichuan exports): the header's cell count is the row width, so
    /// the cells are cut into rows of that width and read by position.
    /// </summary>
    private TableEnd ReadGridIndicators(PerformanceForm form, int headerRow, int end)
    {
        var columns = new List<IndicatorColumn>();
        int r = headerRow;
        for (; r < end; r++)
        {
            var cell = Rows[r].Cells.FirstOrDefault();
            if (cell is null || cell.IsEmpty) { if (columns.Count > 0) break; continue; }
            if (IndicatorColumnOf(cell.Text) is { } col) columns.Add(col);
            else if (columns.Count > 0) break;
        }
        if (columns.Count == 0) return new TableEnd(false, end);
        var cells = new List<Cell>();
        int footer = end;
        bool reachedFooter = false;
        for (; r < end; r++)
        {
            if (Rows[r].Cells.Count == 0) continue;
            var cell = Rows[r].Cells[0];
            if (!cell.IsEmpty && IsFooter(cell.Text)) { footer = r; reachedFooter = true; break; }
            cells.Add(cell);
        }
        string? level1 = null, level2 = null;
        for (int i = 0; i + columns.Count <= cells.Count || (i < cells.Count && !reachedFooter); i += columns.Count)
        {
            var row = cells.Skip(i).Take(columns.Count).ToList();
            string Get(IndicatorColumn c) { int k = columns.IndexOf(c); return k >= 0 && k < row.Count ? CellText(row[k]) : ""; }
            var name = Get(IndicatorColumn.Name);
            if (Level1Of(Get(IndicatorColumn.Level1)) is { } l1) { if (l1 != level1) level2 = null; level1 = l1; }
            var l2text = Get(IndicatorColumn.Level2);
            if (l2text.Length > 0) level2 = Level2Of(l2text) ?? Key(l2text);
            if (name.Length == 0) continue;
            var targetText = ChineseText.JoinInline(new[] { Get(IndicatorColumn.Comparator), Get(IndicatorColumn.Target), Get(IndicatorColumn.Unit) }.Where(t => t.Length > 0))
                .Replace(" ", "");
            var ind = new Indicator
            {
                Level1 = level1,
                Level2 = level2,
                Name = name,
                Line = row[Math.Min(columns.IndexOf(IndicatorColumn.Name), row.Count - 1)].Line,
                Target = targetText.Length > 0 ? ValueParser.ParseTarget(targetText) : null,
            };
            if (form.Kind == FormKind.SelfEvaluation)
            {
                var actual = Get(IndicatorColumn.Actual);
                ind.Actual = actual.Length > 0 ? ValueParser.ParseActual(actual) : null;
                ind.Weight = ValueParser.ParseNumber(Get(IndicatorColumn.Weight));
                ind.Score = ValueParser.ParseNumber(Get(IndicatorColumn.Score));
                var reason = Get(IndicatorColumn.Reason);
                ind.DeviationReason = reason.Length > 0 ? reason : null;
            }
            if (row.Count < columns.Count)
            {
                form.Warnings.Add(new ImportWarning($"第{ind.Line}行：指标行只有{row.Count}格，少于表头的{columns.Count}列", ind.Line));
                _danglingIndicatorText = true;
            }
            form.Indicators.Add(ind);
        }
        return new TableEnd(reachedFooter, footer);
    }

    private static bool IsPrintedLevel2(string text)
    {
        var k = Key(text);
        return k.EndsWith("指标") && k.Length is > 3 and <= 12 && !k.StartsWith("指标");
    }

    private static bool IsContinuation(List<Cell> rest, List<Role> roles, FormKind kind, PlacedIndicator last)
    {
        if (rest.Count == 0) return false;
        if (kind == FormKind.TargetDeclaration) return false;
        // A continuation carries no weight and score of its own and lines up with the previous row's cells.
        if (rest.Any(c => ValueParser.IsNumber(c.Text) || ValueParser.LooksQuantitative(c.Text) || ValueParser.StartsWithComparator(c.Text)))
            return false;
        return rest.All(c => c.Column == last.NameColumn || last.Columns.ContainsKey(c.Column));
    }

    private static void AppendContinuation(PlacedIndicator p, List<Cell> rest)
    {
        var ind = p.Indicator;
        foreach (var c in rest)
        {
            if (c.Column == p.NameColumn) { ind.Name = JoinTwo(ind.Name, c.Text); continue; }
            switch (p.Columns[c.Column])
            {
                case Role.Target: ind.Target = ValueParser.ParseTarget(JoinTwo(ind.Target?.Text ?? "", c.Text)); break;
                case Role.Actual: ind.Actual = ValueParser.ParseActual(JoinTwo(ind.Actual?.Text ?? "", c.Text)); break;
                case Role.Reason: ind.DeviationReason = JoinTwo(ind.DeviationReason ?? "", c.Text); break;
            }
        }
    }

    private static string JoinTwo(string a, string b)
    {
        var sb = new StringBuilder(a);
        ChineseText.AppendWrapped(sb, ChineseText.Normalize(b));
        return sb.ToString();
    }

    private PlacedIndicator Build(PerformanceForm form, List<Cell> rest, ValueFit? fit)
    {
        int valueStart = fit?.Start ?? rest.Count;
        var nameCells = rest.Take(valueStart).ToList();
        var ind = new Indicator
        {
            Name = JoinCells(nameCells),
            Line = (nameCells.Count > 0 ? nameCells[0] : rest[0]).Line,
        };
        var p = new PlacedIndicator { Indicator = ind, NameColumn = nameCells.Count > 0 ? nameCells[^1].Column : -1 };
        if (fit is null) return p;
        foreach (var (index, role) in fit.Assigned)
        {
            var cell = rest[index];
            p.Columns[cell.Column] = role;
            switch (role)
            {
                case Role.Target: ind.Target = ValueParser.ParseTarget(cell.Text); break;
                case Role.Actual: ind.Actual = ValueParser.ParseActual(cell.Text); break;
                case Role.Weight: ind.Weight = ValueParser.ParseNumber(cell.Text); break;
                case Role.Score: ind.Score = ValueParser.ParseNumber(cell.Text); break;
            }
        }
        var reason = rest.Skip(fit.End).ToList();
        if (reason.Count > 0)
        {
            ind.DeviationReason = JoinCells(reason);
            foreach (var c in reason) p.Columns[c.Column] = Role.Reason;
        }
        else if (form.Kind == FormKind.SelfEvaluation)
        {
            // The reason column is where the next cell would stand: a continuation row may fill it.
            int lastCol = rest[fit.End - 1].Column;
            p.Columns[lastCol + 1] = Role.Reason;
        }
        return p;
    }

    // ------------------------------------------------------------- indicators in PDF text

    private sealed record Token(string Text, int Line);

    private TableEnd ReadTextIndicators(PerformanceForm form, List<Role> roles, int dataStart, int end)
    {
        // Flatten to tokens; stop at the footer.
        var tokens = new List<Token>();
        int footerRow = end;
        bool reachedFooter = false;
        var lineBreaks = new HashSet<int>(); // token indexes that start a new line
        for (int r = dataStart; r < end && !reachedFooter; r++)
        {
            var cells = Rows[r].NonEmpty.ToList();
            if (cells.Count == 0) continue;
            if (IsFooter(cells[0].Text)) { footerRow = r; reachedFooter = true; break; }
            lineBreaks.Add(tokens.Count);
            foreach (var c in cells) tokens.Add(new Token(CellText(c), c.Line));
        }

        var consumed = new bool[tokens.Count];
        string? level1 = null, level2 = null;
        var buffer = new List<(Token Tok, int Index)>();

        void Flush()
        {
            // Try to complete an indicator from the buffer.
            var texts = buffer.Select(b => b.Tok.Text).ToList();
            var fit = FitValues(texts, roles, form.Kind, strictTarget: true);
            if (fit is null) return;
            // Reason text only counts on the line of the score.
            var cells = buffer.Select((b, i) => new Cell(b.Tok.Text, b.Tok.Line, i)).ToList();
            int scoreLine = cells[fit.End - 1].Line;
            var keep = cells.Where((c, i) => i < fit.End || c.Line == scoreLine).ToList();
            var p = Build(form, keep, fit);
            p.Indicator.Level1 = level1;
            p.Indicator.Level2 = level2;
            form.Indicators.Add(p.Indicator);
            buffer.Clear();
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            if (consumed[i]) continue;
            if (lineBreaks.Contains(i) && buffer.Count > 0) Flush();

            var label = AssembleLabel(tokens, i, consumed, out int used);
            if (label is not null)
            {
                for (int k = i; k < i + used; k++) consumed[k] = true;
                if (Level1Of(label) is { } l1) { if (l1 != level1) level2 = null; level1 = l1; }
                else if (Level2Of(label) is { } l2) { level2 = l2; level1 = Framework.ParentOf(l2) ?? level1; }
                i += used - 1;
                continue;
            }
            var text = tokens[i].Text;
            if (IsNoiseLabel(text) || IsHeaderFragment(text)) continue;
            buffer.Add((tokens[i], i));
        }
        if (buffer.Count > 0) Flush();
        if (buffer.Count > 0)
        {
            // Text left over with no values: a row cut off, or a row the reader could not read.
            var line = buffer[0].Tok.Line;
            form.Warnings.Add(new ImportWarning($"第{line}行：“{ChineseText.JoinWrapped(buffer.Select(b => b.Tok.Text))}”后没有指标值，未作为指标导入", line));
            _danglingIndicatorText = true;
        }
        return new TableEnd(reachedFooter, footerRow);
    }

    private bool _danglingIndicatorText;

    /// <summary>
    /// Builds a group label from fragments (`满意` `度指` `标`). A fragment run that is the start of exactly one label
    /// is taken as that label when the rest of it follows within a few tokens (a merged cell printed around its rows).
    /// </summary>
    private static string? AssembleLabel(List<Token> tokens, int i, bool[] consumed, out int used)
    {
        used = 0;
        var first = StripScore(Key(tokens[i].Text));
        if (!AssemblableLabels.Any(l => l.StartsWith(first, StringComparison.Ordinal)) && Level1Of(first) is null && Level2Of(first) is null && !IsNoiseLabel(first))
            return null;
        var sb = new StringBuilder();
        string? best = null;
        int bestUsed = 0;
        int j = i;
        while (j < tokens.Count && j - i < 6)
        {
            if (consumed[j]) break;
            sb.Append(StripScore(Key(tokens[j].Text)));
            var s = sb.ToString();
            if (Level1Of(s) is not null || Level2Of(s) is not null || IsNoiseLabel(s)) { best = s; bestUsed = j - i + 1; }
            if (!AssemblableLabels.Any(l => l.StartsWith(s))) break;
            j++;
        }
        if (best is not null)
        {
            used = bestUsed;
            return Level1Of(best) ?? Level2Of(best) ?? best;
        }
        // A partial label completed later: find the unique label the fragments begin, then its remainder ahead.
        sb.Clear();
        for (j = i; j < tokens.Count && j - i < 6 && !consumed[j]; j++)
        {
            sb.Append(Key(tokens[j].Text));
            var s = sb.ToString();
            var candidates = AssemblableLabels.Where(l => l.StartsWith(s) && l.Length > s.Length).ToList();
            if (candidates.Count == 0) break;
            if (j + 1 < tokens.Count && AssemblableLabels.Any(l => l.StartsWith(s + Key(tokens[j + 1].Text)))) continue;
            if (candidates.Count != 1 || s.Length < 2) break;
            var label = candidates[0];
            var remainder = label[s.Length..];
            // Look ahead for tokens that spell the remainder.
            for (int k = j + 1; k < tokens.Count && k - j <= 14; k++)
            {
                if (consumed[k]) continue;
                var rest = new StringBuilder();
                int m = k;
                while (m < tokens.Count && rest.Length < remainder.Length && !consumed[m]) { rest.Append(Key(tokens[m].Text)); m++; }
                if (rest.ToString() == remainder)
                {
                    for (int q = k; q < m; q++) consumed[q] = true;
                    used = j - i + 1;
                    return Level1Of(label) ?? Level2Of(label) ?? label;
                }
            }
            break;
        }
        return null;
    }

    private static string StripScore(string k)
    {
        int p = k.IndexOf('(');
        return p > 0 && k.EndsWith("分)") ? k[..p] : k;
    }

    // ---------------------------------------------------------------- footer and completeness

    private void ReadFooter(SelfEvaluation form, int from, int end)
    {
        for (int r = from; r < end; r++)
        {
            var cells = Rows[r].NonEmpty.Select(c => CellText(c)).ToList();
            for (int c = 0; c < cells.Count; c++)
            {
                var k = Key(cells[c]);
                if (k == "总分")
                {
                    var numbers = cells.Skip(c + 1).Select(ValueParser.ParseNumber).Where(n => n is not null).ToList();
                    if (numbers.Count >= 2) { form.TotalWeight = numbers[0]; form.TotalScore = numbers[1]; }
                    else if (numbers.Count == 1) form.TotalScore = numbers[0];
                    _sawTotal = true;
                }
                else if (k == "评分等级")
                {
                    var grade = cells.Skip(c + 1).Select(Key).FirstOrDefault(g => g.Length > 0);
                    if (grade is null && r + 1 < end) grade = Rows[r + 1].NonEmpty.Select(x => Key(x.Text)).FirstOrDefault();
                    if (grade is "优" or "良" or "中" or "差") form.Grade = grade;
                    else if (grade is not null && grade.Length <= 2) form.Grade = grade;
                    _sawGrade = true;
                }
                else if (k.StartsWith("评分等级") && k.Length > 4)
                {
                    form.Grade = k[4..];
                    _sawGrade = true;
                }
            }
        }
    }

    private bool _sawTotal, _sawGrade;

    /// <summary>Templates without a grade (Sichuan) end with the signatures: the form is there to its end.</summary>
    private bool EndsWithSignOff(int from, int end) =>
        Enumerable.Range(from, Math.Max(0, end - from)).Any(r => Rows[r].NonEmpty.Any(c =>
            Key(c.Text).StartsWith("财务负责人") || Key(c.Text).StartsWith("项目负责人:") || Key(c.Text).StartsWith("填报人")));

    private void DecideComplete(PerformanceForm form, TableEnd table, int end, bool lastInFile, int indicatorsAt)
    {
        bool complete;
        if (form is SelfEvaluation)
            complete = _sawGrade || (_sawTotal && !lastInFile) || (table.ReachedFooter && EndsWithSignOff(table.FooterRow, end));
        else
            // A sheet or a PDF's ruled table cannot stop mid-table the way an extracted text can, so the last
            // declaration of such a file needs no satisfaction row to count as complete.
            complete = indicatorsAt >= 0 && form.Indicators.Count > 0 && !_danglingIndicatorText &&
                       (!lastInFile || _layout.Kind == LayoutKind.CellGrid || table.ReachedFooter || form.Indicators[^1].Level1 == Framework.Satisfaction ||
                        form.Indicators[^1].Level2 == "服务对象满意度指标");
        if (lastInFile && _endsMidCharacter) complete = false;
        if (!lastInFile && !complete && form is TargetDeclaration) complete = indicatorsAt >= 0;
        form.Complete = complete;
        if (!complete)
        {
            int lastLine = Rows.Take(end).LastOrDefault(r => !r.IsBlank)?.Line ?? Rows[^1].Line;
            form.Warnings.Add(new ImportWarning($"表格在第{lastLine}行中断，内容不完整：只导入了已有的内容，缺少的部分没有补造", lastLine));
        }
        _sawGrade = _sawTotal = _danglingIndicatorText = false;
    }

    // ---------------------------------------------------------------- cell text

    /// <summary>A cell's text, normalised, with the quotes a spreadsheet export put around it removed.</summary>
    private static string CellText(Cell cell)
    {
        var t = cell.Text;
        // Most cells are clean: no surrounding space, no quotes, nothing to normalise. Keep the same string.
        if (t.Length > 0 && t[0] != '"' && !ChineseText.IsSpace(t[0]) && !ChineseText.IsSpace(t[^1])) return ChineseText.Normalize(t);
        t = t.Trim();
        if (t.Length >= 2 && t[0] == '"' && t[^1] == '"') t = t[1..^1];
        return ChineseText.Normalize(t);
    }

    /// <summary>Joins the cells of one value: tokens on one line with the in-line rule, lines with the wrap rule.</summary>
    private static string JoinCells(IReadOnlyList<Cell> cells)
    {
        var sb = new StringBuilder();
        int line = -1;
        foreach (var c in cells)
        {
            var t = ChineseText.Normalize(c.Text);
            if (t.Length == 0) continue;
            if (sb.Length > 0 && c.Line == line)
            {
                var joined = ChineseText.JoinInline([sb.ToString(), t]);
                sb.Clear().Append(joined);
            }
            else ChineseText.AppendWrapped(sb, t);
            line = c.Line;
        }
        return sb.ToString();
    }
}
