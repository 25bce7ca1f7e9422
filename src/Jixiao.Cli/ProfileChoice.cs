using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Formats.Profiles;

namespace Jixiao.Cli;

/// <summary>
/// Which scoring profile a form is checked against: the one named with --profile, else the profile of the form's
/// region and year (the region named in its 主管部门 or 实施单位), else the national default.
/// </summary>
internal sealed class ProfileChoice
{
    public const string NationalDefault = "national-default";

    private readonly ProfileCatalog _catalog;
    private readonly ScoringProfile? _forced;

    private ProfileChoice(ProfileCatalog catalog, ScoringProfile? forced)
    {
        _catalog = catalog;
        _forced = forced;
    }

    /// <summary>Null with a message when the profiles cannot be found or the named one does not exist.</summary>
    public static ProfileChoice? Create(string? profileId, TextWriter errors)
    {
        var dir = ProfileCatalog.FindDirectory(AppContext.BaseDirectory) ?? ProfileCatalog.FindDirectory(Environment.CurrentDirectory);
        if (dir is null)
        {
            errors.WriteLine("错误：找不到评分方案目录 profiles/");
            return null;
        }
        try
        {
            var catalog = ProfileCatalog.Load(dir);
            return new ProfileChoice(catalog, profileId is null ? null : catalog.Get(profileId));
        }
        catch (ProfileException ex)
        {
            errors.WriteLine("错误：" + ex.Message);
            return null;
        }
    }

    /// <summary>The profile named with --profile, if any.</summary>
    public ScoringProfile? Forced => _forced;

    public ScoringProfile For(PerformanceForm form)
    {
        if (_forced is not null) return _forced;
        var place = (form.Department ?? "") + (form.ImplementingUnit ?? "");
        var regional = _catalog.Profiles
            .Where(p => p.Id != NationalDefault && place.Contains(p.Region, StringComparison.Ordinal))
            .OrderByDescending(p => p.Year == form.Year)
            .ThenByDescending(p => p.Year <= (form.Year ?? int.MaxValue) ? p.Year : int.MinValue)
            .FirstOrDefault();
        return regional ?? _catalog.Get(NationalDefault);
    }
}
