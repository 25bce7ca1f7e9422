using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Scoring;

namespace Jixiao.Core.Results;

/// <summary>结果应用: what a grade suggests for the project's budget next year, with where the rule comes from.</summary>
public sealed record ResultActionRule(string Grade, string Action, RuleSource Basis);

/// <summary>
/// The region's 结果应用 mapping (the profile's <c>resultsApplication</c> section): one suggested action per grade of the
/// profile's <c>gradeBands</c>. A profile without the section uses <see cref="Default"/>.
/// </summary>
public sealed record ResultsApplicationRules(IReadOnlyList<ResultActionRule> ByGrade)
{
    /// <summary>What finance records when it follows none of the suggested actions (a reason is then required).</summary>
    public const string Other = "其他";

    static readonly RuleSource Dazhou = new(
        "达州市的做法：优 适当优先保障、良 据实合理保障、中 一定比例核减、差 取消或暂停（http://swj.dazhou.gov.cn/news-show-6995.html）；"
        + "财预〔2020〕10号：评价结果好的优先保障，差的整改、核减或取消", "S");

    /// <summary>The local mapping of rules.md §8 (达州, [S]), in the spirit of 财预〔2020〕10号 ([K]).</summary>
    public static readonly ResultsApplicationRules Default = new(
    [
        new("优", "适当优先保障", Dazhou),
        new("良", "据实合理保障", Dazhou),
        new("中", "一定比例核减", Dazhou),
        new("差", "取消或暂停", Dazhou),
    ]);

    public ResultActionRule? For(string? grade) => grade is null ? null : ByGrade.FirstOrDefault(r => r.Grade == grade);

    /// <summary>The choices of finance's decision: each suggested action once, in the grades' order, then <see cref="Other"/>.</summary>
    public IReadOnlyList<string> Choices => [.. ByGrade.Select(r => r.Action).Distinct(), Other];
}

/// <summary>Which score the grade of a suggestion was taken from.</summary>
public enum GradeBasis
{
    ReviewScore, // 复核分
    UnitScore,   // 单位自评的总分
}

/// <summary>A self-evaluation's suggested action for next year's budget: the grade, the score it came from, the rule.</summary>
public sealed record ResultSuggestion(string Grade, decimal? Score, GradeBasis GradeBasis, string? Action, RuleSource? Basis)
{
    public string GradeBasisChinese => GradeBasis == GradeBasis.ReviewScore ? "复核分" : "单位自评分";
}

/// <summary>结果应用 as pure functions of a self-evaluation and its region's profile.</summary>
public static class NextYearBudget
{
    /// <summary>
    /// The suggested action for the project's budget next year. The grade is the 复核分's when a reviewer (主管部门 or
    /// finance) recorded one: the 复核分 is the reviewer's check of the unit's own score, made because a self-evaluation
    /// may be scored high (财预〔2020〕10号 "严禁刻意抬高分数"), so a budget consequence rests on the checked figure.
    /// Without a 复核分 the unit's 总分 decides, graded by the profile's bands (the grade the unit wrote when it has no
    /// 总分, as an imported form may). Null when there is no grade at all. The action is null when the profile maps no
    /// action to that grade.
    /// </summary>
    public static ResultSuggestion? Suggest(SelfEvaluation form, ScoringProfile profile)
    {
        string? grade;
        decimal? score;
        GradeBasis basis;
        if (form.ReviewScore is { } review)
        {
            (grade, score, basis) = (profile.GradeOf(review), review, GradeBasis.ReviewScore);
        }
        else
        {
            (grade, score, basis) = (profile.GradeOf(form.TotalScore) ?? Blank(form.Grade), form.TotalScore, GradeBasis.UnitScore);
        }
        if (grade is null) return null;
        var rule = profile.ResultsApplication.For(grade);
        return new ResultSuggestion(grade, score, basis, rule?.Action, rule?.Basis);
    }

    /// <summary>Whether finance's decision departs from the suggestion (then it must give a reason).</summary>
    public static bool Departs(string decision, string? suggested) => suggested is null || decision != suggested;

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
