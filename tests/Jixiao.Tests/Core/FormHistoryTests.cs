using Jixiao.Core.Entry;
using Jixiao.Core.History;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Tests.Support;
using static Jixiao.Tests.Support.FormBuilder;

namespace Jixiao.Tests.Core;

/// <summary>
/// The readable history: two versions of a form become the changes a person reads. Rows keep their identity
/// (一级, 二级, 三级) across inserts and moves; labels are the form's words, rows counted from 1.
/// </summary>
public class FormHistoryTests
{
    const string Rows = """
        1|产出指标|数量指标|新增监控点位|≥4
        2|||设备巡检次数|≥12(次)
        3||质量指标|设备完好率|≥95(%)
        4||时效指标|故障修复及时率|≥98(%)
        5|效益指标|社会效益指标|居民安全感提升|良好
        6|满意度指标|服务对象满意度指标|居民满意度|≥90(%)
        """;

    static TargetDeclaration Declaration() => FormBuilder.Declaration("平安社区监控项目", Rows, "完成监控点位建设。", 200000m, 200000m, 0m, 0m);

    /// <summary>A copy through the JSON format, so that the two versions share no objects.</summary>
    static T Copy<T>(T form) where T : PerformanceForm => (T)FormJsonReader.Parse(FormJson.ToJson(form).ToJsonString());

    [Fact]
    public void One_row_inserted_in_the_middle_is_one_addition_and_the_rows_after_it_are_unchanged()
    {
        var before = Declaration();
        var after = Copy(before);
        after.Indicators.Insert(2, Row("夜间巡逻次数", "≥365(次)", level2: "数量指标"));

        var changes = FormHistory.Compare(before, after);

        var added = Assert.Single(changes);
        Assert.Equal(ChangeKind.Added, added.Kind);
        Assert.Equal(3, added.Row);
        Assert.Equal("indicators[2]", added.Field);
        Assert.Equal("新增第 3 行三级指标“夜间巡逻次数”（产出指标·数量指标，指标值 ≥365(次)）", added.Summary);
    }

    [Fact]
    public void One_row_removed_is_one_removal_named_by_its_old_row()
    {
        var before = Declaration();
        var after = Copy(before);
        after.Indicators.RemoveAt(1);

        var removed = Assert.Single(FormHistory.Compare(before, after));

        Assert.Equal(ChangeKind.Removed, removed.Kind);
        Assert.Equal("删除第 2 行三级指标“设备巡检次数”（产出指标·数量指标，指标值 ≥12(次)）", removed.Summary);
    }

    [Fact]
    public void A_row_moved_is_one_move_not_a_change_on_every_row_between()
    {
        var before = Declaration();
        var after = Copy(before);
        var row = after.Indicators[0];
        after.Indicators.RemoveAt(0);
        after.Indicators.Insert(4, row);

        var moved = Assert.Single(FormHistory.Compare(before, after));

        Assert.Equal(ChangeKind.Moved, moved.Kind);
        Assert.Equal((1, 5), (moved.FromRow, moved.Row));
        Assert.Equal("三级指标“新增监控点位”由第 1 行移到第 5 行", moved.Summary);
    }

    [Fact]
    public void A_row_moved_and_edited_is_a_move_and_the_edit_under_its_new_place()
    {
        var before = Declaration();
        var after = Copy(before);
        var row = after.Indicators[5];
        row.Target = T("≥95(%)");
        after.Indicators.RemoveAt(5);
        after.Indicators.Insert(0, row);

        var changes = FormHistory.Compare(before, after);

        Assert.Equal(["三级指标“居民满意度”由第 6 行移到第 1 行", "第 1 行三级指标“居民满意度”的指标值由 ≥90(%) 改为 ≥95(%)"],
            changes.Select(c => c.Summary));
    }

    [Fact]
    public void A_row_renamed_in_place_is_a_change_of_its_name()
    {
        var before = Declaration();
        var after = Copy(before);
        after.Indicators[2].Name = "监控设备完好率";

        var renamed = Assert.Single(FormHistory.Compare(before, after));

        Assert.Equal(ChangeKind.Changed, renamed.Kind);
        Assert.Equal("indicators[2].name", renamed.Field);
        Assert.Equal("第 3 行的三级指标由“设备完好率”改为“监控设备完好率”", renamed.Summary);
    }

    [Fact]
    public void A_row_inserted_beside_a_renamed_one_pairs_the_renamed_row_by_likeness()
    {
        var before = Declaration();
        var after = Copy(before);
        after.Indicators[2].Name = "监控设备完好率";
        after.Indicators.Insert(2, Row("夜间巡逻次数", "≥365(次)", level1: "效益指标", level2: "社会效益指标"));

        var changes = FormHistory.Compare(before, after);

        Assert.Equal(["新增第 3 行三级指标“夜间巡逻次数”（效益指标·社会效益指标，指标值 ≥365(次)）", "第 4 行的三级指标由“设备完好率”改为“监控设备完好率”"],
            changes.Select(c => c.Summary));
    }

    [Fact]
    public void A_target_change_reads_in_the_forms_words_with_the_row_from_1()
    {
        var before = Declaration();
        var after = Copy(before);
        after.Indicators[0].Target = T("≥6");

        var change = Assert.Single(FormHistory.Compare(before, after));

        Assert.Equal("indicators[0].target", change.Field);
        Assert.Equal("第 1 行三级指标“新增监控点位”的指标值", change.Label);
        Assert.Contains("三级指标“新增监控点位”的指标值由 ≥4 改为 ≥6", change.Summary);
        Assert.Equal(("≥4", "≥6"), (change.Old, change.New));
    }

    [Fact]
    public void Header_and_fund_fields_are_named_as_the_form_names_them()
    {
        var before = Declaration();
        var after = Copy(before);
        after.Funds.AnnualTotal = 250000.00m;
        after.ProjectNature = "阶段性项目";
        after.EndDate = new DateOnly(2024, 11, 30);
        after.AnnualGoal = "完成 6 个监控点位建设。";

        var summaries = FormHistory.Compare(before, after).Select(c => c.Summary).ToList();

        Assert.Equal([
            "项目性质由“其他经常性项目”改为“阶段性项目”",
            "计划完成日期由 2024-12-31 改为 2024-11-30",
            "项目资金·年度资金申请总额由 200000.00 改为 250000.00",
            "年度总体目标由“完成监控点位建设。”改为“完成 6 个监控点位建设。”",
        ], summaries);
    }

    [Fact]
    public void Actual_values_are_their_printed_text_not_json()
    {
        var before = Evaluation();
        var after = Copy(before);
        after.Indicators[0].Actual = A("4(个)");

        var change = Assert.Single(FormHistory.Compare(before, after), c => c.Field == "indicators[0].actual");

        Assert.Equal("第 1 行三级指标“新增监控点位”的实际完成值由 3(个) 改为 4(个)", change.Summary);
        Assert.DoesNotContain("{", change.Summary);
    }

    [Fact]
    public void The_figures_of_a_bound_self_evaluation_are_marked_computed_and_what_the_unit_typed_is_not()
    {
        var declaration = Declaration();
        var profile = TestProfiles.Shanghai;
        var draft = BoundEvaluation.Draft(declaration, profile);
        var entered = Copy(draft);
        entered.Funds.Total!.AdjustedBudget = 20.00m;
        entered.Funds.Total.Executed = 19.00m;
        foreach (var (row, actual) in entered.Indicators.Zip(new[] { "4", "12(次)", "96(%)", "99(%)", "达成指标", "92(%)" }))
        {
            row.Actual = A(actual);
            if (row.Actual!.Achievement is not null) row.Score = row.Weight;
        }
        var before = BoundEvaluation.Apply(entered, declaration, profile).Record;
        Assert.NotNull(before.TotalScore);
        var typed = Copy(before);
        typed.Funds.Total!.Executed = 18.00m;
        var after = BoundEvaluation.Apply(typed, declaration, profile).Record;

        var changes = FormHistory.Compare(before, after, bound: true);

        var executed = Assert.Single(changes, c => c.Label == "项目资金·年度资金总额的全年执行数");
        Assert.False(executed.Computed);
        Assert.Equal("项目资金·年度资金总额的全年执行数由 19.00 改为 18.00", executed.Summary);
        var rate = Assert.Single(changes, c => c.Label == "项目资金·年度资金总额的执行率");
        Assert.True(rate.Computed);
        Assert.Equal("系统按评分方案计算：项目资金·年度资金总额的执行率 95.00 → 90.00", rate.Summary);
        var total = Assert.Single(changes, c => c.Field == "totalScore");
        Assert.True(total.Computed);
        Assert.StartsWith("系统按评分方案计算：总分 ", total.Summary);
        Assert.Equal("computed", total.Code);
        // The 年度资金总额 figures beside the rows are the total row's: not counted twice.
        Assert.DoesNotContain(changes, c => c.Field.StartsWith("funds.executed", StringComparison.Ordinal));
    }

    [Fact]
    public void An_override_is_the_units_score_and_removing_it_gives_back_a_computed_one()
    {
        var declaration = Declaration();
        var profile = TestProfiles.Shanghai;
        var entered = Copy(BoundEvaluation.Draft(declaration, profile));
        entered.Indicators[0].Actual = A("4(个)");
        var before = BoundEvaluation.Apply(entered, declaration, profile).Record;
        var overriding = Copy(before);
        overriding.Indicators[0].Override = new ScoreOverride(10.00m, "只完成主体部分");
        var after = BoundEvaluation.Apply(overriding, declaration, profile).Record;

        var set = FormHistory.Compare(before, after, bound: true);
        var back = FormHistory.Compare(after, before, bound: true);

        Assert.False(Assert.Single(set, c => c.Field == "indicators[0].score").Computed);
        Assert.Equal("填写第 1 行三级指标“新增监控点位”的改分：10.00（理由：只完成主体部分）",
            Assert.Single(set, c => c.Field == "indicators[0].scoreOverride").Summary);
        Assert.True(Assert.Single(back, c => c.Field == "indicators[0].score").Computed);
    }

    [Fact]
    public void Older_history_rows_are_translated_from_their_field_paths()
    {
        var target = HistoryText.Describe(new HistoryRecord("edit", null, "indicators[4].target.value", null, "4.00", "6.00", null), FormKind.TargetDeclaration, bound: false);
        var added = HistoryText.Describe(new HistoryRecord("edit", null, "indicators[6]", null, null,
            """{"level1":"产出指标","level2":"数量指标","name":"夜间巡逻次数","target":{"text":"≥365(次)","comparator":"≥","value":365,"unit":"次"}}""", null),
            FormKind.TargetDeclaration, bound: false);
        var total = HistoryText.Describe(new HistoryRecord("edit", null, "totalScore", null, "99.50", "94.50", null), FormKind.SelfEvaluation, bound: true);

        Assert.Equal("第 5 行的指标值·数值由 4.00 改为 6.00", target.Summary);
        Assert.Equal(5, target.Row);
        Assert.Equal("新增第 7 行（产出指标·数量指标，指标值 ≥365(次)）", added.Summary);
        Assert.Equal("系统按评分方案计算：总分 99.50 → 94.50", total.Summary);
        Assert.True(total.Computed);
    }

    [Fact]
    public void Labels_name_fields_in_chinese_and_leave_unknown_paths_as_they_are()
    {
        Assert.Equal("项目资金·年度资金申请总额", FieldLabels.Of("funds.annualTotal", FormKind.TargetDeclaration));
        Assert.Equal("第 3 行的分值", FieldLabels.Of("indicators[2].weight", FormKind.SelfEvaluation));
        Assert.Equal("第 3 行三级指标“设备完好率”的实际完成值", FieldLabels.Of("indicators[2].actual", FormKind.SelfEvaluation, _ => "设备完好率"));
        Assert.Equal("预期目标", FieldLabels.Of("goals.annual", FormKind.SelfEvaluation));
        Assert.Equal("年度总体目标", FieldLabels.Of("goals.annual", FormKind.TargetDeclaration));
        Assert.Equal("no.such", FieldLabels.Of("no.such", FormKind.TargetDeclaration));
    }

    static SelfEvaluation Evaluation()
    {
        var s = FormBuilder.SelfEvaluation("平安社区监控项目", """
            1|产出指标|数量指标|新增监控点位|≥4(个)|3(个)|20.00|15.00
            2|||设备巡检次数|≥12(次)|12(次)|20.00|20.00
            """);
        StandardFunds(s, 20m, 20m, 19m, 95m, 9.5m, 10);
        return s;
    }
}
