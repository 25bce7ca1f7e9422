using Jixiao.Core.Library;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Formats.Import;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Library;

/// <summary>The indicator library built from forms (issue 13 item 1); every expected figure is worked out beside it.</summary>
public class IndicatorLibraryTests
{
    const string Activities = "开展活动次数";

    static Indicator R(string? target, string? actual = null, string name = Activities, string level1 = "产出指标", string level2 = "数量指标") =>
        FormBuilder.Row(name, target, actual, level1: level1, level2: level2);

    static TargetDeclaration Decl(int year, string unit, params Indicator[] rows)
    {
        var d = new TargetDeclaration { Year = year, ImplementingUnit = unit, ProjectName = "党建活动经费" };
        d.Indicators.AddRange(rows);
        return d;
    }

    static SelfEvaluation Eval(int year, string unit, params Indicator[] rows)
    {
        var s = new SelfEvaluation { Year = year, ImplementingUnit = unit, ProjectName = "党建活动经费" };
        s.Indicators.AddRange(rows);
        return s;
    }

    [Fact]
    public void Quartiles_interpolate_between_closest_ranks()
    {
        // 1, 2, 3, 4: h = 3p → Q1 at 0.75: 1 + 0.75 × 1 = 1.75; median at 1.5: 2.5; Q3 at 2.25: 3 + 0.25 × 1 = 3.25.
        Assert.Equal(new Quartiles(4, 1.75m, 2.5m, 3.25m), Quartiles.Of([4m, 1m, 3m, 2m]));
        // 10, 20, 40: h = 2p → Q1 at 0.5: 15; median at 1: 20; Q3 at 1.5: 30.
        Assert.Equal(new Quartiles(3, 15m, 20m, 30m), Quartiles.Of([40m, 10m, 20m]));
        Assert.Equal(new Quartiles(1, 7m, 7m, 7m), Quartiles.Of([7m]));
        Assert.Null(Quartiles.Of([]));
    }

    [Fact]
    public void The_same_indicator_across_forms_is_one_entry_with_its_counts_spelling_comparator_unit_and_distribution_by_year()
    {
        var library = IndicatorLibrary.Of(
        [
            Decl(2023, "甲单位", R("≥4(次)")),
            Decl(2024, "甲单位", R("≥5(次)")),
            // Same key: 一级 产出 read as 产出指标, 二级 数量 without 指标, full-width and spaced name.
            Decl(2024, "乙单位", R("≥8(次)", name: "开展 活动次数", level1: "产出", level2: "数量")),
            Decl(2024, "丙单位", R(">6(次)")),
            Eval(2024, "甲单位", R("≥5(次)", "7(次)")),
            // Another unit of measure: counted as a use, left out of the 次 distribution.
            Decl(2024, "丁单位", R("≥10(场)")),
            Decl(2024, "丁单位", R("≥90(%)", name: "群众满意度", level1: "满意度指标", level2: "服务对象满意度指标")),
        ]);

        Assert.Equal(7, library.FormsAdded);
        var entries = library.Entries();
        Assert.Equal(2, entries.Count);
        var e = entries[0];
        Assert.Equal(IndicatorKey.Of("产出指标", "数量指标", Activities), e.Key);
        // Printed 产出指标/数量指标/开展活动次数 five times, 产出/数量/开展 活动次数 once.
        Assert.Equal(("产出指标", "数量指标", Activities), (e.Level1, e.Level2, e.Name));
        // ≥ five times, > once; 次 five times, 场 once.
        Assert.Equal(Comparator.GreaterOrEqual, e.Comparator);
        Assert.Equal("次", e.Unit);
        Assert.Equal((6, 5, 1, 4), (e.Forms, e.Declarations, e.SelfEvaluations, e.Units));
        Assert.Null(e.OnlyUnit);
        Assert.Equal(2, e.Years.Count);
        // 2023: the one target 4.
        Assert.Equal(new YearDistribution(2023, new Quartiles(1, 4m, 4m, 4m), null), e.Years[0]);
        // 2024 targets in 次: 5, 8, 6, 5 → sorted 5, 5, 6, 8; h = 3p: Q1 5 + 0.75 × 0 = 5, median 5 + 0.5 × 1 = 5.5,
        // Q3 6 + 0.25 × 2 = 6.5. The 10 场 is left out. Actuals: the one 7.
        Assert.Equal(2024, e.Years[1].Year);
        Assert.Equal(new Quartiles(4, 5m, 5.5m, 6.5m), e.Years[1].Targets);
        Assert.Equal(new Quartiles(1, 7m, 7m, 7m), e.Years[1].Actuals);

        var satisfaction = entries[1];
        Assert.Equal(("满意度指标", "服务对象满意度指标", "群众满意度", "%"), (satisfaction.Level1, satisfaction.Level2, satisfaction.Name, satisfaction.Unit));
        Assert.Equal((1, 1, "丁单位"), (satisfaction.Forms, satisfaction.Units, satisfaction.OnlyUnit));
    }

    [Fact]
    public void A_form_using_an_indicator_twice_counts_once_and_monitoring_forms_and_qualitative_targets_add_no_figures()
    {
        var library = new IndicatorLibrary();
        library.Add(Decl(2024, "甲单位", R("≥4(次)"), R("≥6(次)")), unitId: 12);
        library.Add(Decl(2024, "甲单位", R("及时", name: "完成及时性", level2: "时效指标")), unitId: 12);
        var monitoring = new MonitoringForm { Year = 2024, ImplementingUnit = "甲单位" };
        monitoring.Indicators.Add(R("≥4(次)"));
        library.Add(monitoring, unitId: 12);

        Assert.Equal(2, library.FormsAdded);
        var e = library.Entry(IndicatorKey.Of("产出指标", "数量指标", Activities))!;
        Assert.Equal((1, 1, 12L), (e.Forms, e.Declarations, e.OnlyUnitId));
        // Both rows' targets count: 4, 6 → h = p: Q1 4.5, median 5, Q3 5.5.
        Assert.Equal(new Quartiles(2, 4.5m, 5m, 5.5m), e.Years.Single().Targets);
        var timely = library.Entry(IndicatorKey.Of("产出指标", "时效指标", "完成及时性"))!;
        Assert.Null(timely.Comparator);
        Assert.Null(timely.Unit);
        Assert.Empty(timely.Years);
    }

    [Fact]
    public void Each_entry_counts_its_forms_by_project_category_and_by_department_and_quartiles_come_from_value_counts_alike()
    {
        var library = new IndicatorLibrary();
        var a = Decl(2024, "甲单位", R("≥4(次)"));
        a.ProjectCategory = "民生服务类";
        var b = Decl(2024, "乙单位", R("≥4(次)"), R("≥6(次)"));
        b.ProjectCategory = " 民生服务类 ";
        var c = Decl(2024, "丙单位", R("≥8(次)"));
        c.ProjectCategory = "其他类";
        library.Add(a, unitId: 1, departmentId: 10);
        library.Add(b, unitId: 2, departmentId: 10);
        library.Add(c, unitId: 3, departmentId: 20);
        // A self-evaluation prints no 项目类别: counted under its department only.
        library.Add(Eval(2024, "甲单位", R("≥4(次)", "5(次)")), unitId: 1, departmentId: 10);
        library.Add(Decl(2024, "丁单位", R("≥4(次)")));

        var e = library.Entry(IndicatorKey.Of("产出指标", "数量指标", Activities))!;
        // b uses it twice and counts once; 民生服务类 read the same with or without the spaces.
        Assert.Equal([("其他类", 1), ("民生服务类", 2)], e.FormsByCategory.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        Assert.Equal([(10L, 3), (20L, 1)], e.FormsByDepartment.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        // Targets 4, 4, 6, 8, 4 (self-evaluation), 4 → kept as 4 ×4, 6 ×1, 8 ×1; sorted 4, 4, 4, 4, 6, 8, h = 5p:
        // Q1 at 1.25: 4; median at 2.5: 4 + 0.5 × 0 = 4; Q3 at 3.75: 4 + 0.75 × (6 − 4) = 5.5. The same as from the list.
        Assert.Equal(new Quartiles(6, 4m, 4m, 5.5m), e.Years.Single().Targets);
        Assert.Equal(Quartiles.Of([4m, 4m, 6m, 8m, 4m, 4m]), Quartiles.Of(new Dictionary<decimal, int> { [8m] = 1, [4m] = 4, [6m] = 1 }));
        // 4.00 and 4 are the same figure.
        Assert.Equal(new Quartiles(3, 4m, 4m, 5m), Quartiles.Of([4.00m, 4m, 6m]));
    }

    /// <summary>
    /// seed-003 (three 2024 declarations of 上海市奉贤区西渡街道社区党群服务中心: 党建经费 with 54 rows, 专户项目经费 with 3,
    /// 生活驿站运行经费 with 11), its groups read off the forms by hand: 成本控制率 is in 党建经费 and 生活驿站运行经费,
    /// 长效管理机制健全性 in all three; 课题调研完成率 is printed under both 数量 and 时效, two indicators. 68 rows, 65 groups.
    /// </summary>
    [Fact]
    public void The_seed_forms_of_seed_003_give_the_groups_listed_by_hand()
    {
        var library = IndicatorLibrary.Of(FormImporter.ImportFile(TestData.CaseInput("seed-003")).Forms);
        string[] expected =
        [
            // 党建经费
            "成本指标/经济成本指标/成本控制率 ×2",
            "产出指标/数量指标/举办基层党建大型活动场次 ×1",
            "产出指标/数量指标/举办基层党建小型活动场次 ×1",
            "产出指标/数量指标/红领书记工作室举办活动场次 ×1",
            "产出指标/数量指标/举办区域化党建活动场次 ×1",
            "产出指标/数量指标/轮值区域化党建活动场次 ×1",
            "产出指标/数量指标/党员集中培训次数 ×1",
            "产出指标/数量指标/班子成员学习学时 ×1",
            "产出指标/数量指标/党员学习学时 ×1",
            "产出指标/数量指标/党群阵地举办活动场次 ×1",
            "产出指标/数量指标/举办两新党建活动场次 ×1",
            "产出指标/数量指标/各村居举办活动场次 ×1",
            "产出指标/数量指标/“两新”党组织活动数量 ×1",
            "产出指标/数量指标/“两新”党组织补贴发放单位(人数) ×1",
            "产出指标/数量指标/“两新”党组织书记岗位津贴发放单位(人数) ×1",
            "产出指标/数量指标/课题调研完成率 ×1",
            "产出指标/质量指标/活动工作人员配置标准 ×1",
            "产出指标/质量指标/活动完成率 ×1",
            "产出指标/质量指标/学习学时完成率 ×1",
            "产出指标/质量指标/活动设施完好率 ×1",
            "产出指标/质量指标/设计制作达标率 ×1",
            "产出指标/质量指标/补贴发放准确性 ×1",
            "产出指标/质量指标/课题调研质量 ×1",
            "产出指标/时效指标/大型活动完成及时率 ×1",
            "产出指标/时效指标/红领书记工作室活动及时开展率 ×1",
            "产出指标/时效指标/区域化党建活动及时开展率 ×1",
            "产出指标/时效指标/学习学时完成及时率 ×1",
            "产出指标/时效指标/党群阵地活动完成及时率 ×1",
            "产出指标/时效指标/两新党建活动及时开展率 ×1",
            "产出指标/时效指标/设计制作安装及时率 ×1",
            "产出指标/时效指标/“两新”党组织活动开展及时性 ×1",
            "产出指标/时效指标/补贴发放及时性 ×1",
            "产出指标/时效指标/课题调研完成率 ×1",
            "效益指标/经济效益指标/促进经济、社会发展 ×1",
            "效益指标/经济效益指标/促进产业、企业高质量发展 ×1",
            "效益指标/社会效益指标/基层党建活动参与人数 ×1",
            "效益指标/社会效益指标/基层党建活动参与覆盖率 ×1",
            "效益指标/社会效益指标/区域化党建活动覆盖面 ×1",
            "效益指标/社会效益指标/区域化党建活动参与人数 ×1",
            "效益指标/社会效益指标/区域化党建服务对象覆盖率 ×1",
            "效益指标/社会效益指标/学习参与覆盖率 ×1",
            "效益指标/社会效益指标/理论知识提升 ×1",
            "效益指标/社会效益指标/服务对象知晓率 ×1",
            "效益指标/社会效益指标/两新党建活动覆盖面 ×1",
            "效益指标/社会效益指标/两新党建活动参与人数 ×1",
            "效益指标/社会效益指标/两新党建服务对象覆盖率 ×1",
            "效益指标/社会效益指标/提升“两新”党组织党员思想水平 ×1",
            "效益指标/社会效益指标/“两新”党组织补贴覆盖率 ×1",
            "效益指标/社会效益指标/“两新”党组织书记岗位津贴覆盖率 ×1",
            "效益指标/社会效益指标/提升服务责任意识 ×1",
            "效益指标/可持续影响指标/长效管理机制健全性 ×3",
            "效益指标/可持续影响指标/建立品牌化、项目化运行机制 ×1",
            "效益指标/可持续影响指标/党建品牌培育 ×1",
            "满意度指标/服务对象满意度指标/参与活动对象满意度 ×1",
            // 专户项目经费 (its 长效管理机制健全性 is above)
            "产出指标/数量指标/工作完成率 ×1",
            "产出指标/质量指标/工作达标率 ×1",
            // 生活驿站运行经费 (成本控制率 and 长效管理机制健全性 above)
            "产出指标/数量指标/设施维修完成率 ×1",
            "产出指标/质量指标/设施维修质量达标率 ×1",
            "产出指标/时效指标/设施维修完成及时性 ×1",
            "效益指标/社会效益指标/有责投诉率 ×1",
            "效益指标/社会效益指标/公益慈善活动参与率 ×1",
            "效益指标/社会效益指标/生活驿站全年开放天数 ×1",
            "效益指标/社会效益指标/提升服务党员群众意识 ×1",
            "效益指标/社会效益指标/设施正常使用率 ×1",
            "满意度指标/服务对象满意度指标/群众满意度 ×1",
        ];
        Assert.Equal(65, expected.Length);
        Assert.Equal(expected, library.Entries().Select(e => $"{e.Level1}/{e.Level2}/{e.Name} ×{e.Forms}"));
        Assert.Equal(3, library.FormsAdded);
        // Only declarations; all of one unit.
        Assert.All(library.Entries(), e => Assert.Equal((e.Forms, 0, 1), (e.Declarations, e.SelfEvaluations, e.Units)));
        // 有责投诉率 <5(%): one target, 2024.
        var complaints = library.Entries().Single(e => e.Name == "有责投诉率");
        Assert.Equal((Comparator.Less, "%"), (complaints.Comparator, complaints.Unit));
        Assert.Equal(new YearDistribution(2024, new Quartiles(1, 5m, 5m, 5m), null), Assert.Single(complaints.Years));
        // The two 课题调研完成率: ≥1 个 under 数量, =100 % under 时效.
        var research = library.Entries().Where(e => e.Name == "课题调研完成率").Select(e => (e.Level2, e.Comparator, e.Unit)).ToList();
        Assert.Equal([("数量指标", Comparator.GreaterOrEqual, "个"), ("时效指标", Comparator.Equal, "%")], research);
    }
}
