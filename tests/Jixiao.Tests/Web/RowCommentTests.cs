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

    const string Ack = "各条警告已与项目负责人逐条核对，情况属实，按原样提交。";
    const string OwnUnit = "上海市党建服务中心";

    static Task<HttpResponseMessage> Mark(HttpClient c, long form, long comment, bool addressed) =>
        c.PostAsJsonAsync($"/api/forms/{form}/comments/{comment}/addressed", new { addressed });

    /// <summary>党建服务工作经费 submitted by its unit and returned by its 主管部门 with comments on rows 1 and 2.</summary>
    static async Task<(long Id, HttpClient Unit, HttpClient Department, long Row1, long Row2)> ReturnedWithCommentsAsync(WebApp app)
    {
        var id = await app.FormIdAsync("党建服务工作经费");
        var (u, up) = await app.UserAsync(Role.Unit, OwnUnit);
        var (d, dp) = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var unit = await app.ClientAsync(u, up);
        var dept = await app.ClientAsync(d, dp);
        Assert.Equal(HttpStatusCode.OK, (await WebApp.TransitionAsync(unit, id, "submit", acknowledgement: Ack)).StatusCode);
        var returned = await dept.PostAsJsonAsync($"/api/forms/{id}/transitions", new
        {
            action = "return", version = 2, reason = "请补充偏差原因",
            comments = new[] { new { row = 1, text = "第一行的单位请写明" }, new { row = 2, text = "第二行的指标值偏低" } },
        });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var history = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}/history"))).AsArray();
        long CommentOn(int row) => (long)history.Single(h => (string?)h!["action"] == "comment" && (int?)h["row"] == row)!["id"]!;
        return (id, unit, dept, CommentOn(1), CommentOn(2));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_unit_marks_a_comment_addressed_and_the_reviewer_sees_which_after_resubmission(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (id, unit, dept, row1, row2) = await ReturnedWithCommentsAsync(app);
        var before = (int)(await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}")))["version"]!;

        var marked = await Mark(unit, id, row1, true);
        var markedBody = await WebApp.JsonAsync(marked);
        var after = (int)(await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}")))["version"]!;
        var resubmitted = await WebApp.TransitionAsync(unit, id, "submit", acknowledgement: Ack);
        var reviewerPage = System.Net.WebUtility.HtmlDecode(await (await dept.GetAsync($"/forms/{id}")).Content.ReadAsStringAsync());
        var history = (await WebApp.JsonAsync(await dept.GetAsync($"/api/forms/{id}/history"))).AsArray();

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.True((bool)markedBody["addressed"]!);
        Assert.Equal(1, (int)markedBody["row"]!);
        Assert.StartsWith("unit-", (string?)markedBody["addressedBy"]);
        Assert.Equal(before, after);                                   // a mark is not an edit: the editor's version stays valid
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Contains("上次退回的意见及单位的处理", reviewerPage);
        Assert.Matches("第 1 行“[^”]+”：第一行的单位请写明 <span class=\"addressed\">已处理", reviewerPage);
        Assert.Matches("第 2 行“[^”]+”：第二行的指标值偏低 <span class=\"open\">未处理", reviewerPage);
        Assert.True((bool)history.Single(h => (long)h!["id"]! == row1)!["addressed"]!);
        Assert.False((bool)history.Single(h => (long)h!["id"]! == row2)!["addressed"]!);
        var mark = history.Single(h => (string?)h!["action"] == "addressed")!;
        Assert.Equal(row1, (long)mark["refersTo"]!);
        Assert.Contains("的退回意见标为已处理", (string?)mark["summary"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Only_the_forms_unit_marks_comments_and_only_while_it_is_returned(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (id, unit, dept, row1, _) = await ReturnedWithCommentsAsync(app);
        var (o, op) = await app.UserAsync(Role.Unit, "上海市松江区中山街道社区党群服务中心");
        var otherUnit = await app.ClientAsync(o, op);

        var byReviewer = await Mark(dept, id, row1, true);
        var byOtherUnit = await Mark(otherUnit, id, row1, true);
        var noSuchComment = await Mark(unit, id, row1 + 1000, true);
        Assert.Equal(HttpStatusCode.OK, (await WebApp.TransitionAsync(unit, id, "submit", acknowledgement: Ack)).StatusCode);
        var afterResubmission = await Mark(unit, id, row1, true);
        var history = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}/history"))).AsArray();

        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherUnit.StatusCode);        // another unit's form is not even shown to exist
        Assert.Equal(HttpStatusCode.NotFound, noSuchComment.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, afterResubmission.StatusCode);
        Assert.Contains("已提交", (string?)(await WebApp.JsonAsync(afterResubmission))["error"]);
        Assert.DoesNotContain(history, h => (string?)h!["action"] == "addressed");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Comments_of_an_earlier_return_cannot_be_marked_once_the_form_is_returned_again(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (id, unit, dept, row1, _) = await ReturnedWithCommentsAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await WebApp.TransitionAsync(unit, id, "submit", acknowledgement: Ack)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WebApp.TransitionAsync(dept, id, "return", "仍需补充")).StatusCode);

        var stale = await Mark(unit, id, row1, true);
        var badBody = await unit.PostAsync($"/api/forms/{id}/comments/{row1}/addressed",
            new StringContent("{\"addressed\": \"yes\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("较早的一次退回", (string?)(await WebApp.JsonAsync(stale))["error"]);
        Assert.Equal(HttpStatusCode.BadRequest, badBody.StatusCode);
        Assert.Contains("已处理", (string?)(await WebApp.JsonAsync(badBody))["error"]);   // the field named in Chinese
    }
}
