using Jixiao.Core.Model;
using Jixiao.Formats.Import;

namespace Jixiao.Tests.Import;

/// <summary>
/// The reader's stages that make it generalise (issue 12), each on a small hand-written text whose expected reading is
/// worked out by hand: text repair, glued cells, a title inside run-on text, numbers that ran together, amounts with
/// text, fund figures placed by their column, a fragment without title or header.
/// </summary>
public class ReaderGeneralisationTests
{
    private static ImportResult Read(string text) => FormImporter.ImportText(text, "t.txt");

    [Fact]
    public void A_glued_header_is_cut_into_its_fields_by_the_vocabulary()
    {
        var r = Read("2020年度项目绩效目标表\n项目名称农村义务教育薄弱学校改造补助资金\n项目主管部门青山区教育局项目执行单位化工区学校\n" +
                     "绩效指标一级指标二级指标指标内容指标值\n产出指标数量指标农村义务教育学校改造覆盖率100%\n质量指标校舍维修改造质量合格率100%\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("农村义务教育薄弱学校改造补助资金", form.ProjectName);
        Assert.Equal("青山区教育局", form.Department);
        Assert.Equal("化工区学校", form.ImplementingUnit);
        Assert.Equal(2, form.Indicators.Count);
        Assert.Equal(("产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"),
            (form.Indicators[0].Level1, form.Indicators[0].Level2, form.Indicators[0].Name, form.Indicators[0].Target!.Text));
        Assert.Equal(("质量指标", "校舍维修改造质量合格率"), (form.Indicators[1].Level2, form.Indicators[1].Name));
    }

    [Fact]
    public void A_spaced_layout_is_not_taken_for_glued_text()
    {
        var r = Read("2024年项目绩效目标申报表\n项目名称 拆违经费 项目性质 阶段性项目\n主管部门 区城管局 实施单位 区城管执法大队\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal("拆违经费", form.ProjectName);
        Assert.Equal("区城管局", form.Department);
        Assert.Equal("区城管执法大队", form.ImplementingUnit);
    }

    [Fact]
    public void A_traditional_text_with_pinyin_is_read_in_simplified_characters_and_the_import_says_so()
    {
        var r = Read("2020年度水土保持監(jiān)測項(xiàng)目績(jī)效自評(píng)表\n項(xiàng)目名稱 水土保持監測\n主管部門 黃岡市水利和湖泊局\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(FormKind.SelfEvaluation, form.Kind);
        Assert.Equal("水土保持监测", form.ProjectName);
        Assert.Equal("黄冈市水利和湖泊局", form.Department);
        Assert.Contains(r.Problems, p => !p.IsError && p.Message.Contains("繁体"));
        Assert.Contains(r.Problems, p => !p.IsError && p.Message.Contains("拼音") && p.Message.Contains("5处"));
    }

    [Fact]
    public void A_few_traditional_characters_in_a_simplified_form_stay_as_printed()
    {
        var r = Read("2024年项目绩效目标申报表\n项目名称 乾隆故居修缮\n主管部门 区文旅局\n");

        Assert.Equal("乾隆故居修缮", Assert.Single(r.Forms).ProjectName);
        Assert.DoesNotContain(r.Problems, p => p.Message.Contains("繁体"));
    }

    [Fact]
    public void A_title_inside_a_notice_starts_the_form_after_it()
    {
        var r = Read("各乡镇财政所:根据文件精神,现下达资金35万元,附件:1.资金安排表2.秀屿区水利专项资金绩效目标表莆田市秀屿区财政局2025年9月19日" +
                     "附件2秀屿区水利专项资金绩效目标表项目名称省级第七批水利专项资金主管部门秀屿区水利局资金情况(万元)资金总额35\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("省级第七批水利专项资金", form.ProjectName);
        Assert.Equal("秀屿区水利局", form.Department);
        Assert.Equal(35m, form.Funds.AnnualTotal);
    }

    [Fact]
    public void Fund_figures_that_ran_together_are_split_by_the_header_and_the_arithmetic_and_reported_as_a_guess()
    {
        // 10 + 10 + 100% + 20: 10 ÷ 10 = 100%, and 20 points at 100% imply a whole weight of 20.
        var r = Read("2020年度水土保持监测项目绩效自评表单位名称:黄冈市水保所项目名称水土保持监测主管部门黄冈市水利局" +
                     "预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额1010100%20" +
                     "一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分产出指标质量指标监测数据必须合格100%100%10\n");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        var total = Assert.Single(form.Funds.Rows);
        Assert.Equal((10m, 10m, 100m, 20m), (total.AdjustedBudget, total.Executed, total.ExecutionRate, total.Score));
        Assert.Contains(form.Warnings, w => w.Message.Contains("1010100%") && w.Message.Contains("推测"));
        var row = Assert.Single(form.Indicators);
        Assert.Equal(("监测数据必须合格", "100%", "100%", 10m), (row.Name, row.Target!.Text, row.Actual!.Text, row.Score));
    }

    [Fact]
    public void A_weight_that_ran_into_the_target_is_split_when_the_score_frames_it()
    {
        var r = Read("绩效目标自评表(2022年度)项目名称小型水库水标尺项目主管部门中江县水利局实施单位中江县水利局" +
                     "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施" +
                     "产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10质量指标项目(工程)验收合格率20100%100%20\n");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal(2, form.Indicators.Count);
        var first = form.Indicators[0];
        Assert.Equal(("安装坡面水标尺", 10m, "≥266米", "≥266米", 10m), (first.Name, first.Weight, first.Target!.Text, first.Actual!.Text, first.Score));
        var second = form.Indicators[1];
        Assert.Equal(("项目(工程)验收合格率", 20m, "100%", 20m), (second.Name, second.Weight, second.Target!.Text, second.Score));
        Assert.Contains(form.Warnings, w => w.Message.Contains("20100%") && w.Message.Contains("推测"));
    }

    [Fact]
    public void Numbers_in_a_text_with_separators_are_never_split()
    {
        var r = Read("2023年度项目支出绩效自评表\n项目名称 道路养护\n主管部门 交通局\n一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分\n" +
                     "产出指标 数量指标 养护里程 10 100 100 10\n评分等级 优\n");

        var row = Assert.Single(Assert.Single(r.Forms).Indicators);
        Assert.Equal(("100", "100", 10m, 10m), (row.Target!.Text, row.Actual!.Text, row.Weight, row.Score));
        Assert.DoesNotContain(r.Forms[0].Warnings, w => w.Message.Contains("推测"));
    }

    [Fact]
    public void An_amount_written_with_text_is_read_in_the_forms_unit_with_a_warning()
    {
        var r = Read("2022年项目绩效目标申报表\n项目名称 高标准农田\n资金情况(万元)\n年度资金总额 854万854万(高标准农田建设400万元)\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal(MoneyUnit.WanYuan, form.Funds.Unit);
        Assert.Equal(854m, form.Funds.AnnualTotal);
        Assert.Contains(form.Warnings, w => w.Message.Contains("写有文字") && w.Message.Contains("854万元"));
    }

    [Fact]
    public void An_amount_in_wan_on_a_form_in_yuan_is_converted()
    {
        var r = Read("2022年项目绩效目标申报表\n项目名称 高标准农田\n项目资金(元)\n年度资金总额 50万\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal(MoneyUnit.Yuan, form.Funds.Unit);
        Assert.Equal(500000m, form.Funds.AnnualTotal);
    }

    [Fact]
    public void An_empty_budget_cell_shifts_no_figure_into_another_column()
    {
        // 年初预算数 is empty: the rate (a percentage) still goes to 执行率, the figures to their heads.
        var r = Read("| 2023年度项目支出绩效自评表 | | | | | | |\n| 项目名称 | 道路养护 | | | | | |\n" +
                     "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n" +
                     "| 年度资金总额 | | 251.89 | 251.89 | 10 | 100% | 10 |\n| 评分等级 | 优 | | | | | |\n");

        var total = Assert.Single(Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms)).Funds.Rows);
        Assert.Equal((null, 251.89m, 251.89m, 10m, 100m, 10m),
            (total.InitialBudget, total.AdjustedBudget, total.Executed, total.Weight, total.ExecutionRate, total.Score));
    }

    [Fact]
    public void A_table_without_title_or_header_is_read_as_a_fragment_and_said_to_be_one()
    {
        var r = Read("详情见附件(以下内容为附件图片识别)一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n" +
                     "产出指标 | 数量指标 | 完成护工培训任务 | 12500名 | 12166名 |\n");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.False(form.Complete);
        var row = Assert.Single(form.Indicators);
        Assert.Equal(("完成护工培训任务", "12500名", "12166名"), (row.Name, row.Target!.Text, row.Actual!.Text));
        Assert.Contains(r.Problems, p => !p.IsError && p.Message.Contains("片段"));
    }

    [Fact]
    public void Header_words_never_become_an_indicator_row_or_part_of_a_name()
    {
        var r = Read("2021年项目支出绩效目标申报表\n项目名称 特困家庭再扶助\n一级指标 二级指标 三级指标 指标值(包含数字及文字描述)\n" +
                     "产出指标 数量指标 扶助对象人数 63人\n");

        var row = Assert.Single(Assert.Single(r.Forms).Indicators);
        Assert.Equal(("扶助对象人数", "63人"), (row.Name, row.Target!.Text));
    }
}
