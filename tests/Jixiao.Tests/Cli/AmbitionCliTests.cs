using System.Text.Json.Nodes;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Cli;

/// <summary>
/// Two years of one unit's forms, written by hand (tests/data/ambition): the 2023 self-evaluation achieved 5次, the 2024
/// declaration asks for ≥3次. `jixiao check` over both files, and over the database they are imported into, flags the
/// 2024 target with both figures.
/// </summary>
[Collection("databases")]
public class AmbitionCliTests(TestDatabases databases)
{
    static string Dir => Path.Combine(TestData.Root, "ambition");

    const string Expected = "目标 ≥3.00次 低于 2023 年实际完成的 5次";

    static JsonNode Flagged(string stdout)
    {
        var findings = JsonNode.Parse(stdout)!.AsArray();
        var f = Assert.Single(findings, f => (string?)f!["code"] == "target-below-last-actual")!;
        Assert.Equal("warning", (string?)f["severity"]);
        Assert.Equal("社区党建活动经费", (string?)f["projectName"]);
        Assert.Contains(Expected, (string?)f["message"]);
        return f;
    }

    [Fact]
    public void Check_over_two_years_of_files_flags_the_lowered_target_with_both_figures()
    {
        var both = CliProcess.Jixiao("check", Path.Combine(Dir, "2023-self-evaluation.json"), Path.Combine(Dir, "2024-declaration.json"), "--json");
        Assert.Equal(0, both.Exit);
        Flagged(both.Out);

        // The declaration alone has no history: nothing to compare.
        var alone = CliProcess.Jixiao("check", Path.Combine(Dir, "2024-declaration.json"), "--json");
        Assert.DoesNotContain(JsonNode.Parse(alone.Out)!.AsArray(), f => (string?)f!["code"] == "target-below-last-actual");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Check_db_uses_the_stored_forms_as_history(string kind)
    {
        var db = await databases.FreshAsync(kind);
        var import = await CliProcess.JixiaoAsync(90, "import", Dir, "--db", db.ConnectionString, "--json");
        Assert.True(import.Exit == 0, import.Out + import.Err);
        Assert.Equal(2, (int)JsonNode.Parse(import.Out)!["stored"]!);

        var check = await CliProcess.JixiaoAsync(90, "check", "--db", db.ConnectionString, "--json");
        Assert.True(check.Exit == 0, check.Err);
        Flagged(check.Out);
    }
}
