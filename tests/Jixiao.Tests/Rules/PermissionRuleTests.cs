using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;

namespace Jixiao.Tests.Rules;

/// <summary>The table's decisions and their words, without a server (the HTTP table test checks the running app).</summary>
public class PermissionRuleTests
{
    static FormFacts Self(FormStatus s, bool own) => new(FormKind.SelfEvaluation, s, own);

    [Fact]
    public void A_form_the_person_may_not_see_is_hidden_whatever_the_action()
    {
        var d = Permissions.Decide(Role.Unit, FormAction.Submit, Self(FormStatus.Draft, own: false));

        Assert.False(d.Allowed);
        Assert.True(d.Hidden);
    }

    [Fact]
    public void A_published_form_is_seen_by_everyone_but_changed_only_by_its_own_people()
    {
        Assert.True(Permissions.Decide(Role.Public, FormAction.View, Self(FormStatus.Published, own: false)).Allowed);
        var copy = Permissions.Decide(Role.Unit, FormAction.SelfEvaluate, new FormFacts(FormKind.TargetDeclaration, FormStatus.Published, InScope: false));
        Assert.False(copy.Allowed);
        Assert.False(copy.Hidden);
        Assert.Equal("这张表不属于您的单位", copy.Refusal);
    }

    [Theory]
    [InlineData(Role.FinanceReviewer, FormAction.Approve, FormStatus.Submitted, "只能在“主管部门已审核”时")]
    [InlineData(Role.Unit, FormAction.Edit, FormStatus.Approved, "已锁定")]
    [InlineData(Role.DepartmentReviewer, FormAction.Publish, FormStatus.Approved, "主管部门审核不能公开")]
    [InlineData(Role.Public, FormAction.Submit, FormStatus.Published, "请先登录")]
    public void A_refusal_says_why_in_chinese(Role role, FormAction action, FormStatus status, string says)
    {
        var d = Permissions.Decide(role, action, Self(status, own: true));

        Assert.False(d.Allowed);
        Assert.Contains(says, d.Refusal);
    }

    [Fact]
    public void The_buttons_of_a_department_reviewer_on_a_submitted_self_evaluation_of_its_unit()
    {
        var actions = Permissions.Allowed(Role.DepartmentReviewer, Self(FormStatus.Submitted, own: true));

        Assert.Equal([FormAction.View, FormAction.Return, FormAction.Approve, FormAction.ReviewScore, FormAction.Export, FormAction.RequireRectification], actions);
    }

    [Fact]
    public void Only_a_declaration_is_created_adjusted_or_evaluated_and_only_a_self_evaluation_gets_a_review_score()
    {
        Assert.False(Permissions.Decide(Role.Unit, FormAction.Create, new FormFacts(FormKind.SelfEvaluation, FormStatus.Draft, true)).Allowed);
        Assert.True(Permissions.Decide(Role.Unit, FormAction.Create, new FormFacts(FormKind.TargetDeclaration, FormStatus.Draft, true)).Allowed);
        Assert.False(Permissions.Decide(Role.Admin, FormAction.Adjust, Self(FormStatus.Approved, true)).Allowed);
        Assert.False(Permissions.Decide(Role.Admin, FormAction.ReviewScore, new FormFacts(FormKind.TargetDeclaration, FormStatus.Submitted, true)).Allowed);
    }

    [Fact]
    public void Every_action_is_granted_to_someone_and_every_account_role_can_do_something()
    {
        Assert.All(FormActions.All, a => Assert.Contains(Permissions.Table, g => g.Action == a));
        Assert.All(Roles.Accounts, r => Assert.Contains(Permissions.Table, g => g.Role == r));
        Assert.True(Permissions.MayEver(Role.Admin, FormAction.Administer));
        Assert.False(Permissions.MayEver(Role.FinanceReviewer, FormAction.Administer));
    }

    [Theory]
    [InlineData(FormAction.Approve, FormStatus.Submitted, true, FormStatus.DepartmentApproved)]
    [InlineData(FormAction.Approve, FormStatus.Submitted, false, FormStatus.Approved)]
    [InlineData(FormAction.Approve, FormStatus.DepartmentApproved, true, FormStatus.Approved)]
    [InlineData(FormAction.Return, FormStatus.DepartmentApproved, true, FormStatus.Returned)]
    [InlineData(FormAction.Submit, FormStatus.Returned, true, FormStatus.Submitted)]
    [InlineData(FormAction.Publish, FormStatus.Approved, false, FormStatus.Published)]
    public void A_transition_leads_where_the_stages_say(FormAction action, FormStatus from, bool financeStage, FormStatus to) =>
        Assert.Equal(to, Transitions.Next(action, from, financeStage));

    [Fact]
    public void Status_codes_read_back_and_are_the_documented_six()
    {
        Assert.Equal(["draft", "submitted", "returned", "department-approved", "approved", "published"], FormStatuses.All.Select(s => s.ToCode()));
        Assert.All(FormStatuses.All, s => Assert.Equal(s, FormStatuses.FromCode(s.ToCode())));
        Assert.Null(FormStatuses.FromCode("done"));
    }
}
