using System.Reflection;
using System.Xml.Linq;
using Jixiao.Generation;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Architecture;

/// <summary>
/// Dependencies point inward (decisions 0011, 0012): the core depends on nothing of ours; the formats and the storage
/// on the core; the generator (test tooling) on the core and the formats; the hosts on the rest. Held twice: the
/// project files say exactly these references, and the built assemblies refer to nothing else of ours.
/// </summary>
public class ProjectGraphTests
{
    // Project → the projects of ours it may reference (assembly names: the CLI's is `jixiao`).
    static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Jixiao.Core"] = [],
        ["Jixiao.Formats"] = ["Jixiao.Core"],
        ["Jixiao.Storage"] = ["Jixiao.Core"],
        ["Jixiao.Generation"] = ["Jixiao.Core", "Jixiao.Formats"],
        ["Jixiao.Web"] = ["Jixiao.Core", "Jixiao.Formats", "Jixiao.Storage"],
        ["jixiao"] = ["Jixiao.Core", "Jixiao.Formats", "Jixiao.Generation", "Jixiao.Storage"],
    };

    static readonly Dictionary<string, string> ProjectFile = new()
    {
        ["Jixiao.Core"] = "src/Jixiao.Core/Jixiao.Core.csproj",
        ["Jixiao.Formats"] = "src/Jixiao.Formats/Jixiao.Formats.csproj",
        ["Jixiao.Storage"] = "src/Jixiao.Storage/Jixiao.Storage.csproj",
        ["Jixiao.Generation"] = "src/Jixiao.Generation/Jixiao.Generation.csproj",
        ["Jixiao.Web"] = "src/Jixiao.Web/Jixiao.Web.csproj",
        ["jixiao"] = "src/Jixiao.Cli/Jixiao.Cli.csproj",
    };

    public static TheoryData<string> Projects() => new(Allowed.Keys);

    static bool Ours(string? name) => name is not null && (name.StartsWith("Jixiao.", StringComparison.Ordinal) || name == "jixiao");

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_file_references_exactly_the_projects_it_may(string project)
    {
        var file = Path.Combine(TestProfiles.RepoRoot, ProjectFile[project]);
        var references = XDocument.Load(file).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', '/')))
            .Select(n => n == "Jixiao.Cli" ? "jixiao" : n)
            .Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Allowed[project].Order(StringComparer.Ordinal), references);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_built_assembly_refers_to_nothing_of_ours_beyond_what_it_may(string project)
    {
        var ours = Assembly.Load(project).GetReferencedAssemblies().Select(r => r.Name).Where(Ours).ToList();

        Assert.All(ours, name => Assert.Contains(name, Allowed[project]));
    }

    [Fact]
    public void The_generator_lives_in_its_own_assembly_and_formats_holds_none_of_it()
    {
        Assert.Equal("Jixiao.Generation", typeof(FormGenerator).Assembly.GetName().Name);
        var formats = typeof(Jixiao.Formats.Import.FormImporter).Assembly;
        Assert.DoesNotContain(formats.GetTypes(), t => t.Namespace?.EndsWith(".Generation", StringComparison.Ordinal) == true);
        // The same check finds a reference where there is one: the CLI (`generate`, `check --ground-truth`) uses it.
        Assert.Contains(Assembly.Load("jixiao").GetReferencedAssemblies(), r => r.Name == "Jixiao.Generation");
        Assert.Contains(Assembly.Load("Jixiao.Storage").GetReferencedAssemblies(), r => r.Name == "Jixiao.Core");
    }

    [Fact]
    public void The_core_is_kept_pure_by_the_banned_api_analyzer()
    {
        var project = XDocument.Load(Path.Combine(TestProfiles.RepoRoot, ProjectFile["Jixiao.Core"]));
        var banned = File.ReadAllLines(Path.Combine(TestProfiles.RepoRoot, "src/Jixiao.Core/BannedSymbols.txt"));

        Assert.Contains(project.Descendants("PackageReference"), p => (string?)p.Attribute("Include") == "Microsoft.CodeAnalysis.BannedApiAnalyzers");
        foreach (var symbol in new[] { "N:System.IO", "T:System.Console", "P:System.DateTime.Now", "P:System.DateTime.Today", "N:System.Net" })
            Assert.Contains(banned, line => line.StartsWith(symbol + ";", StringComparison.Ordinal));
        // And the built core refers to no assembly of I/O or network beyond the runtime's own.
        var references = Assembly.Load("Jixiao.Core").GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.DoesNotContain(references, n => n.StartsWith("System.Net", StringComparison.Ordinal) || n.Contains("Sqlite") || n.Contains("Npgsql"));
    }
}
