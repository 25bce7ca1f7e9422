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
    }

    public string Directory { get; }

    public IReadOnlyList<ScoringProfile> Profiles =>
        _byId.Values.Select(v => v.Profile).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();

    /// <summary>Reads every *.json in the directory; the first bad file stops the load with a Chinese message naming it.</summary>
    public static ProfileCatalog Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new ProfileException($"评分方案目录不存在：{directory}");

        var byId = new Dictionary<string, (ScoringProfile, string)>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.GetFiles(directory, "*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            ScoringProfile profile;
            try
            {
                profile = ScoringProfile.Parse(File.ReadAllText(path));
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
    /// The profile a form is scored and checked against: the one of its region (named in its 主管部门 or 实施单位),
    /// preferring its year, else the latest earlier year; the national default when no region matches.
    /// </summary>
    public ScoringProfile ForForm(Jixiao.Core.Model.PerformanceForm form)
    {
        var place = (form.Department ?? "") + (form.ImplementingUnit ?? "");
        var regional = Profiles
            .Where(p => p.Id != NationalDefault && place.Contains(p.Region, StringComparison.Ordinal))
            .OrderByDescending(p => p.Year == form.Year)
            .ThenByDescending(p => p.Year <= (form.Year ?? int.MaxValue) ? p.Year : int.MinValue)
            .FirstOrDefault();
        return regional ?? Get(NationalDefault);
    }

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
