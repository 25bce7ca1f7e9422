using System.Text.Json.Nodes;
using Jixiao.Core.Model;
using Jixiao.Core.Regions;
using Jixiao.Core.Review;
using Jixiao.Core.Scoring;
using Jixiao.Formats.Profiles;
using Jixiao.Tests.Cli;
using Jixiao.Tests.Support;
using Xunit;
using static Jixiao.Tests.Support.FormBuilder;

namespace Jixiao.Tests.Scoring;

/// <summary>
/// Regional profiles: which province a form is from (its names), which profile fits its budget row, and that each
/// shipped regional profile scores a hand-made form to the total worked out by hand below.
/// </summary>
public class RegionalProfileTests
{
    static readonly ProfileCatalog Catalog = ProfileCatalog.Load(TestProfiles.ProfilesDirectory);

    static SelfEvaluation Named(string? department, string? unit, string project = "测试项目", int year = 2022) =>
        new() { Year = year, ProjectName = project, Department = department, ImplementingUnit = unit };

    /// <summary>A form of these units whose only fund row is the total: 年初 = 全年预算数, the printed 分值, 执行率 and 得分.</summary>
    static SelfEvaluation Budget(string? department, string? unit, int year, decimal budget, decimal executed,
        decimal? weight, decimal? rate, decimal? score)
    {
        var form = Named(department, unit, year: year);
        form.Funds.Rows.Add(Fund("年度资金总额", budget, budget, executed, weight, rate, score, 5));
        return form;
    }

    /// <summary>The 年度财政资金总额 row of corpus 009 as read by hand (expected.json): no 分值 cell.</summary>
    static SelfEvaluation Corpus009()
    {
        var form = Named("隆阳区农业农村局", "隆阳区土壤肥料工作站", "隆阳区2021年中央化肥减量增效示范县项目补助资金");
        form.Funds.Unit = MoneyUnit.WanYuan;
        form.Funds.Rows.Add(Fund("年度财政资金总额", null, 278.4449m, 30.00m, null, 10.77m, 2.16m, 19));
        form.Complete = false;
        return form;
    }

    // ---- region inference --------------------------------------------------------------------------------------

    [Fact]
    public void A_county_name_gives_its_province_with_the_word_and_the_fields_it_was_in()
    {
        var region = RegionInference.Infer(Corpus009());

        Assert.Equal("云南省", region.Province);
        var word = region.For("云南省").First();
        Assert.Equal("隆阳区", word.Place.Name);
        Assert.Equal("保山市", word.Place.Prefecture);
        Assert.Equal(PlaceLevel.County, word.Place.Level);
        Assert.Equal(["实施单位", "主管部门", "项目名称"], region.Evidence.Select(m => m.Field).Distinct());
        Assert.Contains("隆阳区", region.Describe());
        Assert.Contains("保山市", region.Describe());
    }

    [Theory]
    [InlineData("中共上海市委组织部", "上海市党建服务中心", "上海市")]
    [InlineData("廊坊市发改委", "廊坊市食品工程学校", "河北省")]
    [InlineData("黄冈市水利和湖泊局", "本单位", "湖北省")]
    [InlineData("青神县发展和改革局本级", "青神县发展和改革局", "四川省")]
    [InlineData("县农业农村局", "新疆生产建设兵团第一师阿拉尔市六团农业发展服务中心", "新疆维吾尔自治区")]
    [InlineData(null, "河北区教育局", "天津市")]                 // 河北区 is Tianjin's: the longest name wins over 河北
    [InlineData("海南州教育局", null, "青海省")]                 // 海南州 is Qinghai's, not 海南省
    [InlineData("北京市海淀区人民政府学院路街道办事处", null, "北京市")]
    public void The_province_is_read_from_the_unit_names(string? department, string? unit, string province)
    {
        Assert.Equal(province, RegionInference.Infer(Named(department, unit)).Province);
    }

    [Fact]
    public void A_name_two_provinces_share_is_left_open_until_another_name_settles_it()
    {
        var alone = RegionInference.Infer(Named("普陀区城市管理行政执法局执法大队", null));
        Assert.Null(alone.Province);
        Assert.Equal(["上海市", "浙江省"], alone.Candidates);
        Assert.Contains("可属", alone.Describe());

        var settled = RegionInference.Infer(Named("普陀区城市管理行政执法局执法大队", "上海市普陀区城市管理行政执法局执法大队"));
        Assert.Equal("上海市", settled.Province);
    }

    [Fact]
    public void A_place_in_the_project_name_weighs_less_than_the_units_own_names()
    {
        // 上海市 in the unit: 2 × 4 = 8; 云南省 in the project name: 1 × 4 = 4.
        var region = RegionInference.Infer(Named("中共上海市委组织部", "上海市党建服务中心", "对口支援云南省扶贫协作项目"));
        Assert.Equal("上海市", region.Province);
        Assert.Contains(region.Evidence, m => m.Place.Province == "云南省" && m.Field == "项目名称");
    }

    [Fact]
    public void Names_without_a_place_give_no_region_and_say_so()
    {
        var region = RegionInference.Infer(Named("县农业农村局", "农田建设服务中心", "高标准农田建设"));
        Assert.Null(region.Province);
        Assert.Empty(region.Evidence);
        Assert.Equal("未能从主管部门、实施单位和项目名称中认出省份", region.Describe());
    }

    [Fact]
    public void Every_province_of_the_table_is_a_region_a_profile_may_name()
    {
        Assert.Equal(31, PlaceNames.Provinces.Count);
        Assert.All(Catalog.Profiles, p => Assert.True(p.Province is not null || p.Region.StartsWith("全国"), p.Id));
        Assert.Equal(["北京市", "上海市", "湖北省", "四川省", "云南省"],
            Catalog.Profiles.Select(p => p.Province).OfType<string>().Distinct().OrderBy(PlaceNames.OrderOf));
    }

    // ---- choosing the profile ----------------------------------------------------------------------------------

    [Fact]
    public void Corpus_009s_20_point_score_gets_the_20_point_profile_and_no_error()
    {
        var form = Corpus009();
        var profile = Catalog.ForForm(form);

        Assert.Equal("yunnan-2022", profile.Id);
        Assert.True(profile.Selection!.Fits);
        // 30.00 ÷ 278.4449 = 10.774% → 10.77%; 20 × 10.77% = 2.154 → 2.15, within ±0.01 of the printed 2.16.
        var fit = Assert.Single(profile.Selection.Tried);
        Assert.Equal(WeightBasis.Confirmed, fit.Basis);
        Assert.Equal(2.15m, fit.ExpectedScore);
        Assert.Contains("隆阳区", profile.Selection.Reason);
        Assert.Contains("2.16", profile.Selection.Reason);

        var findings = Reviewer.Review(form, profile);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.DoesNotContain(findings, f => f.Code is "execution-score-mismatch" or "execution-weight-unconfirmed");
        Assert.Equal(2.15m, Scorer.Score(form, profile).ExecutionScore);
    }

    [Fact]
    public void Without_a_fitting_profile_the_20_point_score_is_a_warning_naming_the_weights_tried()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-profiles-").FullName;
        try
        {
            File.Copy(Path.Combine(TestProfiles.ProfilesDirectory, "national-default.json"), Path.Combine(dir, "national-default.json"));
            var profile = ProfileCatalog.Load(dir).ForForm(Corpus009());

            Assert.Equal("national-default", profile.Id);
            Assert.False(profile.Selection!.Fits);
            Assert.Contains("云南省没有评分方案", profile.Selection.Reason);

            var findings = Reviewer.Review(Corpus009(), profile);
            Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
            var warning = Assert.Single(findings, f => f.Code == "execution-weight-unconfirmed");
            Assert.Equal(Severity.Warning, warning.Severity);
            // 10 × 10.77% = 1.08 is what the one profile tried gives; 2.16 ÷ 10.77% = 20.0557 points.
            Assert.Contains("national-default 10 分（得分应为 1.08）", warning.Message);
            Assert.Contains("20.06", warning.Message);
            Assert.Equal(19, warning.Line);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_shanghai_form_keeps_its_profile_and_a_wrong_score_on_it_stays_an_error()
    {
        var form = SeedForms.S004PartyServiceFunds();
        var profile = Catalog.ForForm(form);
        Assert.Equal("shanghai-2024", profile.Id);
        Assert.Contains("上海市", profile.Selection!.Reason);

        // The form prints its weight (10.00): a score that does not follow from it is the unit's error.
        form.Funds.Total!.Score = 8.50m;
        form.TotalScore = 98.50m;
        var wrong = Catalog.ForForm(form);
        Assert.Equal("shanghai-2024", wrong.Id);
        Assert.Contains(Reviewer.Review(form, wrong), f => f.Code == "execution-score-mismatch" && f.Severity == Severity.Error);
    }

    [Fact]
    public void An_unknown_region_falls_back_to_the_national_profile_with_the_reason()
    {
        var form = Budget("县农业农村局", "农田建设服务中心", 2022, 50m, 45m, 10m, 90m, 9m);
        var profile = Catalog.ForForm(form);

        Assert.Equal("national-default", profile.Id);
        Assert.True(profile.Selection!.Fits);
        Assert.Contains("未能从主管部门、实施单位和项目名称中认出省份", profile.Selection.Reason);
        Assert.Contains("选用 national-default", profile.Selection.Reason);
    }

    [Fact]
    public void A_yunnan_form_printing_10_points_gets_a_10_point_profile_not_the_yunnan_one()
    {
        // 丽江市古城区 2020: 7.29 / 7.29 / 7.29, 分值 10.00, 100%, 得分 10.00 (the national layout).
        var form = Budget("丽江市自然资源和规划局", "丽江市古城区自然资源局", 2020, 7.29m, 7.29m, 10.00m, 100m, 10.00m);
        var profile = Catalog.ForForm(form);

        Assert.Equal("national-default", profile.Id);
        Assert.Contains("yunnan-2022（执行率 20 分）：表上分值 10，不同", profile.Selection!.Reason);
        Assert.DoesNotContain(Reviewer.Review(form, profile), f => f.Code == "execution-weight-departs");
    }

    [Fact]
    public void A_form_printing_whole_points_gets_the_template_profile_that_rounds_to_whole_points()
    {
        var profile = Catalog.ForForm(Corpus033());

        // national-default: 37.24 ÷ 43.2 = 86.20% → 10 × 86.20% = 8.62 ≠ 9. national-template-2020: 86% → 8.6 → 9.
        Assert.Equal("national-template-2020", profile.Id);
        Assert.Equal(["national-default", "national-template-2020"], profile.Selection!.Tried.Select(t => t.ProfileId));
        Assert.Equal(8.62m, profile.Selection.Tried[0].ExpectedScore);
        Assert.Equal(9m, profile.Selection.Tried[1].ExpectedScore);
        Assert.Contains("河北省没有评分方案", profile.Selection.Reason);

        var findings = Reviewer.Review(Corpus033(), profile);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        var sheet = Scorer.Score(Corpus033(), profile);
        Assert.Equal(98m, sheet.RuleBasedTotalScore);
        Assert.Equal(98m, sheet.TotalScore);
    }

    /// <summary>
    /// Corpus 033 (廊坊市食品工程学校 2019) as printed, read by hand: 43.2 / 43.2 / 37.24, 分值 10, 86%, 得分 9; 指标1
    /// 工程资金金额 43.2 → 37.24 scored 9 of 10, eight rows 100 → 100 scored 10 of 10; 9 + 9 + 80 = 98.
    /// </summary>
    static SelfEvaluation Corpus033()
    {
        var form = Named("廊坊市发改委", "廊坊市食品工程学校", "办公宿舍楼、食堂及餐厅暖通改造经费", 2019);
        form.Funds.Unit = MoneyUnit.WanYuan;
        form.Funds.Rows.Add(Fund("年度资金总额", 43.2m, 43.2m, 37.24m, 10m, 86m, 9m, 44));
        form.Indicators.Add(Row("指标1工程资金金额", "43.2", "37.24", 10m, 9m, "已完工,剩余3%尾款未付", "产出指标", "数量指标"));
        foreach (var (name, level1, level2) in new[]
                 {
                     ("指标1工程完工率", "产出指标", "质量指标"), ("指标2工程验收合格率", "产出指标", "质量指标"),
                     ("指标1项目完成及时率", "产出指标", "时效指标"), ("指标1成本控制率", "产出指标", "成本指标"),
                     ("指标1安全率", "效益指标", "经济效益指标"), ("指标1学校发展能力", "效益指标", "社会效益指标"),
                     ("指标1长期使用性", "效益指标", "可持续影响指标"), ("指标1学生满意度", "满意度指标", "服务对象满意度指标"),
                 })
            form.Indicators.Add(Row(name, "100", "100", 10m, 10m, null, level1, level2));
        form.TotalWeight = 100m;
        form.TotalScore = 98m;
        form.Grade = "优";
        return form;
    }

    [Fact]
    public void A_printed_weight_no_profile_has_is_scored_as_printed_with_a_warning_listing_the_profiles_tried()
    {
        var form = Budget("廊坊市发改委", "廊坊市食品工程学校", 2021, 10m, 9m, 20m, 90m, 18m);
        var profile = Catalog.ForForm(form);

        Assert.Equal("national-default", profile.Id);
        Assert.False(profile.Selection!.Fits);
        var findings = Reviewer.Review(form, profile);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        var departs = Assert.Single(findings, f => f.Code == "execution-weight-departs");
        Assert.Contains("national-default 10 分", departs.Message);
        Assert.Contains("national-template-2020 10 分", departs.Message);
        Assert.Equal(18m, Scorer.Score(form, profile).ExecutionScore); // 20 × 90% by the printed weight
    }

    [Fact]
    public void A_shared_county_name_is_settled_by_the_province_that_has_profiles()
    {
        var form = Named(null, "宝山区友谊路街道社区党群服务中心", year: 2024);
        var profile = Catalog.ForForm(form);

        Assert.Equal("shanghai-2024", profile.Id);
        Assert.Contains("黑龙江省", profile.Selection!.Reason);
        Assert.Contains("其中上海市有评分方案", profile.Selection.Reason);
    }

    [Fact]
    public void A_declaration_gets_its_regions_profile_by_year_without_a_weight_test()
    {
        var declaration = new TargetDeclaration { Year = 2025, Department = "成都市武侯区教育局", ImplementingUnit = "成都市武侯区某小学" };
        var profile = Catalog.ForForm(declaration);

        Assert.Equal("sichuan-2023", profile.Id);
        Assert.Empty(profile.Selection!.Tried);
        Assert.Contains("本表为 2025 年度", profile.Selection.Reason);
    }

    [Fact]
    public void A_profile_named_by_the_user_is_used_and_its_misfit_is_a_warning_not_an_error()
    {
        var profile = ProfileSelector.Forced(Corpus009(), TestProfiles.National);
        Assert.Equal("national-default", profile.Id);
        Assert.False(profile.Selection!.Fits);
        Assert.StartsWith("按指定的评分方案 national-default", profile.Selection.Reason);
        var findings = Reviewer.Review(Corpus009(), profile);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.Contains(findings, f => f.Code == "execution-weight-unconfirmed");
    }

    [Fact]
    public void Indicator_weights_that_add_up_only_with_another_budget_weight_are_a_warning_when_the_weight_is_not_printed()
    {
        // No 分值 printed, no score to test: 10 (national-default) + 80 ≠ 100 is not the unit's error, 20 + 80 would be 100.
        var form = Budget("县农业农村局", "农田建设服务中心", 2022, 100m, 100m, null, 100m, null);
        form.Indicators.Add(Row("项目完成率", "=100(%)", "100(%)", 80m, 80m, null, "产出指标", "质量指标"));
        form.TotalScore = null;
        var findings = Reviewer.Review(form, Catalog.ForForm(form));

        Assert.DoesNotContain(findings, f => f.Code == "weights-sum");
        var w = Assert.Single(findings, f => f.Code == "execution-weight-unconfirmed");
        Assert.Contains("若本表执行率为 20.00 分则相符", w.Message);
    }

    // ---- each regional profile scores a hand-made form ----------------------------------------------------------

    [Fact]
    public void Yunnan_scores_the_budget_out_of_20_and_the_indicators_out_of_80()
    {
        // 80 ÷ 100 = 80% → 20 × 80% = 16.00; 40 × 8/10 = 32.00; 95% ≥ 90% → 30.00; 达成 without a score → 10.00.
        var form = Named("保山市隆阳区农业农村局", "隆阳区土壤肥料工作站");
        form.Funds.Rows.Add(Fund("年度财政资金总额", null, 100m, 80m, null, null, null, 3));
        form.Indicators.Add(Row("示范区个数", "≥10(个)", "8(个)", 40m, null, "部分示范区未建成"));
        form.Indicators.Add(Row("配方肥到位率", "≥90(%)", "95(%)", 30m, null, null, "效益指标", "社会效益指标"));
        form.Indicators.Add(Row("受益农户满意度", "满意", "达成预期指标", 10m, null, null, "满意度指标", "服务对象满意度指标"));
        var sheet = Scorer.Score(form, TestProfiles.Get("yunnan-2022"));

        Assert.Equal(20m, sheet.ExecutionWeight);
        Assert.Equal(16.00m, sheet.ExecutionScore);
        Assert.Equal([32.00m, 30.00m, 10.00m], sheet.Indicators.Select(r => r.ComputedScore));
        Assert.Equal(88.00m, sheet.RuleBasedTotalScore);
        Assert.Equal("良", sheet.RuleBasedGrade);
    }

    [Fact]
    public void Hubei_scores_20_for_the_budget_and_two_40_point_target_blocks()
    {
        // 10 ÷ 10 = 100% → 20; 20; ≤5 天 actual 10 → 20 × 5/10 = 10.00; 20; =100% actual 90% → 20 × 90/100 = 18.00.
        var form = Named("黄冈市水利和湖泊局", "黄冈市水土保持与农田水利科研所", year: 2020);
        form.Funds.Rows.Add(Fund("年度财政资金总额", null, 10m, 10m, null, 100m, 20m, 3));
        form.Indicators.Add(Row("监测数据合格率", "≥100(%)", "100(%)", 20m, 20m));
        form.Indicators.Add(Row("资料上报用时", "≤5(天)", "10(天)", 20m, 10m, "汛期延误", "产出指标", "时效指标"));
        form.Indicators.Add(Row("整编资料审核通过率", "≥98(%)", "98(%)", 20m, 20m, null, "效益指标", "社会效益指标"));
        form.Indicators.Add(Row("监测点覆盖率", "=100(%)", "90(%)", 20m, 18m, "两处未建", "产出指标", "数量指标"));
        var profile = TestProfiles.Get("hubei-2020");
        var sheet = Scorer.Score(form, profile);

        Assert.Equal(20m, sheet.ExecutionScore);
        Assert.Equal([20.00m, 10.00m, 20.00m, 18.00m], sheet.Indicators.Select(r => r.ComputedScore));
        Assert.Equal(88.00m, sheet.RuleBasedTotalScore);
        Assert.Equal("hubei-2020", Catalog.ForForm(form).Id);
    }

    [Fact]
    public void Sichuan_scores_10_plus_90_and_asks_for_a_reason_below_90_percent()
    {
        // 251.89 ÷ 251.89 = 100% → 10; =100% met → 60; ≥95% actual 76% → 30 × 76/95 = 24.00; 10 + 60 + 24 = 94 → 优.
        var form = Named("青神县发展和改革局本级", "青神县发展和改革局", year: 2023);
        form.Funds.Rows.Add(Fund("总额", 238.93m, 251.89m, 251.89m, 10m, 100m, 10m, 31));
        form.Indicators.Add(Row("发放(缴纳)覆盖率", "=100(%)", "100(%)", 60m, 60m));
        form.Indicators.Add(Row("足额保障率(参保率)", "≥95(%)", "76(%)", 30m, 24m, "部分人员未参保", "效益指标", "社会效益指标"));
        var profile = TestProfiles.Get("sichuan-2023");
        var sheet = Scorer.Score(form, profile);

        Assert.Equal(10m, sheet.ExecutionScore);
        Assert.Equal([60.00m, 24.00m], sheet.Indicators.Select(r => r.ComputedScore));
        Assert.Equal(94.00m, sheet.RuleBasedTotalScore);
        Assert.Equal("优", sheet.RuleBasedGrade);
        Assert.Equal(90m, profile.LowExecutionThreshold);
        Assert.Contains(profile.Sources, s => s.Figure == "executionRate.lowThreshold" && s.Basis.Firmness == "S");
    }

    [Fact]
    public void Beijing_prints_the_rate_in_whole_percent_and_keeps_half_points()
    {
        // 154.74 ÷ 310.21 = 49.88% → 50% → 10 × 50% = 5.00; 12.5 met; 12.5 × 3/4 = 9.375 → 9.38; 25; 30; 10.
        // 5 + 12.5 + 9.38 + 25 + 30 + 10 = 91.88 → 优.
        var form = Named("北京市海淀区人民政府学院路街道办事处", "北京市海淀区学院路街道城市运行服务中心", year: 2016);
        form.Funds.Rows.Add(Fund("年度资金总额", 310.21m, 310.21m, 154.74m, 10m, 50m, 5m, 4));
        form.Indicators.Add(Row("清扫保洁道路", "≥20(条)", "20(条)", 12.5m, 12.5m));
        form.Indicators.Add(Row("居民小广场保洁", "≥4(处)", "3(处)", 12.5m, 9.38m, "一处未招标"));
        form.Indicators.Add(Row("保洁达标率", "≥100(%)", "100(%)", 25m, 25m, null, "产出指标", "质量指标"));
        form.Indicators.Add(Row("环境卫生检查合格率", "≥95(%)", "95(%)", 30m, 30m, null, "效益指标", "社会效益指标"));
        form.Indicators.Add(Row("居民满意度", "≥90(%)", "100(%)", 10m, 10m, null, "满意度指标", "服务对象满意度指标"));
        var profile = Catalog.ForForm(form);
        var sheet = Scorer.Score(form, profile);

        Assert.Equal("beijing-2016", profile.Id);
        Assert.Equal(50m, sheet.ExecutionRate);
        Assert.Equal(5.00m, sheet.ExecutionScore);
        Assert.Equal([12.50m, 9.38m, 25.00m, 30.00m, 10.00m], sheet.Indicators.Select(r => r.ComputedScore));
        Assert.Equal(91.88m, sheet.RuleBasedTotalScore);
        Assert.DoesNotContain(Reviewer.Review(form, profile), f => f.Severity == Severity.Error);
    }

    [Fact]
    public void The_whole_point_template_never_rounds_a_full_score_above_its_weight()
    {
        // 12.5 to whole points would be 13; full marks stay 12.5.
        var profile = TestProfiles.Get("national-template-2020");
        var full = Scorer.ScoreIndicator(Row("覆盖率", "≥90(%)", "95(%)", 12.5m), profile);
        var part = Scorer.ScoreIndicator(Row("覆盖率", "≥90(%)", "72(%)", 12.5m), profile);
        Assert.Equal(12.5m, full.ComputedScore);
        Assert.Equal(10m, part.ComputedScore); // 12.5 × 72/90 = 10.00
    }

    // ---- the files themselves ------------------------------------------------------------------------------------

    [Fact]
    public void Regional_files_differ_from_the_national_one_only_where_they_say_and_name_their_sources()
    {
        var national = TestProfiles.National;
        foreach (var id in new[] { "yunnan-2022", "hubei-2020", "sichuan-2023", "beijing-2016", "national-template-2020" })
        {
            var p = TestProfiles.Get(id);
            Assert.Equal("national-default", p.BasedOn);
            Assert.NotEmpty(p.Sources);
            Assert.Contains(p.Sources, s => s.Figure.StartsWith("executionRate", StringComparison.Ordinal));
            Assert.All(p.Sources, s => Assert.Contains(s.Basis.Firmness, new[] { "S", "K", "V", "P", "I", "U" }));
            Assert.Equal(national.VagueWords, p.VagueWords);
            Assert.Equal(national.GradeBands, p.GradeBands);
            Assert.Equal(national.Monitoring, p.Monitoring);
        }
        Assert.Equal(20m, TestProfiles.Get("yunnan-2022").ExecutionWeight);
        Assert.Equal(20m, TestProfiles.Get("hubei-2020").ExecutionWeight);
        Assert.Equal(80m, TestProfiles.Get("yunnan-2022").Level1Weights.Values.Sum());
        Assert.Equal(0, TestProfiles.Get("beijing-2016").ExecutionRateDecimals);
        Assert.Equal(2, TestProfiles.Get("beijing-2016").Decimals);
        Assert.Equal(0, TestProfiles.Get("national-template-2020").Decimals);
    }

    [Fact]
    public void Cli_check_on_corpus_009_prints_the_chosen_profile_and_no_false_error()
    {
        var check = CliProcess.Jixiao("check", TestData.CaseInput("corpus-009"));
        Assert.Equal(0, check.Exit);
        Assert.Contains("评分方案 yunnan-2022（云南省）", check.Out);
        Assert.Contains("隆阳区", check.Out);
        Assert.DoesNotContain("execution-score-mismatch", check.Out);
        Assert.DoesNotContain("错误", check.Out);

        var score = CliProcess.Jixiao("score", TestData.CaseInput("corpus-009"), "--json");
        var sheet = JsonNode.Parse(score.Out)!.AsArray().Single()!;
        Assert.Equal(20m, sheet["executionWeight"]!.GetValue<decimal>());
        Assert.Equal(2.15m, sheet["executionScore"]!.GetValue<decimal>());
        Assert.Contains("yunnan-2022", (string?)sheet["profileReason"]);
    }
}
