using Jixiao.Core.Model;
using Jixiao.Formats.Import;

namespace Jixiao.Tests.Import;

/// <summary>
/// How the reader reads a form's fields (header, goals, funds, kind, completeness) from layouts it was not built on:
/// each input is a small hand-written text whose reading is worked out by hand, and each test names the rule.
/// </summary>
public class ReaderFieldTests
{
    private static ImportResult Read(string text) => FormImporter.ImportText(text, "t.txt");

    [Fact]
    public void A_bracketed_year_after_a_title_in_glued_text_is_the_forms_year()
    {
        // Cells ran together: the year in brackets behind the title is the title's, not a value of the header.
        var r = Read("专项转移支付绩效目标表(2023年度)项目名称宗教管理经费补助主管部门龙岩市民族与宗教事务局" +
                     "一级指标二级指标三级指标指标值产出指标数量指标补助宗教场所数量≥5个\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(2023, form.Year);
        Assert.Equal("宗教管理经费补助", form.ProjectName);
    }

    [Fact]
    public void A_label_of_its_own_ending_in_a_colon_ends_the_field_before_it_in_spaced_text()
    {
        // `项目经办人:` is no label the reader knows, but a cell ending in a colon is a label: it is not the department.
        var r = Read("绩效目标表\n单位信息: 324001-甘孜州市场监督管理局机关 项目名称: 食品安全工作\n" +
                     "主管部门: 324-甘孜州市场监督管理部门 项目经办人: 张三\n" +
                     "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 开展专项整治 ≥2次\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal("324-甘孜州市场监督管理部门", form.Department);
        Assert.Equal("324001-甘孜州市场监督管理局机关", form.ImplementingUnit);
    }

    [Fact]
    public void A_code_joined_to_a_name_by_a_dash_in_glued_text_stays_with_the_name()
    {
        var r = Read("项目支出绩效自评表(2022年度)项目名称委托业务项目主管部门219-池州市贵池区棠溪镇人民政府" +
                     "实施单位219001-池州市贵池区棠溪镇人民政府一级指标二级指标三级指标年度指标值实际完成值分值得分" +
                     "产出指标数量指标委托业务项目数量≥50个50个88\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal("219-池州市贵池区棠溪镇人民政府", form.Department);
        Assert.Equal("219001-池州市贵池区棠溪镇人民政府", form.ImplementingUnit);
    }

    [Fact]
    public void A_money_unit_in_brackets_after_a_space_is_the_note_of_the_funds_label_before_it()
    {
        // `项目资金 (万元)`: the funds block opens there; the unit is not part of the implementing unit's name.
        var r = Read("项目支出绩效自评表(2022年度)项目名称委托业务项目主管部门池州市贵池区棠溪镇人民政府" +
                     "实施单位池州市贵池区棠溪镇财政所项目资金 (万元)年初预算数全年预算数全年执行数分值执行率得分" +
                     "年度资金总额 100 100 90 10 90% 9 一级指标二级指标三级指标年度指标值实际完成值分值得分" +
                     "产出指标数量指标委托业务项目数量≥50个50个88\n");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal("池州市贵池区棠溪镇财政所", form.ImplementingUnit);
        Assert.Equal(MoneyUnit.WanYuan, form.Funds.Unit);
        var total = Assert.Single(form.Funds.Rows);
        Assert.Equal((100m, 100m, 90m, 10m, 90m, 9m), (total.InitialBudget, total.AdjustedBudget, total.Executed, total.Weight, total.ExecutionRate, total.Score));
    }

    [Fact]
    public void Goal_texts_printed_one_per_paragraph_under_their_heads_are_one_goal_each()
    {
        // A Word file's text: each cell a paragraph, a blank line between; two heads, two texts, neither ending a
        // sentence. The second text is the second head's, not the rest of the first.
        var r = Read(string.Join('\n',
            "项目绩效目标表", "", "项目名称", "", "雾炮车降尘服务", "", "长期目标", "", "年度目标", "",
            " 持续改善我市空气质量", "", "通过采购雾炮车抑尘降尘服务,改善空气质量", "", "年度绩效指标", "",
            "一级指标", "", "二级指标", "", "三级指标", "", "指标值", "", "产出指标", "", "数量指标", "", "雾炮车数量", "", "10台", ""));

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("持续改善我市空气质量", form.OverallGoal);
        Assert.Equal("通过采购雾炮车抑尘降尘服务,改善空气质量", form.AnnualGoal);
    }
    // A Gansu 省级部门预算项目支出绩效目标表 as glued text: 二级项目名称, 项目总投资 / 预算申报数, 政策依据, 年度绩效目标.
    private const string GansuGlued =
        "省级部门预算项目支出绩效目标表2023年度一级项目名称文化事业发展专项资金二级项目名称博物馆免费开放补助资金" +
        "项目主管部门嘉峪关市文化和旅游局项目总投资20万元预算申报数18万元项目实施单位嘉峪关城市博物馆政策依据甘财科[2022]78号" +
        "其他依据需要说明的其他问题年度绩效目标进一步提高博物馆运行效率和免费开放服务水平" +
        "一级指标二级指标三级指标指标目标值产出指标数量指标免费开放天数=300天\n";

    [Fact]
    public void A_year_printed_right_after_a_title_in_glued_text_is_the_forms_year()
    {
        var form = Assert.Single(Read(GansuGlued).Forms);
        Assert.Equal(2023, form.Year);
    }

    [Fact]
    public void Total_investment_and_the_amount_applied_for_are_the_projects_and_the_years_funds()
    {
        var form = Assert.IsType<TargetDeclaration>(Assert.Single(Read(GansuGlued).Forms));
        Assert.Equal(MoneyUnit.WanYuan, form.Funds.Unit);
        Assert.Equal((20m, 18m), (form.Funds.ProjectTotal, form.Funds.AnnualTotal));
    }

    [Fact]
    public void A_label_the_reader_keeps_nothing_from_ends_the_header_field_before_it()
    {
        // `政策依据` and `其他依据` carry nothing the model keeps; their text is not the implementing unit's name.
        var form = Assert.Single(Read(GansuGlued).Forms);
        Assert.Equal("嘉峪关城市博物馆", form.ImplementingUnit);
        Assert.Equal("博物馆免费开放补助资金", form.ProjectName);
    }

    [Fact]
    public void A_goal_head_with_its_text_after_it_on_one_line_gives_the_text_without_the_head()
    {
        var form = Assert.IsType<TargetDeclaration>(Assert.Single(Read(GansuGlued).Forms));
        Assert.Equal("进一步提高博物馆运行效率和免费开放服务水平", form.AnnualGoal);
    }

    [Fact]
    public void A_budget_amount_beside_the_project_name_is_the_years_funds_and_ends_the_name()
    {
        var r = Read("项目支出绩效目标表\n项目名称 | 全市文物保护专项经费 | 预算金额 | 36万元 |\n" +
                     "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 文物安全巡查频次 | ≥8次 |\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("全市文物保护专项经费", form.ProjectName);
        Assert.Equal(36m, form.Funds.AnnualTotal);
        Assert.Equal(MoneyUnit.WanYuan, form.Funds.Unit);
    }

    [Theory]
    [InlineData("资金名称")]
    [InlineData("项目支出名称")]
    [InlineData("专项(项目)名称")]
    [InlineData("转移支付(项目)名称")]
    public void Provincial_names_for_the_project_name_label_give_the_project_name(string label)
    {
        var r = Read($"项目支出绩效目标表\n{label}\t就业补助资金\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t补贴人数\t≥100人\n");

        Assert.Equal("就业补助资金", Assert.Single(r.Forms).ProjectName);
    }

    [Fact]
    public void A_transfer_payments_authorities_by_level_are_not_taken_for_the_department_and_the_fund_user_is_the_implementing_unit()
    {
        // 中央主管部门 / 自治区主管部门: which one is the form's 主管部门 is not printed; 资金使用单位 spends the money.
        var r = Read("专项资金绩效自评表(2023年度)专项(项目)名称彩票市场调控资金中央主管部门中国福利彩票发行管理中心" +
                     "自治区主管部门宁夏回族自治区民政厅资金使用单位宁夏福利彩票发行中心" +
                     "一级指标二级指标三级指标年度指标值实际完成值分值得分产出指标数量指标系统改版数量≥1套1套1010\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal("彩票市场调控资金", form.ProjectName);
        Assert.Null(form.Department);
        Assert.Equal("宁夏福利彩票发行中心", form.ImplementingUnit);
    }

    [Fact]
    public void A_file_whose_last_line_opens_a_bracket_it_never_closes_is_cut_off()
    {
        const string form = "项目绩效目标表\n项目名称 | 绿化养护 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n" +
                            "产出指标 | 数量指标 | 养护面积 | ≥100亩 |\n满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥95% |\n";

        Assert.True(Assert.Single(Read(form + "最近年度绩效评价情况 | 优秀 | 附上一年度评价报告列示的主要问题 (见附件) |\n").Forms).Complete);
        var cut = Assert.Single(Read(form + "最近年度绩效评价情况 | 优秀 | 附上一年度评价报告列示的主要问题 (项目库里直接录\n").Forms);
        Assert.False(cut.Complete);
    }

    // 重庆's 一般性项目绩效目标表 exported one cell per line: each label on a line, its value on the next.
    private static string ChongqingCellPerLine(string tail) => string.Join('\n',
        "2023年一般性项目绩效目标表(一级项目) |", "编制单位: |", "813-潼南区五桂镇 |", "单位:万元 |",
        "专项资金名称 |", "在职村村干部补助 |", "业务主管部门 |", "813-潼南区五桂镇 |", tail);

    [Fact]
    public void The_budget_the_project_summary_and_the_years_goal_of_a_chongqing_declaration_are_labels_of_their_own()
    {
        // 当年预算 is the year's funds, 项目概况 / 立项依据 carry nothing the model keeps, 当年绩效目标 is the annual goal:
        // none of them is part of the department's name before them.
        var r = Read(ChongqingCellPerLine(string.Join('\n',
            "当年预算 |", "9.31 |", "项目概况 |", "对村民委员会的补助 |", "立项依据 |", "渝财(2022)00001 |",
            "当年绩效目标 |", "按月及时足额发放在职村社干部的工资。 |", "绩效指标 |", "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |",
            "产出指标 |", "数量指标 |", "发放人数 |", "≥80人 |", "")));

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("813-潼南区五桂镇", form.Department);
        Assert.Equal(9.31m, form.Funds.AnnualTotal);
        Assert.Equal("按月及时足额发放在职村社干部的工资。", form.AnnualGoal);
    }

    [Fact]
    public void Office_rows_and_dates_of_a_declarations_header_end_the_value_before_them()
    {
        // 归口业务科室, 是否政府采购, 开始日期 / 结束日期: labels of their own, not part of the implementing unit.
        var r = Read("项目支出绩效目标表 |\n( 2021 年度) |\n项目名称 | 松材线虫病除治 | 项目负责人及电话 | 吕泽 |\n" +
                     "主管部门 | 区林业局 | 实施单位 | 接龙镇农业服务中心 |\n归口业务科室 | 森防站 | 是否政府采购 | 是 |\n" +
                     "开始日期 | 2021-01-01 | 结束日期 | 2021-12-31 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 除治面积 | ≥100亩 |\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("接龙镇农业服务中心", form.ImplementingUnit);
        Assert.Equal(new DateOnly(2021, 1, 1), form.StartDate);
        Assert.Equal(new DateOnly(2021, 12, 31), form.EndDate);
    }

    [Fact]
    public void The_medium_term_and_the_years_budget_totals_are_the_projects_and_the_years_funds()
    {
        // 山西's 项目预算资金(万元) | 中期预算资金总额 | 年度预算资金总额: the medium-term cell is empty here.
        var r = Read("项目支出绩效目标申报表 |\n2021年 |\n项目名称 | 农村路工作经费 |\n主管部门及代码 | 经济建设科 | 实施单位 | 阳泉市公路服务中心 |\n" +
                     "项目预算资金(万元) | 中期预算资金总额 | | 年度预算资金总额 | 25 |\n项目设立必要性 | 前期勘察设计审批 |\n" +
                     "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 检查次数 | ≥4次 |\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal(25m, form.Funds.AnnualTotal);
        Assert.Null(form.Funds.ProjectTotal);
        Assert.Equal(MoneyUnit.WanYuan, form.Funds.Unit);
    }

    [Fact]
    public void The_start_of_a_label_on_the_files_last_line_is_a_cut_label_not_part_of_the_value()
    {
        var form = Assert.Single(Read(ChongqingCellPerLine("当年预 |\n")).Forms);
        Assert.Equal("813-潼南区五桂镇", form.Department);
    }

    [Fact]
    public void Two_goal_texts_in_one_row_take_the_goal_heads_in_order_and_another_labels_text_is_no_goal()
    {
        // The heads stand right of the side label's cells, the texts start at the first column: column by column
        // both would be the first head's. The 2.项目实施内容及过程概述 row's text is that label's, not a goal.
        var r = Read("部门预算项目支出绩效自评表(2022年度) |\n项目名称 | 执法人员制式服装预算经费 |\n" +
                     "主管部门 | 大英县文化广播电视和旅游局 | 实施单位 | 大英县文化市场综合行政执法大队 |\n" +
                     "项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 |\n" +
                     "购买执法队9名工作人员配备制式服装。 | 配备制式服装的人员数量9人。 |\n" +
                     "2.项目实施内容及过程概述 | 由分管领导牵头组织制订服装购买方案。 |\n" +
                     "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n产出指标 | 数量指标 | 服装数量 | 9套 | 9套 | 10 | 10 |\n");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal("购买执法队9名工作人员配备制式服装。", form.ExpectedGoal);
        Assert.Equal("配备制式服装的人员数量9人。", form.ActualOutcome);
    }

    [Fact]
    public void A_fund_columns_letters_and_formula_are_not_part_of_its_name()
    {
        // `预算执行率(B/A)`: the column is the rate, its note says how it is computed.
        var r = Read("项目支出绩效自评表(2021年度) |\n项目名称 | 普通省道公路建设 |\n项目资金(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) |\n" +
                     "年度资金总额 | 4000 | 3800 | 95% |\n一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n" +
                     "产出指标 | 数量指标 | 建设里程 | 32.1公里 | 32.1公里 |\n");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal((4000m, 3800m, 95m), (form.Funds.Total?.AdjustedBudget, form.Funds.Total?.Executed, form.Funds.Total?.ExecutionRate));
    }

    [Fact]
    public void Nothing_spent_at_zero_percent_is_no_evidence_for_where_a_run_of_fund_figures_is_cut()
    {
        // `40004000100%` under 全年预算数 | 全年执行数 | 执行率: 4000 | 4000 | 100% holds, and so does 400040001 | 0 | 0%
        // (as any budget would); only the first is evidence, so it is taken.
        var r = Read("项目支出绩效自评表(2021年度)项目名称普通省道公路建设主管部门阆中市交通运输局\n" +
                     "项目资金(万元)\n全年预算数(A)全年执行数(B)执行率(B/A)\n年度资金总额:40004000100%\n" +
                     "一级指标二级指标三级指标年度指标值实际完成值产出指标数量指标建设里程32.1公里32.1公里\n");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal((4000m, 4000m, 100m), (form.Funds.Total?.AdjustedBudget, form.Funds.Total?.Executed, form.Funds.Total?.ExecutionRate));
    }

    [Fact]
    public void Inner_mongolias_funds_block_heads_and_columns_end_the_implementing_unit_and_give_the_amounts()
    {
        // 投入目标 (万元) opens the funds; 资金来源 | 年初安排金额(万元) head its columns; `其中:` and 财政拨款数 are two cells.
        var r = Read("项目支出绩效目标表\n项目名称 再生资源回收市场管理经费\n实施单位 (433001)乌海市供销合作社联合社\n" +
                     "投入目标 (万元) 资金来源 年初安排金额(万元)\n资金总额 3\n其中: 财政拨款数 3\n其他资金 0\n" +
                     "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 回收站点 ≥5个\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("(433001)乌海市供销合作社联合社", form.ImplementingUnit);
        Assert.Equal(MoneyUnit.WanYuan, form.Funds.Unit);
        Assert.Equal((3m, 3m, 0m), (form.Funds.AnnualTotal, form.Funds.CurrentYearAppropriation, form.Funds.Other));
    }

    [Fact]
    public void A_funds_block_headed_funds_invested_ends_the_implementing_unit()
    {
        var r = Read("项目支出绩效自评表(2024年度) |\n项目名称 | 医疗救助 |\n主管部门 | 医疗保障局 | 实施单位 | 医疗保障局 |\n" +
                     "资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 执行率(B/A) |\n年度资金总额 | 100 | 90 | 90% |\n" +
                     "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n产出指标 | 数量指标 | 救助人次 | 11万人次 | 11万人次 |\n");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal("医疗保障局", form.ImplementingUnit);
        Assert.Equal((100m, 90m), (form.Funds.Total?.AdjustedBudget, form.Funds.Total?.Executed));
    }

    [Theory]
    [InlineData("项目来源", "本级申报项目")]
    [InlineData("补助项目/区域", "相关乡镇")]
    [InlineData("区级财政部门", "陈仓区财政局")]
    [InlineData("归口科室", "(08)经济贸易科")]
    public void Labels_the_model_keeps_nothing_from_end_the_value_before_them(string label, string value)
    {
        var r = Read($"项目支出绩效目标表\n项目名称\t农村饮水安全巩固提升工程专项\n{label}\t{value}\n" +
                     "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t受益人数\t≥9200人\n");

        Assert.Equal("农村饮水安全巩固提升工程专项", Assert.Single(r.Forms).ProjectName);
    }

    [Fact]
    public void Spacing_lost_as_question_marks_between_a_labels_letters_is_spacing()
    {
        // A mirror re-encoded the spread-out label `绩 效 目 标`; the runs of `?` are the lost spaces.
        var r = Read("项目绩效目标表 | |\n(2020年度) | |\n项目名称 | 环境卫生清洁费用 |\n" +
                     "绩?????? 效?????? 目???? 标 | 开展我区环境卫生治理工作。 |\n" +
                     "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 清扫保洁道路条数 | 485条 |\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("开展我区环境卫生治理工作。", form.AnnualGoal);
    }

    // 安徽's 转移支付项目绩效目标自评表: authorities per level, fund figures printed with their unit.
    private const string TransferSelfEvaluation =
        "医疗救助补助资金转移支付项目绩效目标自评表 | |\n(2024年度) | |\n转移支付(项目)名称 | 医疗救助补助资金 |\n" +
        "中央主管部门 | 国家医疗保障局 |\n地方主管部门 | 霍山县医疗保障局 | 资金使用单位 | 霍山县医疗保障局 |\n" +
        "资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) |\n年度资金总额: | 3359.62万 | 3359.62万 | 100% |\n" +
        "一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 |\n产出指标 | 数量指标 | 享受医疗救助人次 | ≥50000人次 | 110406人次 |\n";

    [Fact]
    public void A_fund_figure_printed_with_its_unit_is_a_figure_of_the_row()
    {
        var form = Assert.IsType<SelfEvaluation>(Assert.Single(Read(TransferSelfEvaluation).Forms));
        Assert.Equal((3359.62m, 3359.62m, 100m), (form.Funds.Total?.AdjustedBudget, form.Funds.Total?.Executed, form.Funds.Total?.ExecutionRate));
    }

    [Fact]
    public void A_transfer_payments_self_evaluation_takes_the_local_authority_for_its_department()
    {
        Assert.Equal("霍山县医疗保障局", Assert.Single(Read(TransferSelfEvaluation).Forms).Department);
    }

    [Fact]
    public void An_attachment_list_after_the_table_ends_the_form_and_holds_no_row()
    {
        // `附件:` with the colon heads the article's attached files: the table above has ended, the file's name is
        // no indicator, and a table that ended so is not cut.
        var r = Read("绩效目标表\n(2020年度)\n项目名称薄弱学校改造补助资金\n一级指标二级指标指标内容指标值\n" +
                     "产出指标数量指标学校改造覆盖率100%\n效益指标可持续影响指标设施使用年限≥10年\n\n附件:\n改造学校名单.xlsx\n");

        var form = Assert.Single(r.Forms);
        Assert.Equal(["学校改造覆盖率", "设施使用年限"], form.Indicators.Select(i => i.Name).ToArray());
        Assert.True(form.Complete);
    }

    [Fact]
    public void Blank_lines_a_page_pads_the_title_with_do_not_count_among_the_lines_the_year_is_looked_for_in()
    {
        // A web page: the title, a blank line, the page's date line, another blank, then the form's year. The year is
        // on the third printed line under the title; the page's date is no year of the form.
        var r = Read("车购税补助资金绩效目标自评表\n\n时间:2022-08-17 | 来源:交通运输局\n\n(2021年度)\n" +
                     "项目名称 | 普通省道公路建设\n一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n" +
                     "产出指标 | 数量指标 | 建设里程 | 32.1公里 | 32.1公里 | 20 | 20\n");

        Assert.Equal(2021, Assert.Single(r.Forms).Year);
    }

    [Fact]
    public void A_fund_columns_points_in_brackets_are_not_part_of_its_name()
    {
        // `分值(10分)`: the head prints the points its cells hold; it is the 分值 column all the same.
        var r = Read("项目支出绩效自评表\n项目名称 | 村级运转\n项目资金(万元) | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 |\n" +
                     "年度资金总额: | 120 | 108 | 10 | 9 |\n一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n" +
                     "产出指标 | 数量指标 | 补助村数 | 12个 | 12个 | 20 | 20 |\n");

        var total = Assert.Single(Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms)).Funds.Rows);
        Assert.Equal((120m, 108m, 10m, 9m), (total.InitialBudget, total.Executed, total.Weight, total.Score));
    }

    // Added in stop 20 (fields).

    [Theory]
    [InlineData("年度本级预算金额", false)]
    [InlineData("当年度金额", false)]
    [InlineData("本年度申请市财政预算资金(万元)", false)]
    [InlineData("总金额", true)]
    [InlineData("中期市财政预算(万元)", true)]
    [InlineData("中期资金总额:", true)]
    public void Provincial_names_for_the_projects_and_the_years_budget_give_their_amount_and_end_the_name(string label, bool project)
    {
        var r = Read($"项目支出绩效目标表 | |\n单位:万元 | |\n项目名称 | 镇际联网路升级改造 | {label} | 919.00 |\n" +
                     "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 结算项目数 | 3个 |\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("镇际联网路升级改造", form.ProjectName);
        Assert.Equal(919m, project ? form.Funds.ProjectTotal : form.Funds.AnnualTotal);
    }

    [Fact]
    public void Guangdongs_fund_user_and_period_labels_end_the_department_and_name_the_implementing_unit()
    {
        // One cell per paragraph: 用款单位 spends the money; 实施期限 / 起始年度 / 到期年度 are labels of their own.
        var r = Read(string.Join("\n\n", "绩效目标表", "项目名称", "助老颐养公益项目资金", "主管部门", "肇庆市民政局", "用款单位",
            "肇庆市民政局、肇庆高新区社会工作局", "实施期限", "起始年度", "2024", "到期年度", "2024", "预算金额", "总金额", "50万元",
            "当年度金额", "50万元", "总体绩效目标", "当年度目标", "持续提升老年人生活安全感。", "绩效指标", "一级指标", "二级指标", "三级指标",
            "当年度指标值", "产出指标", "数量指标", "资助项目数", "2个") + "\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("肇庆市民政局", form.Department);
        Assert.Equal("肇庆市民政局、肇庆高新区社会工作局", form.ImplementingUnit);
        Assert.Equal((50m, 50m), (form.Funds.ProjectTotal, form.Funds.AnnualTotal));
        Assert.Equal("持续提升老年人生活安全感。", form.AnnualGoal);
    }

    [Fact]
    public void A_goal_head_with_its_period_in_brackets_is_the_head_and_two_texts_left_of_the_heads_take_them_in_order()
    {
        // The 总体目标 side label is merged over two rows: the texts' row starts at the first column, left of both heads.
        var r = Read("财政项目支出绩效目标批复表 | |\n( 2019 年度) | |\n项目名称 | 镇际联网路升级改造工程 |\n" +
                     "总体目标 | 中期滚动目标(2019年--2021年) | 年度目标 |\n新建或改造道路29个。 | 完成3个项目结算。 |\n" +
                     "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 结算项目数 | 3个 |\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("新建或改造道路29个。", form.OverallGoal);
        Assert.Equal("完成3个项目结算。", form.AnnualGoal);
    }

    [Fact]
    public void One_goal_text_beside_the_blocks_side_label_is_a_declarations_goal_for_the_year()
    {
        var r = Read("2025年项目支出绩效目标表 | |\n项目支出名称 | 公共卫生服务专项 |\n项目绩效目标 | 完成上级分配的各项工作任务。 |\n" +
                     "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 培训人次 | ≥100人次 |\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("完成上级分配的各项工作任务。", form.AnnualGoal);
        Assert.Null(form.OverallGoal);
    }

    [Fact]
    public void The_indicator_sides_frame_label_after_a_goal_paragraph_is_no_goal_text()
    {
        var r = Read("项目绩效目标表\n项目名称 雾炮车降尘服务\n年度目标\n改善我市空气质量。\n\n绩效指标\n" +
                     "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 雾炮车数量 10台\n");

        var form = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms));
        Assert.Equal("改善我市空气质量。", form.AnnualGoal);
    }

    [Fact]
    public void The_first_of_two_appropriation_rows_under_a_project_column_is_the_projects()
    {
        // 安徽's 中期 / 年度 申报表: 中期资金总额 | 170 | 年度资金总额 | 340, each with its 其中:财政拨款 and 其他资金.
        var r = Read("项目支出绩效目标申报表 | |\n( 2023 年度) | |\n项目名称 | 城管执法车辆维修燃油费 |\n" +
                     "项目资金 (万元) | 中期资金总额: | 170.00 | 年度资金总额: | 340.00 |\n其中:财政拨款 | 150.00 | 其中:财政拨款 | 300.00 |\n" +
                     "其他资金 | 20.00 | 其他资金 | 40.00 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 维修车辆数 | ≥90辆 |\n");

        var f = Assert.IsType<TargetDeclaration>(Assert.Single(r.Forms)).Funds;
        Assert.Equal((170m, 150m, 20m), (f.ProjectTotal, f.ProjectFiscal, f.ProjectOther));
        Assert.Equal((340m, 300m, 40m), (f.AnnualTotal, f.CurrentYearAppropriation, f.Other));
    }

    [Fact]
    public void A_cell_with_a_figure_beside_it_in_a_table_labels_the_figure_and_ends_the_value_before_it()
    {
        // `部门预算` is no label the reader knows; the figure after it says it is one.
        var r = Read("2025年项目支出绩效目标表 | |\n金额单位:万元 | |\n项目支出名称 | 公共卫生服务专项 | 部门预算 | 70.00 |\n" +
                     "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 培训人次 | ≥100人次 |\n");

        Assert.Equal("公共卫生服务专项", Assert.Single(r.Forms).ProjectName);
    }

    // 江西's 自评表 from a spreadsheet, all on one line: 实施单位 printed after the funds block's head, the rate's head
    // wrapped over words (`执行率(全年 执行数/全年 预算数)`).
    private const string JiangxiSpreadsheet =
        "2021年司法业务经费绩效自评表 -.xls\n附件1 项目支出绩效自评表 ( 2021 年度) 项目名称 司法业务经费 主管部门 上饶市司法局 " +
        "项目资金(万元) 实施单位 上饶市法律援助中心 年初预算数 全年预算数 全年执行数 分值 执行率(全年 执行数/全年 预算数) " +
        "年度资金总额: 620.82 620.82 610 10 98% 9.8 其他资金\n";

    [Fact]
    public void A_percentage_among_fund_figures_is_the_rate_when_the_rates_head_was_not_read()
    {
        var form = Assert.IsType<SelfEvaluation>(Assert.Single(Read(JiangxiSpreadsheet).Forms));
        Assert.Equal(98m, form.Funds.Total?.ExecutionRate);
        Assert.Equal((610m, 10m), (form.Funds.Total?.Executed, form.Funds.Total?.Weight));
    }

    [Fact]
    public void A_header_label_printed_after_the_funds_blocks_head_gives_its_field()
    {
        var form = Assert.IsType<SelfEvaluation>(Assert.Single(Read(JiangxiSpreadsheet).Forms));
        Assert.Equal("上饶市法律援助中心", form.ImplementingUnit);
        Assert.Equal((620.82m, 620.82m), (form.Funds.Total?.InitialBudget, form.Funds.Total?.AdjustedBudget));
    }

    // 山东's 区级 自评表 in PDF text: the goals' head line starts with the block's side label, the two goal cells share
    // one line, and the funds' side label is wrapped over three lines above its column heads.
    private static string ShandongText(string goals) =>
        "区级部门预算项目支出绩效自评表\n(2019年度)\n主管部门(盖章): 单位:万元\n项目名称 商品和服务支出 主管部门 济南市历城区文化和旅游局\n" +
        "项目实施单位 济南市历城区文化馆 项目负责人 田延青\n年度总体目标 年初设定目标 年度总体目标完成情况综述\n" + goals +
        "项目预算\n执行情况\n(10分)\n  年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分 得分计算方法\n" +
        "年度资金总额 45 40 10 88.9% 8.9 执行率*该指标分值,最高不得超过分值上限。\n其中:财政拨款 45 40 - - -\n" +
        "一级指标 二级指标 三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分\n(50分)\n数量指标 全年免费开放 100% 100% 12.5 12.5\n";

    [Fact]
    public void The_funds_block_after_the_goals_opens_at_its_budget_heads_under_a_wrapped_side_label()
    {
        var form = Assert.IsType<SelfEvaluation>(Assert.Single(Read(ShandongText("全馆免费开放。 全年免费开放,确保群众文化工作开展。\n")).Forms));
        var total = form.Funds.Total;
        Assert.Equal((45m, 40m, 10m, 88.9m, 8.9m), (total?.InitialBudget, total?.Executed, total?.Weight, total?.ExecutionRate, total?.Score));
        Assert.DoesNotContain("执行情况", form.ActualOutcome ?? "");
    }

    [Fact]
    public void Two_goal_texts_on_one_line_under_two_heads_are_split_at_the_one_run_of_spaces()
    {
        var form = Assert.IsType<SelfEvaluation>(Assert.Single(Read(ShandongText("全馆免费开放 全年免费开放,确保群众文化工作开展。\n")).Forms));
        Assert.Equal("全馆免费开放", form.ExpectedGoal);
        Assert.Equal("全年免费开放,确保群众文化工作开展。", form.ActualOutcome);
    }

    [Fact]
    public void A_title_in_a_list_of_attachments_that_a_later_title_repeats_is_no_form()
    {
        // `2.…绩效目标表` names the attachment; the allocation table before the form has a 项目名称 column but no indicators.
        var r = Read(string.Join('\n', "附件:1.2022年水利专项资金安排表", "2.2022年水利专项资金绩效目标表", "安溪县水利局", "附件1",
            "2022年水利专项资金安排表", "序号 |", "项 目 名 称 |", "金额 |", "1 |", "排洪工程 |", "20 |", "附件2",
            "2022年水利专项资金绩效目标表", "项目名称 |", "水利专项资金 |", "主管部门(单位)名称 |", "安溪县水利局 |", "一级指标 |",
            "二级指标 |", "三级指标 |", "指标值 |", "产出指标 |", "数量指标 |", "工程数 |", "7个 |", ""));

        var form = Assert.Single(r.Forms);
        Assert.Equal("水利专项资金", form.ProjectName);
        Assert.Equal(13, form.Source?.Line);
    }

    [Fact]
    public void A_self_evaluations_overall_goal_head_beside_the_actuals_heads_the_planned_goal()
    {
        // 四川's 转移支付 自评表: `总体目标完成情况` is the side label, `总体目标` the planned goal's head.
        var r = Read("(2021年度) | |\n转移支付(项目)名称 | 重大传染病防治项目 |\n项目资金 (万元) |\n全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) |\n" +
                     "年度资金总额: | 811.54 | 811.54 | 100% |\n总体目标完成情况 | 总体目标 | 全年实际完成情况 |\n" +
                     "为适龄儿童常规接种。 | 已为适龄儿童常规接种。 |\n绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 |\n" +
                     "产出指标 | 数量指标 | 接种率 | ≥90% | 95% |\n");

        var form = Assert.IsType<SelfEvaluation>(Assert.Single(r.Forms));
        Assert.Equal("为适龄儿童常规接种。", form.ExpectedGoal);
        Assert.Equal("已为适龄儿童常规接种。", form.ActualOutcome);
    }
}
