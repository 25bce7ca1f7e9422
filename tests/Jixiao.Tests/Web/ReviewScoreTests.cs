using Jixiao.Core.Workflow;
using System.Net;
using System.Net.Http.Json;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;

namespace Jixiao.Tests.Web;

[Collection("databases")]
public class ReviewScoreTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_reviewer_records_a_review_score_beside_the_units_and_it_shows_and_is_in_the_history(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var id = await app.FormIdAsync("电教远教工作经费");
        await app.SetStatusAsync(id, FormStatus.Submitted);
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var dept = await app.ClientAsync(d, dp);

        var r = await dept.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "96.50", version = 2 });

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var json = await WebApp.JsonAsync(await dept.GetAsync($"/api/forms/{id}"));
        Assert.Equal("96.50", json["reviewScore"]!.ToJsonString());
        Assert.Equal(98.12m, json["totalScore"]!.GetValue<decimal>());
        var page = await (await dept.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("复核分 96.50", page);
        Assert.Contains("单位自评 98.12", page);
        var history = (await WebApp.JsonAsync(await dept.GetAsync($"/api/forms/{id}/history"))).AsArray();
        Assert.Contains(history, h => (string?)h!["field"] == "reviewScore" && (string?)h["newValue"] == "96.50" && ((string?)h["actor"])!.StartsWith("department-reviewer"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_review_score_is_refused_to_units_other_departments_bad_numbers_and_drafts(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var id = await app.FormIdAsync("电教远教工作经费");
        var (u, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var (o, op) = await app.UserAsync(Role.DepartmentReviewer, "上海市松江区人民政府中山街道办事处");
        var unit = await app.ClientAsync(u, up);
        var dept = await app.ClientAsync(d, dp);
        var other = await app.ClientAsync(o, op);

        var onDraft = await dept.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "90", version = 1 });
        await app.SetStatusAsync(id, FormStatus.Submitted);
        var byUnit = await unit.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "100", version = 2 });
        var byOther = await other.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "90", version = 2 });
        var tooHigh = await dept.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "101", version = 2 });
        var letters = await dept.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "九十", version = 2 });
        var places = await dept.PostAsJsonAsync($"/api/forms/{id}/review-score", new { score = "90.125", version = 2 });
        var onDeclaration = await dept.PostAsJsonAsync($"/api/forms/{await app.FormIdAsync("党建经费")}/review-score", new { score = "90", version = 1 });

        Assert.Equal(HttpStatusCode.NotFound, onDraft.StatusCode);   // reviewers do not see drafts
        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        foreach (var r in new[] { tooHigh, letters, places })
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("score", (string?)(await WebApp.JsonAsync(r))["field"]);
        }
        Assert.Equal(HttpStatusCode.NotFound, onDeclaration.StatusCode); // a draft declaration of another 主管部门
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        Assert.Null((await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{id}")))["reviewScore"]);
    }
}
