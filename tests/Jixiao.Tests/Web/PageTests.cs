using Jixiao.Core.Workflow;
using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Storage;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;

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
        var (u, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var unit = await app.ClientAsync(u, up);
        var dept = await app.ClientAsync(d, dp);
        var id = await app.FormIdAsync("电教远教工作经费");

        var (draftPage, token) = await PageAsync(unit, $"/forms/{id}");
        Task<HttpResponseMessage> Submit(string? acknowledgement) => unit.PostAsync($"/forms/{id}/transition", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["action"] = "submit", ["version"] = "1", ["acknowledgement"] = acknowledgement ?? "",
        }));
        var unacknowledged = await Submit(null);
        var (refusedPage, _) = await PageAsync(unit, $"/forms/{id}");
        var submit = await Submit("两项满意度指标已按 93%、92% 得分，另附说明。");
        var (unitAfter, _) = await PageAsync(unit, $"/forms/{id}");
        var (reviewPage, _) = await PageAsync(dept, $"/forms/{id}");

        Assert.Contains($"href=\"/forms/{id}/edit\"", draftPage);
        Assert.Contains("action-submit", draftPage);
        Assert.Contains("name=\"acknowledgement\"", draftPage);      // it has warnings: submitting needs a reason
        Assert.DoesNotContain("action-approve", draftPage);
        Assert.Contains("审核发现", draftPage);
        Assert.Contains("计分过程", draftPage);
        // Both answers go back to the form page; what happened is said there, from the server, not from the address.
        Assert.Equal($"/forms/{id}", unacknowledged.Headers.Location!.ToString());
        Assert.Contains("警告", refusedPage);
        Assert.Contains("action-submit", refusedPage);
        Assert.Equal($"/forms/{id}", submit.Headers.Location!.ToString());
        Assert.Contains("已提交，现在的状态是“已提交”", unitAfter);
        Assert.DoesNotContain("action-submit", unitAfter);
        Assert.Contains("提交（草稿 → 已提交）", unitAfter);                 // the history says what happened, in words
        Assert.Contains("action-approve", reviewPage);
        Assert.Contains("action-return", reviewPage);
        Assert.Contains("退回意见（必填）", reviewPage);
        Assert.DoesNotContain($"/forms/{id}/edit", reviewPage);
        // The reviewer sees the findings, the scorer's working and what the unit acknowledged.
        Assert.Contains("提交时确认的警告", reviewPage);
        Assert.Contains("两项满意度指标已按 93%、92% 得分，另附说明。", WebUtility.HtmlDecode(reviewPage));
        Assert.Contains("met-target-underscored", reviewPage);
        Assert.Contains("计分过程", reviewPage);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_page_shows_no_message_from_its_address(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var id = await app.FormIdAsync("电教远教工作经费");

        var page = await (await admin.GetAsync($"/forms/{id}?error=%E8%B4%A6%E5%8F%B7%E5%B7%B2%E5%86%BB%E7%BB%93&done=1")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("账号已冻结", page);
        Assert.DoesNotContain("role=\"alert\"", page);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_workflow_post_without_the_token_changes_nothing(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (u, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
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
        var (u, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
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
        var (u, up) = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var unit = await app.ClientAsync(u, up);
        var own = await app.FormIdAsync("信息化运维项目");
        var foreign = await app.FormIdAsync("文体事务管理");
        await app.SetStatusAsync(own, FormStatus.Submitted);
        await app.SetStatusAsync(own, FormStatus.DepartmentApproved);

        var locked = await unit.GetAsync($"/forms/{own}/edit");
        var other = await unit.GetAsync($"/forms/{foreign}/edit");
        var anonymous = await (await app.ClientAsync()).GetAsync($"/forms/{own}/edit");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal($"/forms/{own}", locked.Headers.Location!.ToString());
        Assert.Contains("这张表现在不能修改", await (await unit.GetAsync($"/forms/{own}")).Content.ReadAsStringAsync());
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
