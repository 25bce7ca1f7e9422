using Jixiao.Core.Model;
using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>The printed labels the reader recognises, by what they mean. Variants from other provinces included.</summary>
internal static class Vocabulary
{
    public enum HeaderField { ProjectName, Department, ImplementingUnit, ProjectNature, ProjectCategory, StartDate, EndDate, Ignored }

    public static readonly IReadOnlyDictionary<string, HeaderField> HeaderLabels = new Dictionary<string, HeaderField>
    {
        ["项目名称"] = HeaderField.ProjectName,
        ["专项名称"] = HeaderField.ProjectName,
        ["主管部门"] = HeaderField.Department,
        ["业务主管部门"] = HeaderField.Department,
        ["实施单位"] = HeaderField.ImplementingUnit,
        ["项目实施单位"] = HeaderField.ImplementingUnit,
        ["实施单位(盖章)"] = HeaderField.ImplementingUnit,
        ["项目性质"] = HeaderField.ProjectNature,
        ["项目属性"] = HeaderField.ProjectNature,
        ["专项属性"] = HeaderField.ProjectNature,
        ["项目类别"] = HeaderField.ProjectCategory,
        ["项目分类"] = HeaderField.ProjectCategory,
        ["计划开始日期"] = HeaderField.StartDate,
        ["计划完成日期"] = HeaderField.EndDate,
        ["项目负责人及电话"] = HeaderField.Ignored,
        ["项目负责人"] = HeaderField.Ignored,
        ["联系电话"] = HeaderField.Ignored,
        ["联系人及电话"] = HeaderField.Ignored,
        ["专项负责人"] = HeaderField.Ignored,
        ["建设周期"] = HeaderField.Ignored,
        ["项目期"] = HeaderField.Ignored,
        ["专项起止时间"] = HeaderField.Ignored,
        ["下达地方或单位"] = HeaderField.Ignored,
        ["项目审批"] = HeaderField.Ignored,
        ["项目总体概况"] = HeaderField.Ignored,
        ["专项概况"] = HeaderField.Ignored,
        ["财政资金预算分类"] = HeaderField.Ignored,
        ["财政资金科目代码"] = HeaderField.Ignored,
        ["项目基本情况"] = HeaderField.Ignored,
        ["1.项目年度目标完成情况"] = HeaderField.Ignored,
        ["2.项目实施内容及过程概述"] = HeaderField.Ignored,
        ["报表编号"] = HeaderField.Ignored,
    };

    public enum FundColumn { Initial, Adjusted, Executed, Weight, Rate, Score, Ignored }

    public static FundColumn? FundColumnOf(string label) => Key(label) switch
    {
        "年初预算数" or "年初预算" => FundColumn.Initial,
        "全年预算数" or "调整后预算数" or "全年预算数(A)" or "预算数(A)" or "调整后预算" => FundColumn.Adjusted,
        "全年执行数" or "预算执行数" or "全年执行数(B)" or "执行数(B)" => FundColumn.Executed,
        "分数" or "分值" or "权重" => FundColumn.Weight,
        "执行率(%)" or "执行率" or "执行率(B/A)" or "预算执行率" => FundColumn.Rate,
        "得分" or "得分(20分*执行率)" => FundColumn.Score,
        "原因" => FundColumn.Ignored,
        _ => null,
    };

    public enum DeclarationFundLabel { ProjectTotal, ProjectFiscal, AnnualTotal, Appropriation, CarryOver, Other }

    public static DeclarationFundLabel? DeclarationFundOf(string label) => Key(label) switch
    {
        "项目资金总额" => DeclarationFundLabel.ProjectTotal,
        "其中：财政资金" or "财政资金" => DeclarationFundLabel.ProjectFiscal,
        "年度资金申请总额" or "年度资金总额" => DeclarationFundLabel.AnnualTotal,
        "其中：当年财政拨款" or "当年财政拨款" or "其中：财政拨款" or "财政拨款" or "其中：本年财政拨款" => DeclarationFundLabel.Appropriation,
        "上年结转资金" => DeclarationFundLabel.CarryOver,
        "其他资金" => DeclarationFundLabel.Other,
        _ => null,
    };

    /// <summary>Row labels of a self-evaluation's fund block: a known one always starts a new row.</summary>
    public static bool IsSelfEvaluationFundLabel(string label) => Key(label) is "年度资金总额" or "总额" or "其中：当年财政拨款"
        or "其中：本年财政拨款" or "其中：财政资金" or "上年结转资金" or "其他资金" or "财政专户管理资金" or "单位资金" or "年度财政资金总额"
        or "其中：财政拨款";

    /// <summary>The markers that open the funds block; their brackets carry the unit.</summary>
    public static bool IsFundsMarker(string label)
    {
        var k = Key(label);
        return (k.StartsWith("项目资金") && !k.StartsWith("项目资金总额")) || k.StartsWith("资金情况") ||
               k.StartsWith("预算执行情况") || k.StartsWith("专项资金情况") || k.StartsWith("年度预算数");
    }

    public enum GoalColumn { Overall, Annual, Expected, Actual }

    public static GoalColumn? GoalColumnOf(string label, FormKind kind)
    {
        var k = Key(label);
        if (k.StartsWith("项目总目标") || k.StartsWith("项目总体目标") || k.StartsWith("中长期绩效目标")) return GoalColumn.Overall;
        if (k.StartsWith("实际完成情况") || k.StartsWith("年度总体目标完成情况") || k.StartsWith("年度目标完成情况")) return GoalColumn.Actual;
        if (k.StartsWith("预期目标") || k.StartsWith("年初设定目标") || k.StartsWith("项目年度目标")) return GoalColumn.Expected;
        if (k is "年度总体目标" or "年度目标" or "本年度绩效目标" || k.StartsWith("年度主要目标"))
            return kind == FormKind.TargetDeclaration ? GoalColumn.Annual : null;
        return null;
    }

    /// <summary>Markers that open the goals block (a header of it, or the block's side label).</summary>
    public static bool IsGoalsMarker(string label, FormKind kind)
    {
        var k = Key(label);
        return GoalColumnOf(k, kind) is not null || k is "年度总体目标" or "项目绩效目标" or "总体目标" or "年度总体目标预期目标";
    }

    public enum IndicatorColumn { Level1, Level2, Name, Target, Actual, Weight, Score, Reason, Comparator, Value, Unit, Ignored }

    public static IndicatorColumn? IndicatorColumnOf(string label)
    {
        var k = Key(label);
        return k switch
        {
            "一级指标" or "一级" => IndicatorColumn.Level1,
            "二级指标" or "二级" => IndicatorColumn.Level2,
            "三级指标" or "三级指标内容" or "三级" => IndicatorColumn.Name,
            "年度指标值" or "年度(/项目)指标值" or "指标值" or "年初目标值(A)" or "指标值及单位" or "年度指标值(A)" or "年度(项目)指标值" => IndicatorColumn.Target,
            "实际完成值" or "全年实际值" or "完成值" or "实际完成值(B)" or "全年实际完成值" => IndicatorColumn.Actual,
            "分值" or "权重" => IndicatorColumn.Weight,
            "得分" => IndicatorColumn.Score,
            "偏差原因分析及改进措施" or "未完成原因分析" or "未完成原因及拟采取的改进措施" or "偏差原因分析" or "原因分析" => IndicatorColumn.Reason,
            "指标性质" => IndicatorColumn.Comparator,
            "度量单位" => IndicatorColumn.Unit,
            "备注" or "指标解释" or "及改进措施" or "指标" or "年度" or "实际" or "绩效指标" => IndicatorColumn.Ignored,
            _ => null,
        };
    }

    /// <summary>Labels that frame a block and carry no data: 绩效指标, 项目绩效目标 beside merged cells.</summary>
    public static bool IsNoiseLabel(string label)
    {
        var k = Key(label);
        return k is "……" or "…" or "..." or "......" or "绩效指标" or "项目绩效目标" or "年度总体目标" or "绩效目标" or "实施效果指标" or "年度绩效目标" or "专项年度绩效指标"
            || (k.StartsWith("绩效指标(") && k.EndsWith("分)")) || (k.StartsWith("年度绩效目标(") && k.EndsWith("分)"));
    }

    /// <summary>A group label: the framework name when the printed one matches, else null.</summary>
    public static string? Level1Of(string label)
    {
        var k = StripScoreNote(Key(label));
        return Framework.IsLevel1(k) ? k : null;
    }

    public static string? Level2Of(string label)
    {
        var k = StripScoreNote(Key(label));
        if (Framework.IsLevel2(k)) return k;
        // Older and provincial forms: 成本指标 as a 二级, 经济效益 without 指标.
        if (k is "经济效益" or "社会效益" or "生态效益" or "可持续影响") return k + "指标";
        return null;
    }

    /// <summary>`产出指标(50分)`, `成本指标(0-20)分`: the score note is not part of the label.</summary>
    private static string StripScoreNote(string k)
    {
        int p = k.IndexOf('(');
        if (p > 0 && (k.EndsWith("分)") || k.EndsWith(")分"))) return k[..p];
        return k;
    }

    public static bool IsFooter(string label)
    {
        var k = Key(label);
        return k is "总分" or "合计" or "评分等级" or "评价结论" or "存在问题" or "改进措施" || k.StartsWith("注:") || k.StartsWith("注：")
            || (k.Contains("意见") && (k.Contains("审") || k.Contains("盖章"))) || k.StartsWith("项目负责人:") || k.StartsWith("财务负责人:") || k.StartsWith("填报人");
    }

    /// <summary>Every label and label fragment the assembler may build, for prefix matching.</summary>
    public static readonly string[] AssemblableLabels = BuildAssemblable();

    private static string[] BuildAssemblable()
    {
        var list = new List<string>(Framework.Level1Names);
        list.AddRange(Framework.Level2Parent.Keys);
        list.AddRange(["绩效指标", "项目绩效目标", "年度总体目标", "一级指标", "二级指标", "三级指标", "偏差原因分析及改进措施"]);
        return list.Distinct().ToArray();
    }

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

    /// <summary>A label's comparison key: no spaces, half-width brackets, no trailing colon, 其中： normalised.</summary>
    public static string Key(string label)
    {
        if (label.Length == 0) return label;
        // Most cells need no change: return them as they are rather than allocate.
        bool clean = true;
        foreach (var c in label)
            if (ChineseText.IsSpace(c) || c is '（' or '）') { clean = false; break; }
        var k = clean ? label : ChineseText.RemoveSpaces(label).Replace('（', '(').Replace('）', ')');
        if (k.Length > 0 && k[^1] is ':' or '：') k = k.TrimEnd(':', '：');
        if (k.StartsWith("其中:", StringComparison.Ordinal)) k = "其中：" + k[3..];
        return k;
    }
}
