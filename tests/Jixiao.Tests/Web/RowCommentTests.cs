using Jixiao.Core.Workflow;
using System.Net;
using System.Net.Http.Json;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;

namespace Jixiao.Tests.Web;

[Collection("databases")]
public class RowCommentTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_return_carries_comments_on_single_rows_that_the_unit_sees_by_row(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var id = await app.FormIdAsync("党建经费");
        await app.SetStatusAsync(id, FormStatus.Submitted);
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "上海市奉贤区人民政府西渡街道办事处");
        var (u, up) = await app.UserAsync(Role.Unit, "上海市奉贤区西渡街道社区党群服务中心");
        var dept = await app.ClientAsync(d, dp);
        var unit = await app.ClientAsync(u, up);

        var r = await dept.PostAsJsonAsync($"/api/forms/{id}/transitions", new
        {
            action = "return", version = 2, reason = "请修改指标的单位和重复项",
            comments = new object[]
            {
                new { row = 16, text = "“完成率”应以 % 计，不是“个”" },   // rows count from 1, as the page shows them
                new { row = 14, text = "人数不能以“家”计" },
                new { row = 4, text = "  " },
            },
        });
        var page = await (await unit.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync();
        var history = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}/history"))).AsArray();

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("退回意见", page);
        Assert.Contains("第 16 行“课题调研完成率”：“完成率”应以 % 计，不是“个”", System.Net.WebUtility.HtmlDecode(page));
        Assert.Contains("第 14 行", page);
        Assert.Equal(2, history.Count(h => (string?)h!["action"] == "comment"));
        Assert.Contains(history, h => (string?)h!["field"] == "indicators[15]" && (int)h["version"]! == 3);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Row_comments_outside_a_return_or_the_table_are_refused_and_nothing_changes(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var id = await app.FormIdAsync("专户项目经费");
        await app.SetStatusAsync(id, FormStatus.Submitted);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);

        var withApprove = await admin.PostAsJsonAsync($"/api/forms/{id}/transitions", new { action = "approve", version = 2, comments = new[] { new { row = 1, text = "好" } } });
        var noSuchRow = await admin.PostAsJsonAsync($"/api/forms/{id}/transitions", new { action = "return", version = 2, reason = "补充指标", comments = new[] { new { row = 4, text = "x" } } });

        Assert.Equal(HttpStatusCode.BadRequest, withApprove.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noSuchRow.StatusCode);
        Assert.Contains("3 行指标", await noSuchRow.Content.ReadAsStringAsync());
        Assert.Equal("submitted", (string?)(await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{id}")))["status"]);
    }
}
