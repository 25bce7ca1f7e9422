using System.Net.Http.Json;
using Jixiao.Core.Workflow;
using System.Net;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;

namespace Jixiao.Tests.Web;

[Collection("databases")]
public class AdjustmentTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Adjusting_an_approved_declaration_makes_a_new_revision_and_keeps_the_approved_one(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var id = await app.FormIdAsync("生活驿站运行经费");
        var (u, up) = await app.UserAsync(Role.Unit, "上海市奉贤区西渡街道社区党群服务中心");
        var unit = await app.ClientAsync(u, up);
        var early = await unit.PostAsJsonAsync($"/api/forms/{id}/adjust", new { });
        await app.SetStatusAsync(id, FormStatus.Submitted);
        await app.SetStatusAsync(id, FormStatus.Approved);

        var adjust = await unit.PostAsJsonAsync($"/api/forms/{id}/adjust", new { });
        var again = await unit.PostAsJsonAsync($"/api/forms/{id}/adjust", new { });

        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        Assert.Equal(HttpStatusCode.Created, adjust.StatusCode);
        var created = await WebApp.JsonAsync(adjust);
        Assert.Equal(1, (int)created["revision"]!);
        var revision = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{(long)created["id"]!}"));
        Assert.Equal("draft", (string?)revision["status"]);
        Assert.Equal(1, (int)revision["revision"]!);
        Assert.Equal("生活驿站运行经费", (string?)revision["projectName"]);
        var original = await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}"));
        Assert.Equal("approved", (string?)original["status"]);
        Assert.Null(original["revision"]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var page = await (await unit.GetAsync($"/forms/{(long)created["id"]!}")).Content.ReadAsStringAsync();
        Assert.Contains("第 1 次调整", page);
    }
}
