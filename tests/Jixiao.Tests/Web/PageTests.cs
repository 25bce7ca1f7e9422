using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;

namespace Jixiao.Tests.Web;

/// <summary>The HTML pages through HTTP: what each person is offered, and that page posts are protected.</summary>
[Collection("databases")]
public partial class PageTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static async Task<(string Html, string Token)> PageAsync(HttpClient c, string url)
    {
        var html = await (await c.GetAsync(url)).Content.ReadAsStringAsync();
        var m = TokenRegex().Match(html);
        return (html, m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : "");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_unit_is_offered_edit_and_submit_on_its_draft_and_a_reviewer_approve_and_return_once_submitted(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (u, up) = await app.UserAsync(Roles.Unit, "上海市党建服务中心");
        var (d, dp) = await app.UserAsync(Roles.DepartmentReviewer, "中共上海市委组织部");
        var unit = await app.ClientAsync(u, up);
        var dept = await app.ClientAsync(d, dp);
        var id = await app.FormIdAsync("电教远教工作经费");

        var (draftPage, token) = await PageAsync(unit, $"/forms/{id}");
        var submit = await unit.PostAsync($"/forms/{id}/transition", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["action"] = "submit", ["version"] = "1",
        }));
        var (reviewPage, _) = await PageAsync(dept, $"/forms/{id}");
        var (unitAfter, _) = await PageAsync(unit, $"/forms/{id}");

        Assert.Contains($"href=\"/forms/{id}/edit\"", draftPage);
        Assert.Contains("action-submit", draftPage);
        Assert.DoesNotContain("action-approve", draftPage);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.EndsWith("?done=1", submit.Headers.Location!.ToString());
        Assert.Contains("action-approve", reviewPage);
        Assert.Contains("action-return", reviewPage);
        Assert.Contains("退回意见（必填）", reviewPage);
        Assert.DoesNotContain($"/forms/{id}/edit", reviewPage);
        Assert.DoesNotContain("action-submit", unitAfter);
        Assert.Contains("状态变更", unitAfter);
        Assert.Contains("已提交", unitAfter);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_workflow_post_without_the_token_changes_nothing(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (u, up) = await app.UserAsync(Roles.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(u, up);
        var id = await app.FormIdAsync("电教远教工作经费");

        var forged = await unit.PostAsync($"/forms/{id}/transition", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "submit", ["version"] = "1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        Assert.Equal("draft", (string?)(await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{id}")))["status"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_editor_embeds_the_form_so_that_no_text_can_close_its_script_element(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var store = app.Service<FormStore>();
        var id = await app.FormIdAsync("信息化建设项目");
        var stored = (await store.GetAsync(id))!;
        stored.Form.ActualOutcomeOrGoal("</script><script>alert('x')</script>");
        await store.UpdateAsync(id, 1, stored.Form, "test");
        var (u, up) = await app.UserAsync(Roles.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(u, up);

        var (html, _) = await PageAsync(unit, $"/forms/{id}/edit");

        Assert.Contains("id=\"form-json\"", html);
        Assert.Contains("data-version=\"2\"", html);
        Assert.DoesNotContain("<script>alert('x')</script>", html);
        Assert.Contains("\\u003C/script\\u003E", html);
        Assert.Contains("/js/editor.js", html);
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync("/js/editor.js")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Locked_and_foreign_forms_offer_no_editor(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (u, up) = await app.UserAsync(Roles.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(u, up);
        var own = await app.FormIdAsync("信息化运维项目");
        var foreign = await app.FormIdAsync("文体事务管理");
        await app.SetStatusAsync(own, FormStatus.Submitted);
        await app.SetStatusAsync(own, FormStatus.Approved);

        var locked = await unit.GetAsync($"/forms/{own}/edit");
        var other = await unit.GetAsync($"/forms/{foreign}/edit");
        var anonymous = await (await app.ClientAsync()).GetAsync($"/forms/{own}/edit");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Contains("error=", locked.Headers.Location!.ToString());
        Assert.Equal("/forms", other.Headers.Location!.ToString());
        Assert.StartsWith("/login", anonymous.Headers.Location!.ToString());
    }
}

internal static class FormTestExtensions
{
    public static void ActualOutcomeOrGoal(this Jixiao.Core.Model.PerformanceForm f, string text)
    {
        if (f is Jixiao.Core.Model.SelfEvaluation s) s.ActualOutcome = text;
        else if (f is Jixiao.Core.Model.TargetDeclaration d) d.AnnualGoal = text;
    }
}
