using Jixiao.Core.Model;
using Jixiao.Core.Parsing;
using static Jixiao.Formats.Import.Vocabulary;

namespace Jixiao.Formats.Import;

/// <summary>A self-evaluation's footer: the printed totals and grade, and whether their labels were there at all.</summary>
internal sealed record Footer(decimal? TotalWeight, decimal? TotalScore, string? Grade, bool SawTotal, bool SawGrade)
{
    public static readonly Footer None = new(null, null, null, false, false);
}

/// <summary>Reads the rows after the indicator table: 总分, 评分等级 and the sign-off.</summary>
internal static class FooterSection
{
    public static Footer Read(SourceText source, int from, int end)
    {
        decimal? weight = null, score = null;
        string? grade = null;
        bool sawTotal = false, sawGrade = false;
        for (int r = from; r < end; r++)
        {
            var cells = source.Rows[r].NonEmpty.Select(CellText.Of).ToList();
            for (int c = 0; c < cells.Count; c++)
            {
                var k = Key(cells[c]);
                if (k == TotalScoreLabel)
                {
                    var numbers = cells.Skip(c + 1).Select(ValueParser.ParseNumber).Where(n => n is not null).ToList();
                    if (numbers.Count >= 2) { weight = numbers[0]; score = numbers[1]; }
                    else if (numbers.Count == 1) score = numbers[0];
                    sawTotal = true;
                }
                else if (k == GradeLabel)
                {
                    var g = cells.Skip(c + 1).Select(Key).FirstOrDefault(x => x.Length > 0);
                    if (g is null && r + 1 < end) g = source.Rows[r + 1].NonEmpty.Select(x => Key(x.Text)).FirstOrDefault();
                    if (g is not null && g.Length <= 2) grade = g;
                    sawGrade = true;
                }
                else if (k.StartsWith(GradeLabel) && k.Length > GradeLabel.Length)
                {
                    grade = k[GradeLabel.Length..];
                    sawGrade = true;
                }
            }
        }
        return new Footer(weight, score, grade, sawTotal, sawGrade);
    }

    public static void Apply(Footer footer, SelfEvaluation form)
    {
        if (footer.TotalWeight is not null) form.TotalWeight = footer.TotalWeight;
        if (footer.TotalScore is not null) form.TotalScore = footer.TotalScore;
        if (footer.Grade is not null) form.Grade = footer.Grade;
    }

    /// <summary>Templates without a grade (Sichuan) end with the signatures: the form is there to its end.</summary>
    public static bool EndsWithSignOff(SourceText source, int from, int end) =>
        Enumerable.Range(from, Math.Max(0, end - from)).Any(r => source.Rows[r].NonEmpty.Any(c => IsSignOff(c.Text)));
}

/// <summary>
/// Whether a form is there to its end, from the evidence the sections left: a grade or a total, the footer and the
/// sign-off, the last indicator group, and whether the text stops mid-character or mid-row.
/// </summary>
internal static class Completeness
{
    public static bool Decide(SourceText source, FormSegment segment, IndicatorTable table, Footer footer, bool endsMidCharacter, int indicatorCount, Indicator? lastIndicator)
    {
        bool lastInFile = segment.LastInFile;
        bool hasTable = segment.Sections.IndicatorsAt >= 0;
        bool complete;
        if (segment.Title.Kind == FormKind.SelfEvaluation)
            complete = footer.SawGrade || (footer.SawTotal && !lastInFile) || (table.ReachedFooter && FooterSection.EndsWithSignOff(source, table.FooterRow, segment.End));
        else
            // A sheet or a PDF's ruled table cannot stop mid-table the way an extracted text can, so the last
            // declaration of such a file needs no satisfaction row to count as complete.
            complete = hasTable && indicatorCount > 0 && !table.Dangling &&
                       (!lastInFile || source.Layout.Kind == LayoutKind.CellGrid || table.ReachedFooter || IsClosingGroup(lastIndicator!));
        if (lastInFile && (endsMidCharacter || EndsInsideBracket(source))) complete = false;
        if (!lastInFile && !complete && segment.Title.Kind == FormKind.TargetDeclaration) complete = hasTable;
        return complete;
    }

    /// <summary>
    /// The file's last line opens a bracket it never closes (`…主要问题 (项目库里直接录`): the text stops mid-sentence,
    /// whatever the table before it looked like.
    /// </summary>
    private static bool EndsInsideBracket(SourceText source)
    {
        for (int i = source.Lines.Count - 1; i >= 0; i--)
        {
            var line = source.Lines[i];
            if (string.IsNullOrWhiteSpace(line)) continue;
            return line.LastIndexOfAny(['(', '（']) > line.LastIndexOfAny([')', '）']);
        }
        return false;
    }

    public static ImportWarning CutOff(int line) => new($"表格在第{line}行中断，内容不完整：只导入了已有的内容，缺少的部分没有补造", line);
}
