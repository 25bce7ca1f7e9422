namespace Jixiao.Core.Workflow;

/// <summary>
/// Where a form stands in the review workflow (rules: unit → 主管部门 → 财政 → published). A small documented set;
/// the codes are stored in the database and used in the API.
/// </summary>
public enum FormStatus
{
    Draft,              // 草稿: the unit is filling it in
    Submitted,          // 已提交: waiting for the 主管部门
    Returned,           // 已退回: sent back with a reason, the unit fixes it
    DepartmentApproved, // 主管部门审核通过: waiting for finance (two-stage regions only)
    Approved,           // 审核通过: final approval; the declaration's targets are fixed
    Published,          // 已公开
}

public static class FormStatuses
{
    public static readonly IReadOnlyList<FormStatus> All =
        [FormStatus.Draft, FormStatus.Submitted, FormStatus.Returned, FormStatus.DepartmentApproved, FormStatus.Approved, FormStatus.Published];

    public static string ToCode(this FormStatus s) => s switch
    {
        FormStatus.Draft => "draft",
        FormStatus.Submitted => "submitted",
        FormStatus.Returned => "returned",
        FormStatus.DepartmentApproved => "department-approved",
        FormStatus.Approved => "approved",
        FormStatus.Published => "published",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static FormStatus? FromCode(string? code) => code switch
    {
        "draft" => FormStatus.Draft,
        "submitted" => FormStatus.Submitted,
        "returned" => FormStatus.Returned,
        "department-approved" => FormStatus.DepartmentApproved,
        "approved" => FormStatus.Approved,
        "published" => FormStatus.Published,
        _ => null,
    };

    public static string ToChinese(this FormStatus s) => s switch
    {
        FormStatus.Draft => "草稿",
        FormStatus.Submitted => "已提交",
        FormStatus.Returned => "已退回",
        FormStatus.DepartmentApproved => "主管部门已审核",
        FormStatus.Approved => "审核通过",
        FormStatus.Published => "已公开",
        _ => s.ToString(),
    };

    /// <summary>The codes, for messages that list what a value may be.</summary>
    public static string CodeList => string.Join("、", All.Select(s => s.ToCode()));

    /// <summary>Approved by the last stage: the targets are fixed and may change only through 调整.</summary>
    public static bool IsFinal(this FormStatus s) => s is FormStatus.Approved or FormStatus.Published;
}
