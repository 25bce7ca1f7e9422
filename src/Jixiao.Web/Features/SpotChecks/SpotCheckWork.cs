using System.ComponentModel;
using System.Globalization;
using Jixiao.Core.Access;
using Jixiao.Core.Credibility;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Core.Workflow;
using Jixiao.Formats.Profiles;
using Jixiao.Storage;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.SpotChecks;

[Description("抽查：年度、抽取张数，可选随机种子和随机抽取的比例")]
public sealed record SpotCheckRequest
{
    [Description("年度")] public required int Year { get; init; }
    [Description("抽取张数（1–1000）")] public required int Size { get; init; }
    [Description("随机种子（不填则由系统取，并记录下来，同样的种子重抽得到同样的表）")] public long? Seed { get; init; }
    [Description("随机抽取的比例（0–1，默认 0.3；其余为可信度最低的表）")] public decimal? RandomShare { get; init; }
}

[Description("可信度的一项扣分")]
public sealed record CredibilityReasonDocument([property: Description("代码")] string Code, [property: Description("扣分")] decimal Points, [property: Description("说明")] string Message);

[Description("自评表的可信度（0–100）及其理由")]
public sealed record CredibilityDocument([property: Description("可信度")] decimal Score, [property: Description("扣分理由")] IReadOnlyList<CredibilityReasonDocument> Reasons)
{
    public static CredibilityDocument Of(CredibilityScore c) => new(c.Score, c.Reasons.Select(r => new CredibilityReasonDocument(r.Code, r.Points, r.Message)).ToList());
}

[Description("抽中的一张自评表")]
public sealed record SpotCheckFormDocument(
    [property: Description("序号")] int Rank,
    [property: Description("自评表编号")] long FormId,
    [property: Description("项目名称")] string? ProjectName,
    [property: Description("主管部门")] string? Department,
    [property: Description("实施单位")] string? ImplementingUnit,
    [property: Description("抽中原因：risk 可信度最低 / random 随机")] string Reason,
    [property: Description("抽取时的可信度")] decimal Credibility,
    [property: Description("可信度的扣分理由")] IReadOnlyList<string> Reasons,
    [property: Description("自评分")] decimal? SelfScore,
    [property: Description("复核分")] decimal? ReviewScore,
    [property: Description("自评分 − 复核分")] decimal? Gap);

[Description("一个单位在抽查中的自评分与复核分")]
public sealed record UnitGapDocument(
    [property: Description("实施单位")] string Unit,
    [property: Description("主管部门")] string? Department,
    [property: Description("抽中张数")] int Forms,
    [property: Description("已复核张数")] int Rechecked,
    [property: Description("平均自评分（已复核的表）")] decimal? SelfScore,
    [property: Description("平均复核分")] decimal? ReviewScore,
    [property: Description("平均差（自评分 − 复核分）")] decimal? Gap);

[Description("一次抽查")]
public sealed record SpotCheckDocument(
    [property: Description("编号")] long Id,
    [property: Description("年度")] int Year,
    [property: Description("抽取张数")] int Size,
    [property: Description("随机种子")] long Seed,
    [property: Description("随机抽取的比例")] decimal RandomShare,
    [property: Description("抽取人")] string DrawnBy,
    [property: Description("抽取时间")] string DrawnAt,
    [property: Description("抽中的表")] IReadOnlyList<SpotCheckFormDocument> Forms,
    [property: Description("按单位的自评分与复核分")] IReadOnlyList<UnitGapDocument> Units);

/// <summary>
/// 抽查 for the API and the pages: each approved self-evaluation of the year scored for credibility (pure core,
/// <see cref="CredibilityAssessor"/>), the sample drawn (<see cref="SpotCheckDraw"/>, its seed recorded), and the gap
/// between 自评分 and the 复核分 finance records, per form and per unit.
/// </summary>
public sealed class SpotCheckWork(SpotCheckStore spotChecks, FormStore forms, FormAccess access, ProfileCatalog profiles, TimeProvider clock)
{
    public const int MaxSize = 1000;
    public const decimal DefaultRandomShare = 0.3m;

    static void Require(CurrentUser user)
    {
        var d = Permissions.Decide(user.Role, FormAction.DrawSpotCheck, null);
        if (!d.Allowed) throw user.IsPublic ? Api.Fail(401, "请先登录") : Api.Fail(403, d.Refusal ?? "无权抽查");
    }

    /// <summary>A self-evaluation's credibility as the workflow sees it: its findings and its project's last approved monitoring forecast.</summary>
    public async Task<CredibilityScore> CredibilityAsync(SelfEvaluation form, long? declarationId)
    {
        var forecast = (await forms.ForecastForAsync(form, declarationId))?.Form;
        return Credibility(form, Gate.Findings(form, profiles.ForForm(form), forecast), forecast);
    }

    /// <summary>The same from findings and forecast the caller has already (the form page computes both for itself).</summary>
    public CredibilityScore Credibility(SelfEvaluation form, IReadOnlyList<Core.Review.Finding> findings, MonitoringForm? forecast) =>
        CredibilityAssessor.Assess(form, profiles.ForForm(form), findings, forecast);

    public async Task<SpotCheckDocument> DrawAsync(CurrentUser user, SpotCheckRequest body)
    {
        Require(user);
        if (body.Year is < 1990 or > 2100) throw Api.Fail(400, "年度应为 1990–2100 之间的年份", "year");
        if (body.Size is < 1 or > MaxSize) throw Api.Fail(400, $"抽取张数应为 1–{MaxSize}（现为 {body.Size}）", "size");
        var share = body.RandomShare ?? DefaultRandomShare;
        if (share is < 0 or > 1) throw Api.Fail(400, $"随机抽取的比例应在 0–1 之间（现为 {share}）", "randomShare");
        // A seed the system chooses is recorded like a given one: the draw can always be made again.
        var seed = body.Seed ?? clock.GetUtcNow().ToUnixTimeMilliseconds();
        var candidates = await spotChecks.CandidatesAsync(body.Year);
        if (candidates.Count == 0) throw Api.Fail(400, $"{body.Year} 年度没有审核通过的自评表，无从抽查", "year");
        var scored = new Dictionary<long, CredibilityScore>();
        var pool = new List<SpotCheckCandidate>();
        foreach (var (id, _, department, declarationId, document) in candidates)
        {
            if (FormJsonReader.Parse(document) is not SelfEvaluation s) continue;
            var credibility = await CredibilityAsync(s, declarationId);
            scored[id] = credibility;
            pool.Add(new SpotCheckCandidate(id, department, credibility.Score));
        }
        var drawn = SpotCheckDraw.Draw(pool, body.Size, seed, share);
        var saved = await spotChecks.SaveAsync(body.Year, body.Size, seed, share, drawn.Select(d => (d, scored[d.FormId])).ToList(), user.Username!);
        return await DocumentAsync(saved);
    }

    public async Task<IReadOnlyList<SpotCheck>> AllAsync(CurrentUser user)
    {
        Require(user);
        return await spotChecks.AllAsync();
    }

    public async Task<SpotCheckDocument> GetAsync(CurrentUser user, string id)
    {
        Require(user);
        if (!long.TryParse(id, out var n) || await spotChecks.GetAsync(n) is not { } draw) throw Api.Fail(404, $"没有编号为 {id} 的抽查", "id");
        return await DocumentAsync(draw);
    }

    async Task<SpotCheckDocument> DocumentAsync(SpotCheck draw)
    {
        var lines = await spotChecks.LinesAsync(draw.Id);
        var docs = lines.Select(l =>
        {
            var form = FormJsonReader.Parse(l.Document) as SelfEvaluation;
            var self = form?.TotalScore;
            var review = form?.ReviewScore;
            return new SpotCheckFormDocument(l.Rank, l.FormId, l.ProjectName, l.Department, l.ImplementingUnit, l.Reason,
                decimal.Parse(l.Credibility, CultureInfo.InvariantCulture), l.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                self, review, self is { } a && review is { } b ? a - b : null);
        }).ToList();
        static decimal? Average(IEnumerable<decimal?> xs) => xs.Where(x => x is not null).Select(x => x!.Value).ToList() is { Count: > 0 } v
            ? Core.Scoring.Num.TwoPlaces(Math.Round(v.Average(), 2, MidpointRounding.AwayFromZero)) : null;
        var units = docs.GroupBy(d => (d.ImplementingUnit ?? "（未填实施单位）", d.Department)).Select(g =>
        {
            var rechecked = g.Where(d => d.ReviewScore is not null).ToList();
            return new UnitGapDocument(g.Key.Item1, g.Key.Department, g.Count(), rechecked.Count,
                Average(rechecked.Select(d => d.SelfScore)), Average(rechecked.Select(d => d.ReviewScore)), Average(rechecked.Select(d => d.Gap)));
        }).OrderByDescending(u => u.Gap ?? decimal.MinValue).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        return new SpotCheckDocument(draw.Id, draw.Year, draw.Size, draw.Seed, draw.RandomShare, draw.DrawnBy, draw.DrawnAt, docs, units);
    }

    /// <summary>One self-evaluation's credibility, for whoever reviews it (a unit is not shown the spot-check's measure of it).</summary>
    public async Task<CredibilityDocument> FormCredibilityAsync(CurrentUser user, string id)
    {
        var stored = await access.RequireAsync(user, id, FormAction.View, forms);
        if (user.Role == Role.Unit) throw Api.Fail(403, "可信度供审核与抽查使用，单位看审核发现即可", "id");
        if (stored.Form is not SelfEvaluation s) throw Api.Fail(400, "只有自评表有可信度", "id");
        return CredibilityDocument.Of(await CredibilityAsync(s, stored.DeclarationId));
    }
}
