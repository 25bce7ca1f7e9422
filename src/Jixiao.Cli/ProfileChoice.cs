using Jixiao.Core.Model;
using Jixiao.Core.Scoring;
using Jixiao.Formats.Profiles;

namespace Jixiao.Cli;

/// <summary>
/// Which scoring profile a form is checked against: the one named with --profile, else
/// <see cref="ProfileCatalog.ForForm"/> (the form's region, year and budget weight, else the national default).
/// </summary>
internal sealed class ProfileChoice
{
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

    /// <summary>The form's profile, carrying why it was chosen (shown by score and check).</summary>
    public ScoringProfile For(PerformanceForm form) =>
        _forced is null ? _catalog.ForForm(form) : ProfileSelector.Forced(form, _forced);
}
