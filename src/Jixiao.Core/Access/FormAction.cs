namespace Jixiao.Core.Access;

/// <summary>Everything a person can do to forms and to the system; each is decided by <see cref="Permissions"/>.</summary>
public enum FormAction
{
    View,
    Create,
    Edit,
    Submit,
    Return,
    Approve,
    Publish,
    Adjust,        // 调整: a new revision of an approved declaration
    SelfEvaluate,  // 建立自评表 from an approved declaration
    ReviewScore,   // 复核分
    AddressComment, // 标记退回意见已处理: the unit answers a reviewer's row comment
    Import,
    Export,
    Administer,    // organisations and accounts
    Schedule,      // 安排填报时间: open the year's windows (申报, 监控, 自评) and set their deadlines
    Analyse,       // 统计分析: the dashboards over the person's scope (figures only; the forms behind them by View)
    DrawSpotCheck, // 抽查: draw a sample of the year's self-evaluations to re-check (least credible first, then at random)
    OpenRound,     // 开展运行监控: open a monitoring round for a year and a period end (every approved declaration, or 重点监控)
    RequireRectification, // 提出整改要求 after reviewing a monitoring form or a self-evaluation
    RecordRectification,  // 填报整改结果: the unit says what it did
    HoldFunding,   // 暂缓拨款 (and its release): finance holds a project's funds, with a reason
    DecideResult,  // 结果应用: finance records its decision on an approved self-evaluation's suggested action for next year's budget
    CurateLibrary, // 指标库: finance seeds the library from the stored forms and curates its entries (texts, basis, scope, status)
}

public static class FormActions
{
    public static readonly IReadOnlyList<FormAction> All = Enum.GetValues<FormAction>();

    /// <summary>The actions that concern no single form (they are asked about with no form facts, or a new form's).</summary>
    public static bool IsFormless(this FormAction a) =>
        a is FormAction.Create or FormAction.Import or FormAction.Administer or FormAction.Schedule or FormAction.Analyse or FormAction.OpenRound
           or FormAction.DrawSpotCheck or FormAction.CurateLibrary;

    /// <summary>The actions that move a form through the workflow (`POST /api/forms/{id}/transitions`).</summary>
    public static readonly IReadOnlyList<FormAction> Transitions = [FormAction.Submit, FormAction.Return, FormAction.Approve, FormAction.Publish];

    public static string ToCode(this FormAction a) => a switch
    {
        FormAction.SelfEvaluate => "self-evaluate",
        FormAction.ReviewScore => "review-score",
        FormAction.AddressComment => "address-comment",
        FormAction.DrawSpotCheck => "draw-spot-check",
        FormAction.OpenRound => "open-round",
        FormAction.RequireRectification => "require-rectification",
        FormAction.RecordRectification => "record-rectification",
        FormAction.HoldFunding => "hold-funding",
        FormAction.DecideResult => "decide-result",
        FormAction.CurateLibrary => "curate-library",
        _ => a.ToString().ToLowerInvariant(),
    };

    public static FormAction? FromCode(string? code) => All.Cast<FormAction?>().FirstOrDefault(a => a!.Value.ToCode() == code);

    public static string ToChinese(this FormAction a) => a switch
    {
        FormAction.View => "查看",
        FormAction.Create => "新建",
        FormAction.Edit => "修改",
        FormAction.Submit => "提交",
        FormAction.Return => "退回",
        FormAction.Approve => "审核通过",
        FormAction.Publish => "公开",
        FormAction.Adjust => "调整",
        FormAction.SelfEvaluate => "建立自评表",
        FormAction.ReviewScore => "记录复核分",
        FormAction.AddressComment => "标记退回意见已处理",
        FormAction.Import => "导入",
        FormAction.Export => "下载",
        FormAction.Administer => "管理机构和账号",
        FormAction.Schedule => "安排填报时间",
        FormAction.Analyse => "查看统计分析",
        FormAction.DrawSpotCheck => "抽查自评表",
        FormAction.OpenRound => "开展运行监控",
        FormAction.RequireRectification => "提出整改要求",
        FormAction.RecordRectification => "填报整改结果",
        FormAction.HoldFunding => "暂缓拨款",
        FormAction.DecideResult => "记录结果应用决定",
        FormAction.CurateLibrary => "维护指标库",
        _ => a.ToString(),
    };
}
