using Jixiao.Core.Scoring;

namespace Jixiao.Formats.Profiles;

/// <summary>
/// The scoring profiles of a directory (<c>profiles/*.json</c>), one file per region and year, the file named by
/// the profile's id. Adding a region is adding a file.
/// </summary>
public sealed class ProfileCatalog
{
    readonly Dictionary<string, (ScoringProfile Profile, string File)> _byId;

    ProfileCatalog(string directory, Dictionary<string, (ScoringProfile, string)> byId)
    {
        Directory = directory;
        _byId = byId;
        Profiles = byId.Values.Select(v => v.Item1).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    public string Directory { get; }

    public IReadOnlyList<ScoringProfile> Profiles { get; }

    /// <summary>Reads every *.json in the directory; the first bad file stops the load with a Chinese message naming it.</summary>
    public static ProfileCatalog Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new ProfileException($"评分方案目录不存在：{directory}");

        var byId = new Dictionary<string, (ScoringProfile, string)>(StringComparer.Ordinal);
        var paths = System.IO.Directory.GetFiles(directory, "*.json").OrderBy(p => p, StringComparer.Ordinal).ToList();
        // Every text first: a file may be `basedOn` another, found by its id (= its file name).
        var texts = paths.ToDictionary(p => Path.GetFileNameWithoutExtension(p), File.ReadAllText, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var file = Path.GetFileName(path);
            ScoringProfile profile;
            try
            {
                profile = ScoringProfile.Parse(texts[Path.GetFileNameWithoutExtension(path)], id => texts.GetValueOrDefault(id));
            }
            catch (ProfileException e)
            {
                throw new ProfileException($"评分方案文件 {file} 有误：{e.Message}", e.Field, e);
            }

            var expected = Path.GetFileNameWithoutExtension(path);
            if (profile.Id != expected)
                throw new ProfileException(
                    $"评分方案文件 {file} 有误：字段 id 为 \"{profile.Id}\"，应与文件名一致（\"{expected}\"）。", "id");
            byId[profile.Id] = (profile, file);
        }

        if (byId.Count == 0)
            throw new ProfileException($"评分方案目录 {directory} 中没有 *.json 文件。");
        return new ProfileCatalog(directory, byId);
    }

    public bool TryGet(string id, out ScoringProfile? profile)
    {
        profile = _byId.TryGetValue(id, out var hit) ? hit.Profile : null;
        return profile is not null;
    }

    public const string NationalDefault = "national-default";

    /// <summary>
    /// The profile a form is scored and checked against, carrying why (<see cref="ScoringProfile.Selection"/>): its
    /// region's (inferred from its names), preferring its year; for a self-evaluation the one whose 执行率 weight fits the
    /// form's printed weight or score; the national ones when the region has none or none fits (<see cref="ProfileSelector"/>).
    /// </summary>
    public ScoringProfile ForForm(Jixiao.Core.Model.PerformanceForm form) => ProfileSelector.Choose(form, Profiles, Get(NationalDefault));

    /// <summary>The profile with this id, or a Chinese error listing the ids there are.</summary>
    public ScoringProfile Get(string id) =>
        TryGet(id, out var p)
            ? p!
            : throw new ProfileException(
                $"没有 id 为 \"{id}\" 的评分方案；{Directory} 中有：{string.Join("、", _byId.Keys.Order(StringComparer.Ordinal))}。", "id");

    /// <summary>
    /// The nearest <c>profiles</c> directory at or above <paramref name="start"/> (the CLI's output folder holds a
    /// copy; a source checkout has it at the root), or null.
    /// </summary>
    public static string? FindDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "profiles");
            if (System.IO.Directory.Exists(candidate) && System.IO.Directory.GetFiles(candidate, "*.json").Length > 0)
                return candidate;
        }
        return null;
    }
}
