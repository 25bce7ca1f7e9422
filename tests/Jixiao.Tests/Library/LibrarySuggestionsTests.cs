using Jixiao.Core.Library;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Library;

/// <summary>
/// 推荐指标 ranked from the 指标库 (issue 13): the words are character pairs of the project's 项目名称 and 项目类别; a
/// shared word scores 3 in a tag, 2 in the 三级 name, 1 in the 指标解释; plus one a form of the same 项目类别 (at most 5)
/// and one a form of the unit's 主管部门 (at most 3). Every score below is worked out by hand beside it.
/// </summary>
public class LibrarySuggestionsTests
{
    const long OurDepartment = 7, OtherDepartment = 8;

    static SuggestionCandidate Entry(string name, string[]? tags = null, string? explanation = null, int forms = 1,
        Dictionary<string, int>? categories = null, Dictionary<long, int>? departments = null,
        string level1 = "效益指标", string level2 = "社会效益指标", IReadOnlyList<YearDistribution>? years = null,
        Comparator? comparator = null, string? unit = null) =>
        new(IndicatorKey.Of(level1, level2, name), level1, level2, name, tags ?? [], explanation, comparator, unit, years ?? [], forms,
            categories ?? new Dictionary<string, int>(), departments ?? new Dictionary<long, int>());

    static TargetDeclaration Declaration(params Indicator[] rows)
    {
        var d = new TargetDeclaration { Year = 2025, ProjectName = "社区生活驿站运行经费", ProjectCategory = "民生服务类" };
        d.Indicators.AddRange(rows);
        return d;
    }

    [Fact]
    public void Words_are_the_distinct_character_pairs_within_runs_of_letters_without_the_generic_ones()
    {
        // 党建活动经费: 党建, 建活, 活动, 动经, and 经费, which every project name has.
        Assert.Equal(["党建", "建活", "活动", "动经"], LibrarySuggestions.Words("党建活动经费"));
        // Digits and brackets end a run: of 2024年（社区）, 年 stands alone and 社区 is the only pair.
        Assert.Equal(["社区"], LibrarySuggestions.Words("2024年（社区）"));
        // A pair printed twice is one word; spaces are not characters of the name.
        Assert.Equal(["驿站", "站驿"], LibrarySuggestions.Words("驿站 驿站"));
        Assert.Empty(LibrarySuggestions.Words(null));
    }

    /// <summary>
    /// The project 社区生活驿站运行经费 (民生服务类, of 主管部门 7). Its words: from the name 社区, 区生, 生活, 活驿, 驿站, 站运,
    /// 运行, 行经 (经费 generic); from the category 民生, 生服, 服务, 务类.
    /// </summary>
    [Fact]
    public void Entries_are_ranked_by_the_words_they_share_then_by_the_forms_of_the_same_category_and_department_with_why()
    {
        var complaints = Entry("有责投诉率", ["生活驿站"], "驿站服务对象的有责投诉占比", forms: 6,
            categories: new() { ["民生服务类"] = 2 }, departments: new() { [OurDepartment] = 4 });
        var participation = Entry("社区活动参与率", forms: 10);
        var running = Entry("设施正常运行率", ["设施"], "驿站设施正常运行的天数占比", forms: 9,
            categories: new() { ["民生服务类"] = 9 }, departments: new() { [OtherDepartment] = 5 });
        var opening = Entry("驿站开放天数", forms: 3);
        // No word in common and no form of 民生服务类: not offered, however much used.
        var satisfaction = Entry("群众满意度", forms: 20, categories: new() { ["其他类"] = 3 });
        // Tagged for the project, but the declaration has it already.
        var done = Entry("工作完成率", ["生活驿站"], level1: "产出指标", level2: "数量指标");

        var form = Declaration(FormBuilder.Row("工作完成率", "=100(%)"));
        var ranked = LibrarySuggestions.Rank(form, OurDepartment, [satisfaction, opening, participation, running, done, complaints]);

        // 有责投诉率: 生活, 活驿, 驿站 in its tag 生活驿站 (3 × 3 = 9); 服务 in its 指标解释 only (1); 2 forms of 民生服务类 (2);
        // 4 forms of our department, at most 3 (3). 9 + 1 + 2 + 3 = 15.
        // 设施正常运行率: 运行 in its name (2), 驿站 in its 指标解释 (1); 9 forms of 民生服务类, at most 5 (5); its forms are
        // another department's (0). 2 + 1 + 5 = 8.
        // 社区活动参与率: 社区 in its name (2) = 2, 10 forms. 驿站开放天数: 驿站 in its name (2) = 2, 3 forms: after it.
        Assert.Equal([("有责投诉率", 15), ("设施正常运行率", 8), ("社区活动参与率", 2), ("驿站开放天数", 2)],
            ranked.Select(r => (r.Entry.Name, r.Score)));
        Assert.Equal("因为：标签与项目名称共有“生活驿站”；指标解释与项目类别共有“服务”；项目类别同为“民生服务类”的 2 张表使用；本部门的单位有 4 张表使用", ranked[0].Because);
        // The reasons in the order of their points: the name (2) before the 指标解释 (1).
        Assert.Equal("因为：指标名称与项目名称共有“运行”；指标解释与项目名称共有“驿站”；项目类别同为“民生服务类”的 9 张表使用", ranked[1].Because);
        Assert.Equal("因为：指标名称与项目名称共有“社区”", ranked[2].Because);

        // Without a department (finance declaring, say) the department adds nothing: 有责投诉率 12.
        Assert.Equal(12, LibrarySuggestions.Rank(form, null, [complaints]).Single().Score);
    }

    [Fact]
    public void Forms_of_the_same_category_alone_make_an_entry_offered_and_at_most_ten_are()
    {
        var form = Declaration();
        // 群众满意度 shares no word, but 1 form of 民生服务类 uses it: offered with 1 point, saying so.
        var satisfaction = Entry("群众满意度", categories: new() { ["民生服务类"] = 1 });
        var only = Assert.Single(LibrarySuggestions.Rank(form, OurDepartment, [satisfaction]));
        Assert.Equal((1, "因为：项目类别同为“民生服务类”的 1 张表使用"), (only.Score, only.Because));
        // The department alone does not.
        Assert.Empty(LibrarySuggestions.Rank(form, OurDepartment, [Entry("群众满意度", departments: new() { [OurDepartment] = 3 })]));

        // Twelve entries with 社区 in the name, 2 points each, used by 1 … 12 forms: the ten most used, most used first.
        var many = Enumerable.Range(1, 12).Select(i => Entry($"社区指标{i}", forms: i)).ToList();
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"社区指标{i}"), LibrarySuggestions.Rank(form, null, many).Select(r => r.Entry.Name));
    }

    [Fact]
    public void The_row_offered_has_the_latest_years_median_target_with_the_entrys_comparator_and_unit()
    {
        var years = new[]
        {
            new YearDistribution(2023, new Quartiles(1, 4m, 4m, 4m), null),
            new YearDistribution(2024, new Quartiles(4, 5m, 5.5m, 6.5m), new Quartiles(1, 7m, 7m, 7m)),
            // A year with actuals only gives no target.
            new YearDistribution(2025, null, new Quartiles(1, 9m, 9m, 9m)),
        };
        var e = Entry("驿站开放天数", years: years, comparator: Comparator.GreaterOrEqual, unit: "天");
        var row = Assert.Single(LibrarySuggestions.Rank(Declaration(), null, [e])).ToRow();
        Assert.Equal(("社会效益指标", "驿站开放天数", "指标库"), (row.Level2, row.Name, row.Source));
        Assert.Equal(new TargetValue("≥5.5(天)", Comparator.GreaterOrEqual, 5.5m, "天"), row.Target);
        Assert.Equal("因为：指标名称与项目名称共有“驿站”", row.Because);
        // A median printed 5.00 is offered as 5, as its text says.
        var printed = Entry("驿站开放天数", years: [new YearDistribution(2024, new Quartiles(1, 5.00m, 5.00m, 5.00m), null)], comparator: Comparator.Less, unit: "%");
        var five = Assert.Single(LibrarySuggestions.Rank(Declaration(), null, [printed])).ToRow().Target!;
        Assert.Equal(("<5(%)", "5"), (five.Text, five.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // Without figures, no target.
        Assert.Null(Assert.Single(LibrarySuggestions.Rank(Declaration(), null, [Entry("驿站开放天数")])).ToRow().Target);
    }
}
