using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>Turns the fund figures the header section found into the model's funds.</summary>
internal static class FundRows
{
    /// <summary>
    /// Which column each figure of a row belongs to. In a table with reliable cells, the column of the header cell
    /// standing over it, when every figure stands under one; otherwise in order, except that a percentage goes to the
    /// rate and nothing else does, so an empty cell before it shifts no figure into the wrong column. Null for a figure
    /// past the last column.
    /// </summary>
    private static FundColumn?[] Place(List<Cell> values, List<FundColumn> cols, List<int> positions)
    {
        var placed = new FundColumn?[values.Count];
        if (positions.Count == cols.Count && positions.Distinct().Count() == positions.Count
            && values.All(v => positions.Contains(v.Column)))
        {
            for (int i = 0; i < values.Count; i++) placed[i] = cols[positions.IndexOf(values[i].Column)];
            return placed;
        }
        int next = 0;
        for (int i = 0; i < values.Count; i++)
        {
            bool percent = values[i].Text.TrimEnd().EndsWith('%');
            int rate = cols.IndexOf(FundColumn.Rate);
            if (percent && rate >= next) { placed[i] = FundColumn.Rate; next = rate + 1; continue; }
            // A percentage is the execution rate also when the rate's head was not read (wrapped over words, `执行率(全年
            // 执行数/全年 预算数)`): it takes no other column.
            if (percent && rate < 0) { placed[i] = FundColumn.Rate; continue; }
            while (next < cols.Count && percent == false && cols[next] == FundColumn.Rate && values.Skip(i).Any(v => v.Text.TrimEnd().EndsWith('%'))) next++;
            if (next < cols.Count) placed[i] = cols[next++];
        }
        return placed;
    }

    public static void SetDeclarationFund(DeclarationFunds f, DeclarationFundValue v)
    {
        switch (v.Label)
        {
            case DeclarationFundLabel.ProjectTotal: f.ProjectTotal = v.Amount; break;
            case DeclarationFundLabel.ProjectFiscal: f.ProjectFiscal = v.Amount; break;
            case DeclarationFundLabel.AnnualTotal: f.AnnualTotal = v.Amount; break;
            case DeclarationFundLabel.Appropriation: f.CurrentYearAppropriation = v.Amount; break;
            case DeclarationFundLabel.CarryOver: f.CarryOver = v.Amount; break;
            case DeclarationFundLabel.Other when v.OtherIsAnnual: f.Other = v.Amount; break;
            case DeclarationFundLabel.Other: f.ProjectOther = v.Amount; break;
        }
    }

    /// <summary>
    /// A self-evaluation's fund rows: each row's figures go to the columns the header announced, in order; without a
    /// header, the national template's columns.
    /// </summary>
    public static void Build(SelfEvaluation form, List<FundColumn> columns, List<FundRowCells> rows, Func<int, bool> gluedLine, List<int> positions)
    {
        var cols = columns.Count > 0 ? columns : NationalSelfEvaluationFundColumns.ToList();
        foreach (var b in rows)
        {
            var label = Key(CellText.Join(b.Label));
            if (label.Length == 0 || b.Values.Count == 0 || label.Length > 30) continue;
            var row = new FundRow { Label = label, Line = (b.Label.Count > 0 ? b.Label[0] : b.Values[0]).Line };
            var values = b.Values;
            if (values.Count < cols.Count && gluedLine(values[0].Line) && RunSplits.SplitFundRow(values.Select(v => v.Text).ToList(), cols) is { } split)
            {
                form.Warnings.Add(new ImportWarning(
                    $"第{row.Line}行：资金行“{label}”的数字“{split.Run}”连在一起，按表头的列拆为{string.Join("、", split.Values)}（推测），请核对", row.Line));
                values = split.Values.Select(t => values[0] with { Text = t }).ToList();
            }
            var placed = Place(values, cols, columns.Count > 0 ? positions : []);
            for (int i = 0; i < values.Count; i++)
            {
                if (placed[i] is not { } column) continue;
                var v = values[i].Text;
                switch (column)
                {
                    case FundColumn.Initial: row.InitialBudget = ValueParser.ParseNumber(v); break;
                    case FundColumn.Adjusted: row.AdjustedBudget = ValueParser.ParseNumber(v); break;
                    case FundColumn.Executed: row.Executed = ValueParser.ParseNumber(v); break;
                    case FundColumn.Weight: row.Weight = ValueParser.ParseNumber(v); break;
                    case FundColumn.Rate: row.ExecutionRate = ValueParser.ParsePercent(v); break;
                    case FundColumn.Score: row.Score = ValueParser.ParseNumber(v); break;
                }
            }
            if (values.Count > cols.Count)
                form.Warnings.Add(new ImportWarning($"第{row.Line}行：资金行“{label}”的数字多于表头的列数，多出的已忽略", row.Line));
            form.Funds.Rows.Add(row);
        }
    }
}
