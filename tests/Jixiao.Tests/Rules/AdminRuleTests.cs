using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;

namespace Jixiao.Tests.Rules;

/// <summary>A deactivated unit in the permission table, without a server: no new forms, everything else as before.</summary>
public class AdminRuleTests
{
    static FormFacts Declaration(FormStatus s, bool own, bool active) => new(FormKind.TargetDeclaration, s, own, active);

    [Fact]
    public void A_deactivated_unit_gets_no_new_form_by_any_of_the_four_ways_whoever_asks()
    {
        var refusals = new[]
        {
            Permissions.Decide(Role.Unit, FormAction.Create, Declaration(FormStatus.Draft, true, false)),
            Permissions.Decide(Role.Unit, FormAction.Import, Declaration(FormStatus.Draft, true, false)),
            Permissions.Decide(Role.Unit, FormAction.Adjust, Declaration(FormStatus.Approved, true, false)),
            Permissions.Decide(Role.Unit, FormAction.SelfEvaluate, Declaration(FormStatus.Approved, true, false)),
            Permissions.Decide(Role.Admin, FormAction.Create, Declaration(FormStatus.Draft, false, false)),
        };

        Assert.All(refusals, d => Assert.False(d.Allowed));
        Assert.Equal("该单位已停用，不能再建立自评表（已有的表仍可查看）", refusals[3].Refusal);
        Assert.Equal([FormAction.Create, FormAction.Import, FormAction.Adjust, FormAction.SelfEvaluate], Permissions.MakeNewForms);
    }

    [Fact]
    public void Reading_editing_and_review_of_what_a_deactivated_unit_has_go_on()
    {
        Assert.True(Permissions.Decide(Role.Unit, FormAction.View, Declaration(FormStatus.Draft, true, false)).Allowed);
        Assert.True(Permissions.Decide(Role.Unit, FormAction.Export, Declaration(FormStatus.Draft, true, false)).Allowed);
        Assert.True(Permissions.Decide(Role.Unit, FormAction.Edit, Declaration(FormStatus.Draft, true, false)).Allowed);
        Assert.True(Permissions.Decide(Role.DepartmentReviewer, FormAction.Approve, Declaration(FormStatus.Submitted, true, false)).Allowed);
        Assert.True(Permissions.Decide(Role.FinanceReviewer, FormAction.Publish, Declaration(FormStatus.Approved, false, false)).Allowed);
    }

    [Fact]
    public void Someone_the_table_refuses_hears_the_tables_reason_not_that_the_unit_is_deactivated()
    {
        var other = Permissions.Decide(Role.Unit, FormAction.Create, Declaration(FormStatus.Draft, own: false, active: false));
        var reviewer = Permissions.Decide(Role.DepartmentReviewer, FormAction.Create, Declaration(FormStatus.Draft, own: true, active: false));

        Assert.Equal("这张表不属于您的单位", other.Refusal);
        Assert.Equal("主管部门审核不能新建", reviewer.Refusal);
    }
}
