using Jixiao.Core.Model;
using Jixiao.Core.Review;
using static Jixiao.Tests.Support.FormBuilder;

namespace Jixiao.Tests.Review;

public class RowSuggestionTests
{
    static TargetDeclaration Declaration(int year, string project, params Indicator[] rows)
    {
        var d = new TargetDeclaration { Year = year, ProjectName = project };
        d.Indicators.AddRange(rows);
        return d;
    }

    [Fact]
    public void Last_years_rows_of_the_same_project_that_the_form_lacks_are_offered_in_their_order()
    {
        var lastYear = Declaration(2023, "社区党建活动经费",
            Row("开展党建主题活动次数", "≥4(次)"), Row("党员参与人次", "≥200(人次)"), Row("活动按期完成率", "=100(%)", level2: "时效指标"));
        var form = Declaration(2024, "社区党建 活动经费", Row("开展党建主题活动次数", "≥3(次)"));

        var offered = RowSuggestions.FromLastYear(form, [lastYear, Declaration(2023, "其他项目", Row("别的指标", "≥1(个)"))]);

        Assert.Equal(["党员参与人次", "活动按期完成率"], offered.Select(o => o.Name));   // the project name matched without its space
        Assert.Equal("≥200(人次)", offered[0].Target!.Text);
        Assert.Equal("2023 年本项目申报表", offered[0].Source);
        Assert.Equal("因为：本单位 2023 年本项目的申报表有这一指标，本表还没有", offered[0].Because);
    }

    [Fact]
    public void The_declaration_is_preferred_to_the_self_evaluation_and_other_years_give_nothing()
    {
        var declared = Declaration(2023, "甲", Row("申报的指标", "≥1(个)"));
        var evaluated = new SelfEvaluation { Year = 2023, ProjectName = "甲" };
        evaluated.Indicators.Add(Row("自评的指标", "≥1(个)"));

        Assert.Equal("申报的指标", RowSuggestions.FromLastYear(Declaration(2024, "甲"), [evaluated, declared]).Single().Name);
        Assert.Equal("自评的指标", RowSuggestions.FromLastYear(Declaration(2024, "甲"), [evaluated]).Single().Name);
        Assert.Empty(RowSuggestions.FromLastYear(Declaration(2025, "甲"), [evaluated, declared]));
    }
}
