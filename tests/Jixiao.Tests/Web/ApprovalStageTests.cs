using System.Net;
using Jixiao.Core.Access;
using Jixiao.Core.Workflow;
using Jixiao.Tests.Storage;

namespace Jixiao.Tests.Web;

/// <summary>
/// Whether finance approves after the 主管部门 is the region's profile (<c>approval.financeStage</c>), not code: the
/// same form goes through two stages under the shipped Shanghai profile and one under a copy that says false.
/// </summary>
[Collection("databases")]
public class ApprovalStageTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    static string ProfilesWithOneStage()
    {
        var source = Jixiao.Formats.Profiles.ProfileCatalog.FindDirectory(AppContext.BaseDirectory)!;
        var dir = Path.Combine(Path.GetTempPath(), $"jixiao-profiles-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(source, "*.json")) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        var shanghai = Path.Combine(dir, "shanghai-2024.json");
        var text = File.ReadAllText(shanghai);
        Assert.Contains("\"approval\": { \"financeStage\": true }", text);
        File.WriteAllText(shanghai, text.Replace("\"approval\": { \"financeStage\": true }", "\"approval\": { \"financeStage\": false }"));
        return dir;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_departments_approval_is_final_where_the_profile_has_no_finance_stage(string kind)
    {
        using var twoStages = await WebApp.StartAsync(databases, kind);
        using var oneStage = await WebApp.StartAsync(databases, kind, ProfilesWithOneStage());
        async Task<string> ApproveOnce(WebApp app)
        {
            var id = await app.FormIdAsync("信息化建设项目");
            var (u, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
            var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
            var unit = await app.ClientAsync(u, up);
            Assert.Equal(HttpStatusCode.OK, (await WebApp.TransitionAsync(unit, id, "submit", acknowledgement: "已核对")).StatusCode);
            var approved = await WebApp.TransitionAsync(await app.ClientAsync(d, dp), id, "approve");
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            return (string)(await WebApp.JsonAsync(approved))["status"]!;
        }

        Assert.Equal("department-approved", await ApproveOnce(twoStages));
        Assert.Equal("approved", await ApproveOnce(oneStage));
    }
}
