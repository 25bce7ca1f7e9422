using Jixiao.Core.Model;
using Jixiao.Formats.Import;

namespace Jixiao.Tests.Import;

/// <summary>
/// How the reader makes indicator rows from layouts it was not built on (issue 12, items 3–4): rows ended by an
/// exporter's marks, split target columns in either order, template notes on labels, the older framework's 成本指标,
/// columns headed with a year, rows printed with their weight and score only, and values that fit no column. Each
/// input is a small hand-written text whose reading is worked out by hand.
/// </summary>
public class ReaderRowTests
{
    private static ImportResult Read(string text) => FormImporter.ImportText(text, "t.txt");

    private static (string?, string?, string, string?) Row(Indicator i) => (i.Level1, i.Level2, i.Name, i.Target?.Text);

    [Fact]
    public void A_cell_per_line_table_that_leaves_out_merged_cells_is_cut_at_its_row_ends()
    {
        // A web page's table as text: a row leaves out its merged 一级/二级 cells and ends with a lone bar; counting
        // by the header's width would put 产出指标 in the 二级 column and the name in the 三级 one off by one.
        var r = Read(string.Join('\n',
            "项目绩效目标表 |", "|", "项目名称 |", "绿化项目 |", "|",
            "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "|",
            "产出指标 |", "数量指标 |", "绿化公路长度 |", "≥3500米 |", "|",
            "种植苗木 |", "≥15000株 | ||", "|",
            "质量指标 |", "树木成活率 |", "≥85% | |", "|",
            "满意度指标 |", "服务对象满意度指标 |", "群众满意度 |", "≥90% |", "|", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal(
            [("产出指标", "数量指标", "绿化公路长度", "≥3500米"), ("产出指标", "数量指标", "种植苗木", "≥15000株"),
             ("产出指标", "质量指标", "树木成活率", "≥85%"), ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")],
            form.Indicators.Select(Row).ToArray());
    }

    [Fact]
    public void A_cell_per_line_table_without_row_end_marks_starts_a_row_at_each_group_label()
    {
        // The same kind of table with no lone bar between rows and worded targets: its rows are found by their group
        // labels, and a row opened at its 二级 or at its name is one or two cells short of the header's four.
        var r = Read(string.Join('\n',
            "项目支出预算绩效目标表 |", "项目名称 |", "体育场馆开放 |",
            "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |",
            "产出指标 |", "成本指标 |", "成本控制 |", "按照资金测算控制各项成本。 |",
            "时效指标 |", "完成时限 |", "年底前完成。 |",
            "开放天数 |", "每周开放两天。 |",
            "效益指标 |", "社会效益指标 |", "全民健身 |", "有效提高群众健康水平。 |", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal(
            [("产出指标", "成本指标", "成本控制", "按照资金测算控制各项成本。"), ("产出指标", "时效指标", "完成时限", "年底前完成。"),
             ("产出指标", "时效指标", "开放天数", "每周开放两天。"), ("效益指标", "社会效益指标", "全民健身", "有效提高群众健康水平。")],
            form.Indicators.Select(Row).ToArray());
    }

    [Fact]
    public void A_cell_per_line_table_with_every_cell_printed_is_still_cut_by_the_header_width()
    {
        // Sichuan's export prints empty cells as lone bars: there a lone bar is a cell, not a row's end.
        var r = Read(string.Join('\n',
            "项目支出绩效目标表 |", "项目名称 |", "社保补助 |",
            "一级指标 |", "二级指标 |", "三级指标 |", "指标性质 |", "指标值 |", "度量单位 |", "备注 |",
            "产出指标 |", "数量指标 |", "发放覆盖率 |", "= |", "100 |", "% |", "|",
            "效益指标 |", "社会效益指标 |", "参保率 |", "≥ |", "95 |", "% |", "|", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal(2, form.Indicators.Count);
        Assert.Equal(("产出指标", "数量指标", "发放覆盖率", "=100%"), Row(form.Indicators[0]));
        Assert.Equal(("效益指标", "社会效益指标", "参保率", "≥95%"), Row(form.Indicators[1]));
    }

    [Fact]
    public void A_worded_target_under_its_qualitative_nature_is_the_target_and_the_empty_unit_shifts_nothing()
    {
        // 湖南's 目标表: 指标值类型 | 目标值 | 度量单位 | 指标值内容; a 定性 row prints no unit, and its description follows.
        var r = Read("项目支出绩效目标表\n项目支出名称\t公共卫生专项\n" +
                     "一级指标\t二级指标\t三级指标\t指标值类型\t目标值\t度量单位\t指标值内容\n" +
                     "成本指标\t经济成本指标\t专项经费\t≤\t70\t万元\t反映专项经费。\n" +
                     "\t社会成本指标\t对社会产生的不利影响\t定性\t减少\t反映对社会的不利影响。\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(
            [("成本指标", "经济成本指标", "专项经费", "≤70万元"), ("成本指标", "社会成本指标", "对社会产生的不利影响", "减少")],
            form.Indicators.Select(Row).ToArray());
        Assert.Null(form.Indicators[1].Target!.Value);
    }

    [Fact]
    public void A_group_label_after_the_values_is_the_other_sides_and_neither_the_target_nor_part_of_the_name()
    {
        // A 申报表 printing its 年度 and 中期 indicators side by side, the 中期 side empty but for its repeated 二级.
        var r = Read("项目支出绩效目标申报表\n项目名称 | 车辆维修\n" +
                     "一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |\n" +
                     "产出指标 | 数量指标 | 维修车辆数 | ≥90辆 | 数量指标 | | |\n" +
                     "时效指标 | 完成及时性 | 及时 | 时效指标 | | |\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(
            [("产出指标", "数量指标", "维修车辆数", "≥90辆"), ("产出指标", "时效指标", "完成及时性", "及时")],
            form.Indicators.Select(Row).ToArray());
    }

    [Fact]
    public void A_scoring_method_printed_between_rows_is_no_part_of_a_row_and_the_shandong_heads_are_heads()
    {
        // 山东's 自评表 as PDF text: 实际完成指标值(B) and 未完成原因 are heads, and the 得分计算方法 column's text stands
        // on lines of its own between the rows, where its words (完成值, 指标值) are no cells.
        var r = Read(string.Join('\n',
            "项目支出绩效自评表", "项目名称 免费开放",
            "一级指标 二级指标 三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分 未完成原因 得分计算方法",
            "产出指标 数量指标 全年免费开放 100% 100% 12.5 12.5",
            "定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A*该指标分值记分。",
            "质量指标 制度执行有效性 100% 90% 12.5 11", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal(
            [("产出指标", "数量指标", "全年免费开放", "100%"), ("产出指标", "质量指标", "制度执行有效性", "100%")],
            form.Indicators.Select(Row).ToArray());
        Assert.Equal((90m, 12.5m, 11m), (form.Indicators[1].Actual!.Value, form.Indicators[1].Weight, form.Indicators[1].Score));
    }

    [Fact]
    public void A_unit_column_before_the_value_is_the_targets_unit_not_the_end_of_the_name()
    {
        var r = Read("区域绩效目标表\n项目名称\t生猪奖励资金\n一级指标\t二级指标\t三级指标\t单位\t指标值\n" +
                     "产出指标\t数量指标\t猪肉产量稳定率\t%\t≥95%\n\t\t能繁母猪存栏\t头\t12000\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(("产出指标", "数量指标", "猪肉产量稳定率", "≥95%"), Row(form.Indicators[0]));
        var second = form.Indicators[1];
        Assert.Equal("能繁母猪存栏", second.Name);
        Assert.Equal((12000m, "头"), (second.Target!.Value, second.Target.Unit));
    }

    [Fact]
    public void A_unit_column_before_the_comparator_column_joins_the_target_in_reading_order()
    {
        var r = Read("项目绩效目标表\n项目名称\t绿化项目\n一级指标\t二级指标\t三级指标\t计量单位\t指标性质\t指标值\n" +
                     "产出指标\t数量指标\t绿化公路\t米\t=\t3500\n");

        var i = Assert.Single(Assert.Single(r.Forms).Indicators);
        Assert.Equal("绿化公路", i.Name);
        Assert.Equal((Comparator.Equal, 3500m, "米"), (i.Target!.Comparator, i.Target.Value, i.Target.Unit));
    }

    [Fact]
    public void A_templates_fill_in_note_on_a_group_label_is_not_part_of_the_label()
    {
        var r = Read("项目支出绩效目标申报表\n项目名称 | 水源涵养林\n一级指标 | 二级指标 | 三级指标 | 指标值\n" +
                     "产出指标 | 数量指标 (必填硬性指标) | 营造林面积(亩) | 80000\n质量指标 (必填) | 苗木成活率 | 85%\n" +
                     "效益指标 | 生态效益 指标 (选填) | 提高森林覆盖率 | 提高\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(
            [("产出指标", "数量指标", "营造林面积(亩)", "80000"), ("产出指标", "质量指标", "苗木成活率", "85%"),
             ("效益指标", "生态效益指标", "提高森林覆盖率", "提高")],
            form.Indicators.Select(Row).ToArray());
    }

    [Fact]
    public void Cost_printed_after_the_output_rows_with_a_name_beside_it_is_a_level2_of_output()
    {
        var r = Read("项目绩效目标表\n项目名称 | 储备粮\n一级指标 | 二级指标 | 三级指标 | 指标值\n" +
                     "产出指标 | 数量指标 | 储备到位率 | 100%\n时效指标 | 付息及时率 | 100%\n成本指标 | 成本核算率 | 100%\n" +
                     "效益指标 | 经济效益指标 | 利息保障率 | 100%\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(("产出指标", "成本指标", "成本核算率", "100%"), Row(form.Indicators[2]));
        Assert.Equal(("效益指标", "经济效益指标"), (form.Indicators[3].Level1, form.Indicators[3].Level2));
    }

    [Fact]
    public void Cost_followed_by_its_own_level2_is_a_level1()
    {
        var r = Read("项目绩效目标表\n项目名称 | 储备粮\n一级指标 | 二级指标 | 三级指标 | 指标值\n" +
                     "产出指标 | 数量指标 | 储备到位率 | 100%\n成本指标 | 经济成本指标 | 单位成本 | ≤30万元\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(("成本指标", "经济成本指标", "单位成本", "≤30万元"), Row(form.Indicators[1]));
    }

    [Fact]
    public void A_value_column_headed_with_its_year_is_a_header_not_an_indicator_row()
    {
        var r = Read("项目支出绩效目标批复表\n项目名称 | 主体班\n绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标标准或依据\n" +
                     "2021年实际实现值 | 预期2022年实现值\n数量指标 | 主体班培训人次 | 280人次\n产出指标 | 开设课程数量 | 220\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(["主体班培训人次", "开设课程数量"], form.Indicators.Select(i => i.Name).ToArray());
        Assert.Equal("280人次", form.Indicators[0].Target!.Text);
    }

    [Fact]
    public void A_row_printed_with_its_weight_and_score_only_is_read_and_unfilled_template_rows_are_not()
    {
        var r = Read(string.Join('\n',
            "项目支出绩效自评表", "项目名称 防汛经费",
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
            "产出指标 数量指标 指标1:完成灌区改造数量 1 1 10 10", "指标2:", "……",
            "质量指标 指标1:工程质量合格 10 10", "指标2:", "……",
            "生态效益", "指标", "指标1:/ / /", "指标2:",
            "可持续影响指标 指标1:已建工程良性运行 10 8", ""));

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal(["指标1:完成灌区改造数量", "指标1:工程质量合格", "指标1:已建工程良性运行"], form.Indicators.Select(i => i.Name).ToArray());
        var quality = form.Indicators[1];
        Assert.Equal((null, null, 10m, 10m), (quality.Target, quality.Actual, quality.Weight, quality.Score));
        Assert.Equal(("可持续影响指标", 10m, 8m), (form.Indicators[2].Level2, form.Indicators[2].Weight, form.Indicators[2].Score));
    }

    [Fact]
    public void Values_that_fit_no_column_are_reported_and_kept_out_of_the_name()
    {
        // The file ends inside the last row: its 分值 and a half-printed target fit no full set of columns.
        var r = Read("项目支出绩效自评表\n项目名称\t临时救助\n" +
                     "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t全年实际值\t得分\t未完成原因分析\n" +
                     "产出指标\t数量指标\t救助人次\t10\t≥59人次\t87人次\t10\n满意度指标\t服务对象满意度指标\t受助对象满意度\t10\t>=9");

        var form = Assert.Single(r.Forms);
        var last = form.Indicators[^1];
        Assert.Equal("受助对象满意度", last.Name);
        Assert.Null(last.Target);
        Assert.Null(last.Weight);
        Assert.Contains(form.Warnings, w => w.Message.Contains("“10”“>=9”对不上表头的列") && w.Message.Contains("受助对象满意度"));
    }

    [Fact]
    public void A_declaration_with_a_weight_column_never_reads_the_weight_as_the_target()
    {
        // 指标性质 | 指标值 | 度量单位 | 权重(%): empty 指标性质 and 度量单位 cells are gone from the text; a 定性 row's weight
        // wrapped onto the line below it.
        var r = Read("绩效目标表\n项目名称 食品安全\n一级指标 二级指标 三级指标 指标性质 指标值 度量单位 权重(%)\n" +
                     "产出指标 成本指标 检查差旅费 470 人/天 2\n产出指标 时效指标 完成时限 1 5\n" +
                     "效益指标 社会效益指标 食品安全整体状况 定性 高中低\n10\n满意度指标 服务对象满意度指标 公众满意度 定性 高中低\n5\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(4, form.Indicators.Count);
        Assert.Equal((470m, "人/天", 2m), (form.Indicators[0].Target!.Value, form.Indicators[0].Target!.Unit, form.Indicators[0].Weight));
        Assert.Equal((1m, 5m), (form.Indicators[1].Target!.Value, form.Indicators[1].Weight));
        Assert.Equal(("食品安全整体状况", null, 10m), (form.Indicators[2].Name, form.Indicators[2].Target!.Value, form.Indicators[2].Weight));
        Assert.Equal(("公众满意度", 5m), (form.Indicators[3].Name, form.Indicators[3].Weight));
    }

    [Fact]
    public void Comparators_written_in_words_and_a_direction_column_are_read_as_the_target()
    {
        var r = Read("项目绩效目标表\n项目名称 装备经费\n一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值\n" +
                     "产出指标 成本指标 车辆购置成本 反向 小于等于 12 万元 5\n质量指标 政府采购率 正向 大于等于 30 % 7.5\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(["车辆购置成本", "政府采购率"], form.Indicators.Select(i => i.Name).ToArray());
        Assert.Equal((Comparator.LessOrEqual, 12m, "万元"), (form.Indicators[0].Target!.Comparator, form.Indicators[0].Target!.Value, form.Indicators[0].Target!.Unit));
        Assert.Equal((Comparator.GreaterOrEqual, 30m, 7.5m), (form.Indicators[1].Target!.Comparator, form.Indicators[1].Target!.Value, form.Indicators[1].Weight));
    }

    [Fact]
    public void A_table_of_several_projects_is_read_as_one_form_per_project()
    {
        var r = Read(string.Join('\n',
            "| 部门预算项目绩效目标申报表(2023年度) | |", "| 金额单位:元 | |",
            "| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 |",
            "| 820-马踏镇部门 | 8,827,620.53 | |",
            "| 820001-马踏镇人民政府 | 村组干部报酬 | 3,309,840.00 | 按时发放村组干部报酬 | 效益指标 | 社会效益指标 | 维护社会稳定 | ≥ | 95 | % | 10 |",
            "| 产出指标 | 数量指标 | 发放人数 | ≥ | 230 | 人 | 10 |",
            "| 基层组织活动经费 | 660,000.00 | 村社区办公经费 | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 95 | % | 10 |",
            "| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10 |", ""));

        Assert.Equal(2, r.Forms.Count);
        var first = Assert.IsType<TargetDeclaration>(r.Forms[0]);
        var second = Assert.IsType<TargetDeclaration>(r.Forms[1]);
        Assert.Equal(("村组干部报酬", "820001-马踏镇人民政府", "820-马踏镇部门", 3309840.00m, MoneyUnit.Yuan, "按时发放村组干部报酬"),
            (first.ProjectName, first.ImplementingUnit, first.Department, first.Funds.AnnualTotal, first.Funds.Unit, first.AnnualGoal));
        Assert.Equal(["维护社会稳定", "发放人数"], first.Indicators.Select(i => i.Name).ToArray());
        // The second project's row leaves out the merged 单位名称 cell: its name is not taken for the unit.
        Assert.Equal(("基层组织活动经费", "820001-马踏镇人民政府", 660000.00m), (second.ProjectName, second.ImplementingUnit, second.Funds.AnnualTotal));
        Assert.Equal([("满意度指标", "群众满意度"), ("产出指标", "行政村数量")], second.Indicators.Select(i => (i.Level1, i.Name)).ToArray());
        Assert.Equal((Comparator.Equal, 11m, "个", 10m), (second.Indicators[1].Target!.Comparator, second.Indicators[1].Target!.Value, second.Indicators[1].Target!.Unit, second.Indicators[1].Weight));
    }

    [Fact]
    public void A_worded_target_ends_its_row_when_the_next_line_opens_a_row()
    {
        var r = Read(string.Join('\n',
            "项目支出绩效目标申报表", "项目名称 物业管理",
            "绩效指标 一级指标 二级指标 三级指标 指标值",
            "产出指标 数量指标 指标1:安置小区物业费 8个",
            "质量指标 指标1:指导小区物业开展文明创建 房屋设备设施完好",
            "时效指标 指标1:按时完成物业管理工作 2021年全年",
            "效益指标 社会效益指标 指标1:改善安置小区群众生活质量 显著改善", "注: 1.“其他资金”是指单位自有资金", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal(
            [("产出指标", "数量指标", "指标1:安置小区物业费", "8个"), ("产出指标", "质量指标", "指标1:指导小区物业开展文明创建", "房屋设备设施完好"),
             ("产出指标", "时效指标", "指标1:按时完成物业管理工作", "2021年全年"), ("效益指标", "社会效益指标", "指标1:改善安置小区群众生活质量", "显著改善")],
            form.Indicators.Select(Row).ToArray());
    }

    [Fact]
    public void A_second_project_name_after_a_table_starts_the_next_form_under_the_same_title()
    {
        var r = Read(string.Join('\n',
            "项目支出绩效目标表", "(2023年)",
            "河北区人民法院 | 单位:万元 |", "项目名称 | 安全隐患维修 |", "预算规模及资金用途 | 预算数 | 20.00 | 其中:财政 资金 | 20.00 |",
            "绩效目标 | 维修审判大楼玻璃幕墙 |", "一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |",
            "产出指标 | 数量指标 | 维修面积 | 维修面积 | ≥400平方米 |",
            "河北区人民法院 | 单位:万元 |", "项目名称 | 办案业务费 |", "预算规模及资金用途 | 预算数 | 24.00 |",
            "一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |",
            "产出指标 | 数量指标 | 陪审员参审案件数量 | 参审案件 | ≥900件 |", ""));

        Assert.Equal(2, r.Forms.Count);
        var first = Assert.IsType<TargetDeclaration>(r.Forms[0]);
        var second = Assert.IsType<TargetDeclaration>(r.Forms[1]);
        Assert.Equal(("安全隐患维修", 2023, MoneyUnit.WanYuan, 20.00m, 20.00m, "维修审判大楼玻璃幕墙"),
            (first.ProjectName, first.Year, first.Funds.Unit, first.Funds.AnnualTotal, first.Funds.CurrentYearAppropriation, first.AnnualGoal));
        Assert.Equal(("维修面积", "≥400平方米"), (first.Indicators.Single().Name, first.Indicators.Single().Target!.Text));
        Assert.Equal(("办案业务费", 2023, MoneyUnit.WanYuan, 24.00m), (second.ProjectName, second.Year, second.Funds.Unit, second.Funds.AnnualTotal));
        Assert.Equal(("陪审员参审案件数量", "≥900件"), (second.Indicators.Single().Name, second.Indicators.Single().Target!.Text));
    }

    [Fact]
    public void A_two_level_table_with_a_description_after_the_value_reads_the_value_as_the_target()
    {
        var r = Read(string.Join('\n',
            "项目名称: | 绿化养护经费 | 项目编号: |", "项目联系人: | 汤义青 |",
            "指标类型 | 指标名称 | 指标值 | 指标描述 |",
            "产出指标 | 数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护 |",
            "质量指标 | 100% | 达到绿化绿地全覆盖 |",
            "最近年度绩效评价情况 | 优秀□ 良好□ 合格□ |", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal("绿化养护经费", form.ProjectName);
        Assert.Equal([("产出指标", "数量指标", "375万平方米"), ("产出指标", "质量指标", "100%")],
            form.Indicators.Select(i => (i.Level1, i.Level2, i.Target!.Text)).ToArray());
    }

    [Fact]
    public void Worded_values_of_a_self_evaluation_are_read_by_position_and_another_table_ends_the_indicators()
    {
        var r = Read(string.Join('\n',
            "项目支出绩效自评表", "项目名称 | 护工培训 |",
            "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |",
            "效益指标 | 经济效益 | 减轻参训人员经济负担 | 有效减轻 | 有效减轻 |",
            "| 社会效益 | 参训学员就业率 | 60%及以上 | 53.53% |",
            "| | 提高参训学员技术水平 | 基本提高 | 基本提高 |",
            "序号 | 学校性质 | 培训机构 | 培训补助标准(元/人) |",
            "1 | 民办 | 远航职业培训学校 | 2600 |", ""));

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal(
            [("经济效益", "减轻参训人员经济负担", "有效减轻", "有效减轻"), ("社会效益", "参训学员就业率", "60%及以上", "53.53%"),
             ("社会效益", "提高参训学员技术水平", "基本提高", "基本提高")],
            form.Indicators.Select(i => (i.Level2, i.Name, i.Target?.Text, i.Actual?.Text)).ToArray());
    }

    [Fact]
    public void Under_a_provincial_level1_cost_and_satisfaction_are_level2s_and_a_doubled_label_is_both_levels()
    {
        // Sichuan's 2021 template: 项目完成指标 {数量 质量 时效 成本}, 项目效益指标 {… 满意度}; a wrapped 一级 (项目效益 / 指标)
        // ends the worded row above it.
        var r = Read(string.Join('\n',
            "项目支出绩效目标申报表", "项目名称 特扶资金",
            "绩效指标 一级指标 二级指标 三级指标 指标值(包含数字及文字描述)",
            "项目完成", "指标", "数量指标 扶助家庭人数 63人",
            "成本指标 成本控制 严格按照预算标准兑付补助",
            "项目效益", "指标", "社会效益", "指标", "促进社会协调发展 100%",
            "满意度指标 满意度指标 受益群众满意度 ≥90%", "注: 资金单位万元", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal(
            [("项目完成指标", "数量指标", "扶助家庭人数", "63人"), ("项目完成指标", "成本指标", "成本控制", "严格按照预算标准兑付补助"),
             ("项目效益指标", "社会效益指标", "促进社会协调发展", "100%"), ("满意度指标", "满意度指标", "受益群众满意度", "≥90%")],
            form.Indicators.Select(Row).ToArray());
    }

    [Fact]
    public void A_self_evaluation_with_its_target_split_under_a_two_row_header_reads_every_column()
    {
        // Yunnan's 公开14表: 年度指标值 over 指标性质 | 指标值 | 度量单位; look-alike symbols (﹦, ═); a project named after
        // its form is the 项目名称's value, not a second title.
        var r = Read(string.Join('\n',
            "| 2020年度项目支出绩效自评表 | |", "| 项目名称 | 2020年卫片执法补助经费支出绩效自评表 |",
            "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |", "| |",
            "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 |",
            "| 产出指标 | 数量指标 | 卫片执法补助经费 | ﹦ | 72890 | 元 | 72890 | 10.00 | 9.00 | |",
            "| 质量指标 | 项目验收合格率 | ═ | 100 | % | 98% | 20 | 19 | 一处未验收 |", ""));

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal("2020年卫片执法补助经费支出绩效自评表", form.ProjectName);
        Assert.Equal(2, form.Indicators.Count);
        var (money, quality) = (form.Indicators[0], form.Indicators[1]);
        Assert.Equal((Comparator.Equal, 72890m, "元", "72890", 10.00m, 9.00m),
            (money.Target!.Comparator, money.Target.Value, money.Target.Unit, money.Actual!.Text, money.Weight, money.Score));
        Assert.Equal(("质量指标", Comparator.Equal, 100m, "98%", 20m, 19m, "一处未验收"),
            (quality.Level2, quality.Target!.Comparator, quality.Target.Value, quality.Actual!.Text, quality.Weight, quality.Score, quality.DeviationReason));
    }

    [Fact]
    public void Goal_texts_follow_the_label_printed_before_them_and_lose_the_labels_that_ran_into_them()
    {
        var cellPerLine = Read(string.Join('\n',
            "项目绩效目标表 |", "|", "项目名称 |", "绿化项目 |", "|", "项目总体目标 |", "对公路沿线进行绿化美化。 | |", "|",
            "项目年度目标 |", "通过苗木采购和栽植进行绿化。 | |", "|",
            "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "|", "产出指标 |", "数量指标 |", "绿化公路长度 |", "≥3500米 |", "|", ""));
        var d = Assert.IsType<TargetDeclaration>(Assert.Single(cellPerLine.Forms));
        Assert.Equal(("对公路沿线进行绿化美化。", "通过苗木采购和栽植进行绿化。"), (d.OverallGoal, d.AnnualGoal));

        var paragraphs = Read(string.Join('\n',
            "2023年项目支出绩效目标申报表", "项目名称 雾炮车降尘服务", "实施期绩效目标", "全市空气质量达到优良", "本年度绩效目标",
            "通过采购雾炮车降尘抑尘服务,全市空气质量达到优良", "本年度绩效指标",
            "一级指标 二级指标 三级指标 指标值", "产出指标 数量指标 雾炮车数量 ≥2台", ""));
        var p = Assert.IsType<TargetDeclaration>(Assert.Single(paragraphs.Forms));
        Assert.Equal(("全市空气质量达到优良", "通过采购雾炮车降尘抑尘服务,全市空气质量达到优良"), (p.OverallGoal, p.AnnualGoal));
    }

    [Fact]
    public void A_row_one_value_short_keeps_its_name_weight_and_score_and_reports_the_value_it_cannot_place()
    {
        var r = Read(string.Join('\n',
            "项目支出绩效自评表", "项目名称 | 野生菌加工车间 |",
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |",
            "产出指标 | 数量指标 | 冷库仓储建设面积 | ≥1290.3平方米 | 1290.3平方米 | 10.3 | 10.3 |",
            "配套电力设施1250KVA变压器3台 | 3 | 9.3 | 9.3 |", ""));

        var form = Assert.Single(r.Forms);
        var shortRow = form.Indicators[1];
        Assert.Equal(("配套电力设施1250KVA变压器3台", null, null, 9.3m, 9.3m),
            (shortRow.Name, shortRow.Target, shortRow.Actual, shortRow.Weight, shortRow.Score));
        Assert.Contains(form.Warnings, w => w.Message.Contains("少一格") && w.Message.Contains("“3”不能确定是指标值还是实际完成值"));
    }

    [Fact]
    public void An_untitled_scoring_rubric_is_not_read_as_a_form()
    {
        var r = Read(string.Join('\n',
            "项目名称 | 垦造水田 |", "基本指标 | 分值 | 评价标准 | 乡镇自验 | 区县考评 |", "一级指标 | 二级指标 | 三级指标 |",
            "水稻种植情况(40分) | 种植面积 | 20 | 种植面积达到可种面积的100%得20分 |", ""));

        Assert.Empty(r.Forms);
        Assert.Contains(r.Problems, p => p.Message.Contains("是评分表，不作为绩效表导入"));
    }

    [Fact]
    public void A_table_headed_by_bare_indicator_and_value_columns_reads_its_rows_by_the_header_width()
    {
        // 重庆's 表十二: no 一级/二级 heads; 指标 is the name's column, 定性 in 指标性质 says the value is worded, and
        // the next table's number (`表十二`) ends this one.
        var r = Read(string.Join('\n',
            "2023年一般性项目绩效目标表 |", "专项资金名称 |", "干部补助 |",
            "指标 |", "指标权重 |", "计量单位 |", "指标性质 |", "指标值 |",
            "发放人数 |", "20 |", "人 |", "≥ |", "80 |",
            "促进社会和谐 |", "20 |", "|", "定性 |", "|",
            "表十二 |", "|", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal([(null, null, "发放人数", "≥80人"), (null, null, "促进社会和谐", null)], form.Indicators.Select(Row).ToArray());
        Assert.True(form.Complete);
    }

    [Theory]
    [InlineData("表十二", true)]
    [InlineData("附表3", true)]
    [InlineData("附件2-1", true)]
    [InlineData("表", false)]
    [InlineData("表彰人数", false)]
    [InlineData("附件", false)]
    public void A_cell_that_only_numbers_a_table_ends_the_one_above(string cell, bool ends)
    {
        var r = Read("项目绩效目标表\n项目名称\t补助\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t发放人数\t≥80人\n" +
                     cell + "\n产出指标\t数量指标\t下一张表的指标\t≥1次\n");

        var names = Assert.Single(r.Forms).Indicators.Select(i => i.Name).ToList();
        Assert.Equal(ends, !names.Contains("下一张表的指标"));
    }

    [Fact]
    public void A_row_under_a_group_scored_once_keeps_its_worded_target_and_actual_in_their_columns()
    {
        // 黄石's 自评表 prints 得分 once per 二级 group (a merged cell on the group's first row): the group's other rows
        // are one cell short at the end, and their worded values still stand under 年初目标值 and 实际完成值. 环境效益 is
        // the older forms' 二级 for 生态效益.
        var r = Read("项目自评表\n项目名称 | 共享工程\n一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分\n" +
                     "效益指标 | 社会效益 | 方便读者查阅 | 查询范围扩展到省图 | 查询范围扩展到省图 | 10\n" +
                     "丰富市民活动 | 活动丰富 | 活动丰富\n" +
                     "环境效益 | 环境优良 | 良好 | 良好 | 10\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(3, form.Indicators.Count);
        var second = form.Indicators[1];
        Assert.Equal(("效益指标", "社会效益", "丰富市民活动", "活动丰富"), Row(second));
        Assert.Equal("活动丰富", second.Actual?.Text);
        Assert.Null(second.Score);
        Assert.Equal(("效益指标", "环境效益", "环境优良", "良好"), Row(form.Indicators[2]));
    }

    [Fact]
    public void A_row_holding_the_total_score_after_another_cell_is_the_footer_not_an_indicator()
    {
        var r = Read("项目支出绩效自评表\n项目名称 | 营养改善\n一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n" +
                     "产出指标 | 数量指标 | 受益学生人数 | ≥500人 | 520人 | 20 | 20\n" +
                     "其他需要说明事项 | 无 | 总分 | 100 | 96 | 优\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(["受益学生人数"], form.Indicators.Select(i => i.Name).ToArray());
    }

    [Fact]
    public void The_start_of_a_group_label_cut_by_the_page_is_neither_a_row_nor_part_of_the_row_above()
    {
        // corpus 008: the file stops at `满意` (of 满意度指标) after a group label row; it was glued to the name of the
        // row before the label (`受益人口数量满意`).
        var r = Read("项目支出绩效自评表\n项目名称 | 特色种养\n一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分\n" +
                     "效益指标 | 社会效益指标 | 受益人口数量 | 10 | 90人 | 90人 | 10\n" +
                     "可持续影响指标 |\n满意\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(["受益人口数量"], form.Indicators.Select(i => i.Name).ToArray());
        Assert.Contains(r.Forms[0].Warnings, w => w.Message.Contains("被截断的分组标签"));
    }

    [Fact]
    public void A_second_header_row_splitting_the_target_and_the_score_is_read_with_its_status_column()
    {
        // 河北's 预算项目绩效自评表: 预期指标值 over 符号 | 值 | 单位(文字描述), a 完成情况 status, and 自评得分 over 单项指标得分 |
        // 权重占比 | 折算得分; the cell under 指标分值 is the indicator's explanation, not its name.
        var r = Read(string.Join('\n',
            "成安县民政局2020年度预算项目绩效自评表",
            "一、基本情况 项目名称: 高龄津贴",
            "四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分",
            "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分",
            "产出指标 质量指标 申报对象覆盖率 享受补贴人数占申报对象总数的比例 >= 98 %(百分比) 100% 完成 100.00 25.00 25.00",
            "时效指标 发放及时率 按时发放的比例 >= 99 % 99% 完成 100.00 25.00 25.00", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal(["申报对象覆盖率", "发放及时率"], form.Indicators.Select(i => i.Name).ToArray());
        var first = form.Indicators[0];
        Assert.Equal((Comparator.GreaterOrEqual, 98m), (first.Target?.Comparator, first.Target?.Value));
        Assert.Equal(100m, first.Actual?.Value);
        Assert.Equal((25m, 25m), (first.Weight, first.Score));
        Assert.Equal(("产出指标", "时效指标"), (form.Indicators[1].Level1, form.Indicators[1].Level2));
    }

    [Fact]
    public void A_name_printed_as_its_group_without_指标_is_the_name_not_the_group_again()
    {
        var r = Read("项目支出绩效目标表\n项目名称 补助\n一级指标 二级指标 三级指标 指标值\n" +
                     "满意度指标 服务对象满意度指标 服务对象满意度 ≥95%\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal([("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%")], form.Indicators.Select(Row).ToArray());
    }

    [Fact]
    public void A_listing_of_projects_targets_reads_each_project_with_content_and_its_bracketed_indicators()
    {
        // 安徽's …项目绩效目标和指标: totals and subtotals print a name and an amount like a project but no content; a
        // project's content is in bracketed headings, its indicators `指标1:名称(目标)` under 【一级-二级】.
        var r = Read(string.Join("\n\n",
            "某市公安局2025年项目绩效目标和指标", "单位编码", "单位名称(项目类别/支出项目)", "年度预算安排", "项目内容", "绩效目标",
            "某市公安局", "500000", "其他运转类", "300000",
            "037001", "机房租赁服务", "300000", "【项目概况】:租赁机柜。", "【总体目标】", "保障设备运转",
            "【产出指标-数量指标】", "指标1:机柜数量(≥77台)", "【产出指标-成本指标】", "指标1:维护成本(<300000元)",
            "【效益指标-社会效益指标】", "指标1:服务保障民生(有力保障)",
            "本级项目", "200000", "037001", "执法办案费", "200000", ""));

        Assert.Equal(["机房租赁服务", "执法办案费"], r.Forms.Select(f => f.ProjectName ?? "").ToArray());
        var first = (TargetDeclaration)r.Forms[0];
        Assert.Equal((2025, 300000m, true), (first.Year, first.Funds.AnnualTotal, first.Complete));
        Assert.Equal(
            [("产出指标", "数量指标", "指标1:机柜数量", "≥77台"), ("产出指标", "成本指标", "指标1:维护成本", "<300000元"),
             ("效益指标", "社会效益指标", "指标1:服务保障民生", "有力保障")],
            first.Indicators.Select(Row).ToArray());
        Assert.False(r.Forms[1].Complete);
        Assert.Empty(r.Forms[1].Indicators);
    }

    [Fact]
    public void A_glued_rows_worded_target_and_achievement_are_cut_at_the_printed_spaces()
    {
        // A document's text with the whole form on one line: the glued-text pass finds the cells by their labels, and
        // `补助资格合规性 合规 达成预期指标` between two labels is still three cells by its spaces.
        var r = Read("项目支出绩效自评表 (2022年度) 项目名称 村级补助经费 主管部门 219-某镇人民政府 实施单位 219001-某镇人民政府 " +
                     "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 " +
                     "年度总体目标 预期目标 实际完成情况 保障运转。 已保障运转。 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 " +
                     "产出指标(50分) 数量指标 补助村数量 =8个 8 8 8 质量指标 补助资格合规性 合规 达成预期指标 8 8 " +
                     "时效指标 补助经费到位及时性 及时 达成预期指标 8 8 总分 100 98");

        var form = Assert.Single(r.Forms);
        var quality = form.Indicators.Single(i => i.Level2 == "质量指标");
        Assert.Equal(("补助资格合规性", "合规", "达成预期指标"), (quality.Name, quality.Target?.Text, quality.Actual?.Text));
        Assert.Equal((8m, 8m), (quality.Weight, quality.Score));
        Assert.Equal("补助经费到位及时性", form.Indicators.Single(i => i.Level2 == "时效指标").Name);
    }

    [Fact]
    public void The_hebei_header_with_status_and_three_score_columns_reads_the_same_in_a_tab_separated_export()
    {
        // The same template as tab-separated cells (a sheet's export): the row fit from the row's end applies there too.
        var r = Read(string.Join('\n',
            "预算项目绩效自评表",
            "项目名称\t高龄津贴",
            "一级指标\t二级指标\t三级指标\t指标分值\t预期指标值\t单项指标实际完成值\t单项指标完成情况\t自评得分",
            "符号\t单位(文字描述)\t单项指标得分\t权重占比(%)\t单项指标折算得分",
            "产出指标\t质量指标\t申报对象覆盖率\t享受补贴人数占申报对象总数的比例\t>=\t98\t%(百分比)\t100%\t完成\t100.00\t25.00\t25.00", ""));

        var first = Assert.Single(Assert.Single(r.Forms).Indicators);
        Assert.Equal("申报对象覆盖率", first.Name);
        Assert.Equal((Comparator.GreaterOrEqual, 98m), (first.Target?.Comparator, first.Target?.Value));
        Assert.Equal(100m, first.Actual?.Value);
        Assert.Equal((25m, 25m), (first.Weight, first.Score));
    }

    [Fact]
    public void A_web_pages_own_lines_after_the_table_are_neither_a_row_nor_a_cut()
    {
        // A page's table as text, then the page's footer: the line to open the page on a phone is the page's, not the
        // form's, and the form was shown to its end.
        var r = Read("项目绩效目标表\n项目名称 | 环境卫生清洁\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n" +
                     "产出指标 | 数量指标 | 清扫保洁道路条数 | 485条 |\n效益指标 | 社会效益指标 | 清扫保洁覆盖率 | ≥99% |\n" +
                     "- 扫一扫在手机打开当前页\n[下载] [打印] [关闭]\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(["清扫保洁道路条数", "清扫保洁覆盖率"], form.Indicators.Select(i => i.Name).ToArray());
        Assert.True(form.Complete);
    }

    [Fact]
    public void A_bare_satisfaction_word_before_a_name_is_the_group_and_before_a_value_is_the_name()
    {
        // 山西's template prints 满意度 as a 二级 under 效益指标. The same word with a value right after it is a name.
        var r = Read("项目支出绩效自评表\n项目名称 | 护工培训\n一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n" +
                     "效益指标 | 可持续影响 | 巩固脱贫成果 | 有效巩固 | 有效巩固 |\n| 满意度 | 参培学员满意度 | 95%及以上 | 88% |\n" +
                     "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 92% |\n| | 满意度 | ≥95% | 96% |\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(
            [("效益指标", "可持续影响", "巩固脱贫成果", "有效巩固"), ("效益指标", "满意度", "参培学员满意度", "95%及以上"),
             ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"), ("满意度指标", "服务对象满意度指标", "满意度", "≥95%")],
            form.Indicators.Select(Row).ToArray());
    }

    [Fact]
    public void The_row_the_file_stops_in_keeps_its_cells_in_the_headers_first_columns()
    {
        // The file stops after the last row's 分值: its cells are the first columns (指标性质, 指标值, 度量单位, 实际完成值,
        // 分值), not the last ones; 得分 was cut off.
        var r = Read("项目支出绩效自评表\n项目名称 | 卫片执法补助\n" +
                     "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n" +
                     "指标性质 | 指标值 | 度量单位 |\n" +
                     "| 产出指标 | 质量指标 | 项目验收合格率 | = | 100 | % | 100 | 20 | 19 | |\n" +
                     "| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥ | 95 | % | 95 | 10.00 |");

        var cut = Assert.Single(r.Forms).Indicators[^1];
        Assert.Equal(("满意度", "≥95%", 95m), (cut.Name, cut.Target?.Text, cut.Actual?.Value));
        Assert.Equal((10m, (decimal?)null), (cut.Weight, cut.Score));
    }
}
