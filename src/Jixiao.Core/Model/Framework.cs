namespace Jixiao.Core.Model;

/// <summary>
/// The indicator framework (rules.md §4): the 一级 and 二级 names and which 一级 each 二级 belongs to. Used to
/// recognise group labels wherever a layout put them and to infer a missing 一级 from its 二级.
/// </summary>
public static class Framework
{
    public const string Output = "产出指标";
    public const string Benefit = "效益指标";
    public const string Satisfaction = "满意度指标";
    public const string Cost = "成本指标";

    public static readonly IReadOnlyList<string> Level1Names = [Output, Benefit, Satisfaction, Cost];

    /// <summary>二级 name → its 一级. 成本指标 as a 二级 (older forms) sits under 产出指标.</summary>
    public static readonly IReadOnlyDictionary<string, string> Level2Parent = new Dictionary<string, string>
    {
        ["数量指标"] = Output,
        ["质量指标"] = Output,
        ["时效指标"] = Output,
        ["经济成本指标"] = Cost,
        ["社会成本指标"] = Cost,
        ["生态环境成本指标"] = Cost,
        ["经济效益指标"] = Benefit,
        ["社会效益指标"] = Benefit,
        ["生态效益指标"] = Benefit,
        ["可持续影响指标"] = Benefit,
        ["服务对象满意度指标"] = Satisfaction,
    };

    public static bool IsLevel1(string label) => Level1Names.Contains(label);

    // The words that name a 一级 in a printed label, in the order they are tried ("成本" before "效益": 成本效益 is a
    // cost row). Printed labels are often partial or wrapped (产出, 满意度, 可持 续影 响指 标), so a label is read by
    // the word in it, not by equality.
    static readonly (string Word, string Level1)[] Level1Words =
        [("成本", Cost), ("产出", Output), ("效益", Benefit), ("满意", Satisfaction)];

    // The same for a 二级 label: the tree's 二级 names (without 指标: 数量, 社会效益 …) to their 一级, then the 一级
    // words (an older form prints 成本指标 as a 二级; a partial label says only 效益 or 满意).
    static readonly (string Word, string Level1)[] Level2Words =
        [.. Level2Parent.Select(kv => (kv.Key.Replace("指标", ""), kv.Value)), .. Level1Words];

    /// <summary>
    /// The 一级 a row belongs to, read from its printed 一级 label, else from its 二级 label; null when neither names
    /// one. White space in the labels is ignored.
    /// </summary>
    public static string? Level1Of(string? level1, string? level2) =>
        Find(level1, Level1Words) ?? Find(level2, Level2Words);

    static string? Find(string? label, (string Word, string Level1)[] words)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var squashed = string.Concat(label.Where(ch => !char.IsWhiteSpace(ch)));
        foreach (var (word, level1) in words)
            if (squashed.Contains(word, StringComparison.Ordinal)) return level1;
        return null;
    }

    /// <summary>A cost row: its own 一级, or 成本指标 printed as a 二级 (older forms).</summary>
    public static bool IsCost(string? level1, string? level2) =>
        Find(level1, [("成本", Cost)]) is not null || Find(level2, [("成本", Cost)]) is not null;

    public static bool IsLevel2(string label) => Level2Parent.ContainsKey(label);

    public static string? ParentOf(string level2) => Level2Parent.GetValueOrDefault(level2);

    /// <summary>
    /// Qualitative target words seen in real forms (rules.md §4). A cell holding one of these in a target column is a
    /// target, not a name.
    /// </summary>
    public static readonly IReadOnlySet<string> QualitativeWords = new HashSet<string>
    {
        "及时", "良好", "合规", "合格", "有效", "满意", "持续完善", "稳定", "增长", "投入使用", "正常", "提升",
        "建立健全", "控制在预算内", "合理", "提高", "降低", "按计划实施", "优良", "达标", "完成", "健全", "规范",
        "显著", "明显", "较好", "好", "高", "逐步提升", "有所提升", "持续", "长期", "是", "否", "符合", "准确",
        "安全", "畅通", "完善", "有序", "按时", "按期", "按期完成", "及时完成", "基本满意", "较满意", "非常满意",
    };
}

/// <summary>Configurable enumerations of the header fields (rules.md §4).</summary>
public static class Enumerations
{
    public static readonly IReadOnlyList<string> ProjectNatures =
    [
        "其他经常性项目", "经常性专项业务费", "市委市政府已确定的新增项目", "结转项目", "其他一次性项目", "阶段性项目",
    ];

    public static readonly IReadOnlyList<string> ProjectCategories =
    [
        "人员类项目", "运转类项目", "公用经费项目", "其他运转类项目", "特定目标类",
    ];

    public static bool IsKnown(string value) => ProjectNatures.Contains(value) || ProjectCategories.Contains(value);
}
