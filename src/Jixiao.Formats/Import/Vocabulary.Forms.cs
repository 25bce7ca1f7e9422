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

    /// <summary>A department's listing of its projects' targets (…项目绩效目标和指标), a table with no form's title.</summary>
    public const string ListingTitleEnd = "绩效目标和指标";

    public static bool IsListingTitle(string text) => text.EndsWith(ListingTitleEnd, StringComparison.Ordinal) && !text.StartsWith("关于", StringComparison.Ordinal);

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
    public static bool IsGoalsBlockSideLabel(string text) => Key(text) is "年度总体目标" or "总体目标" or "总体绩效目标" or "总体目标完成情况";

    /// <summary>Pieces of the goals block's side label, wrapped over lines in PDF text.</summary>
    public static readonly HashSet<string> GoalBlockLabelFragments =
        ["项目", "绩效", "目标", "年度", "总体", "项目绩效目标", "年度总体目标", "绩效目标", "总体目标"];

    /// <summary>Pieces of a bracketed year note split by the extractor (`(2024` / `年)`).</summary>
    public static readonly HashSet<string> AnnotationFragments = ["年)"];

    /// <summary>The cell that opens the indicator table's header.</summary>
    public static bool IsIndicatorTableHeader(string text)
    {
        // Every such head has 指 in it: most cells, a goal paragraph among them, are answered without their key.
        if (!text.Contains('指')) return false;
        var k = Key(text);
        return k is "一级指标" or "指标类型" || k.StartsWith("三级指标", StringComparison.Ordinal);
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
    public static bool IsTableFurniture(string text) => IsNoiseLabel(text) || IsIndicatorHeaderFragment(text) || IsIndicatorHeaderText(text) || IsEmptyTemplateRow(text);

    /// <summary>
    /// A project's own column in a table of several projects (ProjectTable), printed before 一级指标; null for any
    /// other header cell.
    /// </summary>
    public static ProjectColumn? ProjectColumnOf(string text) => Key(text) switch
    {
        "项目名称" or "项目(专项)名称" => ProjectColumn.Name,
        "单位名称" or "项目单位" or "预算单位" or "单位" or "实施单位" => ProjectColumn.Unit,
        "项目类别" or "项目类型" => ProjectColumn.Category,
        "预算数" or "预算金额" or "资金总额" or "项目金额" or "年度预算数" or "预算数(元)" or "预算数(万元)" or "年度预算安排" => ProjectColumn.Budget,
        "年度目标" or "年度绩效目标" or "绩效目标" or "年度总体目标" => ProjectColumn.Goal,
        _ => null,
    };

    /// <summary>
    /// A unit cell where a column may as well be empty (a 度量单位 matched from the row's end): a short word ending in
    /// a measure (人, 万元, 人/天, 公里, %), not a worded value such as 有效提升.
    /// </summary>
    public static bool IsMeasureUnit(string text)
    {
        var k = Key(text);
        if (!IsUnitWord(k) || IsGradeScale(k) || IsDirectionWord(k) || IsNatureWord(k)) return false;
        return k.Contains('/') || k is "%" or "百分比" or "百分点" || MeasureEndings.Contains(k[^1]);
    }

    private static readonly HashSet<char> MeasureEndings =
        ['元', '人', '次', '个', '米', '亩', '天', '年', '月', '日', '户', '家', '件', '所', '项', '台', '辆', '场', '份', '册', '本', '座', '处', '吨', '株', '棵', '套', '批', '间', '张', '篇', '时', '钟', '岁', '只', '头', '条', '斤', '克', '%', '方', '顷', '部', '门', '名', '位', '例', '起', '期'];

    /// <summary>A 指标性质 cell that says what kind of value follows (定性 / 定量) rather than a comparator.</summary>
    public static bool IsNatureWord(string text) => Key(text) is "定性" or "定量";

    /// <summary>The nature of a worded target: what follows it is no number.</summary>
    public static bool IsQualitativeNature(string text) => Key(text) is "定性";

    /// <summary>A 单项指标完成情况 cell: whether the row's target was met, not its actual value.</summary>
    public static bool IsStatusWord(string text) => Key(text) is "完成" or "未完成" or "已完成" or "基本完成" or "部分完成" or "达成" or "未达成" or "部分达成" or "基本达成";

    /// <summary>A score column weighted by the row's 权重 (折算得分 = 得分 × 权重): the score the total adds up.</summary>
    public static bool IsWeightedScoreHead(string text) => Key(text) is "单项指标折算得分" or "折算得分";

    /// <summary>A 指标方向 cell: whether more is better (正向) or less (反向).</summary>
    public static bool IsDirectionWord(string text) => Key(text) is "正向" or "反向" or "正向指标" or "反向指标";

    /// <summary>A grade scale printed as a qualitative row's value (`高中低`, `优良中差`): never a unit.</summary>
    public static bool IsGradeScale(string text)
    {
        var k = Key(text);
        return k.Length >= 2 && k.All(ch => ch is '高' or '中' or '低' or '优' or '良' or '差' or '好' or '较' or '一' or '般' or '/' or '、');
    }

    /// <summary>Goal column heads that run into the goal's text when the cells ran together, longest first.</summary>
    public static readonly string[] GoalTextHeads = ["全年实际完成情况", "年初设定目标", "实际完成情况", "预期目标"];

    /// <summary>The indicator section's labels printed above its table, which run into the goal text before them.</summary>
    public static readonly string[] IndicatorSectionLabels = ["年度绩效指标完成情况", "本年度绩效指标", "年度绩效指标", "绩效项目指标表", "绩效指标表"];

    /// <summary>
    /// A head printed as 指标 alone: in a table without 一级/二级 heads it stands for the name's column or the group's
    /// (GridIndicators decides which); it may open such a table's header.
    /// </summary>
    public static bool IsBareIndicatorHead(string text) => Key(text) == "指标";

    /// <summary>A scoring rubric's column (评价标准, 评分标准): a table for marking, not a performance form's.</summary>
    public static bool IsScoringStandardLabel(string text) => Key(text) is "评价标准" or "评分标准" or "评分细则" or "考评标准" or "扣分标准";

    /// <summary>A template's numbered row left unfilled (`指标2:`, `指标1:/`): a placeholder, not an indicator.</summary>
    public static bool IsEmptyTemplateRow(string text)
    {
        var k = Key(text).TrimEnd('/', ':', '：');
        if (k.Length is < 3 or > 4 || !k.StartsWith("指标", StringComparison.Ordinal)) return false;
        for (int i = 2; i < k.Length; i++) if (!char.IsAsciiDigit(k[i])) return false;
        return true;
    }

    /// <summary>A 计算符号 / 指标性质 cell: only a comparator.</summary>
    public static bool IsComparatorSymbol(string text) => Key(text) is "=" or "≥" or "≤" or ">" or "<" or ">=" or "<=" or "≧" or "≦" or "＝" or "＞" or "＜"
        || ComparatorWords.ContainsKey(Key(text));

    /// <summary>A 计算符号 cell as the symbol the value grammar reads: `小于等于` → `≤`; a symbol stays as printed.</summary>
    public static string ComparatorSymbolOf(string text) => ComparatorWords.TryGetValue(Key(text), out var symbol) ? symbol : text;

    private static readonly Dictionary<string, string> ComparatorWords = new()
    {
        ["大于等于"] = "≥", ["不少于"] = "≥", ["不低于"] = "≥", ["不小于"] = "≥", ["大于或等于"] = "≥",
        ["小于等于"] = "≤", ["不多于"] = "≤", ["不高于"] = "≤", ["不大于"] = "≤", ["不超过"] = "≤", ["小于或等于"] = "≤",
        ["等于"] = "=", ["大于"] = ">", ["高于"] = ">", ["小于"] = "<", ["低于"] = "<",
        // Look-alike symbols of scanned or mirrored pages: small and box-drawing forms.
        ["﹦"] = "=", ["═"] = "=", ["﹥"] = ">", ["﹤"] = "<", ["≧"] = "≥", ["≦"] = "≤",
    };

    /// <summary>
    /// 成本指标 printed right after 产出指标's 二级 rows with no 二级 of its own (an indicator name follows it) is the
    /// older framework's 二级 under 产出指标 (rules.md §4: "older forms also put 成本指标 here"); followed by 经济成本指标
    /// and the like, or outside 产出指标, it is the 一级.
    /// </summary>
    public static bool IsCostUnderOutput(string level1, string? currentLevel1, bool level2Follows) =>
        !level2Follows && ((level1 == Framework.Cost && currentLevel1 == Framework.Output) || IsUnderProvincialLevel1(level1, currentLevel1));

    /// <summary>
    /// Under a provincial 一级 (Sichuan's 项目完成指标 / 项目效益指标), 成本指标 and 满意度指标 are printed as its 二级
    /// (数量 质量 时效 成本 | 经济 社会 生态 可持续 满意度).
    /// </summary>
    private static bool IsUnderProvincialLevel1(string level1, string? currentLevel1) =>
        currentLevel1 is not null && IsProvincialLevel1(currentLevel1) && level1 is Framework.Cost or Framework.Satisfaction;

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

    /// <summary>A line above a table naming its money unit (`单位:万元`, `金额单位：元`): the unit, or null.</summary>
    public static MoneyUnit? UnitLineOf(string text)
    {
        var k = Key(text);
        return k.StartsWith("单位", StringComparison.Ordinal) || k.StartsWith("金额单位", StringComparison.Ordinal) ? MoneyUnitIn(k) : null;
    }

    /// <summary>A cell that only states the unit.</summary>
    public static bool IsMoneyUnitLabel(string key) =>
        key is "(元)" or "(万元)" or "元" or "万元" || ((key.StartsWith("金额单位", StringComparison.Ordinal) || key.StartsWith("单位:", StringComparison.Ordinal) || key.StartsWith("单位：", StringComparison.Ordinal)) && key.EndsWith('元'));

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

/// <summary>A project's own column in a table of several projects.</summary>
internal enum ProjectColumn { Unit, Name, Category, Budget, Goal }
