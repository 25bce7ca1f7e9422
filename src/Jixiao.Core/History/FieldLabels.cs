using System.Text.RegularExpressions;
using Jixiao.Core.Model;

namespace Jixiao.Core.History;

/// <summary>
/// The Chinese name of every field of the JSON format, by its path (<c>funds.annualTotal</c> →
/// <c>项目资金·年度资金申请总额</c>, <c>indicators[4].target</c> → <c>第 5 行三级指标“…”的指标值</c>). The one place
/// field paths become words: the history, the API's history labels and the editor's messages all read it (the
/// editor receives <see cref="Names"/> and composes row labels the same way, rows from 1).
/// </summary>
public static partial class FieldLabels
{
    // Keys are paths with every index written as []: "indicators[].target.value".
    static readonly Dictionary<string, string> Common = new()
    {
        ["formatVersion"] = "格式版本",
        ["kind"] = "表的类型",
        ["year"] = "年度",
        ["projectName"] = "项目名称",
        ["department"] = "主管部门",
        ["implementingUnit"] = "实施单位",
        ["projectNature"] = "项目性质",
        ["projectCategory"] = "项目类别",
        ["startDate"] = "计划开始日期",
        ["endDate"] = "计划完成日期",
        ["funds"] = "项目资金",
        ["funds.unit"] = "项目资金·金额单位",
        ["funds.projectTotal"] = "项目资金·项目资金总额",
        ["funds.projectFiscal"] = "项目资金·项目资金中的财政资金",
        ["funds.projectOther"] = "项目资金·项目资金中的其他资金",
        ["funds.annualTotal"] = "项目资金·年度资金申请总额",
        ["funds.currentYearAppropriation"] = "项目资金·当年财政拨款",
        ["funds.carryOver"] = "项目资金·上年结转资金",
        ["funds.other"] = "项目资金·其他资金",
        ["funds.initialBudget"] = "项目资金·年初预算数",
        ["funds.adjustedBudget"] = "项目资金·全年预算数",
        ["funds.executed"] = "项目资金·全年执行数",
        ["funds.weight"] = "项目资金·执行率分值",
        ["funds.executionRate"] = "项目资金·执行率",
        ["funds.score"] = "项目资金·执行率得分",
        ["funds.rows"] = "项目资金·资金行",
        ["funds.rows[]"] = "资金行",
        ["funds.rows[].label"] = "名称",
        ["funds.rows[].initialBudget"] = "年初预算数",
        ["funds.rows[].adjustedBudget"] = "全年预算数",
        ["funds.rows[].executed"] = "全年执行数",
        ["funds.rows[].weight"] = "分值",
        ["funds.rows[].executionRate"] = "执行率",
        ["funds.rows[].score"] = "得分",
        ["funds.rows[].line"] = "原文行号",
        ["goals"] = "绩效目标",
        ["goals.overall"] = "项目总目标",
        ["goals.actual"] = "实际完成情况",
        ["indicators"] = "绩效指标",
        ["indicators[]"] = "指标行",
        ["indicators[].level1"] = "一级指标",
        ["indicators[].level2"] = "二级指标",
        ["indicators[].name"] = "三级指标",
        ["indicators[].target"] = "指标值",
        ["indicators[].target.text"] = "指标值·原文",
        ["indicators[].target.comparator"] = "指标值·比较符",
        ["indicators[].target.value"] = "指标值·数值",
        ["indicators[].target.unit"] = "指标值·计量单位",
        ["indicators[].actual"] = "实际完成值",
        ["indicators[].actual.text"] = "实际完成值·原文",
        ["indicators[].actual.value"] = "实际完成值·数值",
        ["indicators[].actual.unit"] = "实际完成值·计量单位",
        ["indicators[].actual.achievement"] = "实际完成值·完成等级",
        ["indicators[].weight"] = "分值",
        ["indicators[].score"] = "得分",
        ["indicators[].deviationReason"] = "偏差原因分析及改进措施",
        ["indicators[].scoreOverride"] = "改分",
        ["indicators[].scoreOverride.score"] = "改分·得分",
        ["indicators[].scoreOverride.reason"] = "改分·理由",
        ["indicators[].line"] = "原文行号",
        ["indicators[].progress"] = "执行情况",
        ["indicators[].forecast"] = "全年预计完成情况",
        ["indicators[].deviation"] = "偏差原因与纠偏措施",
        ["indicators[].likelihood"] = "完成目标可能性",
        ["indicators[].remark"] = "备注",
        ["funds.rows[].executedToDate"] = "执行数（截至监控期末）",
        ["funds.rows[].forecastExecuted"] = "全年预计执行数",
        ["funds.rows[].deviation"] = "偏差原因与纠偏措施",
        ["goals.progress"] = "年度总体目标的执行情况",
        ["period"] = "监控期",
        ["period.endMonth"] = "监控期末月份",
        ["period.name"] = "监控期名称",
        ["totalWeight"] = "总分行的分值",
        ["totalScore"] = "总分",
        ["grade"] = "评分等级",
        ["reviewScore"] = "复核分",
        ["revision"] = "调整次数",
        ["complete"] = "内容是否完整",
        ["warnings"] = "导入提示",
        ["source"] = "来源",
        ["version"] = "版本",
        ["comments"] = "逐行意见",
        ["reason"] = "理由",
        ["acknowledgement"] = "确认警告的理由",
        ["unitCode"] = "部门编码",
        ["contact"] = "联系人",
        ["phone"] = "联系电话",
        ["functions"] = "部门职能职责概述",
        ["goals.adjusted"] = "全年（调整）绩效目标",
        ["tasks"] = "年度主要任务",
        ["tasks.unit"] = "年度主要任务·金额单位",
        ["tasks.rows"] = "年度主要任务·任务",
        ["tasks.rows[]"] = "任务",
        ["tasks.rows[].name"] = "任务·任务名称",
        ["tasks.rows[].content"] = "任务·主要内容",
        ["tasks.rows[].total"] = "任务·总额",
        ["tasks.rows[].fiscal"] = "任务·财政拨款",
        ["tasks.rows[].other"] = "任务·其他资金",
        ["tasks.rows[].line"] = "任务·原文行号",
        ["tasks.total"] = "年度主要任务·金额合计（总额）",
        ["tasks.fiscal"] = "年度主要任务·金额合计（财政拨款）",
        ["tasks.other"] = "年度主要任务·金额合计（其他资金）",
        ["tasks.totalLine"] = "年度主要任务·金额合计的原文行号",
    };

    /// <summary>The names of the fields for a form kind: <c>goals.annual</c> is 年度总体目标 on a declaration and 预期目标 on a self-evaluation.</summary>
    public static IReadOnlyDictionary<string, string> Names(FormKind? kind)
    {
        var names = new Dictionary<string, string>(Common)
        {
            ["goals.annual"] = kind switch
            {
                FormKind.TargetDeclaration => "年度总体目标",
                FormKind.SelfEvaluation => "预期目标",
                FormKind.Monitoring => "年度总体目标",
                FormKind.DepartmentDeclaration => "年度总体目标",
                FormKind.DepartmentSelfEvaluation => "预期目标",
                _ => "年度总体目标（预期目标）",
            },
        };
        // A monitoring form's fund lines have 调整后预算数 where a self-evaluation's have 全年预算数.
        if (kind == FormKind.Monitoring) names["funds.rows[].adjustedBudget"] = "调整后预算数";
        // A 部门整体 form names its implementing unit 部门（单位）名称 and its funds 预算执行情况.
        if (kind?.IsDepartmentWhole() == true) names["implementingUnit"] = "部门（单位）名称";
        if (kind == FormKind.DepartmentSelfEvaluation) names["funds"] = "预算执行情况";
        return names;
    }

    /// <summary>A field's own name, without its row ("分值" for indicators[3].weight); null when the format has no such field.</summary>
    public static string? Name(string path, FormKind? kind) => Names(kind).GetValueOrDefault(Pattern(path));

    /// <summary>The path with its indices written as []: the key of <see cref="Names"/>.</summary>
    public static string Pattern(string path) => Index().Replace(path, "[]");

    /// <summary>A row by its number from 1 and, when known, its 三级 name: <c>第 3 行三级指标“新增监控点位”</c>.</summary>
    public static string Row(int index, string? name) =>
        string.IsNullOrWhiteSpace(name) ? $"第 {index + 1} 行" : $"第 {index + 1} 行三级指标“{name}”";

    /// <summary>
    /// The readable label of a field path. Rows are named by their number from 1 and, when
    /// <paramref name="indicatorName"/> knows it, their 三级 name; fund rows by their label. A path the format does
    /// not have is returned as it is.
    /// </summary>
    public static string Of(string path, FormKind? kind, Func<int, string?>? indicatorName = null, Func<int, string?>? fundRowLabel = null)
    {
        var names = Names(kind);
        var m = RowPath().Match(path);
        if (m.Success)
        {
            var index = int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var rest = m.Groups["rest"].Value;
            if (m.Groups["list"].Value == "indicators")
            {
                if (rest.Length == 0) return Row(index, indicatorName?.Invoke(index));
                var field = names.GetValueOrDefault("indicators[]" + rest) ?? rest.TrimStart('.');
                // A change of the name itself names the row by its number only: its old and new names follow.
                return rest == ".name" ? $"第 {index + 1} 行的三级指标" : $"{Row(index, indicatorName?.Invoke(index))}的{field}";
            }
            if (m.Groups["list"].Value == "funds.rows")
            {
                var label = fundRowLabel?.Invoke(index);
                var row = string.IsNullOrWhiteSpace(label) ? $"第 {index + 1} 个资金行" : label;
                if (rest.Length == 0) return $"项目资金·资金行“{row}”";
                return $"项目资金·{row}的{names.GetValueOrDefault("funds.rows[]" + rest) ?? rest.TrimStart('.')}";
            }
            if (m.Groups["list"].Value == "warnings") return $"导入提示第 {index + 1} 条";
        }
        return names.GetValueOrDefault(Pattern(path)) ?? path;
    }

    /// <summary>Whether a text looks like a field path of the format (so that a message can name the field instead).</summary>
    public static bool IsPath(string text) => Names(null).ContainsKey(Pattern(text)) || text == "goals.annual";

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"^(?<list>indicators|funds\.rows|warnings)\[(?<index>\d+)\](?<rest>(\.[A-Za-z]+)*)$")]
    private static partial Regex RowPath();
}
