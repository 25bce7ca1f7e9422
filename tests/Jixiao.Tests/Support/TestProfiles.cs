using Jixiao.Core.Scoring;
using Jixiao.Formats.Profiles;

namespace Jixiao.Tests.Support;

/// <summary>The repository's own profile files, so that tests also hold those files to what they promise.</summary>
public static class TestProfiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ProfilesDirectory => Path.Combine(RepoRoot, "profiles");

    static readonly Lazy<ProfileCatalog> Catalog = new(() => ProfileCatalog.Load(ProfilesDirectory));

    public static ScoringProfile Shanghai => Catalog.Value.Get("shanghai-2024");

    public static ScoringProfile National => Catalog.Value.Get("national-default");

    /// <summary>A shipped profile by its id (<c>shanghai-2024</c>), as data files name it.</summary>
    public static ScoringProfile Get(string id) => Catalog.Value.Get(id);

    public static string NationalJson => File.ReadAllText(Path.Combine(ProfilesDirectory, "national-default.json"));

    /// <summary>The national profile with the deployed linear formula for missed ≤ / &lt; targets.</summary>
    public static ScoringProfile NationalLinear => ScoringProfile.Parse(NationalJson
        .Replace("\"≤\": \"ratio\"", "\"≤\": \"linear\"")
        .Replace("\"<\": \"ratio\"", "\"<\": \"linear\""));

    /// <summary>The national profile with 80/50 qualitative bands, as some regions use.</summary>
    public static ScoringProfile National8050 => ScoringProfile.Parse(NationalJson
        .Replace("\"partiallyAchieved\": { \"min\": 60", "\"partiallyAchieved\": { \"min\": 50")
        .Replace("\"notAchieved\": { \"min\": 0, \"max\": 60", "\"notAchieved\": { \"min\": 0, \"max\": 50"));

    public static ScoringProfile ByName(string name) => name switch
    {
        "shanghai" => Shanghai,
        "national" => National,
        "linear" => NationalLinear,
        "bands-80-50" => National8050,
        _ => throw new ArgumentException(name),
    };

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("Jixiao.slnx not found above " + AppContext.BaseDirectory);
    }
}
