using System.Text.RegularExpressions;
using Jixiao.Core.Model;
using Jixiao.Core.Text;

namespace Jixiao.Formats.Import;

/// <summary>A header field of a 部门整体 form, by its printed label.</summary>
internal enum DepartmentHeaderField { Unit, Department, Code, Contact, Phone, Functions, Goal, TotalScore, Grade }

/// <summary>A goal column of a 部门整体 self-evaluation (预期目标 | 全年（调整）绩效目标 | 实际完成情况).</summary>
internal enum DepartmentGoalColumn { Expected, Adjusted, Actual }

/// <summary>A column of a 部门整体 form's indicator table, by its printed head.</summary>
internal enum DepartmentIndicatorColumn { Level1, Level2, Name, Comparator, Target, AdjustedTarget, Unit, Actual, Weight, Score, Reason, Remark, Ignored }

/// <summary>
/// The words of the 部门整体 forms (docs/department-whole.md): header labels, the 年度主要任务 block, a self-evaluation's
/// budget and goal heads, the indicator table's heads of the national, 江西 and 重庆 layouts, the rows under the table,
/// and the labels of 重庆's glued OCR text. Read by <see cref="DepartmentWholeReader"/>.
/// </summary>
internal static partial class Vocabulary
{
    /// <summary>
    /// A label's key (<see cref="Key"/>) after full-width letters, digits and marks are made half-width: 部门整体 forms
    /// print `自评总分（分）`, `＊联系人：`, `执行率（％）`.
    /// </summary>
    public static string HalfWidthKey(string text) => Key(ChineseText.ToHalfWidth(text));

    /// <summary>`(万元)`, `(元)` in a key: the unit of the block's amounts.</summary>
    public static MoneyUnit? UnitNoteOf(string key) =>
        key.Contains("(万元)", StringComparison.Ordinal) ? MoneyUnit.WanYuan : key.Contains(YuanNote, StringComparison.Ordinal) ? MoneyUnit.Yuan : null;

    /// <summary>The full stop: a title line has none; a line with one is prose or glued text.</summary>
    public const char FullStop = '。';

    // ---------------------------------------------------------------- titles

    /// <summary>What every 部门整体 title contains; a line without it is not looked at further.</summary>
    public const string WholeWord = "整体";

    /// <summary>A page number glued before the text of an OCR page (`1、`, `2.`).</summary>
    [GeneratedRegex(@"^\d{1,3}[、.．]")]
    public static partial Regex PageMarker();

    /// <summary>What may follow a title without 表 (江西's heading 部门整体绩效目标): its year, nothing else.</summary>
    [GeneratedRegex(@"^(\(?(19|20)\d{2}年度?\)?)?$")]
    public static partial Regex TitleYearOnly();

    /// <summary>`浮梁县林业局2026年部门整体…`: the year printed before the title words.</summary>
    [GeneratedRegex(@"((?:19|20)\d{2})年(?:度)?(?:部门|单位)")]
    public static partial Regex YearBeforeTitle();

    /// <summary>A line that opens with a quote or one of these names the form in a sentence (关于…, 附件…).</summary>
    public static readonly string[] MentionPrefixes = [LetterPrefix, AnnexWord];

    public static bool OpensQuote(char c) => c is '《' or '“' or '"';

    // ---------------------------------------------------------------- header

    private static readonly Dictionary<string, DepartmentHeaderField> DepartmentHeaderLabels = new()
    {
        ["部门(单位)名称"] = DepartmentHeaderField.Unit, ["部门名称"] = DepartmentHeaderField.Unit, ["单位名称"] = DepartmentHeaderField.Unit,
        ["部门单位名称"] = DepartmentHeaderField.Unit, ["预算单位"] = DepartmentHeaderField.Unit, ["单位(部门)名称"] = DepartmentHeaderField.Unit,
        ["主管部门"] = DepartmentHeaderField.Department, ["主管部门及代码"] = DepartmentHeaderField.Department, ["主管部门名称"] = DepartmentHeaderField.Department,
        ["部门编码"] = DepartmentHeaderField.Code, ["单位编码"] = DepartmentHeaderField.Code, ["部门代码"] = DepartmentHeaderField.Code,
        ["单位代码"] = DepartmentHeaderField.Code, ["预算编码"] = DepartmentHeaderField.Code,
        ["联系人"] = DepartmentHeaderField.Contact, ["部门联系人"] = DepartmentHeaderField.Contact, ["单位联系人"] = DepartmentHeaderField.Contact,
        ["联系电话"] = DepartmentHeaderField.Phone, ["电话"] = DepartmentHeaderField.Phone,
        ["部门职能职责概述"] = DepartmentHeaderField.Functions, ["职能职责概述"] = DepartmentHeaderField.Functions, ["部门职能概述"] = DepartmentHeaderField.Functions,
        ["部门(单位)职能"] = DepartmentHeaderField.Functions, ["部门职能"] = DepartmentHeaderField.Functions,
        ["年度总体目标"] = DepartmentHeaderField.Goal, ["年度绩效总目标"] = DepartmentHeaderField.Goal, ["整体绩效目标"] = DepartmentHeaderField.Goal,
        ["部门整体绩效目标"] = DepartmentHeaderField.Goal, ["年度绩效目标"] = DepartmentHeaderField.Goal, ["总体目标"] = DepartmentHeaderField.Goal,
        ["自评总分"] = DepartmentHeaderField.TotalScore, ["自评总分(分)"] = DepartmentHeaderField.TotalScore, ["自评得分"] = DepartmentHeaderField.TotalScore,
        ["总分"] = DepartmentHeaderField.TotalScore,
        ["评分等级"] = DepartmentHeaderField.Grade, ["自评等级"] = DepartmentHeaderField.Grade,
    };

    /// <summary>The header field a label names (部门（单位）名称, *联系人 …), or null.</summary>
    public static DepartmentHeaderField? DepartmentHeaderOf(string text) =>
        DepartmentHeaderLabels.TryGetValue(HalfWidthKey(text), out var f) ? f : null;

    // ---------------------------------------------------------------- 年度主要任务

    /// <summary>The block's side label, and the heads of its columns.</summary>
    public const string TasksSideLabel = "年度主要任务";

    public const string TaskNameHead = "任务名称";

    public const string TaskContentHead = "主要内容";

    /// <summary>The amounts' heads under 预算金额: 总额, 财政拨款, 其他资金, in this order.</summary>
    public static readonly string[] TaskAmountHeads = ["总额", "财政拨款", "其他资金"];

    /// <summary>The block's last row, the sum of its amounts.</summary>
    public static readonly string[] TaskSumLabels = ["金额合计", "合计"];

    // ---------------------------------------------------------------- budget and goals of a self-evaluation

    /// <summary>Fund heads of 部门整体 self-evaluations beyond the project forms' (<see cref="FundColumnOf"/>).</summary>
    private static readonly Dictionary<string, FundColumn> DepartmentFundHeads = new()
    {
        ["全年(调整)预算数"] = FundColumn.Adjusted, ["全年调整预算数"] = FundColumn.Adjusted,
        ["执行率权重"] = FundColumn.Weight, ["执行率分值"] = FundColumn.Weight,
        ["执行率得分(分)"] = FundColumn.Score, ["执行率得分"] = FundColumn.Score, ["得分(分)"] = FundColumn.Score,
    };

    public static FundColumn? DepartmentFundHeadOf(string text)
    {
        var k = HalfWidthKey(text);
        return FundColumnOf(k) ?? (DepartmentFundHeads.TryGetValue(k, out var f) ? f : null);
    }

    /// <summary>The budget block's side label (预算执行情况（万元）).</summary>
    public const string BudgetSideLabel = "预算执行情况";

    /// <summary>What a fund line's label names: 年度资金总额, 基本支出, 其中：财政拨款, 合计, 其他收入 ….</summary>
    private static readonly string[] DepartmentFundLabelWords = ["资金", "支出", "拨款", "总额", "合计", "收入"];

    public static bool IsDepartmentFundLabel(string key) => DepartmentFundLabelWords.Any(w => key.Contains(w, StringComparison.Ordinal));

    private static readonly Dictionary<string, DepartmentGoalColumn> DepartmentGoalHeads = new()
    {
        ["预期目标"] = DepartmentGoalColumn.Expected, ["年初绩效目标"] = DepartmentGoalColumn.Expected, ["年初设定目标"] = DepartmentGoalColumn.Expected,
        ["全年(调整)绩效目标"] = DepartmentGoalColumn.Adjusted, ["调整后绩效目标"] = DepartmentGoalColumn.Adjusted, ["全年调整绩效目标"] = DepartmentGoalColumn.Adjusted,
        ["实际完成情况"] = DepartmentGoalColumn.Actual, ["全年目标实际完成情况"] = DepartmentGoalColumn.Actual, ["全年实际完成情况"] = DepartmentGoalColumn.Actual,
        ["年度总体目标完成情况"] = DepartmentGoalColumn.Actual,
    };

    public static DepartmentGoalColumn? DepartmentGoalHeadOf(string text) =>
        DepartmentGoalHeads.TryGetValue(HalfWidthKey(text), out var g) ? g : null;

    /// <summary>The goals block's side label beside the texts.</summary>
    public const string GoalsSideLabel = "当年绩效目标";

    // ---------------------------------------------------------------- indicators

    private static readonly Dictionary<string, DepartmentIndicatorColumn> DepartmentIndicatorHeads = BuildDepartmentIndicatorHeads();

    private static Dictionary<string, DepartmentIndicatorColumn> BuildDepartmentIndicatorHeads()
    {
        var heads = new Dictionary<string, DepartmentIndicatorColumn>();
        void Add(DepartmentIndicatorColumn column, params string[] words) { foreach (var w in words) heads[w] = column; }
        Add(DepartmentIndicatorColumn.Level1, "一级指标");
        Add(DepartmentIndicatorColumn.Level2, "二级指标");
        Add(DepartmentIndicatorColumn.Name, "三级指标", "指标名称", "三级指标名称");
        Add(DepartmentIndicatorColumn.Comparator, "计算符号", "比较符", "指标性质");
        Add(DepartmentIndicatorColumn.Target, "指标值", "目标值", "年度指标值", "年初指标值", "年度目标值");
        Add(DepartmentIndicatorColumn.AdjustedTarget, "调整指标值", "全年调整指标值", "调整后指标值");
        Add(DepartmentIndicatorColumn.Unit, "度量单位", "计量单位");
        Add(DepartmentIndicatorColumn.Actual, "实际完成值", "全年完成值", "完成值", "全年实际值", "实际值", "全年实际完成值");
        Add(DepartmentIndicatorColumn.Weight, "分值", "权重", "指标权重", "指标分值");
        Add(DepartmentIndicatorColumn.Score, "得分", "指标得分", "自评得分");
        Add(DepartmentIndicatorColumn.Reason, "偏差原因分析及改进措施", "偏差原因分析", "未完成原因分析", "偏差原因");
        Add(DepartmentIndicatorColumn.Remark, "指标值说明", "备注", "指标解释", "指标说明");
        Add(DepartmentIndicatorColumn.Ignored, "得分系数", "是否核心指标");
        return heads;
    }

    public static DepartmentIndicatorColumn? DepartmentIndicatorHeadOf(string text)
    {
        var k = HalfWidthKey(text);
        // `指标权重(分)`, `得分系数(%)`: a unit note after the head.
        var p = k.IndexOf('(');
        if (p > 0 && k.EndsWith(')')) k = k[..p];
        return DepartmentIndicatorHeads.TryGetValue(k, out var c) ? c : null;
    }

    /// <summary>The rows under the indicators: the total (its weight and score), the grade, notes and signatures.</summary>
    public static readonly string[] DepartmentTotalLabels = ["总分", "合计", "自评总分", "自评得分"];

    public const string GradeLabelStart = "评分等级";

    private static readonly string[] DepartmentSignOffStarts = ["注:", "注：", "填报人"];

    /// <summary>A note, the filler's name, a reviewer's opinion (审核意见, 盖章意见): no indicator follows.</summary>
    public static bool IsDepartmentSignOff(string key) =>
        DepartmentSignOffStarts.Any(s => key.StartsWith(s, StringComparison.Ordinal)) || (key.Contains("意见") && (key.Contains('审') || key.Contains("盖章")));

    // ---------------------------------------------------------------- 重庆's glued OCR text

    public const string GluedDepartment = "主管部门";
    public const string GluedTotalScore = "自评总分(分)";
    public const string GluedContact = "部门联系人";
    public const string GluedPhone = "联系电话";
    public const string GluedBudgetScore = "执行率得分(分)";
    public const string GluedOutcome = "全年目标实际完成情况";

    /// <summary>The indicator head's last label: the rows start after it.</summary>
    public const string GluedTableHeadEnd = "是否核心指标";

    /// <summary>The labels of the glued form, in printed order; a value is what stands between one and the next found.</summary>
    public static readonly string[] GluedLabels =
        [GluedDepartment, "财政处室", GluedTotalScore, GluedContact, GluedPhone, "部门预算执行情况", GluedBudgetScore, GoalsSideLabel,
         "年初绩效目标", "全年(调整)绩效目标", GluedOutcome, "指标名称", GluedTableHeadEnd];

    /// <summary>
    /// The end every glued indicator row has: 得分系数 with its %, 指标权重 and 指标得分 run together, and 是/否 of the
    /// 是否核心指标 column.
    /// </summary>
    [GeneratedRegex(@"(?<coef>\d{1,3}(?:\.\d+)?)%(?<ws>\d+(?:\.\d+)?)(?<core>[是否])")]
    public static partial Regex GluedIndicatorRowEnd();

    /// <summary>The label the glued form's one budget row is kept under.</summary>
    public const string GluedBudgetLine = "年度资金总额";

    /// <summary>Placeholders a unit writes in an empty goal cell.</summary>
    public static readonly string[] EmptyGoalWords = ["无", "/", "-", "—"];

    /// <summary>What the cell of the year's outcome begins with (中心2021年较好地完成了履职任务 …).</summary>
    public static readonly string[] OutcomeWords = ["完成了", "较好地完成", "已完成", "圆满完成", "实现了", "取得了"];

    /// <summary>The 指标性质 column's words (重庆).</summary>
    public static readonly string[] NatureWords = ["定量指标", "定性指标"];
}
