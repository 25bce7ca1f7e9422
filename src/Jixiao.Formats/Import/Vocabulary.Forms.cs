using Jixiao.Core.Model;
using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>The words that find a form and its sections: titles, section labels, the footer and the sign-off.</summary>
internal static partial class Vocabulary
{
    // ---------------------------------------------------------------- titles

    /// <summary>Every title ends in …表 (自评表, 申报表, 目标表, 汇总表): rows without it are not looked at further.</summary>
    public const char TitleEnding = '表';

    /// <summary>A unit's list of its declarations (…绩效目标汇总表), not a form.</summary>
    public static bool IsSummaryTitle(string text) => text.Contains("汇总表");

    /// <summary>Lines that mention a form without being its title: a covering letter, an annex heading.</summary>
    private static readonly string[] NotTitlePrefixes = ["附件", "关于"];

    private static readonly (string Word, FormKind Kind)[] TitleWords =
    [
        ("自评表", FormKind.SelfEvaluation),
        ("申报表", FormKind.TargetDeclaration),
        ("目标表", FormKind.TargetDeclaration),
        ("审批表", FormKind.TargetDeclaration),
        ("批复表", FormKind.TargetDeclaration),
    ];

    /// <summary>Where each title word ends in a text (after its 表), for finding a title inside run-on text.</summary>
    public static IEnumerable<int> TitleWordEnds(string text)
    {
        foreach (var (word, _) in TitleWords)
            for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
                yield return at + word.Length;
    }

    /// <summary>Characters a title never crosses backwards: the end of a sentence or a clause, a quote.</summary>
    public static bool EndsTitleSearch(char c) => c is '。' or '，' or ',' or '；' or ';' or '：' or ':' or '、' or '》' or '《' or '“' or '”' or ')' or '）' or '\t' || ChineseText.IsWhiteSpace(c);

    /// <summary>An annex number before a title (`附件2`) is not part of it.</summary>
    public const string AnnexWord = "附件";

    /// <summary>The kind a title names, or null when the text is not a form's title.</summary>
    public static FormKind? TitleKindOf(string text)
    {
        foreach (var p in NotTitlePrefixes)
            if (text.StartsWith(p, StringComparison.Ordinal)) return null;
        if (MonitoringReader.IsTitle(text)) return FormKind.Monitoring;
        foreach (var (word, kind) in TitleWords)
            if (text.Contains(word, StringComparison.Ordinal)) return kind;
        return null;
    }

    public static HeaderField? HeaderFieldOf(string text) => HeaderLabels.TryGetValue(Key(text), out var f) ? f : null;

    /// <summary>A unit named by reference to the one filling in the form: the unit's own name stands for it.</summary>
    public static bool IsSelfReference(string value) => Key(value) is "本单位" or "本部门";

    /// <summary>A 主管部门 printed with its code (`…及其编码`): the code after the name is not part of it.</summary>
    public static string WithoutTrailingCode(string value)
    {
        int end = value.Length;
        while (end > 0 && char.IsAsciiDigit(value[end - 1])) end--;
        return value.Length - end >= 3 && end > 0 ? value[..end].TrimEnd() : value;
    }

    /// <summary>A label only a self-evaluation prints: its funds were executed, its indicators have actual values.</summary>
    public static bool IsExecutionLabel(string text)
    {
        var k = Key(text);
        return FundColumnOf(k) is FundColumn.Executed or FundColumn.Rate || k.Contains("执行数") || k.Contains("实际值");
    }

    // ---------------------------------------------------------------- sections

    /// <summary>The goals block's header when its two columns are printed as one cell.</summary>
    public static bool IsGoalsBlockHeader(string text) => Key(text) is "年度总体目标预期目标";

    /// <summary>The label printed beside the goals block (a merged cell), not goal text.</summary>
    public static bool IsGoalsBlockSideLabel(string text) => Key(text) is "年度总体目标" or "总体目标";

    /// <summary>Pieces of the goals block's side label, wrapped over lines in PDF text.</summary>
    public static readonly HashSet<string> GoalBlockLabelFragments =
        ["项目", "绩效", "目标", "年度", "总体", "项目绩效目标", "年度总体目标", "绩效目标", "总体目标"];

    /// <summary>Pieces of a bracketed year note split by the extractor (`(2024` / `年)`).</summary>
    public static readonly HashSet<string> AnnotationFragments = ["年)"];

    /// <summary>The cell that opens the indicator table's header.</summary>
    public static bool IsIndicatorTableHeader(string text)
    {
        var k = Key(text);
        return k is "一级指标" || k.StartsWith("三级指标", StringComparison.Ordinal);
    }

    /// <summary>The same header wrapped in PDF text: `一级` then `指标` on the next line.</summary>
    public static bool IsSplitIndicatorTableHeader(string text) => Key(text) is "一级";

    /// <summary>Pieces of the indicator table's header cells, wrapped over lines.</summary>
    public static bool IsIndicatorHeaderFragment(string text) =>
        Key(text) is "一级" or "二级" or "三级" or "指标" or "年度" or "实际" or "及改进措施" or "偏差原因分析" or "绩效";

    /// <summary>
    /// Text of the indicator table's header: a column head (three characters or more, so a wrapped name's `年度` is
    /// not taken for one) or a level's printed head. Never part of a row: a name that starts with header words lost
    /// its cell boundaries, and the words are dropped from it.
    /// </summary>
    public static bool IsIndicatorHeaderText(string text)
    {
        var k = Key(text);
        return (k.Length >= 3 && IndicatorColumnOf(k) is not null) || k is "一级指标" or "二级指标" or "三级指标";
    }

    /// <summary>
    /// A cell of the indicator table's frame, not of a row: a block label (绩效指标), a piece of a wrapped head, a head.
    /// </summary>
    public static bool IsTableFurniture(string text) => IsNoiseLabel(text) || IsIndicatorHeaderFragment(text) || IsIndicatorHeaderText(text);

    /// <summary>A 计算符号 / 指标性质 cell: only a comparator.</summary>
    public static bool IsComparatorSymbol(string text) => Key(text) is "=" or "≥" or "≤" or ">" or "<" or ">=" or "<=" or "≧" or "≦" or "＝" or "＞" or "＜";

    /// <summary>A 度量单位 cell: a short word without digits (人, 万元, 百分比, %).</summary>
    public static bool IsUnitWord(string text)
    {
        var k = Key(text);
        return k.Length is > 0 and <= 5 && !k.Any(char.IsDigit) && !IsComparatorSymbol(k);
    }

    /// <summary>
    /// The 一级 a 二级 label implies: its parent in the framework, unless the form printed a provincial name for the
    /// same group (项目完成指标 above 数量指标, 质量指标 …), which is kept as printed until a 二级 of another group begins.
    /// </summary>
    public static string? ImpliedLevel1(string level2, string? current, string? previousLevel2)
    {
        if (Framework.ParentOf(level2) is not { } parent) return current;
        if (current is null || Framework.IsLevel1(current)) return parent;
        bool sameGroup = previousLevel2 is null || Framework.ParentOf(previousLevel2) is not { } before || before == parent;
        return sameGroup ? current : parent;
    }

    /// <summary>The 指标解释 column's text (`反映…情况`), glued to a name when the cells ran together: not the name.</summary>
    public static bool IsIndicatorExplanation(string text) => text.StartsWith(ExplanationWord, StringComparison.Ordinal) && text.Length > 4;

    public const string ExplanationWord = "反映";

    /// <summary>Template instructions left in an answer cell: `(100字以内)`.</summary>
    public const string InstructionMarker = "字以内";
    public const string InstructionPattern = @"\(\d+字以内\)";
    public const string InstructionPatternWide = @"[(（]\d+字以内[)）]";

    /// <summary>The national self-evaluation template's fund columns, for a fund block printed without its header.</summary>
    public static readonly FundColumn[] NationalSelfEvaluationFundColumns =
        [FundColumn.Initial, FundColumn.Adjusted, FundColumn.Executed, FundColumn.Weight, FundColumn.Rate, FundColumn.Score];

    // ---------------------------------------------------------------- money

    /// <summary>The unit a label names: `(万元)`, `金额单位：元`, `项目资金(元)`; null when it names none.</summary>
    public static MoneyUnit? MoneyUnitIn(string text)
    {
        var k = Key(text);
        return k.Contains("万元") ? MoneyUnit.WanYuan : k.Contains('元') ? MoneyUnit.Yuan : null;
    }

    /// <summary>A cell that only states the unit.</summary>
    public static bool IsMoneyUnitLabel(string key) =>
        key is "(元)" or "(万元)" or "元" or "万元" || (key.StartsWith("金额单位", StringComparison.Ordinal) && key.EndsWith('元'));

    /// <summary>A label with the unit in brackets (`年初预算数(万元)`).</summary>
    public static bool HasBracketedMoneyUnit(string key) => key.Contains("(万元)") || key.Contains("(元)");

    /// <summary>The points a head prints in brackets: `(20分)`, `(20分*执行率)`; null when it prints none.</summary>
    public static decimal? PointsIn(string key)
    {
        var m = System.Text.RegularExpressions.Regex.Match(key, @"\((\d{1,3})分");
        return m.Success ? decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // ---------------------------------------------------------------- footer

    public const string TotalScoreLabel = "总分";
    public const string GradeLabel = "评分等级";

    /// <summary>The signatures that close a form.</summary>
    public static bool IsSignOff(string text)
    {
        var k = Key(text);
        return k.StartsWith("财务负责人", StringComparison.Ordinal) || k.StartsWith("项目负责人:", StringComparison.Ordinal) || k.StartsWith("填报人", StringComparison.Ordinal);
    }

    /// <summary>The group every declaration ends with: a cut-off text that reached it is complete.</summary>
    public static bool IsClosingGroup(Indicator last) => last.Level1 == Framework.Satisfaction || last.Level2 == "服务对象满意度指标";
}
