using Jixiao.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// The review workflow: 草稿/已退回 → 已提交 (the unit) → 已退回 with a reason, or 审核通过 (the 主管部门 or finance)
/// → 已公开. Which transition a person may make depends on their role and, for units and 主管部门 reviewers, on the
/// form belonging to their units. Pure: the endpoint supplies whether the form is in the person's scope.
/// </summary>
public static class Workflow
{
    public sealed record Transition(string Action, string Chinese, FormStatus[] From, FormStatus To, string[] Roles, bool NeedsReason);

    public static readonly IReadOnlyList<Transition> All =
    [
        new("submit", "提交", [FormStatus.Draft, FormStatus.Returned], FormStatus.Submitted, [Accounts.Roles.Unit, Accounts.Roles.Admin], false),
        new("return", "退回", [FormStatus.Submitted, FormStatus.Approved], FormStatus.Returned,
            [Accounts.Roles.DepartmentReviewer, Accounts.Roles.FinanceReviewer, Accounts.Roles.Admin], true),
        new("approve", "审核通过", [FormStatus.Submitted], FormStatus.Approved,
            [Accounts.Roles.DepartmentReviewer, Accounts.Roles.FinanceReviewer, Accounts.Roles.Admin], false),
        new("publish", "公开", [FormStatus.Approved], FormStatus.Published, [Accounts.Roles.FinanceReviewer, Accounts.Roles.Admin], false),
    ];

    /// <summary>Null when allowed; otherwise the Chinese reason it is not.</summary>
    public static string? Refusal(CurrentUser user, Transition t, FormStatus current, bool inScope, string? reason)
    {
        if (user.IsPublic) return "请先登录";
        if (!t.Roles.Contains(user.Role)) return $"{Accounts.Roles.ToChinese(user.Role!)}不能执行“{t.Chinese}”";
        // Units and 主管部门 reviewers act on their own units' forms only; finance and the administrator on all.
        if (user.Role is Accounts.Roles.Unit or Accounts.Roles.DepartmentReviewer && !inScope) return "这张表不属于您的单位";
        if (!t.From.Contains(current))
            return $"表的状态是“{current.ToChinese()}”，不能“{t.Chinese}”（只能从{string.Join("或", t.From.Select(s => "“" + s.ToChinese() + "”"))}）";
        if (t.NeedsReason && string.IsNullOrWhiteSpace(reason)) return $"“{t.Chinese}”须写明理由";
        return null;
    }
}
