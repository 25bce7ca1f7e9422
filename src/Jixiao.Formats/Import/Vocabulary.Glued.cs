using Jixiao.Core.Model;

namespace Jixiao.Formats.Import;

/// <summary>
/// The words that cut text without separators into cells: every label the reader knows (header, funds, goals, the
/// indicator table's columns and groups, the footer), and the units a printed value may end with.
/// </summary>
internal static partial class Vocabulary
{
    /// <summary>Labels of other templates that carry nothing the model keeps, but end the value before them.</summary>
    private static readonly string[] OtherTemplateLabels =
    [
        "填报单位", "资金性质", "项目总投资",
        "预算申报数", "基本情况", "政策依据", "其他依据", "组织实施单位", "监督管理单位", "自评得分", "自评总分", "部门联系人",
        "项目资金(万元)", "项目资金(元)", "预算执行情况(万元)",
        "资金情况(万元)", "年度绩效目标", "年初设定目标", "全年实际完成情况", "年度总体目标", "年度目标", "总体目标",
        "实际完成情况", "预期目标", "年度总体目标完成情况", "绩效指标", "指标内容", "年度指标值", "全年完成值",
        "未完成原因和改进措施", "考值参分", "全年实际值",
        // A declaration's fund columns (资金来源 | 年初安排金额(万元)): they head the amounts, they are no header field (a
        // line of two header fields is a band of the header's geometry).
        "资金来源", "年初安排金额", "年初安排金额(万元)",
    ];

    /// <summary>Every label, the longest first for each first character, for the longest match at a position.</summary>
    private static readonly Dictionary<char, string[]> LabelsByFirstChar = BuildLabels();

    private static Dictionary<char, string[]> BuildLabels()
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        all.UnionWith(HeaderLabels.Keys);
        all.UnionWith(FundColumns.Keys);
        all.UnionWith(DeclarationFunds.Keys);
        all.UnionWith(SelfEvaluationFundLabels);
        all.UnionWith(IndicatorColumns.Keys);
        all.UnionWith(Framework.Level1Names);
        all.UnionWith(Framework.Level2Parent.Keys);
        all.UnionWith(ProvincialLevel1);
        all.UnionWith(ProvincialLevel2);
        all.UnionWith(OtherTemplateLabels);
        all.UnionWith([TotalScoreLabel, GradeLabel]);
        // One- and two-character words (一级, 指标, 年度, 实际, 总额) are too common inside names to cut at; the
        // column heads 分值 and 得分 are kept, they end every indicator header.
        all.RemoveWhere(l => l.Length < 2 || (l.Length == 2 && l is not ("分值" or "得分" or "权重")) || l.Contains(' '));
        return all.GroupBy(l => l[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.Length).ToArray());
    }

    private static readonly ulong[] LabelFirstChars = BuildFirstChars();

    private static ulong[] BuildFirstChars()
    {
        var bits = new ulong[65536 / 64];
        foreach (var c in LabelsByFirstChar.Keys) bits[c >> 6] |= 1UL << c;
        return bits;
    }

    private static readonly HashSet<string> LabelPrefixes = BuildPrefixes();

    private static HashSet<string> BuildPrefixes()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var labels in LabelsByFirstChar.Values)
            foreach (var l in labels)
                for (int n = 2; n < l.Length; n++) set.Add(l[..n]);
        return set;
    }

    public static bool IsLabel(string key) => key.Length > 0 && LabelsByFirstChar.TryGetValue(key[0], out var labels) && labels.Contains(key);

    /// <summary>The start of a label wrapped over lines (`项目起` / `止时间`), not a label itself.</summary>
    public static bool IsLabelStart(string key) => LabelPrefixes.Contains(key) && !IsLabel(key);

    /// <summary>The longest label starting at <paramref name="at"/> in a key-normalised text, or null.</summary>
    public static string? LabelAt(string text, int at)
    {
        char first = text[at];
        // Most characters start no label: a bit per character answers before the dictionary is asked.
        if ((LabelFirstChars[first >> 6] & (1UL << first)) == 0 || !LabelsByFirstChar.TryGetValue(first, out var labels)) return null;
        var rest = text.AsSpan(at);
        foreach (var l in labels)
            if (rest.StartsWith(l)) return l;
        return null;
    }

    /// <summary>What a label is to the row builder: a column head stays on the row of the heads before it.</summary>
    public static bool IsColumnHead(string label) => IndicatorColumnOf(label) is not null || FundColumnOf(label) is not null;

    /// <summary>A character a printed comparator is made of (`≥`, `<=`, the full-width-looking `≧`).</summary>
    public static bool IsComparatorChar(char c) => c is '≥' or '≤' or '>' or '<' or '=' or '≧' or '≦';

    /// <summary>Units a printed value ends with, longest first: the cell ends after them.</summary>
    public static readonly string[] ValueUnits =
    [
        "平方公里", "平方米", "立方米", "万人次", "厘米", "毫米", "千米", "千瓦", "万册", "万亩", "万株", "人/次", "人次", "户次", "万元", "公里", "公顷", "小时", "个百分点",
        "元/亩", "元/人", "元/生", "元/户", "百分比",
        "个", "人", "次", "篇", "元", "亩", "米", "株", "所", "家", "户", "项", "天", "日", "月", "年", "场", "台", "辆", "件",
        "册", "套", "座", "处", "名", "份", "吨", "期", "批", "本", "条", "张", "棵", "头", "只", "间", "栋", "块", "枚", "分",
    ];
}
