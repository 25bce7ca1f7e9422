using Jixiao.Core.Model;
using Jixiao.Core.Regions;

namespace Jixiao.Core.Scoring;

/// <summary>What a self-evaluation's own figures say about the 执行率 weight one profile gives it.</summary>
public enum WeightBasis
{
    Printed,      // the form prints the weight (分值 of the 年度资金总额 row)
    Confirmed,    // no weight printed; the printed score is what the profile's rule gives at the profile's weight
    Assumed,      // no weight printed and no score to test it by: the profile's weight is taken on trust
    Contradicted, // no weight printed; the printed score is not what the profile's weight gives
}

/// <summary>
/// One profile tried against a self-evaluation's budget row: does its 执行率 weight (and its rounding) give the
/// figures the form prints? <see cref="Rank"/> orders the profiles of one region: −1 contradicted, 0 no evidence,
/// 1 or 2 confirmed by the printed weight and/or the printed score.
/// </summary>
public sealed record WeightFit(
    string ProfileId,
    decimal ProfileWeight,
    WeightBasis Basis,
    decimal? PrintedWeight,
    bool? WeightAgrees,
    bool? ScoreAgrees,
    decimal? PrintedScore,
    decimal? ExpectedScore,
    string Working)
{
    public int Rank => WeightAgrees == false || (Basis == WeightBasis.Contradicted) ? -1
        : (WeightAgrees == true ? 1 : 0) + (ScoreAgrees == true ? 1 : 0);

    public bool HasEvidence => WeightAgrees is not null || ScoreAgrees is not null;

    /// <summary>yunnan-2022（执行率 20 分）：表上未印分值；表上得分 2.16 与之相符（20 × 10.77% = 2.15）</summary>
    public string Describe()
    {
        var head = $"{ProfileId}（执行率 {Num.Plain(ProfileWeight)} 分）：";
        var weight = PrintedWeight is { } w ? $"表上分值 {Num.Plain(w)}{(WeightAgrees == true ? "，相同" : "，不同")}" : "表上未印分值";
        var score = ScoreAgrees switch
        {
            true => $"表上得分 {Num.Plain(PrintedScore!.Value)} 与之相符（{Working}）",
            false => $"表上得分 {Num.Plain(PrintedScore!.Value)} 与之不符（{Working}）",
            null => "没有表上得分可核对",
        };
        return head + weight + "；" + score;
    }

    /// <summary>How the profile's weight fits the form's budget row (the printed weight, else the printed score).</summary>
    public static WeightFit Of(EvaluationForm form, ScoringProfile profile)
    {
        var total = form.Funds.Total;
        var printedWeight = total?.Weight;
        var weight = printedWeight ?? profile.ExecutionWeight;
        bool? weightAgrees = printedWeight is { } pw ? pw == profile.ExecutionWeight : null;

        // The score is tested from the rate the funds give and from the printed rate, as the review does: either may be
        // the one the unit multiplied.
        var rates = new[] { Scorer.ExecutionRateOf(total?.Executed, total?.AdjustedBudget, profile), total?.ExecutionRate }
            .OfType<decimal>().Distinct().ToList();
        bool? scoreAgrees = null;
        decimal? expected = null;
        var working = "";
        if (total?.Score is { } printed && rates.Count > 0)
        {
            var scores = rates.Select(r => (Rate: r, Score: Scorer.ExecutionScoreOf(r, weight, profile))).ToList();
            var (rate, score) = scores.FirstOrDefault(s => Math.Abs(s.Score - printed) <= profile.Tolerance, scores[0]);
            scoreAgrees = Math.Abs(score - printed) <= profile.Tolerance;
            expected = score;
            working = $"{Num.Plain(weight)} × {Num.Plain(rate)}% = {Num.Fixed(score)}";
        }
        var basis = printedWeight is not null ? WeightBasis.Printed
            : scoreAgrees switch { true => WeightBasis.Confirmed, false => WeightBasis.Contradicted, null => WeightBasis.Assumed };
        return new WeightFit(profile.Id, profile.ExecutionWeight, basis, printedWeight, weightAgrees, scoreAgrees, total?.Score, expected, working);
    }
}

/// <summary>
/// Why a form gets the profile it gets: its region (inferred from its names), its year, and for a self-evaluation how
/// each profile tried fits its budget row. Carried by the chosen profile (<see cref="ScoringProfile.Selection"/>) so
/// that the review can say which weights were tried, and every page that shows the profile can say why.
/// </summary>
public sealed record ProfileSelection(InferredRegion Region, IReadOnlyList<WeightFit> Tried, bool Fits, string Reason);

/// <summary>
/// Chooses the profile of a form from its region, year and budget row (pure). The region's profiles come first (its
/// year, else the latest earlier year), then the national ones (the fallback first). For a self-evaluation the first
/// group with a profile whose weight fits the form's printed weight or score is used, the best-fitting in it; when none
/// fits, the region's (or the national) first profile is used and <see cref="ProfileSelection.Fits"/> is false, so
/// that the checks that depend on the weight warn instead of erring.
/// </summary>
public static class ProfileSelector
{
    public static ScoringProfile Choose(PerformanceForm form, IReadOnlyList<ScoringProfile> profiles, ScoringProfile fallback)
    {
        var region = RegionInference.Infer(form);
        var (province, regionText) = Province(region, profiles);
        var regional = ByYear(profiles.Where(p => province is not null && p.Province == province), form.Year).ToList();
        var national = new[] { fallback }
            .Concat(ByYear(profiles.Where(p => p.Province is null && p.Id != fallback.Id), form.Year)).ToList();

        var reason = new List<string> { $"地区：{regionText}" };
        if (province is not null && regional.Count == 0) reason.Add($"{province}没有评分方案，用全国的方案");

        var groups = new[] { regional, national }.Where(g => g.Count > 0).ToList();
        if (form is not SelfEvaluation se)
            return Chosen(groups[0][0], region, [], true, reason, form.Year);

        var tried = new List<WeightFit>();
        foreach (var group in groups)
        {
            var fits = group.Select(p => (Profile: p, Fit: WeightFit.Of(se, p))).ToList();
            tried.AddRange(fits.Select(f => f.Fit));
            var best = fits.Max(f => f.Fit.Rank);
            if (best < 0) continue;
            var chosen = fits.First(f => f.Fit.Rank == best);
            // The ones passed over and the one chosen; those after it that fit as well add nothing to the reason.
            var shown = tried.TakeWhile(t => t != chosen.Fit).Append(chosen.Fit).ToList();
            return Chosen(chosen.Profile, region, shown, true, reason, form.Year);
        }
        return Chosen(groups[0][0], region, tried, false, reason, form.Year);
    }

    /// <summary>A profile named by the user (--profile, the editor's choice): the region is still shown, the fit tried.</summary>
    public static ScoringProfile Forced(PerformanceForm form, ScoringProfile profile)
    {
        var tried = form is SelfEvaluation se ? [WeightFit.Of(se, profile)] : new List<WeightFit>();
        var region = RegionInference.Infer(form);
        return Chosen(profile, region, tried, tried.All(t => t.Rank >= 0),
            [$"按指定的评分方案 {profile.Id}", $"地区：{region.Describe()}"], form.Year);
    }

    static ScoringProfile Chosen(ScoringProfile profile, InferredRegion region, IReadOnlyList<WeightFit> tried, bool fits,
        List<string> reason, int? year)
    {
        if (tried.Any(t => t.HasEvidence))
            reason.Add("已试：" + string.Join("；", tried.Select(t => t.Describe())));
        else if (tried.Count > 0)
            reason.Add("表上没有执行率分值或得分可用来核对方案");
        reason.Add(fits
            ? $"选用 {profile.Id}（{profile.Region}，{profile.Year} 年度{(year is { } y && y != profile.Year ? $"；本表为 {y} 年度" : "")}）"
            : $"没有一个方案的执行率分值与本表相符，按 {profile.Id} 计，依执行率分值的审核只作警告");
        return profile.WithSelection(new ProfileSelection(region, tried, fits, string.Join("。", reason) + "。"));
    }

    /// <summary>
    /// The province to look for profiles of. Names shared by two provinces (宝山区: 上海, 黑龙江) are settled by the one
    /// that has profiles, if only one does, and the text says so.
    /// </summary>
    static (string? Province, string Text) Province(InferredRegion region, IReadOnlyList<ScoringProfile> profiles)
    {
        if (region.Province is { } p) return (p, region.Describe());
        var withProfiles = region.Candidates.Where(c => profiles.Any(x => x.Province == c)).ToList();
        return withProfiles.Count == 1
            ? (withProfiles[0], $"{region.Describe()}；其中{withProfiles[0]}有评分方案，按{withProfiles[0]}")
            : (null, region.Describe());
    }

    /// <summary>The form's year first, then the latest earlier year, then later years; the id settles the rest.</summary>
    static IEnumerable<ScoringProfile> ByYear(IEnumerable<ScoringProfile> profiles, int? year) => profiles
        .OrderByDescending(p => p.Year == year)
        .ThenByDescending(p => p.Year <= (year ?? int.MaxValue) ? p.Year : int.MinValue)
        .ThenBy(p => p.Year)
        .ThenBy(p => p.Id, StringComparer.Ordinal);
}
