using Jixiao.Core.Model;
using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>The printed labels the reader recognises, by what they mean. Variants from other provinces included.</summary>
internal static partial class Vocabulary
{
    public enum FundColumn { Initial, Adjusted, Executed, Weight, Rate, Score, Ignored }

    private static readonly Dictionary<string, FundColumn> FundColumns = new()
    {
        ["年初预算数"] = FundColumn.Initial, ["年初预算"] = FundColumn.Initial,
        ["全年预算数"] = FundColumn.Adjusted, ["调整后预算数"] = FundColumn.Adjusted, ["全年预算数(A)"] = FundColumn.Adjusted,
        ["预算数(A)"] = FundColumn.Adjusted, ["调整后预算"] = FundColumn.Adjusted,
        ["全年执行数"] = FundColumn.Executed, ["预算执行数"] = FundColumn.Executed, ["全年执行数(B)"] = FundColumn.Executed, ["执行数(B)"] = FundColumn.Executed,
        ["分数"] = FundColumn.Weight, ["分值"] = FundColumn.Weight, ["权重"] = FundColumn.Weight,
        ["执行率(%)"] = FundColumn.Rate, ["执行率"] = FundColumn.Rate, ["执行率(B/A)"] = FundColumn.Rate, ["预算执行率"] = FundColumn.Rate,
        ["得分"] = FundColumn.Score, ["得分(20分*执行率)"] = FundColumn.Score,
        ["原因"] = FundColumn.Ignored,
    };

    public static FundColumn? FundColumnOf(string label)
    {
        var k = WithoutUnitNote(Key(label));
        return FundColumns.TryGetValue(k, out var c) || FundColumns.TryGetValue(WithoutColumnFormula(k), out c) || FundColumns.TryGetValue(WithoutPointsNote(k), out c) ? c : null;
    }

    /// <summary>`分值(10分)`: the points a column's head prints are its cells' value, not part of its name.</summary>
    private static string WithoutPointsNote(string key) =>
        key.EndsWith("分)", StringComparison.Ordinal) && key.IndexOf('(') is var p and > 0 && PointsIn(key[p..]) is not null ? key[..p] : key;

    /// <summary>
    /// `预算执行率(B/A)`, `全年执行数(B)`, `执行率(%)`: the letters and formula a template prints after a fund column's
    /// name say how it is computed, not which column it is.
    /// </summary>
    private static string WithoutColumnFormula(string key)
    {
        int p = key.LastIndexOf('(');
        if (p <= 0 || key[^1] != ')' || key.Length - p > 12) return key;
        foreach (var c in key.AsSpan(p + 1, key.Length - p - 2))
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '/' or '%' or '*' or '×' or '+' or '-')) return key;
        return key[..p];
    }

    public enum DeclarationFundLabel { ProjectTotal, ProjectFiscal, AnnualTotal, Appropriation, CarryOver, Other }

    private static readonly Dictionary<string, DeclarationFundLabel> DeclarationFunds = new()
    {
        ["项目资金总额"] = DeclarationFundLabel.ProjectTotal,
        ["其中：财政资金"] = DeclarationFundLabel.ProjectFiscal, ["财政资金"] = DeclarationFundLabel.ProjectFiscal,
        ["年度资金申请总额"] = DeclarationFundLabel.AnnualTotal, ["年度资金总额"] = DeclarationFundLabel.AnnualTotal, ["资金总额"] = DeclarationFundLabel.AnnualTotal,
        ["其中：当年财政拨款"] = DeclarationFundLabel.Appropriation, ["当年财政拨款"] = DeclarationFundLabel.Appropriation,
        ["其中：财政拨款"] = DeclarationFundLabel.Appropriation, ["财政拨款"] = DeclarationFundLabel.Appropriation,
        ["其中：本年财政拨款"] = DeclarationFundLabel.Appropriation,
        ["其中：财政拨款数"] = DeclarationFundLabel.Appropriation, ["财政拨款数"] = DeclarationFundLabel.Appropriation,
        ["上年结转资金"] = DeclarationFundLabel.CarryOver,
        ["项目总投资"] = DeclarationFundLabel.ProjectTotal,
        ["预算申报数"] = DeclarationFundLabel.AnnualTotal,
        ["预算金额"] = DeclarationFundLabel.AnnualTotal,
        ["预算数"] = DeclarationFundLabel.AnnualTotal,
        // 重庆's 当年预算; 山西's 中期 / 年度 预算资金总额 (the project's span and this year).
        ["当年预算"] = DeclarationFundLabel.AnnualTotal,
        ["年度预算资金总额"] = DeclarationFundLabel.AnnualTotal,
        ["中期预算资金总额"] = DeclarationFundLabel.ProjectTotal,
        // 安徽's 中期资金总额 / 年度资金总额; 湖南's 年度本级预算金额; 广东's 预算金额 总金额 / 当年度金额 and 东莞's
        // 中期市财政预算 / 本年度申请市财政预算资金: the project's span and this year under other names.
        ["中期资金总额"] = DeclarationFundLabel.ProjectTotal,
        ["年度本级预算金额"] = DeclarationFundLabel.AnnualTotal,
        ["总金额"] = DeclarationFundLabel.ProjectTotal,
        ["当年度金额"] = DeclarationFundLabel.AnnualTotal,
        ["中期市财政预算"] = DeclarationFundLabel.ProjectTotal,
        ["本年度申请市财政预算资金"] = DeclarationFundLabel.AnnualTotal,
        ["其他资金"] = DeclarationFundLabel.Other,
    };

    public static DeclarationFundLabel? DeclarationFundOf(string label) => DeclarationFunds.TryGetValue(WithoutUnitNote(Key(label)), out var f) ? f : null;

    /// <summary>`资金总额(万元)`, `年初预算数(元)`: the label without the unit it carries (the unit is read apart).</summary>
    private static string WithoutUnitNote(string key) =>
        key.EndsWith("(万元)", StringComparison.Ordinal) ? key[..^4] : key.EndsWith("(元)", StringComparison.Ordinal) ? key[..^3] : key;

    /// <summary>Row labels of a self-evaluation's fund block: a known one always starts a new row.</summary>
    public static bool IsSelfEvaluationFundLabel(string label) => SelfEvaluationFundLabels.Contains(Key(label));

    private static readonly HashSet<string> SelfEvaluationFundLabels =
        ["年度资金总额", "总额", "其中：当年财政拨款", "其中：本年财政拨款", "其中：财政资金", "上年结转资金", "其他资金", "财政专户管理资金", "单位资金", "年度财政资金总额", "其中：财政拨款"];

    /// <summary>The markers that open the funds block; their brackets carry the unit.</summary>
    public static bool IsFundsMarker(string label)
    {
        var k = Key(label);
        return (k.StartsWith("项目资金", StringComparison.Ordinal) && !k.StartsWith("项目资金总额", StringComparison.Ordinal)) || k.StartsWith("资金情况", StringComparison.Ordinal) ||
               k.StartsWith("预算执行情况", StringComparison.Ordinal) || k.StartsWith("专项资金情况", StringComparison.Ordinal) || k.StartsWith("年度预算数", StringComparison.Ordinal) || k.StartsWith("预算规模", StringComparison.Ordinal)
               // 内蒙古's 投入目标 (万元) and 资金投入情况(万元): the same block under other names.
               || k.StartsWith("投入目标", StringComparison.Ordinal) || k.StartsWith("资金投入情况", StringComparison.Ordinal);
    }

    public enum GoalColumn { Overall, Annual, Expected, Actual }

    public static GoalColumn? GoalColumnOf(string label, FormKind kind)
    {
        var k = WithoutPeriodNote(Key(label));
        if (k.StartsWith("项目总目标", StringComparison.Ordinal) || k.StartsWith("项目总体目标", StringComparison.Ordinal) || k.StartsWith("中长期绩效目标", StringComparison.Ordinal)
            || k is "中期目标" or "长期目标" or "中长期目标" or "实施期绩效目标" or "实施期目标" or "中期滚动目标") return GoalColumn.Overall;
        if (k.StartsWith("实际完成情况", StringComparison.Ordinal) || k.StartsWith("年度总体目标完成情况", StringComparison.Ordinal) || k.StartsWith("年度目标完成情况", StringComparison.Ordinal)
            || k is "全年实际完成情况") return GoalColumn.Actual;
        if (k.StartsWith("预期目标", StringComparison.Ordinal) || k.StartsWith("年初设定目标", StringComparison.Ordinal) || k.StartsWith("项目年度目标", StringComparison.Ordinal)) return GoalColumn.Expected;
        if (k is "年度总体目标" or "年度目标" or "本年度绩效目标" or "年度绩效目标" or "年度绩效目标(文字)" or "绩效目标" or "当年绩效目标" or "当年度目标" || k.StartsWith("年度主要目标", StringComparison.Ordinal))
            return kind == FormKind.TargetDeclaration ? GoalColumn.Annual : null;
        return null;
    }

    /// <summary>`中期目标(2023年—2023年)`, `中期滚动目标(2019年--2021年)`: the period in brackets is not part of the head.</summary>
    private static string WithoutPeriodNote(string key)
    {
        int p = key.IndexOf('(');
        if (p <= 0 || key[^1] != ')' || p + 5 > key.Length) return key;
        var note = key.AsSpan(p + 1, key.Length - p - 2);
        return note.Length >= 5 && char.IsAsciiDigit(note[0]) && char.IsAsciiDigit(note[3]) && note[4] == '年' ? key[..p] : key;
    }

    /// <summary>Markers that open the goals block (a header of it, or the block's side label).</summary>
    public static bool IsGoalsMarker(string label, FormKind kind)
    {
        var k = Key(label);
        return GoalColumnOf(k, kind) is not null || k is "年度总体目标" or "项目绩效目标" or "总体目标" or "年度总体目标预期目标";
    }

    public enum IndicatorColumn { Level1, Level2, Name, Target, Actual, Weight, Score, Reason, Comparator, Value, Unit, Description, Status, Ignored }

    private static readonly Dictionary<string, IndicatorColumn> IndicatorColumns = Columns(
        (IndicatorColumn.Level1, ["一级指标", "一级", "指标类型"]),
        (IndicatorColumn.Level2, ["二级指标", "二级"]),
        (IndicatorColumn.Name, ["三级指标", "三级指标内容", "三级", "指标内容", "指标名称", "三级指标名称", "绩效指标名称"]),
        (IndicatorColumn.Target, ["年度指标值", "年度(/项目)指标值", "指标值", "年初目标值(A)", "指标值及单位", "年度指标值(A)", "年度(项目)指标值", "指标值(包含数字及文字描述)", "指标目标值", "目标值", "年度目标值", "绩效目标值", "预期指标值", "年度数值", "预期实现值", "计划实现值"]),
        (IndicatorColumn.Actual, ["实际完成值", "全年实际值", "完成值", "单项指标实际完成值", "实际完成值(B)", "全年实际完成值", "全年完成值", "实际值", "年度实际完成值", "实际完成情况", "实际实现值", "实际完成指标值"]),
        (IndicatorColumn.Weight, ["分值", "权重", "指标权重", "指标分值", "权重占比"]),
        (IndicatorColumn.Score, ["得分", "自评得分", "单项指标得分", "单项指标折算得分", "折算得分"]),
        (IndicatorColumn.Reason, ["偏差原因分析及改进措施", "未完成原因分析", "未完成原因及拟采取的改进措施", "偏差原因分析", "原因分析", "未完成原因和改进措施", "未完成原因分析及改进措施", "偏差原因及改进措施", "未完成原因"]),
        (IndicatorColumn.Comparator, ["指标性质", "计算符号", "符号"]),
        (IndicatorColumn.Status, ["单项指标完成情况"]), // whether the target was met (完成 / 未完成), not the actual value
        (IndicatorColumn.Unit, ["度量单位", "计量单位", "单位", "指标单位", "单位(文字描述)"]),
        // A column that describes the indicator beside its name (often repeating it): never part of the name.
        (IndicatorColumn.Description, ["绩效指标描述", "指标描述", "指标说明", "指标解释", "指标内涵"]),
        (IndicatorColumn.Ignored, ["备注", "及改进措施", "指标", "年度", "实际", "绩效指标", "指标值说明", "指标方向性", "指标方向", "绩效标准", "得分计算方法", "评分标准", "评(扣)分标准", "指标值设定依据及数据来源", "是否核心指标", "得分系数", "指标标准或依据"]));

    private static Dictionary<string, IndicatorColumn> Columns(params (IndicatorColumn Column, string[] Labels)[] groups)
    {
        var d = new Dictionary<string, IndicatorColumn>();
        foreach (var (column, labels) in groups)
            foreach (var l in labels) d[l] = column;
        return d;
    }

    public static IndicatorColumn? IndicatorColumnOf(string label)
    {
        var k = Key(label);
        if (IndicatorColumns.TryGetValue(k, out var c)) return c;
        // A column headed with its year (`2021年实际实现值`, `预期2022年实现值`) is the same column.
        var undated = WithoutYear(k);
        if (!ReferenceEquals(undated, k) && IndicatorColumns.TryGetValue(undated, out c)) return c;
        // `权重(%)`, `分值(分)`: the column's unit is not part of its name.
        int p = k.IndexOf('(');
        return p > 0 && k[^1] == ')' && k.Length - p <= 5 && IndicatorColumns.TryGetValue(k[..p], out c) ? c : null;
    }

    /// <summary>The label with a printed year (`2022年`, `2022年度`) taken out; the same string when it has none.</summary>
    private static string WithoutYear(string k)
    {
        for (int i = 0; i + 4 < k.Length; i++)
        {
            if (!(char.IsAsciiDigit(k[i]) && char.IsAsciiDigit(k[i + 1]) && char.IsAsciiDigit(k[i + 2]) && char.IsAsciiDigit(k[i + 3]) && k[i + 4] == '年')) continue;
            if (i > 0 && char.IsAsciiDigit(k[i - 1])) continue;
            int end = i + 5 < k.Length && k[i + 5] == '度' ? i + 6 : i + 5;
            return k[..i] + k[end..];
        }
        return k;
    }

    /// <summary>Labels that frame a block and carry no data: 绩效指标, 项目绩效目标 beside merged cells.</summary>
    public static bool IsNoiseLabel(string label)
    {
        var k = Key(label);
        return NoiseLabels.Contains(k)
            || (k.StartsWith("绩效指标(", StringComparison.Ordinal) && k.EndsWith("分)", StringComparison.Ordinal)) || (k.StartsWith("年度绩效目标(", StringComparison.Ordinal) && k.EndsWith("分)", StringComparison.Ordinal)) || IsScoreNote(k)
            || StartsScoringMethodNote(k);
    }

    private static readonly HashSet<string> NoiseLabels =
    [
        "……", "…", "...", "......", "绩效指标", "项目绩效目标", "年度总体目标", "绩效目标", "实施效果指标", "年度绩效目标", "专项年度绩效指标",
        // The 绩效标准 column's values (value basis): a cell of their own, never part of a name.
        "计划标准", "历史标准", "行业标准", "其他标准",
    ];

    /// <summary>A 一级 label's score note left alone when the label was lost: `(50分)`.</summary>
    /// <summary>
    /// The 得分计算方法 column's text printed between rows (山东's 自评表: `定量指标计算:完成值达到指标值,记满分;…`): how a
    /// row is scored, no part of a row.
    /// </summary>
    public static bool StartsScoringMethodNote(string k) =>
        k.StartsWith("定量指标计算", StringComparison.Ordinal) || k.StartsWith("定性指标计算", StringComparison.Ordinal);

    private static bool IsScoreNote(string k) =>
        k.Length is >= 4 and <= 8 && k[0] == '(' && k.EndsWith("分)", StringComparison.Ordinal) && char.IsAsciiDigit(k[1]);

    /// <summary>
    /// Group labels of provincial templates that are not the framework's words (Shandong's 产出值/数量值, Sichuan's
    /// 项目完成指标): kept as printed; the framework category follows from their words where the review needs it.
    /// </summary>
    private static readonly HashSet<string> ProvincialLevel1 = ["项目完成指标", "项目效益指标", "产出值", "效益值", "效果指标"];

    public static bool IsProvincialLevel1(string label) => ProvincialLevel1.Contains(label);
    private static readonly HashSet<string> ProvincialLevel2 =
        ["数量值", "质量值", "时效值", "成本值", "经济效益值", "社会效益值", "生态效益值", "可持续影响值", "进度指标", "产出数量", "产出质量", "产出时效", "产出成本",
         // The 2015 national template's 二级 (财预〔2015〕163号 annex), before 服务对象满意度指标.
         "社会公众或服务对象满意度指标",
         // Older forms' name for the 生态效益 group.
         "环境效益指标"];

    /// <summary>A group label: the framework name when the printed one matches, else null.</summary>
    public static string? Level1Of(string label)
    {
        var k = StripScoreNote(Key(label));
        return Framework.IsLevel1(k) || ProvincialLevel1.Contains(k) ? k : null;
    }

    public static string? Level2Of(string label)
    {
        var k = StripScoreNote(Key(label));
        if (Framework.IsLevel2(k) || ProvincialLevel2.Contains(k)) return k;
        // Older and provincial forms: 经济效益 without 指标, kept as printed like the other provincial labels (the
        // framework category follows from the words where the review needs it).
        if (k is "经济效益" or "社会效益" or "生态效益" or "环境效益" or "可持续影响" or "服务对象满意度") return k;
        return null;
    }

    /// <summary>
    /// 山西's 二级 `满意度` (under 效益指标, beside 经济效益 and 可持续影响): also a common name, so a row takes it as its
    /// group only with a name after it (TabularIndicators).
    /// </summary>
    public static bool IsBareSatisfactionGroup(string key) => key == "满意度";

    /// <summary>
    /// `产出指标(50分)`, `成本指标(0-20)分`, `数量指标(必填硬性指标)`: a score note or a template's fill-in note is not part
    /// of the label.
    /// </summary>
    private static string StripScoreNote(string k)
    {
        int p = k.IndexOf('(');
        if (p > 0 && (k.EndsWith("分)", StringComparison.Ordinal) || k.EndsWith(")分", StringComparison.Ordinal))) return k[..p];
        if (p > 0 && k[^1] == ')' && LabelNotes.Contains(k[(p + 1)..^1])) return k[..p];
        return k;
    }

    private static readonly HashSet<string> LabelNotes = ["必填", "选填", "必填硬性指标", "选填指标", "必填指标", "可选", "必选", "共性指标", "个性指标"];

    /// <summary>Tick boxes (`优秀□ 良好□ 合格□`): the form's questions after the table, never an indicator.</summary>
    public static bool IsTickBoxes(string text)
    {
        int first = text.IndexOf('□');
        return first >= 0 && text.IndexOf('□', first + 1) >= 0;
    }

    public static bool IsFooter(string label)
    {
        var k = Key(label);
        return k is "总分" or "合计" or "评分等级" or "评价结论" or "存在问题" or "改进措施" or "注" || k.StartsWith("注:", StringComparison.Ordinal) || k.StartsWith("注：", StringComparison.Ordinal)
            || (k.Contains("意见") && (k.Contains("审") || k.Contains("盖章"))) || k.Contains("(盖章)") || k.StartsWith("项目负责人:", StringComparison.Ordinal) || k.StartsWith("财务负责人:", StringComparison.Ordinal) || k.StartsWith("填报人", StringComparison.Ordinal)
            || IsTickBoxes(k) || IsTableNumber(k) || IsPageFurniture(k) || IsAttachmentList(label, k);
    }

    /// <summary>
    /// A web page's own lines after the article it shows (`扫一扫在手机打开当前页`, `[下载] [打印] [关闭]`): the page's
    /// text of the form has ended there.
    /// </summary>
    public static bool IsPageFurniture(string key)
    {
        var k = key.TrimStart('-', '·', '•', '*');
        return (k.StartsWith("扫一扫", StringComparison.Ordinal) && (k.Contains("手机") || k.Contains("当前页")))
            || PageButtons.Any(b => k.StartsWith(b, StringComparison.Ordinal));
    }

    /// <summary>
    /// `附件:` alone on its line heads the article's list of attached files, after the form it shows. A bare `附件`
    /// without the colon is not taken: it may be a cell of the form.
    /// </summary>
    private static bool IsAttachmentList(string label, string key) => key == "附件" && label.TrimEnd()[^1] is ':' or '：';

    private static readonly string[] PageButtons = ["[打印]", "[关闭]", "[下载][打印]", "【打印】", "【关闭】", "打印本页", "关闭窗口"];

    /// <summary>
    /// A cell that only numbers a table (`表十二`, `附表3`, `附件2-1`): the next table's heading, so the one above has
    /// ended.
    /// </summary>
    public static bool IsTableNumber(string key)
    {
        var rest = key.StartsWith("附件", StringComparison.Ordinal) || key.StartsWith("附表", StringComparison.Ordinal) ? key[2..]
                 : key.StartsWith('表') ? key[1..] : null;
        if (string.IsNullOrEmpty(rest) || rest.Length > 6) return false;
        foreach (var c in rest)
            if (!char.IsAsciiDigit(c) && c != '-' && !ChineseNumerals.Contains(c)) return false;
        return true;
    }

    private const string ChineseNumerals = "一二三四五六七八九十";

    /// <summary>Every label and label fragment the assembler may build, for prefix matching.</summary>
    public static readonly string[] AssemblableLabels = BuildAssemblable();

    private static string[] BuildAssemblable()
    {
        var list = new List<string>(Framework.Level1Names);
        list.AddRange(Framework.Level2Parent.Keys);
        list.AddRange(ProvincialLevel1);
        list.AddRange(ProvincialLevel2);
        list.AddRange(["绩效指标", "项目绩效目标", "年度总体目标", "一级指标", "二级指标", "三级指标", "偏差原因分析及改进措施"]);
        return list.Distinct().ToArray();
    }

    // Every prefix of an assemblable label (the empty one too), and for each the labels it is a proper prefix of, in
    // the table's order: the assembler asks these of every token, and a scan of the table per question was its cost.
    private static readonly Dictionary<string, string[]> LabelsLongerThanPrefix = BuildLabelPrefixes();

    private static Dictionary<string, string[]> BuildLabelPrefixes()
    {
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var label in AssemblableLabels)
            for (int n = 0; n <= label.Length; n++)
            {
                var prefix = label[..n];
                if (!lists.TryGetValue(prefix, out var l)) lists[prefix] = l = [];
                if (n < label.Length) l.Add(label);
            }
        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>True when some assemblable label starts with the text.</summary>
    public static bool IsAssemblablePrefix(string text) => LabelsLongerThanPrefix.ContainsKey(text);

    /// <summary>The assemblable labels the text is the start of and longer than it, in the table's order.</summary>
    public static string[] AssemblableLabelsLongerThan(string prefix) => LabelsLongerThanPrefix.TryGetValue(prefix, out var l) ? l : [];

    /// <summary>A key that is the start of a group's label and not all of it (`满意` of 满意度指标, `项目效益` of 项目效益指标).</summary>
    public static bool StartsGroupLabel(string key) => AssemblableLabelsLongerThan(key).Any(l => l.EndsWith("指标", StringComparison.Ordinal));

    /// <summary>
    /// The titles of 部门整体 forms (docs/department-whole.md §4) and the kind each names, brackets half-width. A title
    /// without 表 (江西's heading 部门整体绩效目标) counts only as a line of its own.
    /// </summary>
    public static readonly IReadOnlyList<(string Title, FormKind Kind)> DepartmentWholeTitles =
    [
        ("部门整体支出绩效目标表", FormKind.DepartmentDeclaration),
        ("部门整体支出绩效目标申报表", FormKind.DepartmentDeclaration),
        ("部门(单位)整体支出绩效目标表", FormKind.DepartmentDeclaration),
        ("部门(单位)整体支出绩效目标申报表", FormKind.DepartmentDeclaration),
        ("单位整体支出绩效目标表", FormKind.DepartmentDeclaration),
        ("单位整体支出绩效目标申报表", FormKind.DepartmentDeclaration),
        ("整体支出绩效目标申报表", FormKind.DepartmentDeclaration),
        ("整体支出绩效目标表", FormKind.DepartmentDeclaration),
        ("部门整体绩效目标表", FormKind.DepartmentDeclaration),
        ("部门整体绩效目标申报表", FormKind.DepartmentDeclaration),
        ("部门整体绩效目标", FormKind.DepartmentDeclaration),
        ("部门整体支出绩效自评表", FormKind.DepartmentSelfEvaluation),
        ("部门(单位)整体支出绩效自评表", FormKind.DepartmentSelfEvaluation),
        ("单位整体支出绩效自评表", FormKind.DepartmentSelfEvaluation),
        ("整体支出绩效自评表", FormKind.DepartmentSelfEvaluation),
        ("部门整体绩效自评表", FormKind.DepartmentSelfEvaluation),
        ("部门整体支出绩效目标完成情况表", FormKind.DepartmentSelfEvaluation),
        ("部门整体支出绩效自评情况表", FormKind.DepartmentSelfEvaluation),
    ];
}
