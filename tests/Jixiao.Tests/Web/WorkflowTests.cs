using Jixiao.Core.Workflow;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jixiao.Tests.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Core.Access;

namespace Jixiao.Tests.Web;

[Collection("databases")]
public class WorkflowTests(TestDatabases databases)
{
    public static TheoryData<string> Kinds => new() { "sqlite", "postgres" };

    private const string Ack = "各条警告已与项目负责人逐条核对，情况属实，按原样提交。";

    private static Task<HttpResponseMessage> Act(HttpClient c, long id, string action, int version, string? reason = null, string? acknowledgement = null) =>
        c.PostAsJsonAsync($"/api/forms/{id}/transitions", new { action, version, reason, acknowledgement });

    /// <summary>An upload as the page sends it: multipart, with the header only a script of the site can add.</summary>
    internal static Task<HttpResponseMessage> PostUpload(HttpClient c, string url, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("X-Requested-With", "jixiao");
        return c.SendAsync(request);
    }

    private static async Task<(HttpClient Unit, HttpClient Department, HttpClient Finance, HttpClient OtherDepartment)> PeopleAsync(WebApp app)
    {
        var unit = await app.UserAsync(Role.Unit, "上海市党建服务中心");
        var dept = await app.UserAsync(Role.DepartmentReviewer, "中共上海市委组织部");
        var fin = await app.UserAsync(Role.FinanceReviewer, "财政局");
        var other = await app.UserAsync(Role.DepartmentReviewer, "上海市松江区人民政府中山街道办事处");
        return (await app.ClientAsync(unit.Username, unit.Password), await app.ClientAsync(dept.Username, dept.Password),
                await app.ClientAsync(fin.Username, fin.Password), await app.ClientAsync(other.Username, other.Password));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_form_goes_from_draft_through_return_and_approval_to_published_with_its_history(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (unit, dept, finance, _) = await PeopleAsync(app);
        var id = await app.FormIdAsync("党建服务工作经费");

        var steps = new[]
        {
            await Act(unit, id, "submit", 1, acknowledgement: Ack),
            await Act(dept, id, "return", 2, "执行率78.91%，请说明未执行的原因"),
            await Act(unit, id, "submit", 3, acknowledgement: Ack),
            await Act(dept, id, "approve", 4),
            await Act(finance, id, "approve", 5),
            await Act(finance, id, "publish", 6),
        };

        foreach (var step in steps) Assert.True(step.StatusCode == HttpStatusCode.OK, await step.Content.ReadAsStringAsync());
        Assert.Equal("department-approved", (string?)(await WebApp.JsonAsync(steps[3]))["status"]);
        Assert.Equal("approved", (string?)(await WebApp.JsonAsync(steps[4]))["status"]);
        var last = await WebApp.JsonAsync(steps[^1]);
        Assert.Equal("published", (string?)last["status"]);
        Assert.Equal(7, (int)last["version"]!);
        var anyone = await app.ClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync($"/api/forms/{id}")).StatusCode);
        var all = (await WebApp.JsonAsync(await unit.GetAsync($"/api/forms/{id}/history"))).AsArray();
        var history = all.Where(h => (string?)h!["action"] == "status").ToList();
        Assert.Equal(new[] { "submitted", "returned", "submitted", "department-approved", "approved", "published" }, history.Select(h => (string?)h!["newValue"]));
        Assert.Equal("执行率78.91%，请说明未执行的原因", (string?)history[1]!["reason"]);
        Assert.StartsWith("department-reviewer", (string?)history[1]!["actor"]);
        Assert.StartsWith("finance-reviewer", (string?)history[4]!["actor"]);
        // Each submission's acknowledgement is kept with the warnings it acknowledged (78.91% unexplained among them).
        var acks = all.Where(h => (string?)h!["action"] == "acknowledge").ToList();
        Assert.Equal(2, acks.Count);
        Assert.All(acks, a => Assert.Equal(Ack, (string?)a!["reason"]));
        Assert.Contains("78.91", (string?)acks[0]!["newValue"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_transition_on_a_stale_version_is_refused_with_what_changed(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (unit, dept, finance, _) = await PeopleAsync(app);
        var id = await app.FormIdAsync("信息化建设项目");
        Assert.Equal(HttpStatusCode.OK, (await Act(unit, id, "submit", 1, acknowledgement: Ack)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Act(dept, id, "approve", 2)).StatusCode);

        var approve = await Act(finance, id, "approve", 3);
        var staleReturn = await Act(finance, id, "return", 3, "指标值偏低");

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleReturn.StatusCode);
        var body = await WebApp.JsonAsync(staleReturn);
        Assert.Equal(4, (int)body["currentVersion"]!);
        Assert.Contains("他人修改", (string?)body["error"]);
        Assert.Equal("approved", (string?)body["changes"]![0]!["newValue"]);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        Assert.Equal("approved", (string?)(await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{id}")))["status"]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Transitions_are_refused_to_the_wrong_role_unit_or_state_with_the_reason(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (unit, dept, finance, otherDept) = await PeopleAsync(app);
        var id = await app.FormIdAsync("电教远教工作经费");
        var anyone = await app.ClientAsync();

        var cases = new (HttpResponseMessage Response, HttpStatusCode Status, string Says)[]
        {
            (await Act(anyone, id, "submit", 1), HttpStatusCode.Unauthorized, "登录"),
            (await Act(finance, id, "submit", 1), HttpStatusCode.NotFound, "无权"),          // a draft is not finance's to see
            (await Act(unit, id, "approve", 1), HttpStatusCode.Forbidden, "审核通过"),
            (await Act(unit, id, "fly", 1), HttpStatusCode.BadRequest, "action"),
            (await unit.PostAsJsonAsync($"/api/forms/{id}/transitions", new { action = "submit" }), HttpStatusCode.BadRequest, "version"),
        };
        var unacknowledged = await Act(unit, id, "submit", 1);
        Assert.Equal(HttpStatusCode.OK, (await Act(unit, id, "submit", 1, acknowledgement: Ack)).StatusCode);
        var more = new (HttpResponseMessage Response, HttpStatusCode Status, string Says)[]
        {
            (unacknowledged, HttpStatusCode.UnprocessableEntity, "警告"),                 // warnings need a reason
            (await Act(otherDept, id, "approve", 2), HttpStatusCode.NotFound, "无权"),      // another 主管部门's unit
            (await Act(finance, id, "approve", 2), HttpStatusCode.Forbidden, "主管部门已审核"), // finance waits for the 主管部门
            (await Act(dept, id, "return", 2, "  "), HttpStatusCode.BadRequest, "理由"),
            (await Act(dept, id, "publish", 2), HttpStatusCode.Forbidden, "公开"),
            (await Act(unit, id, "submit", 2), HttpStatusCode.Forbidden, "已提交"),
        };

        foreach (var (response, status, says) in cases.Concat(more))
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Contains(says, await response.Content.ReadAsStringAsync());
        }
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        Assert.Equal(2, (int)(await WebApp.JsonAsync(await admin.GetAsync($"/api/forms/{id}")))["version"]!);
    }

    internal static MultipartFormDataContent Upload(params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(part, "files", name);
        }
        return content;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_upload_is_previewed_then_saved_once_however_often_it_is_confirmed(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        var putuo = await File.ReadAllBytesAsync(TestData.CaseInput("corpus-012"));
        var junk = new byte[2048];
        new Random(3).NextBytes(junk);

        var preview = await WebApp.JsonAsync(await PostUpload(admin, "/api/imports", Upload(("拆违经费.txt", putuo), ("junk.bin", junk))));
        var before = (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?limit=1000"))).AsArray().Count;
        var first = await WebApp.JsonAsync(await PostUpload(admin, "/api/imports?confirm=true", Upload(("拆违经费.txt", putuo))));
        var second = await WebApp.JsonAsync(await PostUpload(admin, "/api/imports?confirm=true", Upload(("again.txt", putuo))));
        var after = (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?limit=1000"))).AsArray().Count;

        Assert.False((bool)preview["confirmed"]!);
        var read = preview["files"]![0]!["forms"]![0]!;
        Assert.Equal("拆违经费", (string?)read["projectName"]);
        Assert.Null(read["id"]);
        Assert.Contains(preview["files"]![1]!["problems"]!.AsArray(), p => (string?)p!["severity"] == "error");
        Assert.Equal(13, before);
        Assert.True((bool)first["files"]![0]!["forms"]![0]!["created"]!);
        Assert.False((bool)second["files"]![0]!["forms"]![0]!["created"]!);
        Assert.Equal((long)first["files"]![0]!["forms"]![0]!["id"]!, (long)second["files"]![0]!["forms"]![0]!["id"]!);
        Assert.Equal(14, after);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_unit_cannot_import_another_units_form_and_a_reviewer_cannot_import_at_all(string kind)
    {
        using var app = await WebApp.StartAsync(databases, kind);
        var (unit, dept, _, _) = await PeopleAsync(app);
        var putuo = await File.ReadAllBytesAsync(TestData.CaseInput("corpus-012"));

        var byUnit = await WebApp.JsonAsync(await PostUpload(unit, "/api/imports?confirm=true", Upload(("拆违经费.txt", putuo))));
        var byReviewer = await PostUpload(dept, "/api/imports?confirm=true", Upload(("拆违经费.txt", putuo)));
        var empty = await PostUpload(unit, "/api/imports", new MultipartFormDataContent());
        var withoutHeader = await unit.PostAsync("/api/imports?confirm=true", Upload(("拆违经费.txt", putuo)));

        var item = byUnit["files"]![0]!["forms"]![0]!;
        Assert.Contains("不是您的单位", (string?)item["error"]);
        Assert.Null(item["id"]);
        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.StatusCode);
        Assert.Contains("X-Requested-With", await withoutHeader.Content.ReadAsStringAsync());
        var admin = await app.ClientAsync("admin", WebApp.AdminPassword);
        Assert.Equal(13, (await WebApp.JsonAsync(await admin.GetAsync("/api/forms?limit=1000"))).AsArray().Count);
    }
}
